/**
 * kube-scheduler: takes Pods with no node from its scheduling queue one at a
 * time, filters the nodes, scores the ones left, picks the best (ties broken
 * at random) and binds with POST pods/<name>/binding. It starts nothing
 * itself. Models pkg/scheduler/schedule_one.go scheduleOne / schedulePod and
 * the framework's extension points in their order.
 */
import { sizedNumbers } from './arrays';
import { dict } from '../core/dict';
import { ANN_SELECTED_NODE } from '../controllers/persistentvolume';
import { claimsBound, volumeBindingPreFilter } from './volume-binding';
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Node, Pod, Service } from 'kubernetes-types/core/v1';
import { USERS } from '../apiserver/authz';
import { isoTime } from '../apiserver/names';
import { REASON, recordEventV1, type EventSeriesCache } from '../client/events';
import { listKind, request } from '../client/client';
import { informerReceive, newInformers, startInformers, type Informers } from '../client/informer';
import type { Message } from '../core/messages';
import type { Sim } from '../core/sim';
import type { ApiObject, ComponentId } from '../types';
import {
  accountPod,
  cycleState,
  FILTERS,
  fitErrorMessage,
  newNodeInfo,
  replacePod,
  runFilterPlugins,
  runScorePlugins,
  type NodeInfo,
  type PluginScores,
} from './plugins';
import {
  addAfterError,
  addPod,
  addUnschedulable,
  awaitsEvents,
  BACKOFF_FLUSH_PERIOD_MS,
  done,
  flushBackoffCompleted,
  flushUnschedulableLeftover,
  moveOnEvent,
  newQueue,
  nextBackoffFlush,
  nextLeftoverFlush,
  pop,
  queued,
  remove,
  ungate,
  type SchedulingQueue,
} from './queue';
import { queueingHint, type EventDetail } from './queueing-hints';
import { sameLabels } from './selectors';
import {
  newTextMemos,
  nodeNames,
  scorePluginsText,
  scoringJson,
  totalsText,
  verdictsJson,
  type TextMemos,
} from './trace-strings';

/** One node's Filter verdict in a cycle: fit, or the plugin that rejected it and why. */
export interface CycleVerdict {
  node: string;
  reasons: string[];
  unresolvable: boolean;
  plugin?: string;
}

/** The verdict of a node that fits: no reasons. */
const fitVerdict = (node: string): CycleVerdict => ({ node, reasons: [], unresolvable: false });

/** The cache's nodes for a cycle: NodeInfos and their names, in the same order. */
export interface NodeSnapshot {
  infos: NodeInfo[];
  names: string[];
}

/** What one scheduling cycle worked out, kept for the binding half and written into the trace. */
interface CycleResult {
  podKey: string;
  scores: PluginScores[];
  feasible: string[];
  /** Each feasible node's weighted sum of scores, in the same order. */
  totals: number[];
  /** VolumeBinding: the claims PreBind must have provisioned on the chosen node. */
  provision: string[];
}

export interface SchedulerState {
  informers: Informers;
  queue: SchedulingQueue;
  /** Pods assumed on a node while their binding is in flight (the scheduler cache). */
  assumed: Record<string, string>;
  inCycle: boolean;
  cycle: CycleResult | null;
  /** Binding request id → Pod key. */
  binding: Record<number, { podKey: string; node: string }>;
  /** The scheduler cache: a NodeInfo per node, and where each Pod is counted. */
  nodes: Record<string, NodeInfo>;
  /** The cycles' list of `nodes` and their names, made again only after a node changed (UpdateSnapshot). */
  snapshot: NodeSnapshot | null;
  counted: Record<string, { node: string; pod: Pod }>;
  /** When the queue's flush loops started, and the timers already set. */
  startedAt: number;
  timers: { backoff?: number; unschedulable?: number };
  /** The event recorder's isomorphic-event cache. */
  events: EventSeriesCache;
  /** VolumeBinding PreBind: Pods waiting for their claims to be bound, with the node they will go to. */
  volumeWait: Record<string, { node: string; claims: string[] }>;
  /** The per-node trace strings of the last cycles, reused while they come out the same. */
  texts: TextMemos;
}

