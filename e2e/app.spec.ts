import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** "Step 3 of 17" → [3, 17]. */
async function counter(page: Page): Promise<[number, number]> {
  const text = await page.getByTestId('step-counter').innerText();
  const [n, total] = (text.match(/\d+/g) ?? []).map(Number);
  return [n!, total!];
}

const podCard = (page: Page) => page.getByTestId('pod-card').first();

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('diagram').locator('.react-flow__node').first()).toBeVisible();
});

test('loads the cluster diagram, the version it follows and the start of the story', async ({ page }) => {
  await expect(page).toHaveTitle('podflow');
  for (const id of ['kubectl', 'kube-apiserver', 'etcd', 'kube-controller-manager', 'kube-scheduler', 'coredns']) {
    await expect(page.getByTestId(`component-${id}`)).toBeVisible();
  }
  for (const node of ['node-1', 'node-2']) {
    await expect(page.getByTestId(`node-${node}`)).toBeVisible();
    for (const part of ['kubelet', 'runtime', 'cni', 'kube-proxy']) {
      await expect(page.getByTestId(`component-${part}/${node}`)).toBeVisible();
    }
  }
  await expect(page.getByTestId('k8s-version')).toContainText('v1.33');
  const [n, total] = await counter(page);
  expect(n).toBe(0);
  expect(total).toBeGreaterThanOrEqual(12);
  expect(total).toBeLessThanOrEqual(18);
  await expect(page.getByTestId('narration-title')).toHaveText('A bare Pod');
  await expect(podCard(page)).toHaveCount(0);
});

test('playing to the end shows the Pod Running with an IP on a node', async ({ page }) => {
  await page.getByTestId('speed').selectOption('4');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  // The Pod first appears stored but unscheduled, then moves to its node.
  await expect(page.getByTestId('unscheduled').getByTestId('pod-card')).toHaveCount(1, { timeout: 10_000 });
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 20_000 });
  const [n, total] = await counter(page);
  expect(n).toBe(total);

  const card = podCard(page);
  await expect(card).toHaveAttribute('data-status', 'Running');
  await expect(card).toContainText('1/1');
  await expect(card.getByTestId('pod-ip')).toHaveText(/^10\.244\.[12]\.2$/);
  const onNode = page.locator('[data-testid^="node-node-"]').filter({ has: page.getByTestId('pod-card') });
  await expect(onNode).toHaveCount(1);
  await expect(page.getByTestId('unscheduled').getByTestId('pod-card')).toHaveCount(0);
  await expect(page.getByTestId('virtual-clock')).not.toContainText(' 0.000 s');
});

test('stepping back restores the previous state', async ({ page }) => {
  await page.keyboard.press('End');
  await expect(podCard(page)).toHaveAttribute('data-status', 'Running');
  const [end] = await counter(page);

  // Back past the write that made it Running: the API still says ContainerCreating, with no IP.
  await page.getByRole('button', { name: 'Step back' }).click();
  await page.getByRole('button', { name: 'Step back' }).click();
  expect((await counter(page))[0]).toBe(end - 2);
  await expect(podCard(page)).toHaveAttribute('data-status', 'ContainerCreating');
  await expect(podCard(page).getByTestId('pod-ip')).toHaveText('no IP yet');

  // And forward again gives the same state as before.
  await page.getByRole('button', { name: 'Step forward' }).click();
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(podCard(page)).toHaveAttribute('data-status', 'Running');

  // All the way back: the Pod does not exist yet.
  await page.getByRole('button', { name: 'Restart' }).click();
  await expect(podCard(page)).toHaveCount(0);
});

test('keys drive the transport: Space, arrows, Home and End', async ({ page }) => {
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  expect((await counter(page))[0]).toBe(3);
  await page.keyboard.press('ArrowLeft');
  expect((await counter(page))[0]).toBe(2);
  await expect(page.getByTestId('component-kube-apiserver')).toHaveAttribute('data-role', /self|from|to/);

  await page.keyboard.press('End');
  const [n, total] = await counter(page);
  expect(n).toBe(total);
  await page.keyboard.press('Home');
  expect((await counter(page))[0]).toBe(0);

  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  const paused = (await counter(page))[0];
  await page.waitForTimeout(1500);
  expect((await counter(page))[0]).toBe(paused);
});

