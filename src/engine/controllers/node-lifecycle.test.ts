import type { Node, NodeCondition, Pod, PodCondition, Taint, Toleration } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import type { Step, Trace } from '../types';
import { printPod } from '../kubectl/print-pod';
import { admitDefaultTolerationSeconds } from '../apiserver/pod-defaults';
import {
  NODE_MONITOR_GRACE_PERIOD_MS,
  NODE_MONITOR_PERIOD_MS,
  nodeHealthExpired,
  noScheduleTaintsFor,
  podNotReadyConditions,
  swapTaints,
  unknownConditions,
} from './node-lifecycle';
import { DISRUPTION_TARGET, evictionDelayMs, withDisruptionTarget } from './taint-eviction';

const UNREACHABLE: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };
const NOT_READY: Taint = { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' };
const tol = (key: string | undefined, seconds?: number, extra: Partial<Toleration> = {}): Toleration => ({
  ...(key ? { key } : {}),
  operator: 'Exists',
  effect: 'NoExecute',
  ...(seconds !== undefined ? { tolerationSeconds: seconds } : {}),
  ...extra,
});

describe('taint eviction: when a Pod on a NoExecute-tainted node goes (processPodOnNode)', () => {
  it.each<[string, Taint[], Toleration[], number]>([
    ['no toleration: at once', [UNREACHABLE], [], 0],
    ['tolerationSeconds 30: after 30 s', [UNREACHABLE], [tol(UNREACHABLE.key, 30)], 30_000],
    [
      'the DefaultTolerationSeconds pair: after 300 s',
      [UNREACHABLE],
      [tol(NOT_READY.key, 300), tol(UNREACHABLE.key, 300)],
      300_000,
    ],
    ['a toleration without seconds: never', [UNREACHABLE], [tol(UNREACHABLE.key)], -1],
    ['tolerationSeconds 0: at once', [UNREACHABLE], [tol(UNREACHABLE.key, 0)], 0],
    ['negative tolerationSeconds: at once', [UNREACHABLE], [tol(UNREACHABLE.key, -5)], 0],
    [
      'two taints: the shortest matching toleration',
      [UNREACHABLE, NOT_READY],
      [tol(NOT_READY.key, 300), tol(UNREACHABLE.key, 30)],
      30_000,
    ],
    ['two taints, one untolerated: at once', [UNREACHABLE, NOT_READY], [tol(UNREACHABLE.key, 300)], 0],
    ['an empty key with Exists tolerates every taint: never', [UNREACHABLE, NOT_READY], [tol(undefined)], -1],
    [
      'a NoSchedule toleration does not tolerate NoExecute: at once',
      [UNREACHABLE],
      [tol(UNREACHABLE.key, undefined, { effect: 'NoSchedule' })],
      0,
    ],
    ['no effect tolerates every effect', [UNREACHABLE], [tol(UNREACHABLE.key, 60, { effect: undefined })], 60_000],
    [
      'Equal compares values',
      [{ key: 'dedicated', value: 'gpu', effect: 'NoExecute' }],
      [{ key: 'dedicated', operator: 'Equal', value: 'cpu', effect: 'NoExecute' }],
      0,
    ],
    [
      'Equal with the same value, no seconds: never',
      [{ key: 'dedicated', value: 'gpu', effect: 'NoExecute' }],
      [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoExecute' }],
      -1,
    ],
  ])('%s', (_, taints, tolerations, want) => {
    expect(evictionDelayMs(taints, tolerations)).toBe(want);
  });
});

describe('DefaultTolerationSeconds admission: which tolerations it adds', () => {
  it.each<[string, Toleration[], string[]]>([
    ['none: both, 300 s', [], ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']],
    ['unreachable NoExecute: only not-ready', [tol(UNREACHABLE.key, 30)], ['node.kubernetes.io/not-ready']],
    [
      'unreachable NoSchedule does not count',
      [tol(UNREACHABLE.key, undefined, { effect: 'NoSchedule' })],
      ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'],
    ],
    ['an empty key with no effect: none', [{ operator: 'Exists' }], []],
  ])('%s', (_, tolerations, want) => {
    const pod: Pod = { spec: { containers: [], tolerations: [...tolerations] } };
    admitDefaultTolerationSeconds(pod);
    const added = pod.spec!.tolerations!.slice(tolerations.length);
    expect(added.map((t) => t.key)).toEqual(want);
    expect(added.every((t) => t.tolerationSeconds === 300 && t.effect === 'NoExecute')).toBe(true);
  });
});

describe('node lifecycle: the grace period (tryUpdateNodeHealth)', () => {
  it('uses the v1.33 defaults: a pass every 5 s, 50 s of silence', () => {
    expect(NODE_MONITOR_PERIOD_MS).toBe(5_000);
    expect(NODE_MONITOR_GRACE_PERIOD_MS).toBe(50_000);
  });

  it.each<[number, number, boolean]>([
    [10_000, 10_000, false],
    [10_000, 59_999, false],
    [10_000, 60_000, false], // exactly the grace period is not yet After
    [10_000, 60_001, true],
    [10_000, 65_000, true],
  ])('last sign of life at %i ms, pass at %i ms → expired %s', (probe, now, want) => {
    expect(nodeHealthExpired(now, probe)).toBe(want);
  });
});

describe('node lifecycle: what it writes', () => {
  const ready: NodeCondition[] = [
    { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory' },
    { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure' },
    { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID' },
    {
      type: 'Ready',
      status: 'True',
      reason: 'KubeletReady',
      message: 'kubelet is posting ready status',
      lastHeartbeatTime: 'HB',
    },
    { type: 'NetworkUnavailable', status: 'False', reason: 'RouteCreated' },
  ];

  it('sets Ready and the pressures to Unknown with the real reason and message, and leaves NetworkUnavailable', () => {
    const out = unknownConditions(ready, 'T');
    for (const type of ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure']) {
      expect(out.find((c) => c.type === type)).toMatchObject({
        status: 'Unknown',
        reason: 'NodeStatusUnknown',
        message: 'Kubelet stopped posting node status.',
        lastTransitionTime: 'T',
      });
    }
    expect(out.find((c) => c.type === 'Ready')?.lastHeartbeatTime).toBe('HB');
    expect(out.find((c) => c.type === 'NetworkUnavailable')).toEqual(ready[4]);
  });

  it('adds a condition the kubelet never posted as NodeStatusNeverUpdated', () => {
    const out = unknownConditions([ready[3]!], 'T');
    expect(out.find((c) => c.type === 'PIDPressure')).toMatchObject({
      status: 'Unknown',
      reason: 'NodeStatusNeverUpdated',
      message: 'Kubelet never posted node status.',
    });
  });

  it('keeps a condition that is Unknown already as it is', () => {
    const already = unknownConditions(ready, 'T1');
    expect(unknownConditions(already, 'T2')).toEqual(already);
  });

  it.each<[string, NodeCondition[], boolean, string[]]>([
    ['a Ready node: none', ready, false, []],
    ['Ready=Unknown: unreachable', unknownConditions(ready, 'T'), false, ['node.kubernetes.io/unreachable']],
    ['Ready=False: not-ready', [{ type: 'Ready', status: 'False' }], false, ['node.kubernetes.io/not-ready']],
    [
      'MemoryPressure=True',
      [{ type: 'MemoryPressure', status: 'True' }],
      false,
      ['node.kubernetes.io/memory-pressure'],
    ],
    ['spec.unschedulable', ready, true, ['node.kubernetes.io/unschedulable']],
  ])('NoSchedule taints by condition: %s', (_, conditions, unschedulable, want) => {
    const node: Node = { spec: { unschedulable }, status: { conditions } };
    expect(noScheduleTaintsFor(node)).toEqual(want);
  });

  it('swaps taints with timeAdded on the added ones only (SwapNodeControllerTaint)', () => {
    const before: Taint[] = [
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule', timeAdded: 'T0' },
      NOT_READY,
    ];
    expect(swapTaints(before, [UNREACHABLE], [NOT_READY], 'T1')).toEqual([
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule', timeAdded: 'T0' },
      { ...UNREACHABLE, timeAdded: 'T1' },
    ]);
  });

  it('marks a ready Pod not ready, and leaves one that is not', () => {
    const conds: PodCondition[] = [
      { type: 'Ready', status: 'True', lastTransitionTime: 'T0' },
      { type: 'ContainersReady', status: 'True' },
    ];
    expect(podNotReadyConditions(conds, 'T1')).toEqual([
      { type: 'Ready', status: 'False', lastTransitionTime: 'T1' },
      { type: 'ContainersReady', status: 'True' },
    ]);
    expect(podNotReadyConditions([{ type: 'Ready', status: 'False' }], 'T1')).toBeNull();
  });

  it('adds DisruptionTarget with the taint manager’s reason and message, once', () => {
    const once = withDisruptionTarget([{ type: 'Ready', status: 'False' }], 'T');
    expect(once?.[1]).toMatchObject({
      type: 'DisruptionTarget',
      status: 'True',
      reason: 'DeletionByTaintManager',
      message: 'Taint manager: deleting due to NoExecute taint',
      lastTransitionTime: 'T',
    });
    expect(withDisruptionTarget(once!, 'T2')).toBeNull();
    expect(DISRUPTION_TARGET.reason).toBe('DeletionByTaintManager');
  });
});

/** The Deployment of 3 on three nodes, with the given tolerations in its template; node-1 goes down at 10 s. */
function nodeDown(tolerations: Toleration[] | undefined, faultAt = 10_000): Trace {
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { ...(tolerations ? { tolerations } : {}), containers: [{ name: 'nginx', image: 'nginx:1.14.2' }] },
      },
    },
  };
  const nodes = [1, 2, 3].map((i) => ({
    name: `node-${i}`,
    cpu: '4',
    memory: '8Gi',
    pods: 110,
    podCIDR: `10.244.${i}.0/24`,
  }));
  return simulate({
    manifests: [deployment],
    cluster: { nodes },
    seed: 1,
    faults: [{ kind: 'node-down', node: 'node-1', atMs: faultAt }],
  });
}

const first = (t: Trace, key: string): Step | undefined => t.steps.find((s) => s.say.key === key);
const podsAt = (t: Trace, seq = t.steps.length - 1): Pod[] =>
  [...t.objectsAt(seq, '/registry/pods/').values()] as unknown as Pod[];

describe('a node that fails (node-down fault)', () => {
  const t = nodeDown([tol(UNREACHABLE.key, 30)]);

  it('declares the node Unknown on the first pass more than 50 s after its last Lease renewal was seen', () => {
    const fault = first(t, 'fault-node-down')!;
    // The last renewal of node-1 the controller saw: the Lease's watch event before the fault.
    const renewals = t.steps.filter(
      (s) =>
        s.kind === 'watch' && s.say.params.resource === 'leases' && s.say.params.name === 'node-1' && s.at < fault.at,
    );
    const seen = renewals[renewals.length - 1]!.at;
    // probeTimestamp is the first monitor pass after it; passes run every 5 s from the start.
    const probe = Math.ceil(seen / NODE_MONITOR_PERIOD_MS) * NODE_MONITOR_PERIOD_MS;
    const unknown = first(t, 'node-lifecycle-unknown')!;
    const pass = Math.floor(unknown.at / NODE_MONITOR_PERIOD_MS) * NODE_MONITOR_PERIOD_MS;
    expect(pass).toBe(probe + NODE_MONITOR_GRACE_PERIOD_MS + NODE_MONITOR_PERIOD_MS);
    expect(unknown.level).toBe('overview');
    expect(unknown.path).toBe('/api/v1/nodes/node-1/status');
  });

  it('writes the real conditions, events and taints', () => {
    const end = t.steps.length - 1;
    const node = t.objectAt('/registry/minions/node-1', end) as unknown as Node;
    expect(node.status?.conditions?.find((c) => c.type === 'Ready')).toMatchObject({
      status: 'Unknown',
      reason: 'NodeStatusUnknown',
      message: 'Kubelet stopped posting node status.',
    });
    expect(node.spec?.taints?.map((x) => `${x.key}:${x.effect}`)).toEqual([
      'node.kubernetes.io/unreachable:NoSchedule',
      'node.kubernetes.io/unreachable:NoExecute',
    ]);
    expect(node.spec?.taints?.every((x) => typeof x.timeAdded === 'string')).toBe(true);
    const events = t.steps.filter((s) => s.kind === 'event').map((s) => s.say.params);
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'Normal',
        reason: 'NodeNotReady',
        message: 'Node node-1 status is now: NodeNotReady',
      }),
    );
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'Warning', reason: 'NodeNotReady', message: 'Node is not ready' }),
    );
    const evicted = podsAt(t).find((p) => p.spec?.nodeName === 'node-1')!;
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'Normal',
        reason: 'TaintManagerEviction',
        message: `Marking for deletion Pod default/${evicted.metadata!.name}`,
      }),
    );
    // The Event about the Node is stored in "default"; its involvedObject is the Node.
    const nodeEvent = [...t.objectsAt(end, '/registry/events/default/node-1.').values()][0] as unknown as {
      involvedObject: { kind: string; name: string };
      source: { component: string };
    };
    expect(nodeEvent.involvedObject).toMatchObject({ kind: 'Node', name: 'node-1' });
    expect(nodeEvent.source.component).toBe('node-controller');
  });

  it('taints NoSchedule with the Unknown status, and NoExecute on the next pass', () => {
    const noSchedule = first(t, 'node-lifecycle-taint-noschedule')!;
    const noExecute = first(t, 'node-lifecycle-taint-noexecute')!;
    const unknown = first(t, 'node-lifecycle-unknown')!;
    expect(noSchedule.at - unknown.at).toBeLessThan(100);
    expect(noExecute.at - unknown.at).toBeGreaterThanOrEqual(NODE_MONITOR_PERIOD_MS - 5);
    expect(noExecute.at - unknown.at).toBeLessThan(NODE_MONITOR_PERIOD_MS + 200);
    expect(noExecute.level).toBe('overview');
  });

  it('deletes the Pod tolerationSeconds after it saw the taint, with DisruptionTarget first', () => {
    const scheduled = first(t, 'taint-eviction-scheduled')!;
    const fire = first(t, 'taint-eviction-fire')!;
    expect(scheduled.say.params.seconds).toBe(30);
    expect(fire.at - scheduled.at).toBe(30_000);
    const condition = first(t, 'taint-eviction-condition')!;
    const del = first(t, 'taint-eviction-delete')!;
    expect(condition.seq).toBeLessThan(del.seq);
    expect(del.verb).toBe('delete');
    const evicted = podsAt(t).find((p) => p.spec?.nodeName === 'node-1')!;
    expect(evicted.status?.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({
      status: 'True',
      reason: 'DeletionByTaintManager',
      message: 'Taint manager: deleting due to NoExecute taint',
    });
  });

  it('ends with the lost Pod Terminating on node-1 and its replacement Running on another node', () => {
    expect(t.end).toBe('settled');
    const pods = podsAt(t);
    const lost = pods.filter((p) => p.spec?.nodeName === 'node-1');
    expect(lost).toHaveLength(1);
    expect(lost[0]!.metadata?.deletionTimestamp).toBeDefined();
    expect(printPod(lost[0]!).status).toBe('Terminating');
    expect(lost[0]!.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('False');
    const live = pods.filter((p) => !p.metadata?.deletionTimestamp);
    expect(live).toHaveLength(3);
    expect(live.every((p) => p.spec?.nodeName !== 'node-1' && p.status?.phase === 'Running')).toBe(true);
    // The replacement came after the eviction, and the scheduler's filters left node-1 out.
    const del = first(t, 'taint-eviction-delete')!;
    const filter = t.steps.find((s) => s.say.key === 'scheduler-filter' && s.seq > del.seq)!;
    expect(filter.say.params.nodes).toBe('node-2, node-3');
    expect(filter.say.params.feasible).toBe(2);
    expect(live.map((p) => p.metadata?.name)).toContain(filter.say.params.pod);
  });

  it('keeps a Pod whose toleration has no tolerationSeconds', () => {
    const forever = nodeDown([tol(UNREACHABLE.key)]);
    expect(forever.end).toBe('settled');
    expect(first(forever, 'node-lifecycle-taint-noexecute')).toBeDefined();
    expect(first(forever, 'taint-eviction-forever')).toBeDefined();
    expect(first(forever, 'taint-eviction-delete')).toBeUndefined();
    expect(podsAt(forever).filter((p) => p.metadata?.deletionTimestamp)).toEqual([]);
  });

  it('deletes at once a Pod with tolerationSeconds 0', () => {
    const now = nodeDown([tol(UNREACHABLE.key, 0)]);
    const taint = first(now, 'node-lifecycle-taint-noexecute')!;
    const fire = first(now, 'taint-eviction-fire')!;
    expect(fire.at - taint.at).toBeLessThan(50);
  });

  it('deletes at once a Pod whose toleration does not match the taint (Equal with a value)', () => {
    // DefaultTolerationSeconds sees a toleration for the key and adds none; this one needs value "x".
    const now = nodeDown([{ key: UNREACHABLE.key, operator: 'Equal', value: 'x', effect: 'NoExecute' }]);
    const taint = first(now, 'node-lifecycle-taint-noexecute')!;
    const at = first(now, 'taint-eviction-now')!;
    const fire = first(now, 'taint-eviction-fire')!;
    expect(at.level).toBe('overview');
    expect(fire.at - taint.at).toBeLessThan(50);
    expect(first(now, 'taint-eviction-scheduled')).toBeUndefined();
  });

  it('waits the 300 s DefaultTolerationSeconds adds, and still ends settled', () => {
    const slow = nodeDown(undefined);
    expect(slow.end).toBe('settled');
    const scheduled = first(slow, 'taint-eviction-scheduled')!;
    const fire = first(slow, 'taint-eviction-fire')!;
    expect(scheduled.say.params.seconds).toBe(300);
    expect(fire.at - scheduled.at).toBe(300_000);
    expect(podsAt(slow).filter((p) => !p.metadata?.deletionTimestamp && p.status?.phase === 'Running')).toHaveLength(3);
  });

  it('evicts nothing when no node is Ready (full disruption: the controller blames itself)', () => {
    const lone = simulate({
      manifests: [
        {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'x' },
          spec: { containers: [{ name: 'x', image: 'nginx:1.14.2' }] },
        },
      ],
      cluster: { nodes: [{ name: 'node-1', cpu: '4', memory: '8Gi', pods: 110, podCIDR: '10.244.1.0/24' }] },
      seed: 1,
      faults: [{ kind: 'node-down', node: 'node-1', atMs: 5_000 }],
    });
    expect(lone.end).toBe('settled');
    expect(first(lone, 'node-lifecycle-unknown')).toBeDefined();
    expect(first(lone, 'node-lifecycle-pod-not-ready')).toBeDefined();
    expect(first(lone, 'node-lifecycle-taint-noschedule')).toBeDefined();
    expect(first(lone, 'node-lifecycle-taint-noexecute')).toBeUndefined();
    expect(first(lone, 'taint-eviction-delete')).toBeUndefined();
  });

  it('records the Warning NodeNotReady on a Pod only after its status write succeeded', () => {
    const write = first(t, 'node-lifecycle-pod-not-ready')!;
    const answer = t.steps.find((s) => s.kind === 'response' && s.seq > write.seq && s.path === write.path)!;
    const warning = t.steps.find((s) => s.kind === 'event' && s.say.params.message === 'Node is not ready')!;
    expect(warning.seq).toBeGreaterThan(answer.seq);
  });

  it('adds nothing to a run without faults but deep monitor passes', () => {
    // A run that lasts past the first pass: the bare Pod, deleted at 8 s.
    const healthy = simulate({
      manifests: [
        {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'x' },
          spec: { containers: [{ name: 'x', image: 'nginx:1.14.2' }] },
        },
      ],
      seed: 1,
      deletes: [{ kind: 'Pod', name: 'x', atMs: 8_000 }],
    });
    const mine = healthy.steps.filter((s) => /^(node-|taint-eviction)/.test(s.say.key));
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((s) => s.say.key === 'node-monitor' && s.level === 'deep')).toBe(true);
  });
});