export function initScheduler(): SchedulerState {
  return {
    informers: newInformers(),
    queue: newQueue(),
    assumed: dict(),
    inCycle: false,
    cycle: null,
    binding: {},
    nodes: dict(),
    snapshot: null,
    counted: dict(),
    startedAt: 0,
    timers: {},
    events: dict(),
    volumeWait: dict(),
    texts: newTextMemos(),
  };
}

type SchedSim = Sim<{ scheduler: SchedulerState }>;
const SELF: ComponentId = 'kube-scheduler';

export function handleScheduler(sim: SchedSim, self: ComponentId, msg: Message): void {
  const st = sim.world.scheduler;
  if (msg.type === 'start') {
    st.startedAt = sim.now;
    // Pods and Nodes, and what DefaultSelector needs for the default spreading: Services and ReplicaSets.
    return startInformers(
      sim,
      self,
      st.informers,
      [
        // The scheduler's Pod informer leaves out finished Pods (scheduler.go newPodInformer).
        { resource: 'pods', fieldSelector: 'status.phase!=Succeeded,status.phase!=Failed' },
        { resource: 'nodes' },
        { resource: 'replicasets' },
        { resource: 'services' },
        // VolumeBinding's listers.
        { resource: 'persistentvolumeclaims' },
        { resource: 'persistentvolumes' },
        { resource: 'storageclasses' },
      ],
      USERS.scheduler,
    );
  }
  const events = informerReceive(st.informers, self, msg, sim);
  if (events) {
    for (const e of events) {
      if (e.object.kind === 'Node') onNode(sim, e.type, e.object as unknown as Node);
      else if (e.object.kind === 'Pod') onPod(sim, e.type, e.key, e.object as unknown as Pod);
      else if (e.object.kind === 'PersistentVolumeClaim') claimsChanged(sim);
    }
    armTimers(sim);
    return kick(sim);
  }
  switch (msg.type) {
    case 'schedule-one':
      return scheduleOne(sim);
    case 'schedule-score':
      return scoreAndBind(sim, msg.podKey);
    case 'queue-flush':
      return flush(sim, msg.which);
    case 'http-response': {
      const b = st.binding[msg.id];
      if (!b) return;
      delete st.binding[msg.id];
      const pod = st.informers.cache.objects[b.podKey];
      if (msg.status === 201 && pod) {
        recordEventV1(
          sim,
          SELF,
          {
            object: pod,
            reason: REASON.Scheduled,
            type: 'Normal',
            note: `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${b.node}`,
            reportingController: 'default-scheduler',
            action: 'Binding',
            user: USERS.scheduler,
          },
          st.events,
        );
      } else {
        // Binding failed: forget the assumption (Unreserve, ForgetPod) and try again after a back-off.
        delete st.assumed[b.podKey];
        const current = (pod as unknown as Pod | undefined) ?? null;
        updateCount(st, b.podKey, current);
        if (current && needsScheduling(current)) {
          addAfterError(st.queue, b.podKey, current.spec?.priority ?? 0, sim.now);
          armTimers(sim);
          kick(sim);
        }
      }
      return;
    }
  }
}

function needsScheduling(pod: Pod): boolean {
  return (
    !pod.spec?.nodeName &&
    (pod.spec?.schedulerName ?? 'default-scheduler') === 'default-scheduler' &&
    !pod.metadata?.deletionTimestamp
  );
}

const podOf =
  (st: SchedulerState) =>
  (key: string): Pod | undefined =>
    st.informers.cache.objects[key] as unknown as Pod | undefined;

