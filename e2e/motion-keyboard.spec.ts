import { expect, test } from './fixtures';

test('with reduced motion, steps change state without travelling packets', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/#language=en');
  await expect(page.getByTestId('diagram').locator('.react-flow__node').first()).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step-counter')).toHaveText(/^Step 2 of/);
  await expect(page.getByTestId('narration-title')).toHaveText('kubectl sends the Pod');
  await expect(page.getByTestId('packet')).toHaveCount(0);
});

test('keyboard only: every control is reached with Tab, shows its focus, and works', async ({ page }) => {
  await page.goto('/#language=en');
  await expect(page.getByTestId('diagram').locator('.react-flow__node').first()).toBeVisible();
  const reached: string[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    const name = await focused.evaluate(
      (el) => el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName,
    );
    // A visible focus: the focused control draws an outline (or a box shadow ring).
    const ring = await focused.evaluate((el) => {
      const s = getComputedStyle(el);
      return (s.outlineStyle !== 'none' && s.outlineWidth !== '0px') || s.boxShadow !== 'none';
    });
    expect(ring, `focus ring on ${name}`).toBe(true);
    reached.push(name);
    if (name === 'speed') break;
  }
  for (const control of ['scenario', 'level', 'language', 'theme', 'share', 'Play', 'scrubber', 'chapter', 'speed']) {
    expect(reached).toContain(control);
  }
  // Operate them from the keyboard: the Play button with Enter, the scenario select with arrows.
  await page.getByRole('button', { name: 'Play', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await page.keyboard.press('Enter');
  await page.getByTestId('scrubber').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step-counter')).toHaveText(/^Step [2-9]\d* of/);
});
