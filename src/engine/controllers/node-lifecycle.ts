/**
 * The node lifecycle controller (kube-controller-manager): every
 * nodeMonitorPeriod it checks each node's health signals (the kubelet's
 * Lease renewals and Ready heartbeats). A node silent for longer than
 * nodeMonitorGracePeriod gets Ready, MemoryPressure, DiskPressure and
 * PIDPressure set to Unknown; its Pods are marked Ready=False
 * (MarkPodsNotReady); on the next pass it is queued for the
 * `node.kubernetes.io/unreachable:NoExecute` taint, which the taint eviction
 * controller acts on. A node update also maps conditions to NoSchedule taints
 * (doNoScheduleTaintingPass, "taint nodes by condition").
 * Models pkg/controller/nodelifecycle/node_lifecycle_controller.go and
 * pkg/controller/util/node/controller_utils.go (release-1.33).
 */
import type { Node, NodeCondition, Pod, PodCondition, Taint } from 'kubernetes-types/core/v1';
import { dict } from '../core/dict';
import { USERS } from '../apiserver/authz';
import { isoTime } from '../apiserver/names';
import { request } from '../client/client';
import { recordEvent, REASON } from '../client/events';
import type { Informers } from '../client/informer';
import type { Sim } from '../core/sim';
import type { ApiObject, ComponentId, DetailLevel, Say } from '../types';

/** --node-monitor-period default (KubeCloudSharedConfiguration, staging/src/k8s.io/cloud-provider/config/v1alpha1/defaults.go). */
export const NODE_MONITOR_PERIOD_MS = 5_000;
/** --node-monitor-grace-period default: 50 s since v1.32 (kubernetes#126287; 40 s before), nodelifecycle/config/v1alpha1/defaults.go. */
export const NODE_MONITOR_GRACE_PERIOD_MS = 50_000;
/** doNoExecuteTaintingPass runs every scheduler.NodeEvictionPeriod (100 ms); the zone's rate limiter lets the first node through at once. */
export const NODE_EVICTION_PERIOD_MS = 100;

export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';

import { NODE_CONDITION_TYPES, NODE_STATUS_UNKNOWN } from './node-conditions';
export { NODE_CONDITION_TYPES, NODE_STATUS_UNKNOWN };

/** nodeConditionToTaintKeyStatusMap: which condition status earns which NoSchedule taint. */
const CONDITION_TAINTS: Record<string, Record<string, string>> = {
  Ready: { False: TAINT_NOT_READY, Unknown: TAINT_UNREACHABLE },
  MemoryPressure: { True: 'node.kubernetes.io/memory-pressure' },
  DiskPressure: { True: 'node.kubernetes.io/disk-pressure' },
  NetworkUnavailable: { True: 'node.kubernetes.io/network-unavailable' },
  PIDPressure: { True: 'node.kubernetes.io/pid-pressure' },
};
const CONDITION_TAINT_KEYS = new Set(Object.values(CONDITION_TAINTS).flatMap((m) => Object.values(m)));

interface NodeHealth {
  /** When the controller last saw a sign of life, on its own clock (probeTimestamp). */
  probeTimestamp: number;
  heartbeat?: string;
  leaseRenewTime?: string;
}

export interface NodeLifecycleState {
  health: Record<string, NodeHealth>;
  /** zoneNoExecuteTainter: nodes queued for a NoExecute taint. */
  taintQueue: Record<string, true>;
  /** Requests in flight: id → what to do with the answer. */
  pending: Record<
    number,
    { action: 'node-status'; node: string } | { action: 'taint'; node: string } | { action: 'pod-status'; pod: Pod }
  >;
  /** Nodes whose status update or taint patch is in flight, so a pass does not send it twice. */
  busy: Record<string, true>;
}

export function initNodeLifecycle(): NodeLifecycleState {
  return { health: dict(), taintQueue: dict(), pending: dict(), busy: dict() };
}

type World = { controllerManager: { informers: Informers; nodeLifecycle: NodeLifecycleState } };
type NSim = Sim<World>;
const SELF: ComponentId = 'kube-controller-manager';
const USER = USERS.nodeController;

export function conditionOf(node: Node, type: string): NodeCondition | undefined {
  return node.status?.conditions?.find((c) => c.type === type);
}

