/**
 * The ReplicaSet controller: keeps as many Pods as the ReplicaSet asks for.
 * Missing Pods are created from the template with generateName and an
 * ownerReference, in slow-start batches (1, 2, 4, …) so a broken template
 * fails fast; expectations keep it from counting Pods twice while the
 * creates travel. Models pkg/controller/replicaset/replica_set.go
 * syncReplicaSet, manageReplicas and slowStartBatch.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { dict } from '../core/dict';
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import { USERS } from '../apiserver/authz';
import { request } from '../client/client';
import { recordEvent } from '../client/events';
import { cloneData } from '../core/clone';
import type { Sim } from '../core/sim';
import type { ApiObject, ComponentId } from '../types';
import type { ControllerManagerState, PendingRequest } from './controller-manager';
import { ownedBy, ownerReference } from './owner';
import { writeStatus } from './status';

const SELF: ComponentId = 'kube-controller-manager';
const USER = USERS.replicasetController;

export interface ReplicaSetControllerState {
  /** Pod creations issued and not yet seen through the watch, per ReplicaSet key. */
  expectations: Record<string, number>;
  /** A slow-start run in progress. */
  creating: Record<string, { remaining: number; nextBatch: number; inflight: number }>;
  lastStatus: Record<string, string>;
}

export function initReplicaSetController(): ReplicaSetControllerState {
  return { expectations: dict(), creating: dict(), lastStatus: dict() };
}

type KSim = Sim<{ controllerManager: ControllerManagerState }>;

