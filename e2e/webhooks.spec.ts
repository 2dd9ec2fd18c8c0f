import { expect, test } from './fixtures';

// The webhook servers are drawn only when a trace uses them (src/diagram/topology.ts OPTIONAL_COMPONENTS).

test('istiod shows in the diagram for the Istio scenario, and not for a bare Pod', async ({ page }) => {
  await page.goto('/#scenario=istio-sidecar&step=1&level=standard');
  await expect(page.locator('.react-flow__node[data-id="istiod"]')).toBeVisible();
  await expect(page.locator('.react-flow__node[data-id="kyverno"]')).toHaveCount(0);
  await page.goto('/#scenario=bare-pod&step=1&level=standard');
  await page.reload();
  await expect(page.locator('.react-flow__node[data-id="kube-apiserver"]')).toBeVisible();
  await expect(page.locator('.react-flow__node[data-id="istiod"]')).toHaveCount(0);
});

test('Kyverno shows in the diagram when its webhook denies the Pod', async ({ page }) => {
  await page.goto('/#scenario=webhook-denied&step=1&level=standard');
  await expect(page.locator('.react-flow__node[data-id="kyverno"]')).toBeVisible();
});
