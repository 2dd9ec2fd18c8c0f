import { expect, test } from './fixtures';

test('a panel that fails shows a retry; the rest keeps working and the YAML is kept', async ({ page, pageErrors }) => {
  // A fault inside rendering: virtual time formatting starts throwing on demand.
  await page.addInitScript(() => {
    const toFixed = Number.prototype.toFixed;
    // oxlint-disable-next-line no-extend-native -- the test's way to make a panel fail while it renders
    Number.prototype.toFixed = function (this: number, digits?: number) {
      if ((window as unknown as { breakIt?: boolean }).breakIt) throw new Error('formatting broke');
      return toFixed.call(this, digits);
    };
  });
  await page.goto('/#language=en');
  await expect(page.getByTestId('diagram').locator('.react-flow__node').first()).toBeVisible();
  await page.getByRole('button', { name: 'Edit YAML' }).click();
  await page.getByTestId('yaml-input').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('# my notes');

  await page.evaluate(() => ((window as unknown as { breakIt?: boolean }).breakIt = true));
  await page.getByTestId('diagram').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowRight');
  const failed = page.getByTestId('panel-error-transport');
  await expect(failed).toContainText('The playback bar failed to draw');
  await expect(failed).toContainText('formatting broke');

  // Everything else still works.
  await page.getByTestId('theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByTestId('diagram').locator('.react-flow__node').first()).toBeVisible();
  await expect(page.getByTestId('yaml-input')).toContainText('# my notes');

  await page.evaluate(() => ((window as unknown as { breakIt?: boolean }).breakIt = false));
  await failed.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText(/^Step \d+ of \d+$/);
  // React reports the errors it caught; they were the point of this test.
  expect(pageErrors.every((e) => e.includes('formatting broke') || e.includes('error occurred'))).toBe(true);
  pageErrors.length = 0;
});
