import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';

// `npm run build:single` writes dist-single/index.html: the whole app in one file, for rooms without network.
const SINGLE = new URL('../dist-single/index.html', import.meta.url);

test('the single-file build plays to the end from file://, with no request leaving the page', async ({
  page,
  context,
}) => {
  const outside: string[] = [];
  await context.route('**/*', (route) => {
    if (route.request().url().startsWith('file:')) return route.continue();
    outside.push(route.request().url());
    return route.abort();
  });
  await page.goto(`${SINGLE.href}#scenario=bare-pod&level=overview&speed=4&language=zh`);
  expect(fileURLToPath(SINGLE)).toMatch(/dist-single\/index\.html$/);
  await expect(page.getByTestId('diagram').locator('.react-flow__node').first()).toBeVisible();
  await expect(page.getByRole('button', { name: '播放', exact: true })).toBeVisible();
  const total = Number((await page.getByTestId('step-counter').innerText()).match(/共 (\d+) 步/)![1]);
  await page.getByRole('button', { name: '播放', exact: true }).click();
  await expect(page.getByTestId('step-counter')).toHaveText(`第 ${total} 步，共 ${total} 步`, { timeout: 20_000 });
  await expect(page.getByTestId('pod-card').first()).toContainText('Running');

  // A scenario simulated on the page itself (no Worker from file://), and the lazy parts, all inlined.
  await page.getByTestId('scenario').selectOption('deployment');
  await expect(page.getByTestId('narration-title')).not.toBeEmpty();
  await page.getByRole('button', { name: '编辑 YAML' }).click();
  await expect(page.getByTestId('yaml-input')).toContainText('kind: Deployment');
  expect(outside).toEqual([]);
});