/** A cluster event: move the unschedulable Pods it may help (MoveAllToActiveOrBackoffQueue with QueueingHints). */
function clusterEvent(sim: SchedSim, d: EventDetail, object: string): void {
  const st = sim.world.scheduler;
  if (!awaitsEvents(st.queue)) return;
  const moved = moveOnEvent(st.queue, queueingHint(podOf(st), d), sim.now);
  if (!moved.length) return;
  sim.note(SELF, {
    kind: 'internal',
    level: 'deep',
    say: {
      key: 'scheduler-queue-move',
      params: {
        event: `${d.event.resource}/${d.event.action}`,
        object,
        pods: moved.map(podName).join(', '),
      },
    },
  });
}

function onNode(sim: SchedSim, type: string, node: Node): void {
  const st = sim.world.scheduler;
  const name = node.metadata!.name!;
  const old = st.nodes[name];
  updateNode(st, type, node);
  const action = type === 'ADDED' ? 'Add' : type === 'DELETED' ? 'Delete' : 'Update';
  clusterEvent(sim, { event: { resource: 'Node', action }, oldNode: old, newNode: st.nodes[name] }, name);
}

function onPod(sim: SchedSim, type: string, key: string, pod: Pod): void {
  const st = sim.world.scheduler;
  if (type === 'DELETED') {
    delete st.assumed[key];
    remove(st.queue, key);
    const wasCounted = !!st.counted[key];
    updateCount(st, key, null);
    if (wasCounted) clusterEvent(sim, { event: { resource: 'AssignedPod', action: 'Delete' } }, podName(key));
    return;
  }
  if (pod.spec?.nodeName) {
    delete st.assumed[key];
    remove(st.queue, key);
  }
  const wasCounted = !!st.counted[key];
  const oldLabels = st.counted[key]?.pod.metadata?.labels;
  updateCount(st, key, pod);
  if (wasCounted && !st.counted[key]) {
    // A Pod that finished stops counting on its node: as good as deleted for the others.
    clusterEvent(sim, { event: { resource: 'AssignedPod', action: 'Delete' } }, podName(key));
  } else if (st.counted[key] && pod.spec?.nodeName && awaitsEvents(st.queue)) {
    // (Asked here as well as in clusterEvent: the labels are compared only when the event can matter.)
    clusterEvent(
      sim,
      {
        event: { resource: 'AssignedPod', action: type === 'ADDED' || !wasCounted ? 'Add' : 'Update' },
        labelsChanged: !sameLabels(oldLabels, pod.metadata?.labels),
      },
      podName(key),
    );
  }
  if (!needsScheduling(pod)) return;
  if (st.queue.unschedulablePods.get(key)?.gated && !pod.spec?.schedulingGates?.length) {
    ungate(st.queue, key, sim.now);
    return;
  }
  if (queued(st.queue, key) || st.assumed[key]) return;
  // PreEnqueue (SchedulingGates), then QueueSort (PrioritySort) places it in activeQ.
  const gated = !!pod.spec?.schedulingGates?.length;
  addPod(st.queue, key, pod.spec?.priority ?? 0, gated, sim.now);
  sim.note(SELF, {
    kind: 'internal',
    level: 'deep',
    say: {
      key: gated ? 'scheduler-queue-gated' : 'scheduler-queue-add',
      params: { pod: pod.metadata!.name!, queue: st.queue.activeQ.length },
    },
  });
}

/** The name at the end of a Pod key (no array made, as split() would: this runs for every Pod event). */
const podName = (key: string): string => key.slice(key.lastIndexOf('/') + 1);

