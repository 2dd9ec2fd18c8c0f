import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// Every real manifest (shared/fixtures/real-manifests, from the Kubernetes docs) pasted into the editor,
// applied, and checked at the end of its run against the outcome its README states, with the kubectl prompt.

const DIR = '/work/shared/fixtures/real-manifests';

async function pasteAndApply(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: 'Edit YAML' }).click();
  const editor = page.getByTestId('yaml-input');
  await expect(editor).toBeVisible();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('ControlOrMeta+v');
  await expect(page.getByTestId('editor-problems')).toContainText('No problems');
  await page.getByTestId('editor-apply').click();
  await expect(page.getByTestId('editor-outcome')).toContainText('Applied');
  await page.getByRole('button', { name: 'Go to end' }).click();
  await page.getByTestId('tab-kubectl').click();
}

/** Types a command at the prompt and returns what kubectl printed. */
async function kubectl(page: Page, line: string): Promise<string> {
  const input = page.getByTestId('prompt-input');
  const before = await page.getByTestId('prompt-entry').count();
  await input.fill(line);
  await input.press('Enter');
  await expect(page.getByTestId('prompt-entry')).toHaveCount(before + 1);
  return (await page.getByTestId('prompt-entry').last().getByTestId('prompt-out').textContent()) ?? '';
}

const lines = (text: string, re: RegExp): number => text.split('\n').filter((l) => re.test(l)).length;

const CASES: [string, (page: Page) => Promise<void>][] = [
  [
    'simple-pod.yaml',
    async (page) => {
      expect(lines(await kubectl(page, 'kubectl get pods'), /^nginx\s+1\/1\s+Running\s+0\s/)).toBe(1);
    },
  ],
  [
    'simple-service.yaml',
    async (page) => {
      expect(await kubectl(page, 'kubectl get svc my-service')).toMatch(
        /\nmy-service\s+ClusterIP\s+10\.\d+\.\d+\.\d+\s+<none>\s+80\/TCP\s/,
      );
      // No Pod matches app.kubernetes.io/name: MyApp: the Service's EndpointSlice has no endpoints.
      expect(
        lines(
          await kubectl(page, 'kubectl get endpointslices'),
          /^my-service-[a-z0-9]{5}\s+IPv4\s+<unset>\s+<unset>\s/,
        ),
      ).toBe(1);
    },
  ],
  [
    'nginx-deployment.yaml',
    async (page) => {
      expect(lines(await kubectl(page, 'kubectl get rs'), /^nginx-deployment-[a-z0-9]+\s+3\s+3\s+3\s/)).toBe(1);
      expect(
        lines(await kubectl(page, 'kubectl get pods'), /^nginx-deployment-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Running\s/),
      ).toBe(3);
    },
  ],
  [
    'nginx-with-request.yaml',
    async (page) => {
      expect(lines(await kubectl(page, 'kubectl get pods'), /^nginx-deployment-\S+\s+1\/1\s+Running\s/)).toBe(2);
      // Limits only: API defaulting sets requests = limits.
      const yaml = await kubectl(page, 'kubectl get pods -o yaml');
      expect(yaml.match(/requests:\n\s+cpu: 500m\n\s+memory: 128Mi/g)).toHaveLength(2);
    },
  ],
  [
    'init-containers.yaml',
    async (page) => {
      expect(lines(await kubectl(page, 'kubectl get pods'), /^init-demo\s+1\/1\s+Running\s/)).toBe(1);
      const watch = (await page.getByTestId('kubectl-get-pods-w').textContent()) ?? '';
      const order = ['Init:0/1', 'PodInitializing', 'Running'].map((s) => watch.indexOf(s));
      expect(order.every((i) => i >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
    },
  ],
  [
    'http-liveness.yaml',
    async (page) => {
      // Running first; this image fails /healthz after 10 s (as in real life), so the kubelet restarts it.
      const watch = (await page.getByTestId('kubectl-get-pods-w').textContent()) ?? '';
      expect(watch).toMatch(/liveness-http\s+1\/1\s+Running\s+0\s/);
      expect(watch).toMatch(/liveness-http\s+1\/1\s+Running\s+1 \(/);
      expect(await kubectl(page, 'kubectl describe pod liveness-http')).toContain(
        'Liveness probe failed: HTTP probe failed with statuscode: 500',
      );
    },
  ],
  [
    'tcp-liveness-readiness.yaml',
    async (page) => {
      expect(lines(await kubectl(page, 'kubectl get pods'), /^goproxy\s+1\/1\s+Running\s/)).toBe(1);
      // Running but not ready until the readiness probe first passes.
      expect((await page.getByTestId('kubectl-get-pods-w').textContent()) ?? '').toMatch(/goproxy\s+0\/1\s+Running/);
    },
  ],
];

for (const [file, check] of CASES) {
  test(`${file}: pasted, applied, reaches its README outcome`, async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('diagram').locator('.react-flow__node').first()).toBeVisible();
    await pasteAndApply(page, readFileSync(`${DIR}/${file}`, 'utf8'));
    await check(page);
  });
}

test('every manifest of the README has a case here', () => {
  const readme = readFileSync(`${DIR}/README.md`, 'utf8');
  const listed = [...readme.matchAll(/^\| ([\w.-]+\.yaml) \|/gm)].map((m) => m[1]);
  expect(listed.sort()).toEqual(CASES.map(([f]) => f).sort());
});
