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
import { FILTERS, fitErrorMessage, SCORES, type NodeInfo } from './plugins';

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
}

export function initScheduler(): SchedulerState {
  return { informers: newInformers(), queue: [], assumed: {}, inCycle: false, binding: {}, unschedulable: [] };
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
      const pod = e.object as unknown as Pod;
      if (e.object.kind !== 'Pod' || e.type === 'DELETED') continue;
      if (
        needsScheduling(pod) &&
        !st.queue.includes(e.key) &&
        !st.assumed[e.key] &&
        !st.unschedulable.includes(e.key)
      ) {
        st.queue.push(e.key);
      }
      if (pod.spec?.nodeName) delete st.assumed[e.key];
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
        delete st.assumed[b.podKey];
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

function nodeInfos(st: SchedulerState): NodeInfo[] {
  const objs = Object.values(st.informers.cache.objects);
  const nodes = objs.filter((o) => o.kind === 'Node') as unknown as Node[];
  const pods = objs.filter((o) => o.kind === 'Pod') as unknown as Pod[];
  return nodes.map((node) => {
    const name = node.metadata!.name!;
    const onNode = pods.filter((p) => {
      const key = `/registry/pods/${p.metadata?.namespace}/${p.metadata?.name}`;
      const phase = p.status?.phase;
      return (p.spec?.nodeName === name || st.assumed[key] === name) && phase !== 'Succeeded' && phase !== 'Failed';
    });
    return { node, pods: onNode };
  });
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
  const verdicts = infos.map((info) => {
    const reasons: string[] = [];
    for (const f of FILTERS) {
      const r = f.filter(pod, info);
      if (!r.fit) {
        reasons.push(...r.reasons);
        break;
      }
    }
    return { node: info.node.metadata!.name!, reasons };
  });
  const feasible = verdicts.filter((v) => v.reasons.length === 0).map((v) => v.node);
  const name = pod.metadata!.name!;
  if (feasible.length === 0) {
    const message = fitErrorMessage(
      infos.length,
      verdicts.map((v) => v.reasons),
    );
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
  const infos = nodeInfos(st).filter((info) => FILTERS.every((f) => f.filter(pod, info).fit));
  const scored = infos.map((info) => {
    const parts = SCORES.map((p) => ({ plugin: p.name, score: p.score(pod, info, infos), weight: p.weight }));
    return { node: info.node.metadata!.name!, total: parts.reduce((s, p) => s + p.score * p.weight, 0), parts };
  });
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
