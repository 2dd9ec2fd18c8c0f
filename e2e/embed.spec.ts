import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const diagramReady = (page: Page) =>
  expect(page.getByTestId('diagram').locator('.react-flow__node').first()).toBeVisible();

test('the Embed dialog writes an iframe for a step range, with a title and the chosen options', async ({ page }) => {
  await page.goto('/#scenario=init-containers&level=overview&language=en');
  await diagramReady(page);
  await page.getByTestId('embed-button').click();
  const dialog = page.getByTestId('embed-dialog');
  await expect(dialog).toBeVisible();
  await page.getByTestId('embed-from').fill('2');
  await page.getByTestId('embed-to').fill('6');
  await page.getByTestId('embed-controls').uncheck();
  await page.getByTestId('embed-autoplay').check();
  await page.getByTestId('embed-title-field').fill('Init "containers" <demo>');
  const snippet = await page.getByTestId('embed-snippet').inputValue();
  expect(snippet).toMatch(
    /^<iframe src="http:\/\/localhost:\d+\/\?embed=1&amp;autoplay=1&amp;controls=0#scenario=init-containers&amp;step=2&amp;level=overview&amp;.*&amp;from=2&amp;to=6"/,
  );
  expect(snippet).toContain('title="Init &quot;containers&quot; &lt;demo&gt;"');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // The snippet's address opens the embed, within its range.
  const src = snippet.match(/src="([^"]+)"/)![1]!.replaceAll('&amp;', '&');
  await page.goto(src);
  await expect(page.getByTestId('embed')).toBeVisible();
  await expect(page.getByTestId('transport')).toHaveCount(0);
});

test('an embed stays within its range and hides the app chrome', async ({ page }) => {
  await page.goto('/?embed=1#scenario=bare-pod&level=overview&language=en&from=2&to=5');
  await diagramReady(page);
  await expect(page.getByTestId('embed-title')).toHaveText('A bare Pod');
  await expect(page.getByTestId('scenario')).toHaveCount(0);
  await expect(page.getByTestId('step-counter')).toHaveText(/^Step 2 of \d+$/);
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step-counter')).toHaveText(/^Step 5 of \d+$/);
  await page.keyboard.press('Home');
  await expect(page.getByTestId('step-counter')).toHaveText(/^Step 2 of \d+$/);
  await expect(page.getByTestId('scrubber')).toHaveAttribute('min', '2');
  await expect(page.getByTestId('scrubber')).toHaveAttribute('max', '5');
  await expect(page.getByTestId('embed-open')).toHaveAttribute('href', /^http:\/\/localhost:\d+\/#scenario=bare-pod/);
});

test('autoplay plays on load, at the linked speed', async ({ page }) => {
  await page.goto('/?embed=1&autoplay=1#scenario=bare-pod&speed=4&language=en');
  await expect(page.getByTestId('step-counter')).not.toHaveText(/^Step [01] of/, { timeout: 5_000 });
});

test.describe('the postMessage example page', () => {
  const caption = (page: Page) => page.locator('#caption');

  test('drives the embed with buttons and PageDown, and hears every step', async ({ page }) => {
    await page.goto('/embed-example.html');
    await expect(caption(page)).toHaveText(/^Step 0 of \d+: \(the start\)$/);
    await page.getByRole('button', { name: 'Next ▶' }).click();
    await expect(caption(page)).toHaveAttribute('data-step', '1');
    await expect(caption(page)).toContainText('Everyone is already listening');
    await page.locator('body').press('PageDown');
    await expect(caption(page)).toHaveAttribute('data-step', '2');
    await page.locator('#goto').fill('7');
    await page.getByRole('button', { name: 'Go', exact: true }).click();
    await expect(caption(page)).toHaveAttribute('data-step', '7');
    await page.getByRole('button', { name: '◀ Previous' }).click();
    await expect(caption(page)).toHaveAttribute('data-step', '6');
  });

  test("the deck's keys stay the deck's: arrows on the page do not move the embed", async ({ page }) => {
    await page.goto('/embed-example.html');
    await expect(caption(page)).toHaveAttribute('data-step', '0');
    await page.locator('body').press('ArrowRight');
    await page.locator('body').press('Space');
    await page.getByRole('button', { name: 'Next ▶' }).click();
    await expect(caption(page)).toHaveAttribute('data-step', '1');
  });

  test('the embed ignores commands that are malformed or not from its parent', async ({ page }) => {
    await page.goto('/embed-example.html');
    await expect(caption(page)).toHaveAttribute('data-step', '0');
    const embed = page.frameLocator('#podflow');
    await page.evaluate(() => {
      const frame = document.querySelector<HTMLIFrameElement>('#podflow')!.contentWindow!;
      for (const bad of [
        { podflow: 'goto', step: -1 },
        { podflow: 'goto', step: '3' },
        { podflow: 'eval' },
        'next',
        null,
      ]) {
        frame.postMessage(bad, '*');
      }
    });
    // The embed posting to itself is not its parent speaking.
    await embed.locator('body').evaluate(() => window.postMessage({ podflow: 'goto', step: 4 }, '*'));
    await page.getByRole('button', { name: 'Next ▶' }).click();
    await expect(caption(page)).toHaveAttribute('data-step', '1');
  });
});

const caption = (page: Page) => page.locator('#caption');

test('an embed that names its parent origin ignores every other parent', async ({ page }) => {
  await page.goto('/embed-example.html');
  await expect(caption(page)).toHaveAttribute('data-step', '0');
  await page.evaluate(() => {
    document.querySelector('#caption')!.textContent = 'Waiting for podflow…';
    document.querySelector<HTMLIFrameElement>('#podflow')!.src =
      './?embed=1&controls=0&origin=https://deck.example#scenario=bare-pod&level=overview&step=0&language=en';
  });
  const embed = page.frameLocator('#podflow');
  // The new page, not the old one still on screen while the frame navigates (it would obey and answer).
  await expect.poll(() => embed.locator('body').evaluate(() => location.search)).toContain('origin=');
  await expect(embed.getByTestId('embed')).toBeVisible();
  await page.getByRole('button', { name: 'Next ▶' }).click();
  await page.getByRole('button', { name: 'Next ▶' }).click();
  // No events reach this parent either: the caption never hears a step.
  await expect(caption(page)).toHaveText('Waiting for podflow…');
  // Nor do its commands move it: the embed's own address still says step 0 after its next write.
  await page.waitForTimeout(600);
  expect(await embed.locator('body').evaluate(() => location.hash)).toContain('step=0&');
});
