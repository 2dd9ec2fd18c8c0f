/**
 * The taint eviction controller (kube-controller-manager, taint-eviction-controller):
 * when a node carries NoExecute taints, each Pod on it that does not
 * tolerate them all is deleted at once; a Pod that tolerates them with
 * tolerationSeconds is deleted when the shortest of those has passed since
 * the controller saw the taint; a toleration without tolerationSeconds
 * keeps the Pod forever. Before deleting, it records TaintManagerEviction and
 * adds the DisruptionTarget condition. The delete is an ordinary graceful one.
 * Models pkg/controller/tainteviction/taint_eviction.go and timed_workers.go
 * (release-1.33).
 */
import type { Node, Pod, PodCondition, Taint, Toleration } from 'kubernetes-types/core/v1';
import { USERS } from '../apiserver/authz';
import { isoTime } from '../apiserver/names';
import { request } from '../client/client';
import { recordEvent, REASON } from '../client/events';
import type { Informers } from '../client/informer';
import type { Sim } from '../core/sim';
import type { ApiObject, ComponentId } from '../types';
import { podsOnNode } from './node-lifecycle';

/** The event source and the condition it writes (addConditionAndDeletePod). */
export const TAINT_EVICTION_CONTROLLER = 'taint-eviction-controller';
export const DISRUPTION_TARGET = {
  type: 'DisruptionTarget',
  status: 'True',
  reason: 'DeletionByTaintManager',
  message: 'Taint manager: deleting due to NoExecute taint',
};

export interface TaintEvictionState {
  /** taintedNodes: the NoExecute taints of each tainted node. */
  taintedNodes: Record<string, Taint[]>;
  /**
   * taintEvictionQueue: a timed worker per Pod key. A worker that has fired
   * stays as `done`, so the same Pod is not scheduled twice (as the real
   * queue keeps a nil worker).
   */
  work: Record<string, { createdAt: number; fireAt: number; token: number } | 'done'>;
  nextToken: number;
  /** The node each Pod was last seen on (PodUpdated acts when it changes). */
  podNodes: Record<string, string>;
  /** DisruptionTarget patches in flight: id → the Pod to delete next. */
  pending: Record<number, { namespace: string; name: string }>;
}

export function initTaintEviction(): TaintEvictionState {
  return { taintedNodes: {}, work: {}, nextToken: 1, podNodes: {}, pending: {} };
}

type World = { controllerManager: { informers: Informers; taintEviction: TaintEvictionState } };
type TSim = Sim<World>;
const SELF: ComponentId = 'kube-controller-manager';
// "taint-manager uses existing cluster role from node-controller" (cmd/kube-controller-manager/app/core.go).
const USER = USERS.nodeController;

/** Toleration.ToleratesTaint (k8s.io/api/core/v1/toleration.go). */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (t.operator === 'Exists') return true;
  return (t.value ?? '') === (taint.value ?? '');
}

/** v1helper.GetMatchingTolerations: are all taints tolerated, and by which tolerations. */
export function matchingTolerations(
  taints: Taint[],
  tolerations: Toleration[],
): { allTolerated: boolean; used: Toleration[] } {
  if (taints.length === 0) return { allTolerated: true, used: [] };
  const used: Toleration[] = [];
  for (const taint of taints) {
    const t = tolerations.find((x) => toleratesTaint(x, taint));
    if (!t) return { allTolerated: false, used: [] };
    used.push(t);
  }
  return { allTolerated: true, used };
}

/** getMinTolerationTime, in ms: 0 for none or a non-positive one, -1 when none has tolerationSeconds (forever). */
export function minTolerationMs(used: Toleration[]): number {
  if (used.length === 0) return 0;
  let min = Infinity;
  for (const t of used) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    if (t.tolerationSeconds <= 0) return 0;
    min = Math.min(min, t.tolerationSeconds);
  }
  return min === Infinity ? -1 : min * 1000;
}

/** How long after the taint is seen a Pod is deleted: 0 at once, -1 never. */
export function evictionDelayMs(taints: Taint[], tolerations: Toleration[]): number {
  const { allTolerated, used } = matchingTolerations(taints, tolerations);
  return allTolerated ? minTolerationMs(used) : 0;
}

