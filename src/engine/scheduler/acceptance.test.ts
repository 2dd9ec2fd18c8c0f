/**
 * podflow issue #4's acceptance test: a Deployment whose Pods need a
 * toleration, on a cluster where one node is tainted and another too full,
 * schedules exactly as kube-scheduler would — with no code written for it.
 * The numbers below are worked out by hand from the upstream formulas.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { simulate, type Step, type Trace } from '../index';
import type { ClusterSpec } from '../types';

const CLUSTER: ClusterSpec = {
  nodes: [
    {
      name: 'node-1',
      cpu: '4',
      memory: '8Gi',
      pods: 110,
      podCIDR: '10.244.1.0/24',
      taints: [{ key: 'dedicated', value: 'web', effect: 'NoSchedule' }],
    },
    { name: 'node-2', cpu: '2', memory: '8Gi', pods: 110, podCIDR: '10.244.2.0/24' },
    { name: 'node-3', cpu: '4', memory: '8Gi', pods: 110, podCIDR: '10.244.3.0/24' },
  ],
};

/** Already on node-2, placed there by name: 1500m of its 2 cpu are taken. */
const HOG = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'hog' },
  spec: {
    nodeName: 'node-2',
    containers: [{ name: 'hog', image: 'busybox:1.36', resources: { requests: { cpu: '1500m' } } }],
  },
};

function web(tolerate: boolean) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          ...(tolerate
            ? { tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'web', effect: 'NoSchedule' }] }
            : {}),
          containers: [{ name: 'web', image: 'nginx:1.14.2', resources: { requests: { cpu: '1', memory: '1Gi' } } }],
        },
      },
    },
  };
}

const placements = (t: Trace): string[] =>
  ([...t.objectsAt(t.steps.length - 1, '/registry/pods/default/web-').values()] as unknown as Pod[])
    .map((p) => p.spec?.nodeName ?? '')
    .sort();

interface Scoring {
  nodes: string[];
  plugins: { plugin: string; weight: number; raw: number[]; scores: number[]; skipped: boolean }[];
  totals: number[];
}
const scorings = (t: Trace): { step: Step; scoring: Scoring }[] =>
  t.steps
    .filter((s) => s.say.key === 'scheduler-score')
    .map((step) => ({ step, scoring: JSON.parse(String(step.say.params.scoring)) as Scoring }));
const verdicts = (t: Trace) =>
  t.steps
    .filter((s) => s.say.key === 'scheduler-filter')
    .map((s) => JSON.parse(String(s.say.params.verdicts)) as { node: string; reasons: string[]; plugin?: string }[]);

