/**
 * Table-driven tests of the plugins added for v1.33's default profile and of
 * the scheduling queue, with the integers the upstream formulas give.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { cycleState, defaultNormalizeScore, FILTERS, nodeInfoOf, runFilterPlugins, runScorePlugins } from './plugins';
import {
  addAfterError,
  addPod,
  addUnschedulable,
  backoffDuration,
  backoffExpiry,
  flushBackoffCompleted,
  flushUnschedulableLeftover,
  moveOnEvent,
  newQueue,
  nextLeftoverFlush,
  pop,
} from './queue';

const node = (name: string, labels: Record<string, string> = {}): Node => ({
  metadata: { name, labels: { 'kubernetes.io/hostname': name, ...labels } },
  status: { allocatable: { cpu: '4', memory: '8Gi', pods: '110' } },
});
let n = 0;
const pod = (labels: Record<string, string> = {}, spec: Partial<NonNullable<Pod['spec']>> = {}): Pod => ({
  metadata: { name: `p${n++}`, namespace: 'default', labels },
  spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec },
});
const verdict = (p: Pod, nodes: Node[], pods: Record<string, Pod[]>, name: string) => {
  const infos = nodes.map((nd) => nodeInfoOf(nd, pods[nd.metadata!.name!] ?? []));
  const r = runFilterPlugins(
    p,
    infos.find((i) => i.node.metadata!.name === name)!,
    cycleState(p, infos),
  );
  return r.fit ? 'fit' : { plugin: r.plugin, reasons: r.reasons, unresolvable: !!r.unresolvable };
};
const scores = (plugin: string, p: Pod, nodes: Node[], pods: Record<string, Pod[]>) => {
  const infos = nodes.map((nd) => nodeInfoOf(nd, pods[nd.metadata!.name!] ?? []));
  return runScorePlugins(p, infos, cycleState(p, infos)).find((s) => s.plugin === plugin)!;
};

describe('the default profile', () => {
  it('filters in the order of default_plugins.go', () => {
    expect(FILTERS.map((f) => f.name)).toEqual([
      'NodeUnschedulable',
      'NodeName',
      'TaintToleration',
      'NodeAffinity',
      'NodePorts',
      'NodeResourcesFit',
      'VolumeBinding',
      'PodTopologySpread',
      'InterPodAffinity',
    ]);
  });

  it('scores with the weights of default_plugins.go', () => {
    const p = pod();
    const infos = [nodeInfoOf(node('a'), [])];
    expect(runScorePlugins(p, infos, cycleState(p, infos)).map((s) => [s.plugin, s.weight])).toEqual([
      ['TaintToleration', 3],
      ['NodeAffinity', 2],
      ['NodeResourcesFit', 1],
      ['PodTopologySpread', 2],
      ['InterPodAffinity', 2],
      ['NodeResourcesBalancedAllocation', 1],
      ['ImageLocality', 1],
    ]);
  });
});

describe('NodeName and NodePorts filters', () => {
  const withPort = (hostPort: number, protocol = 'TCP', hostIP?: string) =>
    pod(
      {},
      { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80, hostPort, protocol, hostIP }] }] },
    );
  it.each([
    ['same port and protocol', withPort(8080), withPort(8080), false],
    ['another protocol', withPort(8080, 'UDP'), withPort(8080), true],
    ['another port', withPort(8081), withPort(8080), true],
    ['two specific IPs', withPort(8080, 'TCP', '127.0.0.1'), withPort(8080, 'TCP', '127.0.0.2'), true],
    ['0.0.0.0 against a specific IP', withPort(8080), withPort(8080, 'TCP', '127.0.0.1'), false],
  ])('%s', (_, incoming, existing, fits) => {
    expect(verdict(incoming, [node('a')], { a: [existing] }, 'a')).toEqual(
      fits
        ? 'fit'
        : {
            plugin: 'NodePorts',
            reasons: ["node(s) didn't have free ports for the requested pod ports"],
            unresolvable: false,
          },
    );
  });

  it('rejects every node but the named one, unresolvably', () => {
    expect(verdict(pod({}, { nodeName: 'b' }), [node('a'), node('b')], {}, 'a')).toEqual({
      plugin: 'NodeName',
      reasons: ["node(s) didn't match the requested node name"],
      unresolvable: true,
    });
  });
});

describe('PodTopologySpread', () => {
  const foo = { key: 'foo', operator: 'Exists' };
  const spread = (when: string, maxSkew = 1, key = 'kubernetes.io/hostname') =>
    pod(
      { foo: '' },
      {
        topologySpreadConstraints: [
          { maxSkew, topologyKey: key, whenUnsatisfiable: when, labelSelector: { matchExpressions: [foo] } },
        ],
      },
    );
  const existing = (count: number) => Array.from({ length: count }, () => pod({ foo: '' }));

  it.each([
    ['node with the fewest matching Pods', 'c', 'fit'],
    [
      'node at the skew limit',
      'b',
      { reasons: ["node(s) didn't match pod topology spread constraints"], unresolvable: false },
    ],
  ])('DoNotSchedule, maxSkew 1, counts a:2 b:1 c:0 — %s', (_, target, want) => {
    const got = verdict(
      spread('DoNotSchedule'),
      [node('a'), node('b'), node('c')],
      { a: existing(2), b: existing(1) },
      target,
    );
    expect(got === 'fit' ? 'fit' : { reasons: got.reasons, unresolvable: got.unresolvable }).toEqual(want);
  });

  it('DoNotSchedule on a node without the topology label: missing required label, unresolvable', () => {
    const got = verdict(spread('DoNotSchedule', 1, 'zone'), [node('a', { zone: 'z1' }), node('b')], {}, 'b');
    expect(got).toEqual({
      plugin: 'PodTopologySpread',
      reasons: ["node(s) didn't match pod topology spread constraints (missing required label)"],
      unresolvable: true,
    });
  });

  it('ScheduleAnyway, counts a:2 b:1 c:0 d:3: raw round(count·ln 6), normalized 100·(max+min−s)/max', () => {
    const s = scores('PodTopologySpread', spread('ScheduleAnyway'), [node('a'), node('b'), node('c'), node('d')], {
      a: existing(2),
      b: existing(1),
      d: existing(3),
    });
    // ln(4 + 2) = 1.79: 3.58 → 4, 1.79 → 2, 0, 5.38 → 5.
    expect(s.raw).toEqual([4, 2, 0, 5]);
    expect(s.scores).toEqual([20, 60, 100, 0]);
  });

  // pkg/scheduler/framework/plugins/podtopologyspread/scoring_test.go TestPodTopologySpreadScore, case by case.
  type Case = {
    name: string;
    constraints: [number, string, string][];
    /** Matching Pods per node: [node, zone?, count of foo, count of bar, count of foo+bar]. */
    nodes: [string, string | undefined, number, number?, number?][];
    failed?: [string, string | undefined, number, number?, number?][];
    service?: boolean;
    want: number[];
  };
  const H = 'kubernetes.io/hostname';
  const cases: Case[] = [
    {
      name: 'one constraint on node, all 4 nodes are candidates',
      constraints: [[1, H, 'foo']],
      nodes: [
        ['node-a', undefined, 2],
        ['node-b', undefined, 1],
        ['node-c', undefined, 0],
        ['node-d', undefined, 3],
      ],
      want: [20, 60, 100, 0],
    },
    {
      name: 'one constraint on node, all 4 nodes are candidates, maxSkew=2',
      constraints: [[2, H, 'foo']],
      nodes: [
        ['node-a', undefined, 2],
        ['node-b', undefined, 1],
        ['node-c', undefined, 0],
        ['node-d', undefined, 3],
      ],
      want: [33, 66, 100, 16],
    },
    {
      name: 'one constraint on node, all 4 nodes are candidates, maxSkew=3',
      constraints: [[3, H, 'foo']],
      nodes: [
        ['node-a', undefined, 4],
        ['node-b', undefined, 3],
        ['node-c', undefined, 2],
        ['node-d', undefined, 1],
      ],
      want: [44, 66, 77, 100],
    },
    {
      name: "system defaulting, nodes don't have zone, pods match service",
      constraints: [],
      service: true,
      nodes: [
        ['node-a', undefined, 4],
        ['node-b', undefined, 3],
        ['node-c', undefined, 2],
        ['node-d', undefined, 1],
      ],
      want: [44, 66, 77, 100],
    },
    {
      name: 'one constraint on node, 3 out of 4 nodes are candidates',
      constraints: [[1, H, 'foo']],
      nodes: [
        ['node-a', undefined, 4],
        ['node-b', undefined, 2],
        ['node-x', undefined, 1],
      ],
      failed: [['node-y', undefined, 3]],
      want: [33, 83, 100],
    },
    {
      name: 'one constraint on zone, 3 out of 4 nodes are candidates',
      constraints: [[1, 'zone', 'foo']],
      nodes: [
        ['node-a', 'zone1', 4],
        ['node-b', 'zone1', 2],
        ['node-x', 'zone2', 1],
      ],
      failed: [['node-y', 'zone2', 3]],
      want: [75, 75, 100],
    },
    {
      name: 'two Constraints on zone and node, 2 out of 4 nodes are candidates',
      constraints: [
        [1, 'zone', 'foo'],
        [1, H, 'foo'],
      ],
      nodes: [
        ['node-a', 'zone1', 2],
        ['node-x', 'zone2', 2],
      ],
      failed: [
        ['node-b', 'zone1', 1],
        ['node-y', 'zone2', 4],
      ],
      want: [100, 63],
    },
    {
      name: 'two Constraints on zone and node, with different labelSelectors',
      constraints: [
        [1, 'zone', 'foo'],
        [1, H, 'bar'],
      ],
      nodes: [
        ['node-a', 'zone1', 1],
        ['node-b', 'zone1', 0, 0, 1],
        ['node-x', 'zone2', 0],
        ['node-y', 'zone2', 1, 1],
      ],
      want: [60, 20, 100, 60],
    },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('upstream: %s', (_, c) => {
    const sel = (k: string) => ({ matchExpressions: [{ key: k, operator: 'Exists' }] });
    const incoming = pod(
      { foo: '', ...(c.constraints.some(([, , k]) => k === 'bar') ? { bar: '' } : {}) },
      {
        topologySpreadConstraints: c.constraints.map(([maxSkew, topologyKey, k]) => ({
          maxSkew,
          topologyKey,
          whenUnsatisfiable: 'ScheduleAnyway',
          labelSelector: sel(k),
        })),
      },
    );
    const info = ([name, zone, foos, bars = 0, both = 0]: Case['nodes'][number]) =>
      nodeInfoOf(node(name, zone ? { zone } : {}), [
        ...Array.from({ length: foos }, () => pod({ foo: '' })),
        ...Array.from({ length: bars }, () => pod({ bar: '' })),
        ...Array.from({ length: both }, () => pod({ foo: '', bar: '' })),
      ]);
    const filtered = c.nodes.map(info);
    const all = [...filtered, ...(c.failed ?? []).map(info)];
    const listers = {
      replicaSets: [],
      services: c.service ? [{ metadata: { name: 's', namespace: 'default' }, spec: { selector: { foo: '' } } }] : [],
    };
    const got = runScorePlugins(incoming, filtered, cycleState(incoming, all, listers)).find(
      (s) => s.plugin === 'PodTopologySpread',
    )!;
    expect(got.scores).toEqual(c.want);
  });

  it('a Pod with no constraints and no owner or Service has nothing to spread by: skipped', () => {
    expect(scores('PodTopologySpread', pod({ app: 'x' }), [node('a'), node('b')], {}).skipped).toBe(true);
  });
});

