import { AxeBuilder } from '@axe-core/playwright';
import { simulateScenario } from '../src/headless';
import { expect, test } from './fixtures';

// The kubectl prompt (issue #7): commands typed in the kubectl tab, answered as kubectl answers.

const lastStep = (): number => simulateScenario('deployment').steps('overview').length;

test('get pods, scale the Deployment: the answer is printed and the new Pods appear in the run', async ({ page }) => {
  await page.goto(`/#scenario=deployment&step=${lastStep()}`);
  await page.getByTestId('tab-kubectl').click();
  const input = page.getByTestId('prompt-input');
  await expect(input).toHaveAccessibleName('kubectl command');
  await input.fill('kubectl get pods');
  await input.press('Enter');
  const out = page.getByTestId('prompt-out');
  await expect(out.first()).toContainText(/NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE/);
  await expect(out.first()).toContainText('nginx-deployment-');
  expect((await out.first().textContent())!.split('\n')).toHaveLength(4);
  await expect(input).toHaveValue('');
  await expect(input).toBeFocused();

  await input.fill('kubectl scale deployment/nginx-deployment --replicas=5');
  await input.press('Enter');
  await expect(out.nth(1)).toHaveText('deployment.apps/nginx-deployment scaled');
  await expect(page.getByTestId('prompt-seek')).toHaveText(/^Go to the answer \(step \d+\)$/);
  // The diagram plays the command from the step it was typed at: kubectl sends the request.
  const pause = page.getByTestId('transport').getByRole('button', { name: 'Pause', exact: true });
  await expect(pause).toBeVisible();
  await pause.click();
  await page.keyboard.press('End');
  // At the end of the run, five Pods: `kubectl get pods -o wide` of the kubectl tab lists them Running.
  await expect(page.getByTestId('kubectl-get-pods')).toContainText('Running');
  await expect
    .poll(async () => ((await page.getByTestId('kubectl-get-pods').textContent()) ?? '').match(/Running/g)?.length)
    .toBe(5);
  await input.fill('get deployments');
  await input.press('Enter');
  await expect(out.nth(2)).toContainText(/nginx-deployment\s+5\/5\s+5\s+5/);
});

test('describe deployment prints kubectl’s describer, not YAML', async ({ page }) => {
  await page.goto(`/#scenario=deployment&step=${lastStep()}`);
  await page.getByTestId('tab-kubectl').click();
  const input = page.getByTestId('prompt-input');
  await input.fill('kubectl describe deployment nginx-deployment');
  await input.press('Enter');
  const out = page.getByTestId('prompt-out').last();
  await expect(out).toContainText(/^Name:\s+nginx-deployment\nNamespace:\s+default\n/);
  await expect(out).toContainText(/Replicas:\s+3 desired \| 3 updated \| 3 total \| 3 available \| \d unavailable/);
  await expect(out).toContainText(/RollingUpdateStrategy:\s+25% max unavailable, 25% max surge/);
  await expect(out).toContainText(/NewReplicaSet:\s+nginx-deployment-\w+ \(3\/3 replicas created\)/);
  await expect(out).toContainText(/Normal\s+ScalingReplicaSet\s+\S+\s+deployment-controller\s+Scaled up replica set/);
  await expect(out).not.toContainText('apiVersion:');
});

test('a bad command gets kubectl’s error; ↑ recalls the lines before', async ({ page }) => {
  await page.goto(`/#scenario=deployment&step=${lastStep()}`);
  await page.getByTestId('tab-kubectl').click();
  const input = page.getByTestId('prompt-input');
  await input.fill('kubectl get foos');
  await input.press('Enter');
  await expect(page.getByTestId('prompt-out').last()).toHaveText(
    'error: the server doesn\'t have a resource type "foos"',
  );
  await input.fill('kubectl frobnicate');
  await input.press('Enter');
  await expect(page.getByTestId('prompt-out').last()).toHaveText('error: unknown command "frobnicate" for "kubectl"');
  await input.fill('kubectl delete pod ghost');
  await input.press('Enter');
  await expect(page.getByTestId('prompt-out').last()).toHaveText(
    'Error from server (NotFound): pods "ghost" not found',
  );
  // The log is announced to screen readers.
  await expect(page.getByTestId('prompt-log')).toHaveAttribute('role', 'log');
  await input.press('ArrowUp');
  await expect(input).toHaveValue('kubectl delete pod ghost');
  await input.press('ArrowUp');
  await expect(input).toHaveValue('kubectl frobnicate');
  await input.press('ArrowDown');
  await input.press('ArrowDown');
  await expect(input).toHaveValue('');
});

test('the commands ride in the link: a reload shows the same answers', async ({ page }) => {
  await page.goto(`/#scenario=deployment&step=${lastStep()}`);
  await page.getByTestId('tab-kubectl').click();
  const input = page.getByTestId('prompt-input');
  await input.fill('kubectl create deployment web --image=nginx:1.27 --replicas=2');
  await input.press('Enter');
  await expect(page.getByTestId('prompt-out').last()).toHaveText('deployment.apps/web created');
  await page.getByTestId('transport').getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page).toHaveURL(/cmds=/);
  await page.reload();
  await page.getByTestId('tab-kubectl').click();
  await expect(page.getByTestId('prompt-out').last()).toHaveText('deployment.apps/web created');
});

test('kubectl edit opens the object in the editor; Apply saves it through the simulation', async ({ page }) => {
  await page.goto(`/#scenario=deployment&step=${lastStep()}`);
  await page.getByTestId('tab-kubectl').click();
  const input = page.getByTestId('prompt-input');
  await input.fill('kubectl edit deployment/nginx-deployment');
  await input.press('Enter');
  const editor = page.getByTestId('editor-panel');
  await expect(editor).toBeVisible();
  await expect(editor.locator('.cm-content')).toContainText('# Please edit the object below.');
  await expect(editor.locator('.cm-content')).toContainText('replicas: 3');
  // Change spec.replicas: the first `replicas: 3` line is the spec's (keys are sorted, spec before status).
  const line = editor.locator('.cm-line', { hasText: /^\s+replicas: 3$/ }).first();
  await line.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('1');
  await page.getByTestId('editor-apply').click();
  await expect(page.getByTestId('prompt-out').last()).toHaveText('deployment.apps/nginx-deployment edited');
});

for (const [theme, language] of [
  ['light', 'en'],
  ['dark', 'zh'],
] as const) {
  test(`axe finds no serious or critical violation in the prompt with output: ${theme}, ${language}`, async ({
    page,
  }) => {
    await page.goto(`/#scenario=deployment&step=${lastStep()}&theme=${theme}&language=${language}`);
    await page.getByTestId('tab-kubectl').click();
    const input = page.getByTestId('prompt-input');
    for (const line of [
      'kubectl get pods',
      'kubectl scale deployment/nginx-deployment --replicas=4',
      'kubectl get foos',
    ]) {
      await input.fill(line);
      await input.press('Enter');
    }
    await expect(page.getByTestId('prompt-entry')).toHaveCount(3);
    const results = await new AxeBuilder({ page }).include('[data-testid="kubectl-prompt"]').analyze();
    const bad = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
    expect(bad).toEqual([]);
  });
}
