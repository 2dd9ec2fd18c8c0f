/**
 * kube-scheduler: takes Pods with no node from its queue one at a time,
 * filters the nodes, scores the ones left, picks the best (ties broken at
 * random) and binds with POST pods/<name>/binding. It starts nothing itself.
 * Models pkg/scheduler/schedule_one.go scheduleOne / schedulePod.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { USERS } from '../apiserver/authz';
import { isoTime } from '../apiserver/names';
import { recordEvent, REASON } from '../client/events';
import { request } from '../client/client';
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
  runScorePlugins,
  type NodeInfo,
} from './plugins';

export interface SchedulerState {
  informers: Informers;
  /** activeQ: Pod keys waiting for a scheduling cycle. */
  queue: string[];
  /** Pods assumed on a node while their binding is in flight (the scheduler cache). */
  assumed: Record<string, string>;
  inCycle: boolean;
  /** Binding request id → Pod key. */
  binding: Record<number, { podKey: string; node: string }>;
  /** Pods found unschedulable, waiting for a change in the cluster. */
  unschedulable: string[];
  /** The scheduler cache: a NodeInfo per node, and where each Pod is counted. */
  nodes: Record<string, NodeInfo>;
  counted: Record<string, { node: string; pod: Pod }>;
}

export function initScheduler(): SchedulerState {
  return {
    informers: newInformers(),
    queue: [],
    assumed: {},
    inCycle: false,
    binding: {},
    unschedulable: [],
    nodes: {},
    counted: {},
  };
}

type SchedSim = Sim<{ scheduler: SchedulerState }>;
const SELF: ComponentId = 'kube-scheduler';