describe('InterPodAffinity', () => {
  const term = (labels: Record<string, string>, key = 'kubernetes.io/hostname') => ({
    labelSelector: { matchLabels: labels },
    topologyKey: key,
  });
  const web = pod({ app: 'web' });
  it.each([
    [
      'required anti-affinity against a Pod on the node',
      pod(
        {},
        { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'web' })] } } },
      ),
      { plugin: 'InterPodAffinity', reasons: ["node(s) didn't match pod anti-affinity rules"], unresolvable: false },
    ],
    [
      'required affinity no Pod anywhere satisfies',
      pod({}, { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'db' })] } } }),
      { plugin: 'InterPodAffinity', reasons: ["node(s) didn't match pod affinity rules"], unresolvable: true },
    ],
    [
      'required affinity to its own kind, the first of them',
      pod(
        { app: 'db' },
        { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'db' })] } } },
      ),
      'fit',
    ],
    [
      'required affinity to a Pod on the node',
      pod(
        {},
        { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'web' })] } } },
      ),
      'fit',
    ],
  ])('%s', (_, incoming, want) => {
    expect(verdict(incoming, [node('a')], { a: [web] }, 'a')).toEqual(want);
  });

  it("an existing Pod's required anti-affinity keeps the incoming Pod away", () => {
    const guard = pod(
      {},
      { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'web' })] } } },
    );
    expect(verdict(pod({ app: 'web' }), [node('a')], { a: [guard] }, 'a')).toEqual({
      plugin: 'InterPodAffinity',
      reasons: ["node(s) didn't satisfy existing pods anti-affinity rules"],
      unresolvable: false,
    });
  });

  it('scores preferred terms per topology domain: weight 5 affinity, weight 3 anti-affinity', () => {
    const p = pod(
      {},
      {
        affinity: {
          podAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 5, podAffinityTerm: term({ app: 'db' }) }],
          },
          podAntiAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 3, podAffinityTerm: term({ app: 'web' }) }],
          },
        },
      },
    );
    const s = scores('InterPodAffinity', p, [node('a'), node('b'), node('c')], { a: [pod({ app: 'db' })], b: [web] });
    // a: +5, b: −3, c: 0 → 100·(s − min)/(max − min): 100, 0, 37.
    expect(s.raw).toEqual([5, -3, 0]);
    expect(s.scores).toEqual([100, 0, 37]);
  });
});