function noExecuteTaints(node: Node | undefined): Taint[] {
  return (node?.spec?.taints ?? []).filter((t) => t.effect === 'NoExecute');
}

const nsName = (key: string): string => key.split('/').slice(-2).join('/');

/** NodeUpdated → handleNodeUpdate: when a node's NoExecute taints change, look at each of its Pods. */
export function taintEvictionNodeUpdated(sim: TSim, node: Node, deleted: boolean): void {
  const st = sim.world.controllerManager.taintEviction;
  const name = node.metadata!.name!;
  const taints = deleted ? [] : noExecuteTaints(node);
  if (JSON.stringify(taints) === JSON.stringify(st.taintedNodes[name] ?? [])) return;
  if (taints.length) st.taintedNodes[name] = taints;
  else delete st.taintedNodes[name];
  const pods = podsOnNode(sim.world.controllerManager.informers.cache.objects, name);
  for (const [key, pod] of pods) {
    if (!taints.length) cancelWork(sim, key);
    else processPodOnNode(sim, key, pod, taints);
  }
}

/** PodUpdated → handlePodUpdate: a new Pod, or one that moved to a node, on a tainted node. */
export function taintEvictionPodUpdated(sim: TSim, key: string, pod: Pod | null): void {
  const st = sim.world.controllerManager.taintEviction;
  if (!pod) {
    delete st.podNodes[key];
    // "Noticed pod deletion": cancel what was scheduled for it.
    return cancelWork(sim, key);
  }
  const node = pod.spec?.nodeName ?? '';
  if (st.podNodes[key] === node) return;
  st.podNodes[key] = node;
  const taints = st.taintedNodes[node];
  if (node && taints) processPodOnNode(sim, key, pod, taints);
}

function cancelWork(sim: TSim, key: string): void {
  const st = sim.world.controllerManager.taintEviction;
  if (!(key in st.work)) return;
  delete st.work[key];
  recordEvent(sim, SELF, {
    object: podRef(key),
    reason: REASON.TaintManagerEviction,
    type: 'Normal',
    message: `Cancelling deletion of Pod ${nsName(key)}`,
    component: TAINT_EVICTION_CONTROLLER,
    user: USER,
  });
}

/** processPodOnNode: delete now, at a time, or never, by the Pod's tolerations of the node's NoExecute taints. */
function processPodOnNode(sim: TSim, key: string, pod: Pod, taints: Taint[]): void {
  const st = sim.world.controllerManager.taintEviction;
  const now = sim.now;
  const name = pod.metadata!.name!;
  const node = pod.spec?.nodeName ?? '';
  const taintText = taints.map((t) => `${t.key}:${t.effect}`).join(', ');
  const { allTolerated, used } = matchingTolerations(taints, pod.spec?.tolerations ?? []);
  if (!allTolerated) {
    cancelWork(sim, key);
    sim.note(SELF, {
      kind: 'internal',
      level: 'overview',
      say: { key: 'taint-eviction-now', params: { pod: name, node, taint: taintText } },
    });
    return addWork(sim, key, now, now);
  }
  const min = minTolerationMs(used);
  if (min < 0) {
    cancelWork(sim, key);
    sim.note(SELF, {
      kind: 'internal',
      level: 'standard',
      say: { key: 'taint-eviction-forever', params: { pod: name, node, taint: taintText } },
    });
    return;
  }
  let start = now;
  const trigger = now + min;
  const existing = st.work[key];
  if (existing === 'done') return;
  if (existing) {
    start = existing.createdAt;
    if (start + min < trigger) return;
    cancelWork(sim, key);
  }
  sim.note(SELF, {
    kind: 'internal',
    level: 'overview',
    say: {
      key: 'taint-eviction-scheduled',
      params: { pod: name, node, taint: taintText, seconds: min / 1000, at: isoTime(trigger) },
    },
  });
  addWork(sim, key, start, trigger);
}