export function isActive(pod: ApiObject): boolean {
  const phase = (pod as unknown as Pod).status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

export function isReady(pod: ApiObject): boolean {
  return ((pod as unknown as Pod).status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

export function syncReplicaSet(sim: KSim, key: string): void {
  const kcm = sim.world.controllerManager;
  const st = kcm.replicasets;
  const rs = kcm.informers.cache.objects[key];
  if (!rs || (st.expectations[key] ?? 0) > 0 || st.creating[key]) return;
  const spec = (rs as unknown as ReplicaSet).spec!;
  const want = spec.replicas ?? 1;
  const counts = kcm.podCounts[String(rs.metadata.uid)] ?? { active: 0, ready: 0 };
  const diff = want - counts.active;
  // replica_set.go: a ReplicaSet being deleted (foreground) manages no replicas, only its status.
  if (rs.metadata.deletionTimestamp) return updateStatus(sim, rs, counts);
  if (diff > 0) {
    sim.note(SELF, {
      kind: 'internal',
      level: 'overview',
      say: {
        key: 'replicaset-sync',
        params: { rs: String(rs.metadata.name), want, have: counts.active, create: diff },
      },
    });
    st.expectations[key] = diff;
    st.creating[key] = { remaining: diff, nextBatch: 1, inflight: 0 };
    return nextBatch(sim, key);
  }
  if (diff < 0) return scaleDown(sim, key, rs, -diff, want, counts.active);
  updateStatus(sim, rs, counts);
}

/**
 * Too many Pods: delete the surplus, those least worth keeping first — not
 * ready before ready, then the newest. Models replica_set.go getPodsToDelete
 * (ActivePodsWithRanks), reduced to those two ranks.
 */
function scaleDown(sim: KSim, key: string, rs: ApiObject, count: number, want: number, have: number): void {
  const kcm = sim.world.controllerManager;
  const pods = ownedBy(kcm.owners, kcm.informers.cache.objects, rs)
    .filter(isActive)
    .sort((a, b) => {
      const ready = Number(isReady(a)) - Number(isReady(b));
      if (ready !== 0) return ready;
      const ta = String(a.metadata.creationTimestamp ?? '');
      const tb = String(b.metadata.creationTimestamp ?? '');
      return ta === tb ? String(b.metadata.name).localeCompare(String(a.metadata.name)) : tb.localeCompare(ta);
    })
    .slice(0, count);
  sim.note(SELF, {
    kind: 'internal',
    level: 'overview',
    say: { key: 'replicaset-sync-down', params: { rs: String(rs.metadata.name), want, have, delete: pods.length } },
  });
  kcm.replicasets.expectations[key] = pods.length;
  for (const pod of pods) {
    const id = request(sim, SELF, {
      verb: 'delete',
      resource: 'pods',
      namespace: pod.metadata.namespace,
      name: String(pod.metadata.name),
      user: USER,
      level: 'standard',
      say: { key: 'replicaset-delete-pod', params: { rs: String(rs.metadata.name), pod: String(pod.metadata.name) } },
    });
    kcm.pending[id] = { controller: 'replicaset', key, action: 'delete', name: String(pod.metadata.name) };
  }
}

/** The informer saw a Pod the ReplicaSet deleted become Terminating (or go): one expectation met. */
export function observePodDeleted(sim: KSim, rsKey: string): void {
  observePodAdded(sim, rsKey);
}

function nextBatch(sim: KSim, key: string): void {
  const kcm = sim.world.controllerManager;
  const run = kcm.replicasets.creating[key];
  const rs = kcm.informers.cache.objects[key];
  if (!run || !rs) return;
  if (run.remaining === 0) {
    delete kcm.replicasets.creating[key];
    return;
  }
  const batch = Math.min(run.nextBatch, run.remaining);
  run.remaining -= batch;
  run.nextBatch *= 2;
  run.inflight = batch;
  const template = (rs as unknown as ReplicaSet).spec!.template!;
  for (let i = 0; i < batch; i++) {
    const prefix = `${rs.metadata.name}-`;
    const body: ApiObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        generateName: prefix,
        namespace: rs.metadata.namespace,
        labels: { ...template.metadata?.labels },
        ...(template.metadata?.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
        ownerReferences: [ownerReference(rs)],
      },
      spec: cloneData(template.spec) as unknown as ApiObject['metadata'],
    };
    const id = request(sim, SELF, {
      verb: 'create',
      resource: 'pods',
      namespace: rs.metadata.namespace,
      body,
      user: USER,
      level: 'standard',
      say: { key: 'replicaset-create-pod', params: { rs: String(rs.metadata.name), prefix } },
    });
    kcm.pending[id] = { controller: 'replicaset', key, action: 'create' };
  }
}

/** The answer to a Pod create or delete: an Event; after a create, the next batch once this one is back. */
export function replicaSetAnswered(
  sim: KSim,
  p: PendingRequest,
  status: number,
  body: ApiObject | undefined,
  message: string | undefined,
): void {
  const key = p.key;
  const kcm = sim.world.controllerManager;
  if (p.action === 'delete') {
    const rs = kcm.informers.cache.objects[key];
    if (rs && status < 300) {
      recordEvent(sim, SELF, {
        object: rs,
        reason: 'SuccessfulDelete',
        type: 'Normal',
        message: `Deleted pod: ${p.name}`,
        component: 'replicaset-controller',
        user: USER,
      });
    } else {
      kcm.replicasets.expectations[key] = Math.max(0, (kcm.replicasets.expectations[key] ?? 1) - 1);
    }
    return;
  }
  const rs = kcm.informers.cache.objects[key];
  const run = kcm.replicasets.creating[key];
  if (rs) {
    const ok = status < 300 && body;
    recordEvent(sim, SELF, {
      object: rs,
      reason: ok ? 'SuccessfulCreate' : 'FailedCreate',
      type: ok ? 'Normal' : 'Warning',
      message: ok ? `Created pod: ${body.metadata.name}` : `Error creating: ${message ?? status}`,
      component: 'replicaset-controller',
      user: USER,
    });
    if (!ok) kcm.replicasets.expectations[key] = Math.max(0, (kcm.replicasets.expectations[key] ?? 1) - 1);
  }
  if (!run) return;
  run.inflight--;
  if (run.inflight > 0) return;
  // A failed batch stops the run; the next sync starts again from one.
  if (status >= 300) {
    kcm.replicasets.expectations[key] = 0;
    delete kcm.replicasets.creating[key];
    return;
  }
  nextBatch(sim, key);
}

/** The informer saw a Pod the ReplicaSet created: one expectation met. */
export function observePodAdded(sim: KSim, rsKey: string): void {
  const st = sim.world.controllerManager.replicasets;
  if (st.expectations[rsKey]) st.expectations[rsKey]--;
}

function updateStatus(sim: KSim, rs: ApiObject, counts: { active: number; ready: number }): void {
  const st = sim.world.controllerManager.replicasets;
  const ready = counts.ready;
  const status = {
    replicas: counts.active,
    fullyLabeledReplicas: counts.active,
    readyReplicas: ready,
    availableReplicas: ready,
    observedGeneration: rs.metadata.generation,
  };
  writeStatus(sim, rs, status, {
    last: st.lastStatus,
    user: USER,
    say: {
      key: 'replicaset-status',
      params: { rs: String(rs.metadata.name), ready, replicas: (rs as unknown as ReplicaSet).spec?.replicas ?? 1 },
    },
  });
}