describe('a Deployment that tolerates a tainted node, on a cluster with a full node', () => {
  for (const seed of [1, 2, 3]) {
    const t = simulate({ manifests: [HOG, web(true)], cluster: CLUSTER, seed });

    it(`seed ${seed}: every Pod runs, none on the full node, spread over the other two`, () => {
      expect(t.end).toBe('settled');
      const nodes = placements(t);
      expect(nodes).toHaveLength(3);
      expect(nodes).not.toContain('node-2');
      expect(nodes).toContain('node-1');
      expect(nodes).toContain('node-3');
    });

    it(`seed ${seed}: Filter keeps node-1 (taint tolerated) and rejects node-2 with Insufficient cpu`, () => {
      const first = verdicts(t)[0]!;
      expect(first).toEqual([
        { node: 'node-1', reasons: [], unresolvable: false },
        { node: 'node-2', reasons: ['Insufficient cpu'], unresolvable: false, plugin: 'NodeResourcesFit' },
        { node: 'node-3', reasons: [], unresolvable: false },
      ]);
    });

    it(`seed ${seed}: the scores are the upstream formulas' integers`, () => {
      const [one, two, three] = scorings(t).map((s) => s.scoring);
      const by = (s: Scoring, plugin: string) => s.plugins.find((p) => p.plugin === plugin)!;
      // First replica, both nodes empty.
      expect(one!.nodes).toEqual(['node-1', 'node-3']);
      // TaintToleration: no PreferNoSchedule taint anywhere → 100 (reverse-normalized), weight 3.
      expect(by(one!, 'TaintToleration')).toMatchObject({ weight: 3, scores: [100, 100] });
      // NodeAffinity and InterPodAffinity: nothing preferred → PreScore skips, 0.
      expect(by(one!, 'NodeAffinity')).toMatchObject({ weight: 2, skipped: true, scores: [0, 0] });
      expect(by(one!, 'InterPodAffinity')).toMatchObject({ weight: 2, skipped: true, scores: [0, 0] });
      // LeastAllocated: cpu (4000−1000)·100/4000 = 75, memory (8−1)·100/8 = 87; (75+87)/2 = 81.
      expect(by(one!, 'NodeResourcesFit')).toMatchObject({ weight: 1, scores: [81, 81] });
      // PodTopologySpread, system default hostname maxSkew 3: raw 0·ln(4) + 2 = 2 → 100 on both.
      expect(by(one!, 'PodTopologySpread')).toMatchObject({ weight: 2, raw: [2, 2], scores: [100, 100] });
      // BalancedAllocation: fractions 0.25 and 0.125, std 0.0625 → 93.
      expect(by(one!, 'NodeResourcesBalancedAllocation')).toMatchObject({ weight: 1, scores: [93, 93] });
      expect(by(one!, 'ImageLocality')).toMatchObject({ weight: 1, scores: [0, 0] });
      // 3·100 + 81 + 2·100 + 93 = 674: a tie, broken at random.
      expect(one!.totals).toEqual([674, 674]);

      // Second replica: the first one sits on one of them (call it X).
      const firstNode = scorings(t)[0]!.step.say.params.node;
      const x = firstNode === 'node-1' ? 0 : 1;
      const pick = (xs: number[]) => [xs[x], xs[1 - x]];
      // LeastAllocated on X: cpu 50, memory 75 → 62. Spread: X raw round(1·ln 4 + 2) = 3, other 2;
      // normalized 100·(3+2−3)/3 = 66 and 100. Balanced on X: 0.5 and 0.25 → 87.
      expect(pick(by(two!, 'NodeResourcesFit').scores)).toEqual([62, 81]);
      expect(pick(by(two!, 'PodTopologySpread').raw)).toEqual([3, 2]);
      expect(pick(by(two!, 'PodTopologySpread').scores)).toEqual([66, 100]);
      expect(pick(by(two!, 'NodeResourcesBalancedAllocation').scores)).toEqual([87, 93]);
      expect(pick(two!.totals)).toEqual([581, 674]);
      expect(scorings(t)[1]!.step.say.params.node).toBe(x === 0 ? 'node-3' : 'node-1');

      // Third replica: one on each, 300 + 62 + 200 + 87 = 649 both, a tie again.
      expect(three!.totals).toEqual([649, 649]);
    });
  }

  it('without the toleration, node-1 is out too and all three land on node-3', () => {
    const t = simulate({ manifests: [HOG, web(false)], cluster: CLUSTER, seed: 1 });
    expect(placements(t)).toEqual(['node-3', 'node-3', 'node-3']);
    // One feasible node: schedulePod takes it without scoring.
    expect(t.steps.filter((s) => s.say.key === 'scheduler-score')).toEqual([]);
    expect(t.steps.filter((s) => s.say.key === 'scheduler-score-single')).toHaveLength(3);
    expect(verdicts(t)[0]![0]).toEqual({
      node: 'node-1',
      reasons: ['node(s) had untolerated taint {dedicated: web}'],
      unresolvable: true,
      plugin: 'TaintToleration',
    });
  });
});

describe('the default spreading of a Deployment', () => {
  const three: ClusterSpec = {
    nodes: ['node-1', 'node-2', 'node-3'].map((name, i) => ({
      name,
      cpu: '4',
      memory: '8Gi',
      pods: 110,
      podCIDR: `10.244.${i + 1}.0/24`,
    })),
  };
  // Best-effort Pods: LeastAllocated barely differs, PodTopologySpread's system default (hostname, maxSkew 3) spreads them.
  const nginx = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'nginx' },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'nginx' } },
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.14.2' }] },
      },
    },
  };
  it.each([1, 2, 3, 4, 5])('seed %i: three replicas on three equal nodes land one per node', (seed) => {
    const t = simulate({ manifests: [nginx], cluster: three, seed });
    const pods = [...t.objectsAt(t.steps.length - 1, '/registry/pods/default/nginx-').values()] as unknown as Pod[];
    expect(pods.map((p) => p.spec?.nodeName).sort()).toEqual(['node-1', 'node-2', 'node-3']);
  });
});

describe('a Pod no node can take', () => {
  const big = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'big' },
    spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '64' } } }] },
  };
  const t = simulate({ manifests: [big], seed: 1 });

  it('waits in unschedulablePods without keeping the run alive', () => {
    expect(t.end).toBe('settled');
    expect(t.steps.filter((s) => s.say.key === 'scheduler-queue-unschedulable')).toHaveLength(1);
    expect(t.steps.filter((s) => s.say.params.reason === 'FailedScheduling')).toHaveLength(1);
  });

  it('writes each node’s verdict into the trace', () => {
    const step = t.steps.find((s) => s.say.key === 'scheduler-unschedulable')!;
    expect(JSON.parse(String(step.say.params.verdicts))).toEqual([
      { node: 'node-1', reasons: ['Insufficient cpu'], unresolvable: false, plugin: 'NodeResourcesFit' },
      { node: 'node-2', reasons: ['Insufficient cpu'], unresolvable: false, plugin: 'NodeResourcesFit' },
    ]);
  });
});

