import { expect, test } from './fixtures';

test('predict mode: guess who acts next, see right or wrong with the reason, and a score at the end', async ({
  page,
}) => {
  await page.goto('/#scenario=bare-pod&language=en&level=standard');
  await expect(page.getByTestId('diagram').locator('.react-flow__node').first()).toBeVisible();
  await page.getByTestId('predict').click();
  await expect(page.getByTestId('level')).toHaveValue('overview');
  await expect(page.getByRole('heading', { name: /^Who acts next\?/ })).toBeVisible();

  // Step 1: everyone listening is told by kube-apiserver; a wrong guess says who it was.
  await page.getByTestId('guess-etcd').click();
  await expect(page.getByTestId('predict-verdict')).toHaveText(/^Not etcd: it is kube-apiserver/);
  // Step 2: kubectl sends the Pod; the guess is a click on kubectl in the diagram.
  await page.locator('.react-flow__node[data-id="kubectl"]').click();
  await expect(page.getByTestId('tab-narration')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('predict-verdict')).toHaveText('Right: kubectl acts. Why, below.');
  await expect(page.getByTestId('narration-title')).toHaveText('kubectl sends the Pod');
  await expect(page.getByTestId('predict-score')).toHaveText('Score: 1 of 2 right');

  // Guess through to the end: the question gives way to the final score.
  const [, total] = (await page.getByTestId('step-counter').innerText()).match(/of (\d+)/)!;
  for (let i = 2; i < Number(total); i++) await page.getByTestId('guess-kube-apiserver').click();
  await expect(page.getByRole('heading', { name: 'The end of the story.' })).toBeVisible();
  await expect(page.getByTestId('predict-score')).toHaveText(new RegExp(`^Score: \\d+ of ${total} right$`));
});