/**
 * The decision tryUpdateNodeHealth makes: is the node silent for longer than
 * its grace period? `now` after probeTimestamp + grace, strictly.
 */
export function nodeHealthExpired(
  now: number,
  probeTimestamp: number,
  graceMs = NODE_MONITOR_GRACE_PERIOD_MS,
): boolean {
  return now > probeTimestamp + graceMs;
}

/**
 * The conditions after the grace period: each of Ready and the pressures that
 * is not Unknown already becomes Unknown, NodeStatusUnknown, with a new
 * lastTransitionTime; lastHeartbeatTime stays what the kubelet last posted.
 */
export function unknownConditions(conditions: NodeCondition[], now: string): NodeCondition[] {
  const out = conditions.map((c) =>
    (NODE_CONDITION_TYPES as readonly string[]).includes(c.type) && c.status !== 'Unknown'
      ? { ...c, status: 'Unknown', ...NODE_STATUS_UNKNOWN, lastTransitionTime: now }
      : c,
  );
  for (const type of NODE_CONDITION_TYPES) {
    if (out.some((c) => c.type === type)) continue;
    out.push({
      type,
      status: 'Unknown',
      reason: 'NodeStatusNeverUpdated',
      message: 'Kubelet never posted node status.',
      lastTransitionTime: now,
    });
  }
  return out;
}

/** doNoScheduleTaintingPass: the NoSchedule taints a node's conditions (and spec.unschedulable) call for. */
export function noScheduleTaintsFor(node: Node): string[] {
  const keys: string[] = [];
  for (const c of node.status?.conditions ?? []) {
    const key = CONDITION_TAINTS[c.type]?.[c.status];
    if (key) keys.push(key);
  }
  if (node.spec?.unschedulable) keys.push('node.kubernetes.io/unschedulable');
  return keys;
}

function hasTaint(node: Node, key: string, effect: string): boolean {
  return (node.spec?.taints ?? []).some((t) => t.key === key && t.effect === effect);
}

/**
 * Models SwapNodeControllerTaint: add taints (each with timeAdded = now),
 * remove others, as one new list for a PATCH of the Node.
 */
export function swapTaints(taints: Taint[], add: Taint[], remove: Taint[], now: string): Taint[] {
  const same = (a: Taint, b: Taint): boolean => a.key === b.key && a.effect === b.effect;
  const kept = taints.filter((t) => !remove.some((r) => same(r, t)) && !add.some((a) => same(a, t)));
  return [...kept, ...add.map((t) => ({ ...t, timeAdded: now }))];
}

function nodes(sim: NSim): Node[] {
  const objects = sim.world.controllerManager.informers.cache.objects;
  return Object.values(objects)
    .filter((o) => o.kind === 'Node')
    .map((o) => o as unknown as Node);
}

function leaseOf(sim: NSim, node: string): ApiObject | undefined {
  return sim.world.controllerManager.informers.cache.objects[`/registry/leases/kube-node-lease/${node}`];
}

export function podsOnNode(objects: Record<string, ApiObject>, node: string): [string, Pod][] {
  return Object.entries(objects)
    .filter(([, o]) => o.kind === 'Pod' && (o as unknown as Pod).spec?.nodeName === node)
    .map(([key, o]) => [key, o as unknown as Pod]);
}

/** The first pass comes one period after the controller starts; each pass books the next. */
export function startNodeLifecycle(sim: NSim): void {
  sim.send({ from: SELF, to: SELF, msg: { type: 'node-monitor' }, periodic: true }, NODE_MONITOR_PERIOD_MS);
}

/**
 * monitorNodeHealth: one pass over every node. A pass is repetition
 * (periodic) while every node is healthy or already dealt with; while a node
 * has fallen silent and the controller still has work for it, the next pass
 * is not, so the run lasts until the controller has acted.
 */
