import { simulateScenario } from '../src/headless';
import { expect, test } from './fixtures';

/** "Step N" of the n-th step with this catalog key at the standard level, found by the headless API. */
function stepOf(scenario: string, key: string, nth = 0): number {
  const steps = simulateScenario(scenario).steps('standard');
  const found = steps.filter((s) => s.key === key).at(nth);
  if (!found) throw new Error(`no ${key} in ${scenario}`);
  return steps.indexOf(found) + 1;
}

// Issue #8: every component drawn, the add-ons too, opens an inspector that follows the cursor.

test('istiod: the AdmissionReview it answered with its patch, then the proxies and their last EDS push', async ({
  page,
}) => {
  const injected = stepOf('istio-sidecar', 'istiod-inject');
  await page.goto(`/#scenario=istio-sidecar&step=${injected - 1}&level=standard`);
  await page.locator('.react-flow__node[data-id="istiod"]').click();
  await expect(page.getByTestId('tab-inspector')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('inspector')).toContainText('Nothing yet at this step.');
  await page.getByTestId('scrubber').fill(String(injected));
  await expect(page.getByTestId('istiod-review')).toContainText('not applied by kube-apiserver yet');
  // kube-apiserver applies the patch (a deep step) before the next step shown at this level.
  await page.getByTestId('scrubber').fill(String(injected + 1));
  const review = page.getByTestId('istiod-review');
  await expect(review).toHaveCount(1);
  await expect(review).toContainText('allowed, patched (4 operations)');
  await expect(review).toContainText('add /spec/initContainers');
  await expect(review).toContainText('docker.io/istio/proxyv2:1.27.3');
  // The last push of the run carries both ready endpoints to both proxies.
  await page.getByTestId('scrubber').fill(String(stepOf('istio-sidecar', 'istiod-eds-push', -1)));
  const proxies = page.getByTestId('istiod-proxy');
  await expect(proxies).toHaveCount(2);
  for (const row of await proxies.all())
    await expect(row).toContainText(
      /version 2: outbound\|80\|\|nginx\.shop\.svc\.cluster\.local → 10\.244\.\d\.2:80, 10\.244\.\d\.2:80/,
    );
  await expect(page.getByTestId('istiod-review')).toHaveCount(2);
});

test('Kyverno: Enter on it shows its ClusterPolicy rules and the request it blocked, with the message', async ({
  page,
}) => {
  const blocked = stepOf('webhook-denied', 'kyverno-blocked');
  await page.goto(`/#scenario=webhook-denied&step=${blocked}&level=standard`);
  await page.locator('.react-flow__node[data-id="kyverno"]').focus();
  await page.keyboard.press('Enter');
  const view = page.getByTestId('inspect-kyverno');
  await expect(view.getByTestId('kyverno-policy')).toContainText('disallow-latest-tag');
  await expect(view.getByTestId('kyverno-policy')).toContainText('validate-image-tag');
  await expect(view.getByTestId('kyverno-policy')).toContainText(
    "Using a mutable image tag e.g. 'latest' is not allowed.",
  );
  const review = view.getByTestId('kyverno-review');
  await expect(review).toHaveCount(1);
  await expect(review).toContainText('Pod default/nginx: allowed: false');
  await expect(review).toContainText('rule validate-image-tag failed at path /spec/containers/0/image/');
  // One step back, Kyverno has not answered yet.
  await page.getByTestId('scrubber').fill(String(blocked - 1));
  await expect(page.getByTestId('kyverno-review')).toHaveCount(0);
});

test('ingress-nginx: its server, the ready upstream endpoints, reload vs dynamic update, the ADDRESS', async ({
  page,
}) => {
  const reload = stepOf('deployment-service', 'ingress-nginx-reload');
  await page.goto(`/#scenario=deployment-service&step=${reload}&level=standard`);
  await page.locator('.react-flow__node[data-id="ingress-nginx"]').click();
  const view = page.getByTestId('inspect-ingress-nginx');
  await expect(view.getByTestId('nginx-server')).toContainText('server hello-world.example');
  await expect(view.getByTestId('nginx-location')).toContainText('default/nginx:80');
  await expect(view.getByTestId('nginx-location')).toContainText('none ready');
  await expect(view.getByTestId('nginx-last-change')).toContainText('nginx reloaded');
  await expect(view.getByTestId('nginx-address')).toContainText('ADDRESS not written yet');
  await page.getByTestId('scrubber').fill(String(stepOf('deployment-service', 'ingress-nginx-backends', 1)));
  await expect(view.getByTestId('nginx-endpoint')).toHaveCount(3);
  await expect(view.getByTestId('nginx-last-change')).toContainText('no reload');
  await expect(view.getByTestId('nginx-last-change')).toContainText('nginx reloads: 1');
  await page.getByTestId('scrubber').fill(String(stepOf('deployment-service', 'ingress-nginx-status')));
  await expect(view.getByTestId('nginx-address')).toContainText('Ingress nginx ADDRESS 172.18.0.2 (node node-1)');
  await expect(view.getByTestId('nginx-address')).toContainText('not answered yet');
  await page.getByTestId('scrubber').fill(String(simulateScenario('deployment-service').steps('standard').length));
  await expect(view.getByTestId('nginx-address')).toContainText('kube-apiserver answered 200');
});

test('the CNI box shows Felix’s view under Calico: selecting policies, chains and the drop', async ({ page }) => {
  const dropped = stepOf('network-policy', 'request-dropped-ingress');
  await page.goto(`/#scenario=network-policy&step=${dropped}&level=standard`);
  await page.locator('.react-flow__node[data-id="cni/node-1"]').click();
  const felix = page.getByTestId('inspect-felix');
  await expect(felix.getByTestId('felix-endpoint')).toHaveCount(2);
  const nginx = felix.getByTestId('felix-endpoint').filter({ hasText: 'nginx-' });
  await expect(nginx).toContainText('ingress: knp.default.access-nginx, knp.default.default-deny-ingress');
  await expect(nginx).toContainText('End of tier default. Drop if no policies passed packet');
  await expect(felix.getByTestId('felix-drop')).toContainText('http://nginx');
  await page.getByTestId('scrubber').fill(String(dropped - 1));
  await expect(felix.getByTestId('felix-drop')).toHaveCount(0);
  // Without Calico the CNI box has no Felix section.
  await page.goto('/#scenario=deployment&step=60&level=standard');
  await page.locator('.react-flow__node[data-id="cni/node-1"]').click();
  await expect(page.getByTestId('inspect-cni')).toBeVisible();
  await expect(page.getByTestId('inspect-felix')).toHaveCount(0);
});