test('keys typed into a form control stay there', async ({ page }) => {
  await page.getByTestId('speed').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Home');
  expect((await counter(page))[0]).toBe(0);
});

test('the scrubber seeks, by value and by keyboard', async ({ page }) => {
  const scrubber = page.getByTestId('scrubber');
  const total = (await counter(page))[1];
  await scrubber.fill('5');
  expect((await counter(page))[0]).toBe(5);
  await expect(page.getByTestId('narration-title')).not.toHaveText('A bare Pod');

  await scrubber.focus();
  await page.keyboard.press('ArrowRight');
  expect((await counter(page))[0]).toBe(6);
  await page.keyboard.press('End');
  expect((await counter(page))[0]).toBe(total);

  // A click on the left edge of the track goes back to the start.
  const box = (await scrubber.boundingBox())!;
  await page.mouse.click(box.x + 2, box.y + box.height / 2);
  expect((await counter(page))[0]).toBe(0);
});

test('a finer detail level shows more steps and keeps the place', async ({ page }) => {
  await page.getByTestId('scrubber').fill('4');
  const title = await page.getByTestId('narration-title').innerText();
  const overviewTotal = (await counter(page))[1];
  await page.getByTestId('level').selectOption('deep');
  const [n, total] = await counter(page);
  expect(total).toBeGreaterThan(overviewTotal * 3);
  expect(n).toBeGreaterThan(4);
  await expect(page.getByTestId('narration-title')).toHaveText(title);
});