export function monitorNodeHealth(sim: NSim): void {
  const st = sim.world.controllerManager.nodeLifecycle;
  const now = sim.now;
  let unsettled = false;
  const ages: string[] = [];
  const silent: string[] = [];
  const all = nodes(sim);
  // handleDisruption: when no node is Ready the controller blames itself, not the nodes
  // ("Entering master disruption mode"): it takes the NoExecute taints off and evicts nothing.
  const fullDisruption =
    all.length > 0 &&
    all.every((n) => {
      const h = st.health[n.metadata!.name!];
      const expired = h !== undefined && nodeHealthExpired(now, h.probeTimestamp);
      return expired || conditionOf(n, 'Ready')?.status !== 'True';
    });
  for (const node of all) {
    const name = node.metadata!.name!;
    const ready = conditionOf(node, 'Ready');
    let h = st.health[name];
    if (!h) {
      // "Missing timestamp for Node. Assuming now as a timestamp."
      h = st.health[name] = { probeTimestamp: now, heartbeat: ready?.lastHeartbeatTime };
    } else if (ready?.lastHeartbeatTime !== h.heartbeat) {
      h.heartbeat = ready?.lastHeartbeatTime;
      h.probeTimestamp = now;
    }
    // "Always update the probe time if node lease is renewed."
    const lease = leaseOf(sim, name);
    const renewTime = (lease?.spec as { renewTime?: string } | undefined)?.renewTime;
    if (renewTime && (h.leaseRenewTime === undefined || h.leaseRenewTime < renewTime)) {
      h.leaseRenewTime = renewTime;
      h.probeTimestamp = now;
    }
    const age = now - h.probeTimestamp;
    ages.push(`${name} ${Math.round(age / 1000)} s`);
    const observed = ready?.status ?? 'Unknown';

    if (nodeHealthExpired(now, h.probeTimestamp) && observed !== 'Unknown' && !st.busy[name]) {
      updateNodeStatusUnknown(sim, node, age);
    }
    processTaintBaseEviction(sim, node, fullDisruption ? 'True' : observed);

    // The kubelet renews every leaseDurationSeconds/4; a Lease older than that plus a pass is overdue.
    const duration = Number((lease?.spec as { leaseDurationSeconds?: number } | undefined)?.leaseDurationSeconds ?? 40);
    const overdue = age > (duration * 1000) / 4 + NODE_MONITOR_PERIOD_MS;
    const dealtWith = observed === 'Unknown' && (fullDisruption || hasTaint(node, TAINT_UNREACHABLE, 'NoExecute'));
    if (overdue && !dealtWith) {
      silent.push(`${name} ${Math.round(age / 1000)} s`);
      unsettled = true;
    }
  }
  sim.note(SELF, {
    kind: 'internal',
    level: silent.length ? 'standard' : 'deep',
    say: silent.length
      ? {
          key: 'node-monitor-silent',
          params: { nodes: silent.join(', '), grace: NODE_MONITOR_GRACE_PERIOD_MS / 1000 },
        }
      : { key: 'node-monitor', params: { nodes: ages.join(', ') || '—' } },
  });
  sim.send({ from: SELF, to: SELF, msg: { type: 'node-monitor' }, periodic: !unsettled }, NODE_MONITOR_PERIOD_MS);
}

/** tryUpdateNodeHealth past the grace period: PUT nodes/<name>/status with the conditions Unknown. */
function updateNodeStatusUnknown(sim: NSim, node: Node, ageMs: number): void {
  const st = sim.world.controllerManager.nodeLifecycle;
  const name = node.metadata!.name!;
  const conditions = unknownConditions(node.status?.conditions ?? [], isoTime(sim.now));
  st.busy[name] = true;
  const id = request(sim, SELF, {
    verb: 'update',
    resource: 'nodes',
    name,
    subresource: 'status',
    body: {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {},
      status: { ...node.status, conditions },
    } as unknown as ApiObject,
    user: USER,
    level: 'overview',
    say: {
      key: 'node-lifecycle-unknown',
      params: { node: name, seconds: Math.round(ageMs / 1000), grace: NODE_MONITOR_GRACE_PERIOD_MS / 1000 },
    },
  });
  st.pending[id] = { action: 'node-status', node: name };
}

/**
 * processTaintBaseEviction, on the Ready condition the pass read (before
 * its own update): Unknown queues the unreachable taint, False the not-ready
 * one (swapped at once if the opposite one is there); True takes them off.
 */
