import { simulateScenario } from '../src/headless';
import { expect, test } from './fixtures';

/** "Step N" of the first step with this catalog key at the standard level, found by the headless API. */
function stepOf(scenario: string, key: string, nth = 0): number {
  const steps = simulateScenario(scenario).steps('standard');
  const found = steps.filter((s) => s.key === key)[nth];
  if (!found) throw new Error(`no ${key} in ${scenario}`);
  return steps.indexOf(found) + 1;
}

// Inspectors read (trace, cursor): links open a step, a click or Enter on a component opens its inspector.

test('the scheduler inspector shows each node’s verdict, plugin scores and final score', async ({ page }) => {
  await page.goto(`/#scenario=deployment&step=${stepOf('deployment', 'scheduler-score')}&level=standard`);
  await page.locator('.react-flow__node[data-id="kube-scheduler"]').click();
  await expect(page.getByTestId('tab-inspector')).toHaveAttribute('aria-selected', 'true');
  const table = page.getByTestId('scheduler-table');
  await expect(table).toBeVisible();
  await expect(table.locator('tr[data-node="node-1"]')).toContainText('97 → 97');
  await expect(table.locator('tr[data-node="node-1"] td').last()).toHaveText('597');
  // The node kube-scheduler picked (a tie between equal nodes is broken at random, seeded) carries the mark.
  const chosen = simulateScenario('deployment').scheduling()[0]!.node!;
  await expect(table.locator(`tr[data-node="${chosen}"]`)).toContainText('✓');
  await expect(table.locator('thead')).toContainText('TaintToleration ×3');
  // It follows the cursor: before the scheduler ran, there is nothing to show.
  await page.getByTestId('scrubber').fill('5');
  await expect(page.getByTestId('scheduler-table')).toHaveCount(0);
});

test('etcd highlights the key written at this step; Enter on a component opens its inspector', async ({ page }) => {
  const stored = stepOf('deployment', 'apiserver-store');
  await page.goto(`/#scenario=deployment&step=${stored}&level=standard`);
  await page.locator('.react-flow__node[data-id="etcd"]').focus();
  await page.keyboard.press('Enter');
  const written = page.locator('[data-testid="inspect-etcd"] tr[data-written]');
  await expect(written).toHaveCount(1);
  await expect(written).toContainText('/registry/deployments/default/nginx-deployment');
  await expect(page.getByTestId('etcd-written').getByTestId('object-yaml')).toContainText('kind: Deployment');
  // One step on, kube-apiserver answers 201 Created.
  await page.locator('.react-flow__node[data-id="kube-apiserver"]').click();
  await page.getByTestId('scrubber').fill(String(stepOf('deployment', 'apiserver-created')));
  await expect(page.getByTestId('apiserver-response')).toContainText('201');
});

test('an object as YAML, with the fields changed at this step highlighted', async ({ page }) => {
  await page.goto('/#scenario=bare-pod&step=15&level=overview');
  await page.getByTestId('tab-inspector').click();
  await page.getByTestId('inspect-pick').selectOption('o:/registry/pods/default/nginx');
  const yaml = page.getByTestId('object-yaml');
  await expect(yaml).toContainText('name: nginx');
  await expect(yaml.locator('[data-changed]').first()).toBeVisible();
  await expect(yaml.locator('[data-changed]', { hasText: 'phase: Running' })).toHaveCount(1);
  await expect(yaml.locator('[data-changed]', { hasText: 'name: nginx' })).toHaveCount(0);
});

test('kubectl get pods rows and describe Events follow the cursor', async ({ page }) => {
  await page.goto('/#scenario=readiness&step=56&level=standard');
  await page.getByTestId('tab-kubectl').click();
  const get = page.getByTestId('kubectl-get-pods');
  await expect(get).toContainText(/NAME {6}READY {3}STATUS {4}RESTARTS {3}AGE/);
  await expect(get).toContainText(/goproxy {3}1\/1 {5}Running/);
  await expect(page.getByTestId('kubectl-get-pods-w')).toContainText('ContainerCreating');
  const describe = page.getByTestId('kubectl-describe');
  await expect(describe).toContainText(
    /Normal {2}Scheduled {2}\d+s +default-scheduler {2}Successfully assigned default\/goproxy to node-1/,
  );
  await expect(describe).toContainText('Created container: goproxy');
  await page.getByTestId('scrubber').fill('20');
  await expect(get).not.toContainText('1/1');
});

test('the transcript lists every step, marks the current one and seeks on click', async ({ page }) => {
  await page.goto('/#scenario=bare-pod&step=3&level=overview');
  await page.getByTestId('tab-transcript').click();
  const lines = page.getByTestId('transcript').getByRole('button');
  await expect(lines).toHaveCount(16);
  await expect(lines.nth(2)).toHaveAttribute('aria-current', 'step');
  await lines.nth(9).click();
  await expect(lines.nth(9)).toHaveAttribute('aria-current', 'step');
  await expect(page.getByTestId('scrubber')).toHaveValue('10');
});

test('the transcript of a 22,000-step run holds only the lines in view, follows the cursor and seeks on click', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto('/#scenario=scale&level=deep');
  await expect(page.getByTestId('step-counter')).toHaveText(/of \d{5}/, { timeout: 60_000 });
  const total = Number((await page.getByTestId('step-counter').innerText()).match(/of (\d+)/)![1]);
  await page.getByTestId('tab-transcript').click();
  const transcript = page.getByTestId('transcript');
  await expect(transcript.locator('ol')).toHaveAttribute('data-lines', String(total));
  const lines = transcript.getByRole('button');
  await expect(lines.first()).toContainText('1.');
  expect(await lines.count()).toBeLessThan(100);
  // The last step: its line is brought into view and marked.
  await page.keyboard.press('End');
  const current = transcript.locator('[aria-current="step"]');
  await expect(current).toContainText(`${total}.`);
  await expect(current).toBeInViewport();
  expect(await lines.count()).toBeLessThan(100);
  // A line seeks there.
  const n = Number((await lines.nth(2).innerText()).match(/^(\d+)\./)![1]);
  const line = transcript.getByRole('button', { name: new RegExp(`^${n}\\.`) });
  await line.click();
  await expect(page.getByTestId('scrubber')).toHaveValue(String(n));
  await expect(line).toHaveAttribute('aria-current', 'step');
});

test('every component opens an inspector', async ({ page }) => {
  await page.goto('/#scenario=deployment-service&step=65&level=overview');
  for (const [id, testid] of [
    ['kube-apiserver', 'inspect-apiserver'],
    ['kube-controller-manager', 'inspect-controller-manager'],
    ['kubelet/node-1', 'inspect-kubelet'],
    ['runtime/node-1', 'inspect-runtime'],
    ['cni/node-1', 'inspect-cni'],
    ['kube-proxy/node-1', 'inspect-kube-proxy'],
    ['coredns', 'inspect-coredns'],
  ]) {
    await page.locator(`.react-flow__node[data-id="${id}"]`).click();
    await expect(page.getByTestId(testid!)).toBeVisible();
  }
  await expect(page.getByTestId('inspect-coredns')).toContainText('nginx.default.svc.cluster.local');
});