test('switches to Chinese and dark without losing the place', async ({ page }) => {
  await page.getByTestId('scrubber').fill('3');
  await page.getByTestId('language').selectOption('zh');
  await expect(page.getByTestId('step-counter')).toHaveText(/^第 3 步，共 \d+ 步$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('button', { name: '播放', exact: true })).toBeVisible();
  await expect(page.getByTestId('narration-title')).toHaveText(/[\u4e00-\u9fff]/);

  await page.getByTestId('theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect((await counter(page))[0]).toBe(3);
});

test('a packet travels the edge of the step', async ({ page }) => {
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  // Step 2 is kubectl → kube-apiserver.
  await expect(page.getByTestId('packet')).toHaveCount(1);
  await expect(page.getByTestId('step-source')).toHaveAttribute(
    'href',
    'https://github.com/kubernetes/kubernetes/blob/release-1.33/staging/src/k8s.io/kubectl/pkg/cmd/create/create.go',
  );
  await expect(page.getByTestId('component-kubectl')).toHaveAttribute('data-role', 'from');
  await expect(page.getByTestId('component-kube-apiserver')).toHaveAttribute('data-role', 'to');
});

test('loop plays on past the end, from the start', async ({ page }) => {
  await page.getByTestId('loop').click();
  await expect(page.getByTestId('loop')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('speed').selectOption('4');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.getByRole('button', { name: 'Play' }).click();
  // End of the story, then it starts again and keeps playing.
  await expect(page.getByTestId('step-counter')).toHaveText(/^Step [12] of /, { timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
});

test('the Deployment scenario runs three Pods of one ReplicaSet', async ({ page }) => {
  await page.getByTestId('scenario').selectOption('deployment');
  await expect(page.getByTestId('narration-title')).toHaveText('A Deployment of 3');
  expect((await counter(page))[0]).toBe(0);
  await page.keyboard.press('End');
  const cards = page.getByTestId('pod-card');
  await expect(cards).toHaveCount(3);
  for (let i = 0; i < 3; i++) {
    await expect(cards.nth(i)).toHaveAttribute('data-status', 'Running');
    await expect(cards.nth(i)).toHaveAttribute(
      'data-pod',
      /^nginx-deployment-[bcdfghjklmnpqrstvwxz2456789]+-[bcdfghjklmnpqrstvwxz2456789]{5}$/,
    );
  }
  // Back to the bare Pod: one card again, from the start.
  await page.getByTestId('scenario').selectOption('bare-pod');
  expect((await counter(page))[0]).toBe(0);
  await page.keyboard.press('End');
  await expect(page.getByTestId('pod-card')).toHaveCount(1);
});

test('a big scenario is simulated in a Web Worker while the page stays responsive', async ({ page }) => {
  await page.getByTestId('scenario').selectOption('scale');
  // The old run stays on screen, playable, until the new one arrives.
  await expect(page.getByTestId('step-counter')).toHaveText(/of \d{4,}$/, { timeout: 20_000 });
  await expect(page.getByTestId('simulating')).toHaveCount(0);
  await expect(page.getByTestId('narration-title')).toHaveText('At scale: 200 replicas on 50 nodes');
  await page.keyboard.press('End');
  await expect(page.getByTestId('node-node-50')).toBeAttached();
  await expect(page.getByTestId('node-node-50').getByTestId('pod-card').first()).toHaveAttribute(
    'data-status',
    'Running',
  );
});

test('the RBAC scenario ends at authorization with the real 403 message', async ({ page }) => {
  await page.getByTestId('scenario').selectOption('forbidden');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('narration-title')).toHaveText('kube-apiserver answers 403');
  await expect(page.getByTestId('narration')).toContainText(
    'pods is forbidden: User "jane" cannot create resource "pods" in API group "" in the namespace "default"',
  );
  await expect(page.getByTestId('pod-card')).toHaveCount(0);
});

test('deleting a Pod shows it Terminating, then gone', async ({ page }) => {
  await page.getByTestId('scenario').selectOption('delete');
  await page.keyboard.press('End');
  await expect(page.getByTestId('pod-card')).toHaveCount(0);
  // Back to the moment kube-apiserver marked it: Terminating, still on its node.
  const total = (await counter(page))[1];
  for (let i = total; i > 0; i--) {
    if ((await page.getByTestId('narration-title').innerText()) === 'Graceful deletion: deletionTimestamp is set')
      break;
    await page.keyboard.press('ArrowLeft');
  }
  await expect(podCard(page)).toHaveAttribute('data-status', 'Terminating');
});

test('Running is not Ready: the card shows Running 0/1 until the readiness probe passes', async ({ page }) => {
  await page.getByTestId('scenario').selectOption('readiness');
  const total = (await counter(page))[1];
  let sawUnready = false;
  for (let i = 0; i < total; i++) {
    await page.keyboard.press('ArrowRight');
    const card = podCard(page);
    if ((await card.count()) && (await card.getAttribute('data-status')) === 'Running') {
      if ((await card.innerText()).includes('0/1')) sawUnready = true;
    }
  }
  expect(sawUnready).toBe(true);
  await expect(podCard(page)).toContainText('1/1');
  await expect(podCard(page)).toHaveAttribute('data-status', 'Running');
});

test('the rolling update ends with three Running Pods of the new ReplicaSet', async ({ page }) => {
  await page.getByTestId('scenario').selectOption('rolling-update');
  await page.keyboard.press('End');
  const cards = page.getByTestId('pod-card');
  await expect(cards).toHaveCount(3);
  const names = await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-pod') ?? ''));
  const sets = new Set(names.map((n) => n.split('-').slice(0, -1).join('-')));
  expect(sets.size).toBe(1);
  for (let i = 0; i < 3; i++) await expect(cards.nth(i)).toHaveAttribute('data-status', 'Running');
});

test("the chapter menu follows the story and jumps to a chapter's first step", async ({ page }) => {
  const chapter = page.getByTestId('chapter');
  await page.keyboard.press('ArrowRight');
  await expect(chapter.locator('option:checked')).toHaveText('0 · Everyone listens');
  await chapter.selectOption({ label: '5 · Scheduling' });
  await expect(page.getByTestId('narration-title')).toHaveText(/^kube-scheduler picks a node for nginx/);
  const [n] = await counter(page);
  await page.keyboard.press('ArrowRight');
  await expect(chapter.locator('option:checked')).toHaveText('6 · Binding');
  expect((await counter(page))[0]).toBe(n + 1);
});

test('the bind step corrects a common mistake: the scheduler starts nothing', async ({ page }) => {
  await page.getByTestId('chapter').selectOption({ label: '6 · Binding' });
  await expect(page.getByTestId('myth')).toContainText('Common mistake');
  await expect(page.getByTestId('myth')).toContainText('The scheduler only writes the binding (spec.nodeName).');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('myth')).toHaveCount(0);
});