/** Set the queue's flush timers for the next moment they would find work. */
function armTimers(sim: SchedSim): void {
  const st = sim.world.scheduler;
  const b = nextBackoffFlush(st.queue);
  if (b !== undefined && (st.timers.backoff === undefined || b < st.timers.backoff)) {
    st.timers.backoff = b;
    // flushBackoffQCompleted runs on whole seconds; it fires at the first tick the head's back-off has run out.
    const at = Math.max(b, Math.ceil(sim.now / BACKOFF_FLUSH_PERIOD_MS) * BACKOFF_FLUSH_PERIOD_MS);
    sim.send({ from: SELF, to: SELF, msg: { type: 'queue-flush', which: 'backoff' } }, at - sim.now);
  }
  const u = nextLeftoverFlush(st.queue, st.startedAt);
  if (u !== undefined && st.timers.unschedulable === undefined) {
    st.timers.unschedulable = u;
    // A Pod nothing can help waits here; the timer alone must not keep the run going.
    sim.send(
      { from: SELF, to: SELF, msg: { type: 'queue-flush', which: 'unschedulable' }, periodic: true },
      Math.max(0, u - sim.now),
    );
  }
}

function flush(sim: SchedSim, which: 'backoff' | 'unschedulable'): void {
  const st = sim.world.scheduler;
  const moved =
    which === 'backoff' ? flushBackoffCompleted(st.queue, sim.now) : flushUnschedulableLeftover(st.queue, sim.now);
  delete st.timers[which];
  if (moved.length)
    sim.note(SELF, {
      kind: 'internal',
      level: 'deep',
      say: {
        key: which === 'backoff' ? 'scheduler-queue-backoff-done' : 'scheduler-queue-leftover',
        params: { pods: moved.map(podName).join(', ') },
      },
    });
  armTimers(sim);
  kick(sim);
}

function kick(sim: SchedSim): void {
  const st = sim.world.scheduler;
  if (st.inCycle || (st.queue.activeQ.length === 0 && st.queue.backoffQ.length === 0)) return;
  st.inCycle = true;
  sim.send({ from: SELF, to: SELF, msg: { type: 'schedule-one' } }, sim.latency(0.5, 2));
}

export function updateNode(st: SchedulerState, type: string, node: Node): void {
  const name = node.metadata!.name!;
  st.snapshot = null;
  if (type === 'DELETED') {
    delete st.nodes[name];
    return;
  }
  const prev = st.nodes[name];
  const next = newNodeInfo(node);
  if (prev) {
    next.requested = prev.requested;
    next.nonZeroRequested = prev.nonZeroRequested;
    next.podCount = prev.podCount;
    next.pods = prev.pods;
    next.generation = prev.generation;
    next.matchCounts = prev.matchCounts;
    next.podsWithAffinity = prev.podsWithAffinity;
    next.podsWithRequiredAntiAffinity = prev.podsWithRequiredAntiAffinity;
  }
  st.nodes[name] = next;
}

/**
 * Count a Pod on the node it is bound or assumed to, and only there; a
 * finished, deleted or unassigned Pod counts nowhere. Models the scheduler
 * cache's AddPod / UpdatePod / RemovePod / AssumePod.
 */
function updateCount(st: SchedulerState, key: string, pod: Pod | null): void {
  const phase = pod?.status?.phase;
  const target =
    pod && phase !== 'Succeeded' && phase !== 'Failed' ? (pod.spec?.nodeName ?? st.assumed[key]) : undefined;
  const prev = st.counted[key];
  if (prev && prev.node === target) {
    const info = st.nodes[prev.node];
    if (info) replacePod(info, pod!, prev.pod);
    prev.pod = pod!;
    return;
  }
  if (prev) {
    const info = st.nodes[prev.node];
    if (info) accountPod(info, prev.pod, -1);
    delete st.counted[key];
  }
  if (target && pod) {
    const info = st.nodes[target];
    if (info) accountPod(info, pod, 1);
    st.counted[key] = { node: target, pod };
  }
}

/**
 * The nodes a cycle filters, in the cache's order, with their names. Kept
 * from one cycle to the next until a node is added, updated or removed (as
 * Cache.UpdateSnapshot keeps its nodeInfoList), so a cycle makes no list of
 * its own; Pods coming and going change the NodeInfos in place, not the list.
 * The arrays are shared: nobody may change them.
 */
