import { expect, test } from './fixtures';

// The Chinese catalog is fetched on demand; a Chinese browser must still get Chinese on the first paint.
test.describe('a browser that prefers Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('opens in Chinese, and only then loads the Chinese catalog', async ({ page }) => {
    const catalogs: string[] = [];
    page.on('request', (r) => {
      if (/\/assets\/zh-[\w-]+\.js$/.test(r.url())) catalogs.push(r.url());
    });
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('button', { name: '播放', exact: true })).toBeVisible();
    await expect(page.getByTestId('step-counter')).toHaveText(/^第 0 步，共 \d+ 步$/);
    expect(catalogs).toHaveLength(1);
  });
});

test('an English browser does not download the Chinese catalog until asked', async ({ page }) => {
  const catalogs: string[] = [];
  page.on('request', (r) => {
    if (/\/assets\/zh-[\w-]+\.js$/.test(r.url())) catalogs.push(r.url());
  });
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  expect(catalogs).toHaveLength(0);
  await page.getByTestId('language').selectOption('zh');
  await expect(page.getByRole('button', { name: '播放', exact: true })).toBeVisible();
  expect(catalogs).toHaveLength(1);
});
