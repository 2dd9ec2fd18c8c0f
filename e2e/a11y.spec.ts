import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from './fixtures';

// No rule disabled, nothing excluded: the whole page, in both themes and both languages.
for (const theme of ['light', 'dark'] as const) {
  for (const language of ['en', 'zh'] as const) {
    test(`axe finds no serious or critical violation: ${theme}, ${language}`, async ({ page }) => {
      await page.goto('/');
      await expect(page.getByTestId('diagram').locator('.react-flow__node').first()).toBeVisible();
      await page.getByTestId('theme').selectOption(theme);
      await page.getByTestId('language').selectOption(language);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      // A moment in the middle of the story: a packet in flight, a Pod card on a node.
      await page.getByTestId('scrubber').fill('9');
      const results = await new AxeBuilder({ page }).analyze();
      const bad = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
      expect(bad).toEqual([]);
    });
  }
}

// With each side tab open (the inspector on the scheduler's table, kubectl, the transcript).
for (const tab of ['inspector', 'kubectl', 'transcript'] as const) {
  test(`axe finds no serious or critical violation with the ${tab} tab open`, async ({ page }) => {
    await page.goto('/#scenario=deployment&step=34&level=standard');
    await expect(page.getByTestId('diagram').locator('.react-flow__node').first()).toBeVisible();
    if (tab === 'inspector') await page.locator('.react-flow__node[data-id="kube-scheduler"]').click();
    else await page.getByTestId(`tab-${tab}`).click();
    await expect(page.locator(`#tabpanel-${tab}`)).not.toContainText('Loading');
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
    expect(bad).toEqual([]);
  });
}