export function nodeSnapshot(st: SchedulerState): NodeSnapshot {
  if (!st.snapshot) {
    const infos = Object.values(st.nodes);
    st.snapshot = { infos, names: infos.map((i) => i.node.metadata!.name!) };
  }
  return st.snapshot;
}

function listers(st: SchedulerState): { replicaSets: ReplicaSet[]; services: Service[] } {
  return {
    replicaSets: listKind(st.informers.cache, 'ReplicaSet') as unknown as ReplicaSet[],
    services: listKind(st.informers.cache, 'Service') as unknown as Service[],
  };
}

const FILTER_NAMES = FILTERS.map((f) => f.name).join(', ');

/**
 * The scheduling cycle on a snapshot of the cache: PreFilter and Filter over
 * every node, then, if more than one fits, PreScore, Score and NormalizeScore.
 */
function scheduleOne(sim: SchedSim): void {
  const st = sim.world.scheduler;
  const popped = pop(st.queue);
  const podKey = popped?.pod.key;
  const podObj = podKey ? st.informers.cache.objects[podKey] : undefined;
  if (!podKey || !podObj || !needsScheduling(podObj as unknown as Pod)) {
    if (podKey) done(st.queue, podKey);
    st.inCycle = false;
    return kick(sim);
  }
  const pod = podObj as unknown as Pod;
  const name = pod.metadata!.name!;
  const { infos, names } = nodeSnapshot(st);
  const state = cycleState(pod, infos, listers(st));
  state.volumes = volumeBindingPreFilter(pod, (key) => st.informers.cache.objects[key]);
  sim.note(SELF, {
    kind: 'internal',
    level: 'deep',
    say: {
      key: 'scheduler-prefilter',
      params: {
        pod: name,
        attempt: popped!.pod.attempts,
        cpu: `${state.request.cpu}m`,
        memory: state.request.memory,
        spread: state.spread.constraints.length,
        nodes: infos.length,
      },
    },
  });
  // One pass: the feasible nodes in node order, and each node's verdict. While every node fits (the
  // common case) the feasible nodes are the snapshot's own lists and no verdict is built; from the
  // first rejection on they are lists of their own, begun with the nodes before it (which all fit).
  let verdicts: CycleVerdict[] | null = null;
  let feasible = names;
  let feasibleInfos = infos;
  for (let i = 0; i < infos.length; i++) {
    const info = infos[i]!;
    const r = runFilterPlugins(pod, info, state);
    if (r.fit && !verdicts) continue;
    const node = names[i]!;
    if (!verdicts) {
      verdicts = names.slice(0, i).map(fitVerdict);
      feasible = names.slice(0, i);
      feasibleInfos = infos.slice(0, i);
    }
    verdicts.push(
      r.fit ? fitVerdict(node) : { node, reasons: r.reasons, unresolvable: !!r.unresolvable, plugin: r.plugin },
    );
    if (r.fit || r.reasons.length === 0) {
      feasible.push(node);
      feasibleInfos.push(info);
    }
  }
  const filterJson = verdictsJson(st.texts, verdicts, feasible);
  if (feasible.length === 0) return unschedulable(sim, podKey, pod, infos.length, verdicts ?? [], filterJson);
  sim.note(SELF, {
    kind: 'internal',
    level: 'standard',
    say: {
      key: 'scheduler-filter',
      params: {
        pod: name,
        feasible: feasible.length,
        total: infos.length,
        nodes: nodeNames(st.texts, feasible),
        plugins: FILTER_NAMES,
        verdicts: filterJson,
      },
    },
  });
  // schedulePod: when only one node is left after Filter, it is used without scoring.
  const scores = feasible.length === 1 ? [] : runScorePlugins(pod, feasibleInfos, state);
  const totals = sizedNumbers(feasible.length);
  for (let i = 0; i < feasible.length; i++) {
    // Index loops, not reduce() or for-of: no closure or iterator per node.
    let total = 0;
    for (let j = 0; j < scores.length; j++) total += scores[j]!.scores[i]! * scores[j]!.weight;
    totals[i] = total;
  }
  st.cycle = { podKey, scores, feasible, totals, provision: state.volumes.toProvision };
  sim.send({ from: SELF, to: SELF, msg: { type: 'schedule-score', podKey } }, sim.latency(0.2, 1));
}

