import { describe, expect, it } from 'vitest';
import { prepareLanguage, simulateScenario, simulateYaml } from './headless';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx:1.14.2
`;

describe('the headless API', () => {
  it('simulates YAML and answers kubectl get pods and the Events at the end', () => {
    const run = simulateYaml(POD);
    const [row] = run.getPods();
    expect(row).toMatchObject({ name: 'web', ready: '1/1', status: 'Running' });
    expect(row!.node).toMatch(/^node-\d$/);
    const reasons = run.events().map((e) => e.reason);
    expect(reasons.slice(0, 2)).toEqual(['Scheduled', 'Pulling']);
    expect(run.events()[0]).toMatchObject({
      type: 'Normal',
      object: 'pod/web',
      message: `Successfully assigned default/web to ${row!.node}`,
      source: 'default-scheduler, default-scheduler-control-plane',
    });
  });

  it('answers at any step: before the bind the Pod has no node', () => {
    const run = simulateYaml(POD);
    const bound = run.trace.steps.find((s) =>
      s.changes.some((c) => (c.after as { spec?: { nodeName?: string } } | null)?.spec?.nodeName),
    )!;
    expect(run.getPods(bound.seq - 1)[0]).toMatchObject({ status: 'Pending', node: '<none>' });
    expect(run.objects('Pod', bound.seq)[0]).toMatchObject({ spec: { nodeName: expect.stringMatching(/^node-/) } });
  });

  it('tells the steps in words, fewer at the overview level', () => {
    const run = simulateYaml(POD);
    const overview = run.steps('overview');
    expect(overview.length).toBeLessThan(run.steps('standard').length);
    expect(overview.map((s) => s.title)).toContain('kubectl sends the Pod');
    expect(overview.every((s) => s.title && !s.title.startsWith('steps.'))).toBe(true);
  });

  it('speaks Chinese once the catalog is loaded', async () => {
    await prepareLanguage('zh');
    const titles = simulateYaml(POD, { language: 'zh' })
      .steps('overview')
      .map((s) => s.title);
    expect(titles.every((t) => /[\u4e00-\u9fff]/.test(t))).toBe(true);
  });

  it('runs the app scenarios by id, and names the known ones when asked for another', () => {
    expect(simulateScenario('forbidden').events()).toEqual([]);
    expect(() => simulateScenario('nope')).toThrow(/known: bare-pod, /);
  });

  it('says where bad YAML is wrong', () => {
    expect(() => simulateYaml('kind: Pod\n  metadata: {')).toThrow(/line \d+, column \d+/);
  });

  it("returns kube-scheduler's per-node verdicts and plugin scores for each cycle", () => {
    const cycles = simulateScenario('taints').scheduling();
    expect(cycles).toHaveLength(3);
    for (const c of cycles) {
      expect(c.filter.map((f) => [f.node, f.fits, f.reasons])).toEqual([
        ['node-1', true, []],
        ['node-2', false, ['Insufficient cpu']],
        ['node-3', true, []],
      ]);
      expect(c.scores!.nodes).toEqual(['node-1', 'node-3']);
    }
    // The hand-computed totals of the acceptance test: a tie, then the spread, then a tie again.
    // Which node wins the first tie is selectHost's random pick, so the spread's totals are compared as a set.
    expect(cycles.map((c) => [...c.scores!.totals].sort((a, b) => a - b))).toEqual([
      [674, 674],
      [581, 674],
      [649, 649],
    ]);
    const fit = cycles[0]!.scores!.plugins.find((p) => p.plugin === 'NodeResourcesFit')!;
    expect(fit).toMatchObject({ weight: 1, scores: [81, 81] });
    expect(new Set(cycles.map((c) => c.node))).toEqual(new Set(['node-1', 'node-3']));
  });

  it('returns the FailedScheduling message of a Pod that fits nowhere', () => {
    const [cycle] = simulateYaml(
      POD.replace('    image: nginx:1.14.2', '    image: nginx:1.14.2\n    resources: {requests: {cpu: "64"}}'),
    ).scheduling();
    expect(cycle!.node).toBeNull();
    expect(cycle!.filter.every((f) => !f.fits && f.plugin === 'NodeResourcesFit')).toBe(true);
    expect(cycle!.message).toMatch(/^0\/2 nodes are available: 2 Insufficient cpu\. preemption: /);
  });

  it("returns the iptables chains kube-proxy wrote, with kube-proxy's hashed names", () => {
    const run = simulateScenario('deployment-service');
    const names = run.chains('node-1').map((c) => c.name);
    expect(names).toContain('KUBE-SERVICES');
    // sha256 + base32 of "default/nginx" + "tcp" (the services branch verified it against real nodes).
    expect(names).toContain('KUBE-SVC-2CMXP7HKUVJN7L6M');
    expect(names.filter((n) => n.startsWith('KUBE-SEP-')).length).toBeGreaterThanOrEqual(3);
    expect(run.chains('node-1', 0)).toEqual([]);
  });
});

describe('headless runs of failing containers', () => {
  it('prints RESTARTS with the time since the last restart, and counts repeated Events', () => {
    const run = simulateScenario('crashloop');
    const [row] = run.getPods();
    expect(row!.status).toBe('CrashLoopBackOff');
    expect(row!.restartsText).toMatch(/^3 \(\d+s ago\)$/);
    const pulled = run.events().filter((e) => e.reason === 'Pulled' && e.message.includes('already present'));
    expect(pulled).toHaveLength(1);
    expect(pulled[0]!.count).toBe(3);
  });
});
