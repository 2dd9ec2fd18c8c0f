import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const diagramReady = (page: Page) =>
  expect(page.getByTestId('diagram').locator('.react-flow__node').first()).toBeVisible();

test('a shared link opens exactly that view: scenario, level, step, language, theme', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await diagramReady(page);
  await page.getByTestId('scenario').selectOption('delete');
  await page.getByTestId('level').selectOption('standard');
  await page.getByTestId('language').selectOption('zh');
  // The Chinese catalog arrives asynchronously: read the title once the page speaks Chinese.
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.getByTestId('theme').selectOption('dark');
  await page.getByTestId('scrubber').fill('17');
  await expect(page.getByTestId('narration-title')).toHaveText(/[\u4e00-\u9fff]/);
  const title = await page.getByTestId('narration-title').innerText();
  const counter = await page.getByTestId('step-counter').innerText();

  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-status')).toHaveText('链接已复制');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('#scenario=delete&step=17&level=standard');

  // A fresh tab, as a student opening the trainer's link.
  const other = await context.newPage();
  await other.goto(link);
  await diagramReady(other);
  await expect(other.getByTestId('step-counter')).toHaveText(counter);
  await expect(other.getByTestId('narration-title')).toHaveText(title);
  await expect(other.getByTestId('scenario')).toHaveValue('delete');
  await expect(other.getByTestId('level')).toHaveValue('standard');
  await expect(other.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(other.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await other.close();
});

test('the address bar follows the view, and a link pasted into the tab is opened', async ({ page }) => {
  await page.goto('/');
  await diagramReady(page);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/#scenario=bare-pod&step=2&/);
  await page.evaluate(() => {
    location.hash = '#scenario=init-containers&step=5&level=overview';
  });
  await expect(page.getByTestId('scenario')).toHaveValue('init-containers');
  await expect(page.getByTestId('step-counter')).toHaveText(/^Step 5 of \d+$/);
});

test('a big scenario from a link is simulated, then shown at the linked step', async ({ page }) => {
  await page.goto('/#scenario=scale&step=4&level=overview&language=en');
  await expect(page.getByTestId('simulating')).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByTestId('narration-title')).not.toHaveText('At scale: 200 replicas on 50 nodes');
  await expect(page.getByTestId('step-counter')).toHaveText(/^Step 4 of \d+$/);
  await expect(page.getByTestId('scenario')).toHaveValue('scale');
});

test('a hostile link is data: the bad parts are named and left out, the rest opens', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.goto(
    '/#scenario=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&step=3&level=javascript:alert(1)&__proto__=1&language=en',
  );
  await diagramReady(page);
  const notice = page.getByTestId('link-notice');
  await expect(notice).toContainText('left out: scenario, level, __proto__');
  await expect(page.getByTestId('step-counter')).toHaveText(/^Step 3 of \d+$/);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  expect(dialogs).toBe(0);
});

test('a link past the size limit is refused whole, with a message', async ({ page }) => {
  await page.goto(`/#theme=dark&language=en&x=${'a'.repeat(40_000)}`);
  await diagramReady(page);
  await expect(page.getByTestId('link-notice')).toContainText('too long');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test("a link carries the learner's YAML: it runs, shows in the editor, and their own text can be restored", async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/#language=en');
  await diagramReady(page);
  await page.getByRole('button', { name: 'Edit YAML' }).click();
  const editor = page.getByTestId('yaml-input');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.evaluate(
    (t) => navigator.clipboard.writeText(t),
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: shared-web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n',
  );
  await page.keyboard.press('ControlOrMeta+v');
  await page.getByTestId('editor-apply').click();
  await page.keyboard.press('End');
  await expect(page.getByTestId('pod-card').first()).toContainText('shared-web');
  await page.getByTestId('share').click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/&yaml=[\w%-]+$/);

  // Someone else, with a draft of their own, opens it (a new tab: the first one's last save is done).
  await page.close();
  const other = await context.newPage();
  await other.goto('/#language=en');
  await other.evaluate(() => localStorage.setItem('podflow.editor.draft', 'kind: Pod # my own work'));
  // Through another page, so that the link loads the app afresh rather than as a fragment change.
  await other.goto('about:blank');
  await other.goto(link);
  await diagramReady(other);
  await other.keyboard.press('End');
  await expect(other.getByTestId('pod-card').first()).toContainText('shared-web');
  await other.getByRole('button', { name: 'Edit YAML' }).click();
  const otherEditor = other.getByTestId('yaml-input');
  await expect(otherEditor).toContainText('name: shared-web');
  await expect(other.getByTestId('editor-notice')).toContainText('from the link');
  await other.getByTestId('editor-restore').click();
  await expect(otherEditor).toContainText('# my own work');
  await expect(other.getByTestId('editor-restore')).toHaveCount(0);
});

test('the open inspector is part of the link, both ways', async ({ page }) => {
  await page.goto('/#scenario=taints&step=20&level=overview&language=en&inspect=inspector:kube-scheduler');
  await expect(page.getByTestId('tab-inspector')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('scheduler-table')).toBeVisible();
  await page.getByTestId('tab-kubectl').click();
  await expect(page).toHaveURL(/&inspect=kubectl$/);
  await page.getByTestId('tab-narration').click();
  await expect(page).not.toHaveURL(/inspect=/);
});

test('a link carries the seed: another seed, other tie-breaks and names, the same every time', async ({ page }) => {
  const names = async (hash: string): Promise<string[]> => {
    await page.goto('about:blank');
    await page.goto(`/${hash}`);
    await page.getByRole('button', { name: 'Go to end' }).click();
    return page.getByTestId('pod-card').allInnerTexts();
  };
  const first = await names('#scenario=deployment&level=overview&language=en');
  const seeded = await names('#scenario=deployment&level=overview&language=en&seed=7');
  expect(seeded).not.toEqual(first);
  await expect(page).toHaveURL(/&seed=7$/);
  expect(await names('#scenario=deployment&level=overview&language=en&seed=7')).toEqual(seeded);
});