/** No node fits: PostFilter (DefaultPreemption) finds no victims, the Pod goes back to the queue. */
function unschedulable(
  sim: SchedSim,
  podKey: string,
  pod: Pod,
  total: number,
  verdicts: CycleVerdict[],
  filterJson: string,
): void {
  const st = sim.world.scheduler;
  const name = pod.metadata!.name!;
  const podObj = pod as unknown as ApiObject;
  const message = fitErrorMessage(total, verdicts, pod.spec?.preemptionPolicy);
  sim.note(SELF, {
    kind: 'internal',
    level: 'deep',
    say: {
      key: 'scheduler-postfilter',
      params: {
        pod: name,
        unresolvable: verdicts.filter((v) => v.unresolvable).length,
        total,
      },
    },
  });
  sim.note(SELF, {
    kind: 'internal',
    level: 'overview',
    say: { key: 'scheduler-unschedulable', params: { pod: name, message, verdicts: filterJson } },
  });
  const plugins = [...new Set(verdicts.map((v) => v.plugin).filter((p): p is string => !!p))];
  const where = addUnschedulable(st.queue, podKey, plugins, sim.now);
  sim.note(SELF, {
    kind: 'internal',
    level: 'deep',
    say: {
      key: where === 'backoff' ? 'scheduler-queue-backoff' : 'scheduler-queue-unschedulable',
      params: { pod: name, plugins: plugins.join(', ') },
    },
  });
  st.inCycle = false;
  recordEventV1(
    sim,
    SELF,
    {
      object: podObj,
      reason: REASON.FailedScheduling,
      type: 'Warning',
      note: message,
      reportingController: 'default-scheduler',
      action: 'Scheduling',
      user: USERS.scheduler,
    },
    st.events,
  );
  // updatePod: the condition is written only when it changes (UpdatePodCondition).
  const cond = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
  const unchanged = cond?.status === 'False' && cond.reason === 'Unschedulable' && cond.message === message;
  if (!unchanged)
    request(sim, SELF, {
      verb: 'patch',
      resource: 'pods',
      namespace: pod.metadata!.namespace,
      name,
      subresource: 'status',
      body: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {},
        status: {
          conditions: [
            {
              type: 'PodScheduled',
              status: 'False',
              lastProbeTime: null,
              lastTransitionTime: isoTime(sim.now),
              reason: 'Unschedulable',
              message,
            },
          ],
        },
      } as ApiObject,
      user: USERS.scheduler,
      level: 'standard',
      say: { key: 'scheduler-patch-unschedulable', params: { pod: name } },
    });
  armTimers(sim);
  kick(sim);
}

