import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** "Step 8 of 46" → [8, 46]. */
async function counter(page: Page): Promise<[number, number]> {
  const text = (await page.getByTestId('step-counter').textContent()) ?? '';
  const [, n, total] = /(\d+)\D+(\d+)/.exec(text) ?? [];
  return [Number(n), Number(total)];
}

test.beforeEach(async ({ page }) => {
  await page.goto('/#scenario=deployment');
  await expect(page.getByTestId('diagram').locator('.react-flow__node').first()).toBeVisible();
});

test('what if node-1 fails at step 8: the branch shows the failure; Original is the same step without it', async ({
  page,
}) => {
  for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
  const titleAt8 = await page.getByTestId('narration-title').textContent();
  const [, originalTotal] = await counter(page);

  await page.getByTestId('whatif-button').click();
  await page.getByTestId('whatif-kind-node-down').check();
  await page.getByTestId('whatif-node').selectOption('node-1');
  await page.getByTestId('whatif-inject').click();

  const switcher = page.getByTestId('branch-switch');
  await expect(switcher).toHaveValue('0');
  await expect(switcher.locator('option:checked')).toHaveText('Branch 1: node-1 fails at step 8');
  expect((await counter(page))[0]).toBe(8);
  await expect(page.getByTestId('narration-title')).toHaveText(titleAt8 ?? '');
  await expect(page.getByTestId('branch-mark')).toBeVisible();
  // The next step is the fault; the run goes on without node-1's kubelet and is longer.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('narration-title')).toHaveText('node-1 goes down');
  expect((await counter(page))[1]).toBeGreaterThan(originalTotal);
  await expect(page).toHaveURL(/whatIf=node-down%3Anode-1%3A/);

  // Back to the original: the same step number, and no failure there.
  await switcher.selectOption('-1');
  expect(await counter(page)).toEqual([9, originalTotal]);
  await expect(page.getByTestId('narration-title')).not.toHaveText('node-1 goes down');
  await expect(page.getByTestId('branch-mark')).toHaveCount(0);
  // Step back: the shared prefix reads the same in both timelines.
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('narration-title')).toHaveText(titleAt8 ?? '');
  await switcher.selectOption('0');
  expect((await counter(page))[0]).toBe(8);
  await expect(page.getByTestId('narration-title')).toHaveText(titleAt8 ?? '');
});

test('a link with a branch opens that branch at its step', async ({ page }) => {
  await page.goto('/#scenario=deployment&step=9&whatIf=etcd-slow%3A%3A20');
  await page.reload();
  await expect(page.getByTestId('branch-switch')).toHaveValue('0');
  expect((await counter(page))[0]).toBe(9);
});

test('the cluster editor: a node added shows in the diagram; a bad taint is refused clearly and nothing is lost', async ({
  page,
}) => {
  await page.getByTestId('cluster-button').click();
  const dialog = page.getByTestId('cluster-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('cluster-node')).toHaveCount(2);

  // A bad taint on a new node: the editor says what is wrong and keeps every row as typed.
  await dialog.getByTestId('cluster-add').click();
  await dialog.getByTestId('cluster-labels').nth(2).fill('disktype=ssd');
  await dialog.getByTestId('cluster-taints').nth(2).fill('gpu=true:Never');
  await dialog.getByTestId('cluster-apply').click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('cluster-errors')).toBeVisible();
  await expect(dialog.getByTestId('cluster-field-error')).toHaveText(
    'In “gpu=true:Never”, the effect “Never” is not one of NoSchedule, PreferNoSchedule, NoExecute.',
  );
  await expect(dialog.getByTestId('cluster-taints').nth(2)).toHaveValue('gpu=true:Never');
  await expect(dialog.getByTestId('cluster-labels').nth(2)).toHaveValue('disktype=ssd');
  await expect(dialog.getByTestId('cluster-name').nth(2)).toHaveValue('node-3');
  await expect(page.getByTestId('node-node-3')).toHaveCount(0);

  // Fixed: the run re-runs on three nodes and the diagram shows node-3.
  await dialog.getByTestId('cluster-taints').nth(2).fill('gpu=true:NoSchedule');
  await dialog.getByTestId('cluster-apply').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('node-node-3')).toBeVisible();
  await expect(page).toHaveURL(/cluster=/);

  // The link with the edited cluster opens it again.
  await page.reload();
  await expect(page.getByTestId('node-node-3')).toBeVisible();
});