/** TimedWorkerQueue.AddWork: one worker per Pod, firing at fireAt; a key already there is kept. */
function addWork(sim: TSim, key: string, createdAt: number, fireAt: number): void {
  const st = sim.world.controllerManager.taintEviction;
  if (key in st.work) return;
  const token = st.nextToken++;
  st.work[key] = { createdAt, fireAt, token };
  // A scheduled eviction is work still to come, not repetition: it keeps the run going.
  sim.send(
    { from: SELF, to: SELF, msg: { type: 'taint-eviction-fire', podKey: key, token }, periodic: false },
    Math.max(0, fireAt - sim.now),
  );
}

function podRef(key: string): ApiObject {
  const [namespace, name] = nsName(key).split('/');
  // The event's involvedObject is a bare reference: kind, namespace, name (emitPodDeletionEvent).
  return { kind: 'Pod', metadata: { name, namespace } } as unknown as ApiObject;
}

/** The timed worker fires: deletePodHandler, then addConditionAndDeletePod. */
export function taintEvictionFire(sim: TSim, key: string, token: number): void {
  const st = sim.world.controllerManager.taintEviction;
  const w = st.work[key];
  if (!w || w === 'done' || w.token !== token) return;
  st.work[key] = 'done';
  const pod = sim.world.controllerManager.informers.cache.objects[key] as unknown as Pod | undefined;
  if (!pod) return;
  const name = pod.metadata!.name!;
  sim.note(SELF, {
    kind: 'internal',
    level: 'overview',
    say: { key: 'taint-eviction-fire', params: { pod: name, node: pod.spec?.nodeName ?? '' } },
  });
  recordEvent(sim, SELF, {
    object: podRef(key),
    reason: REASON.TaintManagerEviction,
    type: 'Normal',
    message: `Marking for deletion Pod ${nsName(key)}`,
    component: TAINT_EVICTION_CONTROLLER,
    user: USER,
  });
  const conditions = withDisruptionTarget(pod.status?.conditions ?? [], isoTime(sim.now));
  if (!conditions) return deletePod(sim, pod.metadata!.namespace!, name);
  const id = request(sim, SELF, {
    verb: 'patch',
    resource: 'pods',
    namespace: pod.metadata!.namespace,
    name,
    subresource: 'status',
    body: {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { uid: pod.metadata!.uid },
      status: { conditions },
    } as unknown as ApiObject,
    user: USER,
    level: 'standard',
    say: { key: 'taint-eviction-condition', params: { pod: name } },
  });
  st.pending[id] = { namespace: pod.metadata!.namespace!, name };
}

/** UpdatePodCondition with DisruptionTarget=True; null when the Pod has it already. */
export function withDisruptionTarget(conditions: PodCondition[], now: string): PodCondition[] | null {
  const c = conditions.find((x) => x.type === DISRUPTION_TARGET.type);
  if (
    c &&
    c.status === DISRUPTION_TARGET.status &&
    c.reason === DISRUPTION_TARGET.reason &&
    c.message === DISRUPTION_TARGET.message
  ) {
    return null;
  }
  const next: PodCondition = {
    ...DISRUPTION_TARGET,
    lastProbeTime: null as unknown as string,
    lastTransitionTime: c && c.status === DISRUPTION_TARGET.status ? c.lastTransitionTime : now,
  };
  return c ? conditions.map((x) => (x === c ? next : x)) : [...conditions, next];
}

function deletePod(sim: TSim, namespace: string, name: string): void {
  request(sim, SELF, {
    verb: 'delete',
    resource: 'pods',
    namespace,
    name,
    user: USER,
    level: 'overview',
    say: { key: 'taint-eviction-delete', params: { pod: name } },
  });
}

/** An answer from kube-apiserver; true when it was for this controller. */
export function taintEvictionAnswered(sim: TSim, id: number, status: number): boolean {
  const st = sim.world.controllerManager.taintEviction;
  const p = st.pending[id];
  if (!p) return false;
  delete st.pending[id];
  // A Pod that is gone (404) needs no delete.
  if (status < 300) deletePod(sim, p.namespace, p.name);
  return true;
}
