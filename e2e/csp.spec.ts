import { expect, test } from './fixtures';

test('the production page carries a strict CSP and breaks none of it in use', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.addInitScript(() => {
    const w = window as unknown as { violations: string[] };
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.violations.push(`${e.violatedDirective} ${e.sample}`),
    );
  });
  await page.goto('/#language=en');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toMatch(/^default-src 'none'; script-src 'self'/);
  expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);

  // Play, switch language (a lazy chunk), open the editor (CodeMirror), the embed dialog, share.
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.getByTestId('language').selectOption('zh');
  await page.getByRole('button', { name: '编辑 YAML' }).click();
  await page.getByTestId('yaml-input').click();
  await page.keyboard.type('# 注释\n');
  await page.getByTestId('embed-button').click();
  await page.keyboard.press('Escape');
  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-status')).toHaveText('链接已复制');
  expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
});

test('an injected inline script does not run', async ({ page, pageErrors }) => {
  await page.goto('/#language=en');
  await page.evaluate(() => {
    const w = window as unknown as { violations: string[] };
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.violations.push(e.violatedDirective));
    const s = document.createElement('script');
    s.textContent = 'window.injected = true';
    document.body.append(s);
  });
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { violations: string[] }).violations))
    .toEqual(['script-src-elem']);
  expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
  // The browser logs the refusal as a console error: expected here, and only here.
  expect(pageErrors).toEqual([expect.stringContaining('violates the following Content Security Policy')]);
  pageErrors.length = 0;
});