describe('NodeAffinity score', () => {
  it('sums the weights of the preferred terms each node matches, normalized to the best', () => {
    const p = pod(
      {},
      {
        affinity: {
          nodeAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              { weight: 2, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] } },
              { weight: 5, preference: { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] } },
            ],
          },
        },
      },
    );
    const s = scores('NodeAffinity', p, [node('n1', { zone: 'a' }), node('n2', { disk: 'ssd' }), node('n3')], {});
    expect(s.raw).toEqual([2, 5, 0]);
    expect(s.scores).toEqual([40, 100, 0]);
  });

  it.each([
    [[0, 0], false, [0, 0]],
    [[0, 0], true, [100, 100]],
    [[1, 3], false, [33, 100]],
    [[1, 3], true, [67, 0]],
  ])('DefaultNormalizeScore(%j, reverse %s) = %j', (raw, reverse, want) => {
    expect(defaultNormalizeScore(raw, reverse)).toEqual(want);
  });
});

describe('the scheduling queue', () => {
  it.each([
    [0, 0],
    [1, 1_000],
    [2, 2_000],
    [3, 4_000],
    [4, 8_000],
    [5, 10_000],
    [9, 10_000],
  ])('after %i attempt(s) the back-off is %i ms', (attempts, ms) => {
    expect(backoffDuration(attempts)).toBe(ms);
  });

  it('orders activeQ by priority, then arrival', () => {
    const q = newQueue();
    addPod(q, 'low', 0, false, 0);
    addPod(q, 'high', 1000, false, 5);
    addPod(q, 'low2', 0, false, 10);
    expect(q.activeQ.map((p) => p.key)).toEqual(['high', 'low', 'low2']);
  });

  it('parks a rejected Pod in unschedulablePods until a hint says Queue, then backs it off', () => {
    const q = newQueue();
    addPod(q, 'p', 0, false, 0);
    pop(q);
    expect(addUnschedulable(q, 'p', ['NodeResourcesFit'], 1_200)).toBe('unschedulable');
    expect(moveOnEvent(q, () => false, 1_500)).toEqual([]);
    // One attempt: 1 s from 1.2 s, aligned up to the 1 s window → 3 s.
    expect(moveOnEvent(q, () => true, 1_500)).toEqual(['p']);
    expect(q.backoffQ.map((p) => backoffExpiry(p))).toEqual([3_000]);
    expect(flushBackoffCompleted(q, 2_999)).toEqual([]);
    expect(flushBackoffCompleted(q, 3_000)).toEqual(['p']);
    expect(q.activeQ.map((p) => p.key)).toEqual(['p']);
  });

  it('sends a Pod straight to backoffQ when a helpful event came during its cycle', () => {
    const q = newQueue();
    addPod(q, 'p', 0, false, 0);
    pop(q);
    moveOnEvent(q, () => true, 100);
    expect(addUnschedulable(q, 'p', ['NodeResourcesFit'], 200)).toBe('backoff');
  });

  it('pops from backoffQ when activeQ is empty (SchedulerPopFromBackoffQ)', () => {
    const q = newQueue();
    addPod(q, 'p', 0, false, 0);
    pop(q);
    moveOnEvent(q, () => true, 100);
    addUnschedulable(q, 'p', [], 200);
    expect(pop(q)).toMatchObject({ pod: { key: 'p', attempts: 2 }, fromBackoff: true });
  });

  it('flushes Pods unschedulable for over 5 minutes on the 30 s tick after', () => {
    const q = newQueue();
    addPod(q, 'p', 0, false, 0);
    pop(q);
    addUnschedulable(q, 'p', ['TaintToleration'], 10_000);
    expect(nextLeftoverFlush(q, 0)).toBe(330_000);
    expect(flushUnschedulableLeftover(q, 310_000)).toEqual([]);
    expect(flushUnschedulableLeftover(q, 330_000)).toEqual(['p']);
  });

  it('backs a Pod off for 1 s after its binding failed', () => {
    const q = newQueue();
    addAfterError(q, 'p', 0, 2_500);
    expect(q.backoffQ.map((p) => backoffExpiry(p))).toEqual([4_000]);
  });

  it('keeps a gated Pod out of activeQ (PreEnqueue: SchedulingGates)', () => {
    const q = newQueue();
    expect(addPod(q, 'g', 0, true, 0)).toBe('gated');
    expect(pop(q)).toBeUndefined();
    expect(moveOnEvent(q, () => true, 5)).toEqual([]);
  });
});