/** The cycle's end: pick the highest total, Reserve (assume), Permit, then the binding cycle (PreBind, Bind). */
function scoreAndBind(sim: SchedSim, podKey: string): void {
  const st = sim.world.scheduler;
  const podObj = st.informers.cache.objects[podKey];
  const cycle = st.cycle;
  st.cycle = null;
  if (!podObj || !cycle || cycle.podKey !== podKey || !needsScheduling(podObj as unknown as Pod)) {
    done(st.queue, podKey);
    st.inCycle = false;
    return kick(sim);
  }
  const pod = podObj as unknown as Pod;
  const name = pod.metadata!.name!;
  const { scores, totals, feasible } = cycle;
  const scoring = scoringJson(st.texts, feasible, scores, totals);
  if (scores.length)
    sim.note(SELF, {
      kind: 'internal',
      level: 'deep',
      say: {
        key: 'scheduler-score-plugins',
        params: { pod: name, plugins: scorePluginsText(st.texts, feasible, scores) },
      },
    });
  // Highest total wins; ties are broken at random, one reservoir sample at a time (selectHost).
  let best = 0;
  let ties = 1;
  for (let i = 1; i < totals.length; i++) {
    if (totals[i]! > totals[best]!) {
      best = i;
      ties = 1;
    } else if (totals[i] === totals[best]) {
      ties++;
      if (sim.int(0, ties - 1) === 0) best = i;
    }
  }
  const chosen = feasible[best]!;
  sim.note(SELF, {
    kind: 'internal',
    level: 'overview',
    say: {
      key: scores.length ? 'scheduler-score' : 'scheduler-score-single',
      params: { pod: name, node: chosen, scores: totalsText(st.texts, feasible, totals), scoring },
    },
  });
  st.assumed[podKey] = chosen;
  updateCount(st, podKey, pod);
  done(st.queue, podKey);
  sim.note(SELF, {
    kind: 'internal',
    level: 'deep',
    say: { key: 'scheduler-reserve-permit', params: { pod: name, node: chosen } },
  });
  st.inCycle = false;
  // PreBind (VolumeBinding): the claims to provision get the chosen node; binding waits until they are bound.
  if (cycle.provision.length) {
    st.volumeWait[podKey] = { node: chosen, claims: cycle.provision };
    for (const claimKey of cycle.provision) selectNode(sim, claimKey, chosen, name);
    return kick(sim);
  }
  bindPod(sim, podKey, pod, chosen);
  kick(sim);
}

/** BindPodVolumes: write volume.kubernetes.io/selected-node on a claim (an Update, as the binder does). */
function selectNode(sim: SchedSim, claimKey: string, node: string, pod: string): void {
  const pvc = sim.world.scheduler.informers.cache.objects[claimKey];
  if (!pvc) return;
  const annotations = {
    ...(pvc.metadata.annotations as Record<string, string> | undefined),
    [ANN_SELECTED_NODE]: node,
  };
  request(sim, SELF, {
    verb: 'update',
    resource: 'persistentvolumeclaims',
    namespace: pvc.metadata.namespace,
    name: pvc.metadata.name,
    body: { ...pvc, metadata: { ...pvc.metadata, annotations } },
    user: USERS.scheduler,
    level: 'overview',
    say: { key: 'scheduler-prebind-volume', params: { pod, claim: String(pvc.metadata.name), node } },
  });
}

/** A claim changed: a Pod whose claims are now all bound goes on to Bind. */
function claimsChanged(sim: SchedSim): void {
  const st = sim.world.scheduler;
  for (const [podKey, w] of Object.entries(st.volumeWait)) {
    if (!claimsBound(w.claims, (key) => st.informers.cache.objects[key])) continue;
    delete st.volumeWait[podKey];
    const pod = st.informers.cache.objects[podKey] as unknown as Pod | undefined;
    if (!pod || !needsScheduling(pod)) continue;
    sim.note(SELF, {
      kind: 'internal',
      level: 'standard',
      say: { key: 'scheduler-volumes-bound', params: { pod: pod.metadata!.name!, node: w.node } },
    });
    bindPod(sim, podKey, pod, w.node);
  }
}

/** The Bind extension point (DefaultBinder): POST pods/<name>/binding. */
function bindPod(sim: SchedSim, podKey: string, pod: Pod, node: string): void {
  const st = sim.world.scheduler;
  const name = pod.metadata!.name!;
  const id = request(sim, SELF, {
    verb: 'create',
    resource: 'pods',
    namespace: pod.metadata!.namespace,
    name,
    subresource: 'binding',
    body: {
      apiVersion: 'v1',
      kind: 'Binding',
      metadata: { name, namespace: pod.metadata!.namespace, uid: pod.metadata!.uid },
      target: { kind: 'Node', name: node },
    } as ApiObject,
    user: USERS.scheduler,
    level: 'overview',
    say: { key: 'scheduler-bind', params: { pod: name, node: node } },
  });
  st.binding[id] = { podKey, node: node };
}