export function handleScheduler(sim: SchedSim, self: ComponentId, msg: Message): void {
  const st = sim.world.scheduler;
  if (msg.type === 'start') {
    return startInformers(sim, self, st.informers, [{ resource: 'pods' }, { resource: 'nodes' }], USERS.scheduler);
  }
  const events = informerReceive(st.informers, self, msg);
  if (events) {
    for (const e of events) {
      if (e.object.kind === 'Node') {
        updateNode(st, e.type, e.object as unknown as Node);
        if (e.type !== 'DELETED') retryUnschedulable(st);
        continue;
      }
      const pod = e.object as unknown as Pod;
      if (e.object.kind !== 'Pod') continue;
      if (e.type === 'DELETED') {
        delete st.assumed[e.key];
        countAndRetry(st, e.key, null);
        continue;
      }
      if (
        needsScheduling(pod) &&
        !st.queue.includes(e.key) &&
        !st.assumed[e.key] &&
        !st.unschedulable.includes(e.key)
      ) {
        st.queue.push(e.key);
      }
      if (pod.spec?.nodeName) delete st.assumed[e.key];
      countAndRetry(st, e.key, pod);
    }
    return kick(sim);
  }
  switch (msg.type) {
    case 'schedule-one':
      return scheduleOne(sim);
    case 'schedule-score':
      return scoreAndBind(sim, msg.podKey);
    case 'http-response': {
      const b = st.binding[msg.id];
      if (!b) return;
      delete st.binding[msg.id];
      const pod = st.informers.cache.objects[b.podKey];
      if (msg.status === 201 && pod) {
        recordEvent(sim, SELF, {
          object: pod,
          reason: REASON.Scheduled,
          type: 'Normal',
          message: `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${b.node}`,
          component: 'default-scheduler',
          action: 'Binding',
          user: USERS.scheduler,
        });
      } else {
        // Binding failed: forget the assumption (Unreserve).
        delete st.assumed[b.podKey];
        updateCount(st, b.podKey, (pod as unknown as Pod | undefined) ?? null);
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

function kick(sim: SchedSim): void {
  const st = sim.world.scheduler;
  if (st.inCycle || st.queue.length === 0) return;
  st.inCycle = true;
  sim.send({ from: SELF, to: SELF, msg: { type: 'schedule-one' } }, sim.latency(0.5, 2));
}

/** Count the Pod; if it stopped counting on a node (finished or gone), it made room: retry the rest. */
function countAndRetry(st: SchedulerState, key: string, pod: Pod | null): void {
  const counted = !!st.counted[key];
  updateCount(st, key, pod);
  if (counted && !st.counted[key]) retryUnschedulable(st);
}

/**
 * Models the scheduling queue's MoveAllToActiveOrBackoffQueue: a cluster
 * event that could make room sends the Pods that did not fit back to be
 * tried again.
 */
function retryUnschedulable(st: SchedulerState): void {
  for (const key of st.unschedulable) if (!st.queue.includes(key)) st.queue.push(key);
  st.unschedulable = [];
}

function updateNode(st: SchedulerState, type: string, node: Node): void {
  const name = node.metadata!.name!;
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

function nodeInfos(st: SchedulerState): NodeInfo[] {
  return Object.values(st.nodes);
}

/** The scheduling cycle, part 1: PreFilter and Filter over every node. */
function scheduleOne(sim: SchedSim): void {
  const st = sim.world.scheduler;
  const podKey = st.queue.shift();
  const podObj = podKey ? st.informers.cache.objects[podKey] : undefined;
  if (!podKey || !podObj || !needsScheduling(podObj as unknown as Pod)) {
    st.inCycle = false;
    return kick(sim);
  }
  const pod = podObj as unknown as Pod;
  const infos = nodeInfos(st);
  const state = cycleState(pod, infos);
  const verdicts = infos.map((info) => {
    for (const f of FILTERS) {
      const r = f.filter(pod, info, state);
      if (!r.fit) return { node: info.node.metadata!.name!, reasons: r.reasons, unresolvable: !!r.unresolvable };
    }
    return { node: info.node.metadata!.name!, reasons: [] as string[], unresolvable: false };
  });
  const feasible = verdicts.filter((v) => v.reasons.length === 0).map((v) => v.node);
  const name = pod.metadata!.name!;
  if (feasible.length === 0) {
    const message = fitErrorMessage(infos.length, verdicts, pod.spec?.preemptionPolicy);
    sim.note(SELF, {
      kind: 'internal',
      level: 'overview',
      say: { key: 'scheduler-unschedulable', params: { pod: name, message } },
    });
    st.unschedulable.push(podKey);
    st.inCycle = false;
    recordEvent(sim, SELF, {
      object: podObj,
      reason: REASON.FailedScheduling,
      type: 'Warning',
      message,
      component: 'default-scheduler',
      action: 'Scheduling',
      user: USERS.scheduler,
    });
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
    return kick(sim);
  }
  sim.note(SELF, {
    kind: 'internal',
    level: 'standard',
    say: {
      key: 'scheduler-filter',
      params: {
        pod: name,
        feasible: feasible.length,
        total: infos.length,
        nodes: feasible.join(', '),
        plugins: FILTERS.map((f) => f.name).join(', '),
      },
    },
  });
  sim.send({ from: SELF, to: SELF, msg: { type: 'schedule-score', podKey } }, sim.latency(0.2, 1));
}

/** The scheduling cycle, part 2: Score, pick the highest, Reserve (assume), then the binding cycle. */
function scoreAndBind(sim: SchedSim, podKey: string): void {
  const st = sim.world.scheduler;
  const podObj = st.informers.cache.objects[podKey];
  if (!podObj) {
    st.inCycle = false;
    return kick(sim);
  }
  const pod = podObj as unknown as Pod;
  const all = nodeInfos(st);
  const state = cycleState(pod, all);
  const infos = all.filter((info) => FILTERS.every((f) => f.filter(pod, info, state).fit));
  const byPlugin = runScorePlugins(pod, infos, state);
  const scored = infos.map((info, i) => ({
    node: info.node.metadata!.name!,
    total: byPlugin.reduce((sum, p) => sum + p.scores[i]! * p.weight, 0),
  }));
  // Highest total wins; ties are broken at random, one reservoir sample at a time (selectHost).
  let best = scored[0]!;
  let ties = 1;
  for (const s of scored.slice(1)) {
    if (s.total > best.total) {
      best = s;
      ties = 1;
    } else if (s.total === best.total) {
      ties++;
      if (sim.int(0, ties - 1) === 0) best = s;
    }
  }
  const name = pod.metadata!.name!;
  sim.note(SELF, {
    kind: 'internal',
    level: 'overview',
    say: {
      key: 'scheduler-score',
      params: { pod: name, node: best.node, scores: scored.map((s) => `${s.node} ${s.total}`).join(', ') },
    },
  });
  st.assumed[podKey] = best.node;
  updateCount(st, podKey, pod);
  st.inCycle = false;
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
      target: { kind: 'Node', name: best.node },
    } as ApiObject,
    user: USERS.scheduler,
    level: 'overview',
    say: { key: 'scheduler-bind', params: { pod: name, node: best.node } },
  });
  st.binding[id] = { podKey, node: best.node };
  kick(sim);
}
