import { simulateScenario } from '../src/headless';
import { expect, test } from './fixtures';

/** "Step N" of the first step with this catalog key at the overview level, found by the headless API. */
function stepOf(scenario: string, key: string): number {
  const steps = simulateScenario(scenario).steps('overview');
  const found = steps.findIndex((s) => s.key === key);
  if (found < 0) throw new Error(`no ${key} in ${scenario}`);
  return found + 1;
}

// Services and traffic (issues #5, #6): the ingress controller is drawn only when the run uses it.

test('the Ingress scenario draws ingress-nginx and lights it when it proxies a request', async ({ page }) => {
  await page.goto(
    `/#scenario=deployment-service&step=${stepOf('deployment-service', 'ingress-nginx-proxy')}&level=overview`,
  );
  const controller = page.getByTestId('component-ingress-nginx');
  await expect(controller).toBeVisible();
  await expect(controller).toHaveAttribute('data-role', 'from');
  await expect(page.getByTestId('narration')).toContainText('hello-world.example');
  await page.locator('.react-flow__node[data-id="ingress-nginx"]').click();
  await expect(page.getByTestId('tab-inspector')).toHaveAttribute('aria-selected', 'true');
});

test('a run without an Ingress has no ingress-nginx box; the NetworkPolicy drop is told at its step', async ({
  page,
}) => {
  await page.goto(
    `/#scenario=network-policy&step=${stepOf('network-policy', 'request-dropped-ingress')}&level=overview`,
  );
  await expect(page.getByTestId('component-kube-proxy/node-1')).toBeVisible();
  await expect(page.getByTestId('component-ingress-nginx')).toHaveCount(0);
  await expect(page.getByTestId('narration')).toContainText('Drop if no policies passed packet');
});
