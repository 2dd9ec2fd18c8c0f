import { AxeBuilder } from '@axe-core/playwright';
import { simulateScenario } from '../src/headless';
import { formatDuration, podLifecycles } from '../src/timeline/lifecycle';
import { expect, test } from './fixtures';

/** How long the n-th band of this phase lasts in a scenario's first Pod, as the timeline writes it. */
function bandDuration(scenario: string, phase: string, nth = 0): string {
  const band = podLifecycles(simulateScenario(scenario).trace)[0]!.bands.filter((b) => b.phase === phase)[nth]!;
  return formatDuration(band.to - band.from);
}
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// The main area's other views (issue #8): the run as a sequence diagram, and each Pod's lifecycle over time.

const title = (scenario: string, cursor: number): string =>
  simulateScenario(scenario).steps('standard')[cursor - 1]!.title;

test('switch views; a click on an arrow seeks there and the narration follows', async ({ page }) => {
  await page.goto('/#scenario=bare-pod&step=3&level=standard');
  await expect(page.getByTestId('diagram')).toBeVisible();
  await page.getByTestId('main-tab-sequence').click();
  await expect(page.getByTestId('main-tab-sequence')).toHaveAttribute('aria-selected', 'true');
  const list = page.getByTestId('sequence-list');
  await expect(list).toBeVisible();
  await expect(page.getByTestId('diagram')).toHaveCount(0);
  // The arrow at the cursor is the current option.
  await expect(list.locator('[role="option"][aria-selected="true"]')).toHaveAttribute('id', 'seq-row-3');
  await list.locator('#seq-row-9').click();
  await expect(page.getByTestId('narration-title')).toHaveText(title('bare-pod', 9));
  await expect(list.locator('#seq-row-9')).toHaveAttribute('aria-selected', 'true');
  await expect(list.locator('#seq-row-9')).toHaveAccessibleName(/kubectl → kube-apiserver/);
  // ↑/↓ in the list move the cursor.
  await list.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('narration-title')).toHaveText(title('bare-pod', 11));
  await page.keyboard.press('ArrowUp');
  await expect(list).toHaveAttribute('aria-activedescendant', 'seq-row-10');
  // The view rides in the link.
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('main=sequence');
  await page.getByTestId('main-tab-diagram').click();
  await expect(page.getByTestId('diagram')).toBeVisible();
  await expect.poll(() => page.evaluate(() => location.hash)).not.toContain('main=');
});

test('the sequence diagram keeps the current arrow in view and renders only the rows on screen', async ({ page }) => {
  await page.goto('/#scenario=crashloop&step=1&level=deep&main=sequence');
  const list = page.getByTestId('sequence-list');
  await expect(list.locator('#seq-row-1')).toBeVisible();
  const total = simulateScenario('crashloop').trace.steps.length;
  // Far fewer rows in the DOM than steps in the run.
  const rendered = await list.locator('[role="option"]').count();
  expect(rendered).toBeLessThan(80);
  expect(total).toBeGreaterThan(rendered * 3);
  await page.keyboard.press('End');
  await expect(list.locator('[role="option"][aria-selected="true"]')).toBeInViewport();
  // Scrubbing far back brings that arrow into view.
  await page.getByTestId('scrubber').fill('200');
  await expect(list.locator('#seq-row-200')).toBeInViewport();
  await expect(list.locator('#seq-row-200')).toHaveAttribute('aria-selected', 'true');
});