describe('required anti-affinity', () => {
  const spreadOut = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          affinity: {
            podAntiAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: [
                { labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'kubernetes.io/hostname' },
              ],
            },
          },
          containers: [{ name: 'web', image: 'nginx:1.14.2' }],
        },
      },
    },
  };

  it('puts one replica per node and leaves the third Pending with the real message', () => {
    const t = simulate({ manifests: [spreadOut], seed: 1 });
    expect(t.end).toBe('settled');
    const pods = [...t.objectsAt(t.steps.length - 1, '/registry/pods/default/web-').values()] as unknown as Pod[];
    expect(pods.map((p) => p.spec?.nodeName ?? '').sort()).toEqual(['', 'node-1', 'node-2']);
    const failed = t.steps.filter((s) => s.say.params.reason === 'FailedScheduling');
    expect(failed.length).toBeGreaterThan(0);
    for (const f of failed)
      expect(f.say.params.message).toBe(
        "0/2 nodes are available: 2 node(s) didn't match pod anti-affinity rules. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.",
      );
  });
});

describe('the scheduler’s Events', () => {
  const bare = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'nginx' },
    spec: { containers: [{ name: 'nginx', image: 'nginx:1.14.2' }] },
  };
  const t = simulate({ manifests: [bare], seed: 1 });
  const step = t.steps.find((s) => s.kind === 'event' && s.say.params.reason === 'Scheduled')!;

  it('go through events.k8s.io/v1 with the real message', () => {
    expect(step.path).toBe('/apis/events.k8s.io/v1/namespaces/default/events');
    expect(step.say.params.message).toMatch(/^Successfully assigned default\/nginx to node-[12]$/);
  });

  it('are stored once, in the core/v1 form kubectl describe reads', () => {
    const events = [
      ...t.objectsAt(t.steps.length - 1, '/registry/events/default/nginx.').values(),
    ] as unknown as Record<string, unknown>[];
    const scheduled = events.find((e) => e.reason === 'Scheduled')!;
    expect(scheduled).toMatchObject({
      apiVersion: 'v1',
      kind: 'Event',
      involvedObject: { kind: 'Pod', namespace: 'default', name: 'nginx', apiVersion: 'v1' },
      message: step.say.params.message,
      type: 'Normal',
      action: 'Binding',
      reportingComponent: 'default-scheduler',
      reportingInstance: 'default-scheduler-control-plane',
      source: {},
      firstTimestamp: null,
      lastTimestamp: null,
    });
    expect(scheduled.eventTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(scheduled.count).toBeUndefined();
  });
});

describe('a Pod that keeps failing', () => {
  const pod = (name: string, cpu: string) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: { containers: [{ name: 'c', image: 'nginx:1.14.2', resources: { requests: { cpu } } }] },
  });
  // a and b take 3 of each node's 4 cpu; c needs 3 more. Deleting d, then e, frees 100m each time:
  // the QueueingHint of NodeResourcesFit (an assigned Pod deleted) sends c back, and it fails again.
  const t = simulate({
    manifests: [pod('a', '3'), pod('b', '3'), pod('c', '3'), pod('d', '100m'), pod('e', '100m')],
    seed: 1,
    deletes: [
      { kind: 'Pod', name: 'd', atMs: 10_000 },
      { kind: 'Pod', name: 'e', atMs: 20_000 },
    ],
  });
  const failures = t.steps.filter((s) => s.say.params.reason === 'FailedScheduling');

  it('is requeued by each deletion and tried again', () => {
    expect(t.end).toBe('settled');
    expect(t.steps.filter((s) => s.say.key === 'scheduler-queue-move' && s.say.params.pods === 'c')).toHaveLength(2);
    expect(t.steps.filter((s) => s.say.key === 'scheduler-unschedulable' && s.say.params.pod === 'c')).toHaveLength(3);
  });

  it('writes the condition once, and repeats of one Event as a series', () => {
    expect(t.steps.filter((s) => s.say.key === 'scheduler-patch-unschedulable')).toHaveLength(1);
    // The first Event names the Pod before its status changed; the next two are isomorphic (same
    // resourceVersion), so the third occurrence PATCHes series.count 2 onto the second.
    expect(failures.map((s) => [s.say.key, s.verb])).toEqual([
      ['event', 'create'],
      ['event', 'create'],
      ['event-series', 'patch'],
    ]);
    const events = [...t.objectsAt(t.steps.length - 1, '/registry/events/default/c.').values()] as unknown as {
      reason: string;
      series?: { count: number };
    }[];
    expect(
      events
        .filter((e) => e.reason === 'FailedScheduling')
        .map((e) => e.series?.count ?? 1)
        .sort(),
    ).toEqual([1, 2]);
  });
});
