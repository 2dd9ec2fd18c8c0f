import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Press → until the caption of a failure shows (at most `max` steps): where the flow stops. */
async function stepToFailure(page: Page, max = 40): Promise<void> {
  const caption = page.getByTestId('failure-caption');
  for (let i = 0; i < max && !(await caption.count()); i++) await page.keyboard.press('ArrowRight');
  await expect(caption).toBeVisible();
}

const badgeOf = (page: Page, component: string) =>
  page.getByTestId(`component-${component}`).getByTestId('failure-badge');

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('diagram').locator('.react-flow__node').first()).toBeVisible();
});

test('an invalid Pod: kube-apiserver refuses it with 422 and the real message; a step back and it is gone', async ({
  page,
}) => {
  await page.getByTestId('theme').selectOption('light');
  await page.getByTestId('scenario').selectOption('invalid-pod');
  await stepToFailure(page);
  await expect(badgeOf(page, 'kube-apiserver')).toHaveText(/422 Invalid/);
  await expect(page.getByTestId('component-kube-apiserver')).toHaveAttribute('data-failure', '422 Invalid');
  await expect(page.getByTestId('failure-caption')).toContainText(
    'Pod "nginx" is invalid: [spec.containers[0].image: Required value, spec.restartPolicy: Unsupported value: "always": supported values: "Always", "OnFailure", "Never"]',
  );
  await expect(page.getByTestId('failure-caption')).toContainText('kube-apiserver');
  // The flow stops at the validation stage, inside kube-apiserver; nothing was stored, so no Pod card.
  await expect(page.getByTestId('narration-title')).toHaveText('Validation failed: 422 Unprocessable Entity');
  await expect(page.getByTestId('component-kube-apiserver')).toHaveClass(/is-failing-now/);
  await expect(page.getByTestId('pod-card')).toHaveCount(0);
  // Only one component failed.
  await expect(page.getByTestId('failure-badge')).toHaveCount(1);
  // Then the refusal travels back to kubectl on an edge drawn as an error.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('narration-title')).toHaveText('kube-apiserver answers 422');
  await expect(page.locator('.edge-path-error')).toHaveCount(1);
  // Drawn in the error colour of the theme (--failed), not the active blue.
  await expect(page.locator('.edge-path-error')).toHaveCSS('stroke', 'rgb(179, 38, 30)');
  await expect(badgeOf(page, 'kube-apiserver')).toHaveText(/422 Invalid/);

  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('.edge-path-error')).toHaveCount(0);
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('failure-badge')).toHaveCount(0);
  await expect(page.getByTestId('failure-caption')).toHaveCount(0);
  await expect(page.getByTestId('component-kube-apiserver')).not.toHaveClass(/is-failed/);
});

test('no node fits: kube-scheduler shows FailedScheduling with the real message, the Pod card says Unschedulable', async ({
  page,
}) => {
  await page.getByTestId('scenario').selectOption('unschedulable-taint');
  await stepToFailure(page);
  await expect(badgeOf(page, 'kube-scheduler')).toHaveText(/FailedScheduling/);
  await expect(page.getByTestId('failure-caption')).toContainText(
    '0/3 nodes are available: 3 node(s) had untolerated taint {key1: value1}. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
  );
  // It holds to the end: nothing resolves it. By then the scheduler has stored PodScheduled=False on the Pod.
  await page.keyboard.press('End');
  await expect(badgeOf(page, 'kube-scheduler')).toHaveText(/FailedScheduling/);
  const card = page.getByTestId('pod-card').first();
  await expect(card).toHaveAttribute('data-blocked', 'Unschedulable');
  await expect(card).toHaveClass(/pod-failed/);

  await page.keyboard.press('Home');
  await expect(page.getByTestId('failure-badge')).toHaveCount(0);
  await stepToFailure(page);
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('failure-badge')).toHaveCount(0);
  await expect(page.getByTestId('pod-card').first()).not.toHaveAttribute('data-blocked', 'Unschedulable');
});

test('a container failure shows on the node’s kubelet, linkable by id', async ({ page }) => {
  await page.goto('/#scenario=image-pull-backoff');
  await expect(page.getByTestId('scenario')).toHaveValue('image-pull-backoff');
  await stepToFailure(page);
  await expect(badgeOf(page, 'kubelet/node-1')).toHaveText(/ErrImagePull/);
  await expect(page.getByTestId('failure-caption')).toContainText('Failed to pull image "nginx:1.142": rpc error');
  await page.keyboard.press('End');
  await expect(badgeOf(page, 'kubelet/node-1')).toHaveText(/ImagePullBackOff/);
  await expect(page.getByTestId('pod-card').first()).toHaveAttribute('data-status', 'ImagePullBackOff');
});

test('in Chinese, dark, 420 px wide: the caption names the component and keeps the real message', async ({ page }) => {
  await page.setViewportSize({ width: 420, height: 860 });
  await page.getByTestId('language').selectOption('zh');
  await page.getByTestId('theme').selectOption('dark');
  await page.getByTestId('scenario').selectOption('unschedulable-cpu');
  await page.keyboard.press('End');
  const caption = page.getByTestId('failure-caption');
  await expect(caption).toContainText('出错的组件：');
  await expect(caption).toContainText('FailedScheduling');
  await expect(caption).toContainText('0/3 nodes are available: 3 Insufficient cpu.');
  const box = (await caption.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(420);
});

test('with reduced motion: no packet travels, the refusal still shows on its edge and its component', async ({
  page,
}) => {
  // Read when the page loads, as the diagram reads the preference once.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/#scenario=forbidden');
  await page.reload();
  await expect(page.getByTestId('scenario')).toHaveValue('forbidden');
  await stepToFailure(page);
  await expect(badgeOf(page, 'kube-apiserver')).toHaveText(/403 Forbidden/);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('narration-title')).toHaveText('kube-apiserver answers 403');
  await expect(page.locator('.edge-path-error')).toHaveCount(1);
  await expect(page.getByTestId('packet')).toHaveCount(0);
  await expect(page.getByTestId('failure-caption')).toContainText(
    'pods is forbidden: User "jane" cannot create resource "pods" in API group "" in the namespace "default"',
  );
});

test('a failing packet is drawn as an error while it travels', async ({ page }) => {
  await page.getByTestId('scenario').selectOption('forbidden');
  await stepToFailure(page);
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.packet.packet-error')).toHaveCount(1);
});

// The failure's colours and texts in both themes: the badge, the caption, the failing Pod cards.
for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violation on a failure: ${theme}`, async ({ page }) => {
    await page.getByTestId('theme').selectOption(theme);
    await page.getByTestId('scenario').selectOption('cni-out-of-ips');
    await page.keyboard.press('End');
    await expect(page.getByTestId('failure-caption')).toBeVisible();
    await expect(page.getByTestId('pod-failure').first()).toHaveText('FailedCreatePodSandBox');
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
    expect(bad).toEqual([]);
  });
}