test('the timeline: bands per phase, its cursor follows stepping, a click seeks to that moment', async ({ page }) => {
  await page.goto('/#scenario=bare-pod&step=0&level=standard&main=timeline');
  const body = page.getByTestId('timeline-body');
  const track = page.getByTestId('timeline-track-nginx');
  await expect(track).toBeVisible();
  await expect(track.locator('[data-phase]')).toHaveCount(
    podLifecycles(simulateScenario('bare-pod').trace)[0]!.bands.length,
  );
  await expect(track.locator('[data-phase="pulling"]')).toHaveAttribute(
    'aria-label',
    new RegExp(`^Pulling image: ${escape(bandDuration('bare-pod', 'pulling'))}`),
  );
  await expect(body).toHaveAttribute('data-cursor-ms', '0');
  // Stepping moves the cursor line to the step's virtual time.
  await page.getByTestId('scrubber').focus();
  await page.keyboard.press('ArrowRight');
  const first = simulateScenario('bare-pod').steps('standard')[0]!.at;
  await expect(body).toHaveAttribute('data-cursor-ms', String(first));
  await page.keyboard.press('End');
  const last = simulateScenario('bare-pod').steps('standard').at(-1)!.at;
  await expect(body).toHaveAttribute('data-cursor-ms', String(last));
  // A click at the middle of the track (about 16 s into a 33 s run: Ready) seeks to the last step before then.
  const box = (await track.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const steps = simulateScenario('bare-pod').steps('standard');
  const cursorMs = Number(await body.getAttribute('data-cursor-ms'));
  expect(cursorMs).toBeLessThan(last);
  expect(cursorMs).toBeGreaterThan(0);
  const at = steps.findLastIndex((s) => s.at <= cursorMs) + 1;
  await expect(page.getByTestId('narration-title')).toHaveText(steps[at - 1]!.title);
  // Enter on a band seeks to its start: the pull.
  await track.locator('[data-phase="pulling"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('narration-title')).toHaveText(steps.find((s) => s.key === 'kubelet-pull')!.title);
});

test('the timeline is one tab stop per Pod: arrows move between its bands, Enter seeks', async ({ page }) => {
  await page.goto('/#scenario=crashloop&step=1&level=standard&main=timeline');
  const track = page.getByTestId('timeline-track-crashloop');
  await expect(track).toHaveAttribute('role', 'toolbar');
  const bands = track.locator('[data-phase]');
  const count = await bands.count();
  expect(count).toBeGreaterThan(4);
  // Exactly one band of the row is in the tab order.
  await expect(track.locator('[data-phase][tabindex="0"]')).toHaveCount(1);
  await expect(track.locator('[data-phase][tabindex="-1"]')).toHaveCount(count - 1);
  await page.getByTestId('main-tab-timeline').focus();
  let guard = 0;
  while (!(await bands.first().evaluate((el) => el === document.activeElement)) && guard++ < 20)
    await page.keyboard.press('Tab');
  await expect(bands.first()).toBeFocused();
  // → moves along the row without stepping the player; End and Home jump to its ends.
  const cursorBefore = await page.getByTestId('timeline-body').getAttribute('data-cursor-ms');
  await page.keyboard.press('ArrowRight');
  await expect(bands.nth(1)).toBeFocused();
  await expect(bands.nth(1)).toHaveAttribute('tabindex', '0');
  await expect(bands.first()).toHaveAttribute('tabindex', '-1');
  await expect(page.getByTestId('timeline-body')).toHaveAttribute('data-cursor-ms', cursorBefore!);
  await page.keyboard.press('End');
  await expect(bands.last()).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(bands.last()).toBeFocused();
  await page.keyboard.press('Home');
  await expect(bands.first()).toBeFocused();
  // Enter seeks to the band's start: the second band begins with its step.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  const life = podLifecycles(simulateScenario('crashloop').trace)[0]!;
  await expect(page.getByTestId('timeline-body')).toHaveAttribute('data-cursor-ms', String(life.bands[1]!.from));
  // Tab leaves the row from the band it was on (one stop), and Shift+Tab comes back to it.
  await page.keyboard.press('Tab');
  await expect(bands.nth(1)).not.toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(bands.nth(1)).toBeFocused();
});

test('a crash loop shows its restarts on the timeline', async ({ page }) => {
  await page.goto('/#scenario=crashloop&level=standard&main=timeline');
  const track = page.getByTestId('timeline-track-crashloop');
  await expect(track.locator('.timeline-restart')).toHaveCount(3);
  await expect(track.locator('[data-phase="backoff"]').nth(1)).toHaveAttribute(
    'aria-label',
    // The kubelet's 10 s back-off, plus the pod worker's jittered requeue.
    new RegExp(`back-off: ${escape(bandDuration('crashloop', 'backoff', 1))}`),
  );
});

for (const theme of ['light', 'dark'] as const) {
  for (const main of ['sequence', 'timeline'] as const) {
    test(`axe finds no serious or critical violation in the ${main} view, ${theme}`, async ({ page }) => {
      await page.goto(`/#scenario=crashloop&step=20&level=standard&theme=${theme}&main=${main}`);
      await expect(page.getByTestId(main)).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      const results = await new AxeBuilder({ page }).analyze();
      const bad = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
      expect(bad).toEqual([]);
    });
  }
}

test('Chinese and a narrow window: both views still read and seek', async ({ page }) => {
  await page.setViewportSize({ width: 420, height: 860 });
  await page.goto('/#scenario=bare-pod&step=9&level=standard&language=zh&main=sequence');
  await expect(page.getByTestId('main-tab-sequence')).toHaveText('时序图');
  await expect(page.getByTestId('sequence-list').locator('#seq-row-9')).toHaveAccessibleName(/^第 9 步/);
  await page.getByTestId('main-tab-timeline').click();
  await expect(page.getByTestId('timeline-track-nginx').locator('[data-phase="pulling"]')).toHaveAttribute(
    'aria-label',
    new RegExp(`^拉取镜像：${escape(bandDuration('bare-pod', 'pulling'))}`),
  );
});
