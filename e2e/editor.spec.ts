import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const VALID = `apiVersion: v1
kind: Pod
metadata:
  name: my-web
spec:
  containers:
  - name: web
    image: nginx:1.27
`;

/** The same Pod without its image: the apiserver rejects it (422) at spec.containers[0].image. */
const NO_IMAGE = VALID.replace('    image: nginx:1.27\n', '');

const editor = (page: Page) => page.getByTestId('yaml-input');

/** Replaces the editor's text as a learner does: select all, then paste from the clipboard. */
async function paste(page: Page, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('ControlOrMeta+v');
}

async function openEditor(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Edit YAML' }).click();
  await expect(editor(page)).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('diagram').locator('.react-flow__node').first()).toBeVisible();
});

test('the editor shows the scenario, locates errors, keeps the last good run, and applies a fix', async ({ page }) => {
  await openEditor(page);
  await expect(editor(page)).toContainText('name: nginx');
  await expect(page.getByTestId('editor-problems')).toContainText('No problems');

  // A YAML syntax error, typed: located at its line and column.
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('bad: [unclosed');
  const problem = page.getByTestId('editor-problem').first();
  await expect(problem).toContainText(/Line \d+, column \d+/);

  // A pasted manifest the apiserver would reject: its words, at the container.
  await paste(page, NO_IMAGE);
  await expect(problem).toContainText('Line 7, column 5');
  await expect(problem).toContainText('Pod "my-web" is invalid: spec.containers[0].image: Required value');

  // Apply refuses; the diagram still shows the last good run beside the errors.
  await page.getByTestId('editor-apply').click();
  await expect(page.getByTestId('editor-outcome')).toContainText('Not applied');
  await expect(page.getByTestId('diagram')).toBeVisible();
  await expect(page.getByTestId('component-kube-apiserver')).toBeInViewport();
  await expect(page.getByTestId('custom-badge')).toHaveCount(0);

  // Fixed and applied with Ctrl+Enter: the diagram runs the learner's Pod.
  await paste(page, VALID);
  await expect(page.getByTestId('editor-problems')).toContainText('No problems');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('editor-outcome')).toContainText('Applied');
  await expect(page.getByTestId('custom-badge')).toBeVisible();
  await page.getByRole('button', { name: 'Go to end' }).click();
  const card = page.getByTestId('pod-card').first();
  await expect(card).toContainText('my-web');
  await expect(card).toHaveAttribute('data-status', 'Running');

  // Undo is CodeMirror's history: the rejected text comes back.
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(problem).toContainText('spec.containers[0].image: Required value');
});

test('the text survives a reload', async ({ page }) => {
  await openEditor(page);
  await paste(page, VALID.replace('my-web', 'kept-across-reloads'));
  await expect(editor(page)).toContainText('kept-across-reloads');
  await page.reload();
  await openEditor(page);
  await expect(editor(page)).toContainText('name: kept-across-reloads');
});

/** Drops a file on the page as the browser does: dragover, then drop with a DataTransfer. */
async function dropFile(page: Page, name: string, content: string): Promise<void> {
  await page.evaluate(
    ({ name: fileName, content: text }) => {
      const data = new DataTransfer();
      data.items.add(new File([text], fileName, { type: 'application/yaml' }));
      const target = document.querySelector('[data-testid="diagram"]')!;
      target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data }));
      target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
    },
    { name, content },
  );
}

test('a file dropped on the page opens in the editor; one over 1 MiB is refused with a message', async ({ page }) => {
  await dropFile(page, 'dropped.yaml', VALID.replace('my-web', 'dropped-pod'));
  await expect(editor(page)).toContainText('name: dropped-pod');
  await expect(page.getByTestId('editor-notice')).toHaveText('Loaded dropped.yaml.');

  await dropFile(page, 'huge.yaml', `# ${'x'.repeat(1024 * 1024)}\n`);
  await expect(page.getByTestId('editor-notice')).toContainText('huge.yaml');
  await expect(page.getByTestId('editor-notice')).toContainText('at most 1 MiB');
  await expect(editor(page)).toContainText('name: dropped-pod');

  // And one opened from disk.
  await page.getByTestId('editor-file').setInputFiles({
    name: 'opened.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(VALID.replace('my-web', 'opened-pod')),
  });
  await expect(editor(page)).toContainText('name: opened-pod');
  await page.getByTestId('editor-apply').click();
  await page.getByRole('button', { name: 'Go to end' }).click();
  await expect(page.getByTestId('pod-card').first()).toContainText('opened-pod');
});

test('a kind podflow does not simulate is noted and skipped, never a crash', async ({ page }) => {
  await openEditor(page);
  await paste(page, `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\n---\n${VALID}`);
  const problem = page.getByTestId('editor-problem').first();
  await expect(problem).toContainText('Line 2, column 1');
  await expect(problem).toContainText('CronJob "nightly" is not a kind podflow simulates');
  await page.getByTestId('editor-apply').click();
  await expect(page.getByTestId('editor-outcome')).toContainText('Applied');
  await page.getByRole('button', { name: 'Go to end' }).click();
  await expect(page.getByTestId('pod-card').first()).toContainText('my-web');
});

test('a Deployment of a million replicas runs off the main thread: no task over 1 s, the step cap ends it', async ({
  page,
}) => {
  await page.evaluate(() => {
    const w = window as unknown as { longest: number };
    w.longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
    }).observe({ type: 'longtask' });
  });
  await openEditor(page);
  await paste(
    page,
    `apiVersion: apps/v1
kind: Deployment
metadata:
  name: huge
spec:
  replicas: 1000000
  selector:
    matchLabels: {app: huge}
  template:
    metadata:
      labels: {app: huge}
    spec:
      containers:
      - name: app
        image: nginx
`,
  );
  await expect(page.getByTestId('editor-problems')).toContainText('No problems');
  await page.getByTestId('editor-apply').click();
  await expect(page.getByTestId('custom-badge')).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Go to end' }).click();
  // Pods of the ReplicaSet (names are shortened on the cards).
  await expect(page.getByTestId('pod-card').first()).toContainText(/-[a-z0-9]{5}/);
  const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
  expect(longest).toBeLessThan(1000);
});