function processTaintBaseEviction(sim: NSim, node: Node, observed: string): void {
  const st = sim.world.controllerManager.nodeLifecycle;
  const name = node.metadata!.name!;
  if (observed === 'Unknown' || observed === 'False') {
    const want = observed === 'Unknown' ? TAINT_UNREACHABLE : TAINT_NOT_READY;
    const opposite = observed === 'Unknown' ? TAINT_NOT_READY : TAINT_UNREACHABLE;
    if (hasTaint(node, want, 'NoExecute') || st.taintQueue[name] || st.busy[name]) return;
    if (hasTaint(node, opposite, 'NoExecute')) return patchTaints(sim, node, want, opposite);
    // markNodeForTainting: the zone's queue; doNoExecuteTaintingPass takes it within one NodeEvictionPeriod.
    st.taintQueue[name] = true;
    sim.send(
      { from: SELF, to: SELF, msg: { type: 'node-noexecute-taint', node: name } },
      sim.latency(1, NODE_EVICTION_PERIOD_MS),
    );
    return;
  }
  // markNodeAsReachable: a Ready node loses both NoExecute taints.
  if (hasTaint(node, TAINT_UNREACHABLE, 'NoExecute') || hasTaint(node, TAINT_NOT_READY, 'NoExecute')) {
    if (!st.busy[name]) patchTaints(sim, node, undefined, undefined);
  }
}

/** doNoExecuteTaintingPass for one queued node: the taint that mirrors its Ready condition now. */
export function noExecuteTaintingPass(sim: NSim, nodeName: string): void {
  const st = sim.world.controllerManager.nodeLifecycle;
  delete st.taintQueue[nodeName];
  const node = sim.world.controllerManager.informers.cache.objects[`/registry/minions/${nodeName}`] as unknown as
    Node | undefined;
  if (!node) return;
  if (st.busy[nodeName]) {
    // Another write to the node is in flight: try again shortly, as the pass does on a failed Try.
    st.taintQueue[nodeName] = true;
    sim.send({ from: SELF, to: SELF, msg: { type: 'node-noexecute-taint', node: nodeName } }, 50);
    return;
  }
  const status = conditionOf(node, 'Ready')?.status;
  // "It seems that the Node is ready again, so there's no need to taint it."
  if (status === 'Unknown') patchTaints(sim, node, TAINT_UNREACHABLE, TAINT_NOT_READY);
  else if (status === 'False') patchTaints(sim, node, TAINT_NOT_READY, TAINT_UNREACHABLE);
}

/** PATCH the Node's taints: add `add` as NoExecute, drop `remove`; both undefined: drop both NoExecute taints. */
function patchTaints(sim: NSim, node: Node, add: string | undefined, remove: string | undefined): void {
  const name = node.metadata!.name!;
  const removeList: Taint[] = add
    ? [{ key: remove!, effect: 'NoExecute' }]
    : [
        { key: TAINT_UNREACHABLE, effect: 'NoExecute' },
        { key: TAINT_NOT_READY, effect: 'NoExecute' },
      ];
  const taints = swapTaints(
    node.spec?.taints ?? [],
    add ? [{ key: add, effect: 'NoExecute' }] : [],
    removeList,
    isoTime(sim.now),
  );
  writeTaints(
    sim,
    name,
    taints,
    add ? 'overview' : 'standard',
    add
      ? { key: 'node-lifecycle-taint-noexecute', params: { node: name, taint: `${add}:NoExecute` } }
      : { key: 'node-lifecycle-untaint', params: { node: name } },
  );
}

/** PATCH the Node's taints; the node is busy until the answer comes back. */
function writeTaints(sim: NSim, name: string, taints: Taint[], level: DetailLevel, say: Say): void {
  const st = sim.world.controllerManager.nodeLifecycle;
  st.busy[name] = true;
  const id = request(sim, SELF, {
    verb: 'patch',
    resource: 'nodes',
    name,
    body: { apiVersion: 'v1', kind: 'Node', metadata: {}, spec: { taints } } as unknown as ApiObject,
    user: USER,
    level,
    say,
  });
  st.pending[id] = { action: 'taint', node: name };
}

/**
 * A Node changed (the node informer's update handler): doNoScheduleTaintingPass
 * adds the NoSchedule taints its conditions call for and drops the ones they
 * no longer do.
 */
