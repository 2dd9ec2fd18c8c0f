import { expect, test } from './fixtures';

// The page draws its diagram with React, React Flow and the chrome's words; the simulator, the YAML
// reader and what the steps say load after that, and the first step is told once they are in.
const LATER = /\/assets\/(simulate|js-yaml|steps-en|steps-zh)-[\w-]+\.js$/;

test('the first diagram is drawn before the simulator, the YAML reader and the step texts are fetched', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('narration')).not.toBeEmpty();
  const { drawn, fetched } = await page.evaluate(() => ({
    drawn: performance.getEntriesByName('podflow:first-diagram')[0]?.startTime ?? -1,
    fetched: performance.getEntriesByType('resource').map((e) => ({ name: e.name, start: e.startTime })),
  }));
  expect(drawn).toBeGreaterThan(0);
  const later = fetched.filter((f) => LATER.test(f.name));
  // English: the simulator, js-yaml and the English step texts, and not the Chinese ones.
  expect(later.map((f) => f.name.match(LATER)![1]).sort()).toEqual(['js-yaml', 'simulate', 'steps-en']);
  for (const f of later) expect([f.name, f.start >= drawn]).toEqual([f.name, true]);
});

test('a page in Chinese fetches the Chinese step texts with its run and tells the first step in Chinese', async ({
  page,
}) => {
  await page.goto('/#language=zh&level=deep&step=1');
  await expect(page.getByTestId('narration')).toContainText(/[\u4e00-\u9fff]/);
  const names = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  expect(names.filter((n) => /\/assets\/steps-(en|zh)-/.test(n)).length).toBe(2);
  // The step's title is told, not its catalog key.
  await expect(page.getByTestId('narration')).not.toContainText('steps.');
});