export function noScheduleTaintingPass(sim: NSim, node: Node): void {
  const st = sim.world.controllerManager.nodeLifecycle;
  const name = node.metadata!.name!;
  if (st.busy[name]) return; // the answer to the write in flight brings the node back here
  const want = noScheduleTaintsFor(node);
  const have = (node.spec?.taints ?? []).filter((t) => t.effect === 'NoSchedule' && CONDITION_TAINT_KEYS.has(t.key));
  const add = want.filter((k) => !have.some((t) => t.key === k));
  const remove = have.filter((t) => !want.includes(t.key));
  if (!add.length && !remove.length) return;
  const taints = swapTaints(
    node.spec?.taints ?? [],
    add.map((key) => ({ key, effect: 'NoSchedule' })),
    remove,
    isoTime(sim.now),
  );
  writeTaints(sim, name, taints, 'standard', {
    key: 'node-lifecycle-taint-noschedule',
    params: {
      node: name,
      added: add.map((k) => `${k}:NoSchedule`).join(', ') || '—',
      removed: remove.map((t) => `${t.key}:NoSchedule`).join(', ') || '—',
    },
  });
}

/** An answer from kube-apiserver; true when it was for this controller. */
export function nodeLifecycleAnswered(sim: NSim, id: number, status: number, body?: ApiObject): boolean {
  const st = sim.world.controllerManager.nodeLifecycle;
  const p = st.pending[id];
  if (!p) return false;
  delete st.pending[id];
  if (p.action === 'pod-status') {
    // "record NodeNotReady event after updateStatus to make sure pod still exists"
    if (status === 200) {
      recordEvent(sim, SELF, {
        object: (body ?? p.pod) as unknown as ApiObject,
        reason: REASON.NodeNotReady,
        type: 'Warning',
        message: 'Node is not ready',
        component: 'node-controller',
        user: USER,
      });
    }
    return true;
  }
  delete st.busy[p.node];
  if (p.action === 'taint' || status !== 200 || !body) return true;
  // The node's Ready condition went from True to not True: the event, then MarkPodsNotReady.
  const node = body as unknown as Node;
  recordEvent(sim, SELF, {
    // RecordNodeStatusChange refers to the Node by apiVersion, kind, name and uid only.
    object: { apiVersion: 'v1', kind: 'Node', metadata: { name: p.node, uid: body.metadata.uid } },
    reason: REASON.NodeNotReady,
    type: 'Normal',
    message: `Node ${p.node} status is now: NodeNotReady`,
    component: 'node-controller',
    user: USER,
  });
  markPodsNotReady(sim, p.node);
  // Catch up with the taints the new conditions call for, in case the watch event came first.
  noScheduleTaintingPass(sim, node);
  return true;
}

/** The Ready condition of a Pod set to False, as MarkPodsNotReady writes it; null if it is not True now. */
export function podNotReadyConditions(conditions: PodCondition[], now: string): PodCondition[] | null {
  const ready = conditions.find((c) => c.type === 'Ready');
  if (!ready || ready.status === 'False') return null;
  return conditions.map((c) => (c.type === 'Ready' ? { ...c, status: 'False', lastTransitionTime: now } : c));
}

/** MarkPodsNotReady: PUT pods/<name>/status with Ready=False, then a Warning NodeNotReady on the Pod. */
function markPodsNotReady(sim: NSim, nodeName: string): void {
  const objects = sim.world.controllerManager.informers.cache.objects;
  for (const [, pod] of podsOnNode(objects, nodeName)) {
    const conditions = podNotReadyConditions(pod.status?.conditions ?? [], isoTime(sim.now));
    if (!conditions) continue;
    const id = request(sim, SELF, {
      verb: 'update',
      resource: 'pods',
      namespace: pod.metadata!.namespace,
      name: pod.metadata!.name!,
      subresource: 'status',
      body: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { uid: pod.metadata!.uid },
        status: { ...pod.status, conditions },
      } as unknown as ApiObject,
      user: USER,
      level: 'overview',
      say: { key: 'node-lifecycle-pod-not-ready', params: { pod: pod.metadata!.name!, node: nodeName } },
    });
    sim.world.controllerManager.nodeLifecycle.pending[id] = { action: 'pod-status', pod };
  }
}
