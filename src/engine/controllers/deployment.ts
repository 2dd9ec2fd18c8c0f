/**
 * The Deployment controller: for the Deployment's Pod template it makes a
 * ReplicaSet named after the template's hash and owns it; the ReplicaSet
 * controller makes the Pods. It rolls the ReplicaSets' status up into the
 * Deployment's. Models pkg/controller/deployment/sync.go getNewReplicaSet
 * and syncDeploymentStatus. Rolling updates come with the faithful control
 * plane.
 */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import { dict } from '../core/dict';
import { USERS } from '../apiserver/authz';
import { request } from '../client/client';
import { recordEvent } from '../client/events';
import { cloneData } from '../core/clone';
import type { Sim } from '../core/sim';
import type { ApiObject, ComponentId } from '../types';
import type { ControllerManagerState, PendingRequest } from './controller-manager';
import { computeHash } from './hash';
import { ownedBy, ownerReference } from './owner';
import { writeStatus } from './status';

const SELF: ComponentId = 'kube-controller-manager';
const USER = USERS.deploymentController;

export interface DeploymentControllerState {
  /** ReplicaSets created and not yet seen through the watch, by Deployment key. */
  creating: Record<string, string>;
  /** Scales asked for and not yet seen: ReplicaSet key → replicas. */
  scaling: Record<string, number>;
  lastStatus: Record<string, string>;
}

export function initDeploymentController(): DeploymentControllerState {
  return { creating: dict(), scaling: dict(), lastStatus: dict() };
}

type KSim = Sim<{ controllerManager: ControllerManagerState }>;

/** `25%` of 3, rounded up (maxSurge) or down (maxUnavailable), as intstr.GetScaledValueFromIntOrPercent. */
export function scaled(value: string | number | undefined, total: number, roundUp: boolean): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value;
  const pct = Number(value.replace('%', ''));
  const v = (pct * total) / 100;
  return roundUp ? Math.ceil(v) : Math.floor(v);
}

const specReplicas = (rs: ApiObject): number => (rs as unknown as ReplicaSet).spec?.replicas ?? 0;
const rsKeyOf = (rs: ApiObject): string => `/registry/replicasets/${rs.metadata.namespace}/${rs.metadata.name}`;

/**
 * One sync: find or make the ReplicaSet for the current template, then roll:
 * scale the new one up as far as maxSurge allows, the old ones down as far as
 * maxUnavailable allows, until only the new one has Pods. Models sync.go
 * getNewReplicaSet and rolling.go reconcileNewReplicaSet / reconcileOldReplicaSets.
 */
export function syncDeployment(sim: KSim, key: string): void {
  const kcm = sim.world.controllerManager;
  const st = kcm.deployments;
  const d = kcm.informers.cache.objects[key];
  if (!d) return;
  const spec = (d as unknown as Deployment).spec!;
  const replicas = spec.replicas ?? 1;
  const owned = ownedBy(kcm.owners, kcm.informers.cache.objects, d);
  const status = (d as unknown as Deployment).status;
  const hash = computeHash(spec.template, status?.collisionCount ?? 0);
  const newRS = owned.find(
    (rs) => rs.metadata.labels && (rs.metadata.labels as Record<string, string>)['pod-template-hash'] === hash,
  );
  const olds = owned.filter((rs) => rs !== newRS);
  // sync.go: a Deployment being deleted only has its status synced (syncStatusOnly).
  if (d.metadata.deletionTimestamp) {
    if (newRS) updateStatus(sim, d, owned, newRS);
    return;
  }
  // A scale in flight: wait until the watch shows it.
  for (const rs of owned) {
    const asked = st.scaling[rsKeyOf(rs)];
    if (asked === undefined) continue;
    if (asked !== specReplicas(rs)) return;
    delete st.scaling[rsKeyOf(rs)];
  }
  const maxSurge = scaled(spec.strategy?.rollingUpdate?.maxSurge, replicas, true);
  const maxUnavailable = scaled(spec.strategy?.rollingUpdate?.maxUnavailable, replicas, false);
  const current = owned.reduce((n, rs) => n + specReplicas(rs), 0);
  if (st.creating[key] && newRS) delete st.creating[key];
  if (!newRS) {
    if (st.creating[key]) return;
    // The first ReplicaSet gets every replica; a new template's starts within the surge.
    const start = olds.length ? Math.max(0, Math.min(replicas + maxSurge - current, replicas)) : replicas;
    const revision =
      1 +
      Math.max(
        0,
        ...olds.map((rs) =>
          Number(
            (rs.metadata.annotations as Record<string, string> | undefined)?.['deployment.kubernetes.io/revision'] ?? 0,
          ),
        ),
      );
    return createReplicaSet(sim, key, d, hash, start, replicas, revision);
  }
  const newCount = specReplicas(newRS);
  if (newCount < replicas) {
    const up = Math.min(replicas + maxSurge - current, replicas - newCount);
    if (up > 0) return scale(sim, key, d, newRS, newCount + up);
  } else if (newCount > replicas) {
    return scale(sim, key, d, newRS, replicas);
  }
  const oldCount = olds.reduce((n, rs) => n + specReplicas(rs), 0);
  if (oldCount > 0) {
    const newUnavailable = newCount - ((newRS as unknown as ReplicaSet).status?.availableReplicas ?? 0);
    const canScaleDown = current - (replicas - maxUnavailable) - newUnavailable;
    const old = olds
      .filter((rs) => specReplicas(rs) > 0)
      .sort((a, b) => String(a.metadata.creationTimestamp).localeCompare(String(b.metadata.creationTimestamp)))[0];
    if (old && canScaleDown > 0)
      return scale(sim, key, d, old, specReplicas(old) - Math.min(canScaleDown, specReplicas(old)));
  }
  updateStatus(sim, d, owned, newRS);
}

/** Scale a ReplicaSet by patching spec.replicas; the ScalingReplicaSet Event follows the answer. */
function scale(sim: KSim, key: string, d: ApiObject, rs: ApiObject, to: number): void {
  const kcm = sim.world.controllerManager;
  const from = specReplicas(rs);
  kcm.deployments.scaling[rsKeyOf(rs)] = to;
  sim.note(SELF, {
    kind: 'internal',
    level: 'overview',
    say: {
      key: to > from ? 'deployment-scale-up' : 'deployment-scale-down',
      params: { deployment: String(d.metadata.name), rs: String(rs.metadata.name), from, to },
    },
  });
  const id = request(sim, SELF, {
    verb: 'patch',
    resource: 'replicasets',
    group: 'apps',
    namespace: rs.metadata.namespace,
    name: String(rs.metadata.name),
    body: { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: {}, spec: { replicas: to } } as unknown as ApiObject,
    user: USER,
    level: 'standard',
    say: { key: 'deployment-patch-rs', params: { rs: String(rs.metadata.name), to } },
  });
  kcm.pending[id] = { controller: 'deployment', key, action: 'scale', name: String(rs.metadata.name), from, to };
}

function createReplicaSet(
  sim: KSim,
  key: string,
  d: ApiObject,
  hash: string,
  start: number,
  replicas: number,
  revision: number,
): void {
  const kcm = sim.world.controllerManager;
  const spec = (d as unknown as Deployment).spec!;
  const name = `${d.metadata.name}-${hash}`;
  const maxSurge = scaled(spec.strategy?.rollingUpdate?.maxSurge, replicas, true);
  const labels = { ...spec.template.metadata?.labels, 'pod-template-hash': hash };
  const rs: ApiObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: d.metadata.namespace,
      labels,
      annotations: {
        'deployment.kubernetes.io/desired-replicas': String(replicas),
        'deployment.kubernetes.io/max-replicas': String(replicas + maxSurge),
        'deployment.kubernetes.io/revision': String(revision),
      },
      ownerReferences: [ownerReference(d)],
    },
    spec: {
      replicas: start,
      selector: { matchLabels: { ...spec.selector.matchLabels, 'pod-template-hash': hash } },
      template: { metadata: { ...spec.template.metadata, labels }, spec: cloneData(spec.template.spec) },
    } as unknown as ApiObject['metadata'],
  };
  sim.note(SELF, {
    kind: 'internal',
    level: 'overview',
    say: { key: 'deployment-sync', params: { deployment: String(d.metadata.name), rs: name, hash, replicas: start } },
  });
  kcm.deployments.creating[key] = name;
  const id = request(sim, SELF, {
    verb: 'create',
    resource: 'replicasets',
    group: 'apps',
    namespace: d.metadata.namespace,
    body: rs,
    user: USER,
    level: 'standard',
    say: { key: 'deployment-create-rs', params: { rs: name } },
  });
  kcm.pending[id] = { controller: 'deployment', key, action: 'create' };
}

/** The answer to a ReplicaSet create or scale: the ScalingReplicaSet Event, as sync.go records it. */
export function deploymentAnswered(sim: KSim, p: PendingRequest, status: number, body: ApiObject | undefined): void {
  const kcm = sim.world.controllerManager;
  const d = kcm.informers.cache.objects[p.key];
  if (status >= 300 || !body) {
    if (p.action === 'create') delete kcm.deployments.creating[p.key];
    else
      delete kcm.deployments.scaling[
        `/registry/replicasets/${body?.metadata.namespace ?? d?.metadata.namespace}/${p.name}`
      ];
    return;
  }
  const to = p.action === 'create' ? ((body as unknown as ReplicaSet).spec?.replicas ?? 0) : p.to!;
  if (!d || (p.action === 'create' && to === 0)) return;
  const message =
    p.action === 'create'
      ? `Scaled up replica set ${body.metadata.name} to ${to}`
      : `Scaled ${to > p.from! ? 'up' : 'down'} replica set ${body.metadata.name} to ${to} from ${p.from}`;
  recordEvent(sim, SELF, {
    object: d,
    reason: 'ScalingReplicaSet',
    type: 'Normal',
    message,
    component: 'deployment-controller',
    user: USER,
  });
}

function updateStatus(sim: KSim, d: ApiObject, owned: ApiObject[], newRS: ApiObject): void {
  const st = sim.world.controllerManager.deployments;
  const spec = (d as unknown as Deployment).spec!;
  const want = spec.replicas ?? 1;
  const sum = (f: 'replicas' | 'readyReplicas' | 'availableReplicas') =>
    owned.reduce((n, rs) => n + (((rs as unknown as ReplicaSet).status?.[f] as number | undefined) ?? 0), 0);
  const replicas = sum('replicas');
  const available = sum('availableReplicas');
  const desired = owned.reduce((n, rs) => n + ((rs as unknown as ReplicaSet).spec?.replicas ?? 0), 0);
  const unavailable = Math.max(0, desired - available);
  const updated = (newRS as unknown as ReplicaSet).status?.replicas ?? 0;
  const maxUnavailable = scaled(spec.strategy?.rollingUpdate?.maxUnavailable, want, false);
  const minAvailable = available >= want - maxUnavailable;
  const complete = updated === want && available === want && replicas === want;
  const status = {
    observedGeneration: d.metadata.generation,
    replicas,
    updatedReplicas: updated,
    readyReplicas: sum('readyReplicas'),
    availableReplicas: available,
    // calculateStatus: the RSs' desired replicas (spec) less the available ones, never below 0;
    // `omitempty` drops it at 0.
    ...(unavailable > 0 ? { unavailableReplicas: unavailable } : {}),
    conditions: [
      minAvailable
        ? {
            type: 'Available',
            status: 'True',
            reason: 'MinimumReplicasAvailable',
            message: 'Deployment has minimum availability.',
          }
        : {
            type: 'Available',
            status: 'False',
            reason: 'MinimumReplicasUnavailable',
            message: 'Deployment does not have minimum availability.',
          },
      complete
        ? {
            type: 'Progressing',
            status: 'True',
            reason: 'NewReplicaSetAvailable',
            message: `ReplicaSet "${newRS.metadata.name}" has successfully progressed.`,
          }
        : {
            type: 'Progressing',
            status: 'True',
            reason: 'ReplicaSetUpdated',
            message: `ReplicaSet "${newRS.metadata.name}" is progressing.`,
          },
    ],
  };
  writeStatus(sim, d, status, {
    last: st.lastStatus,
    user: USER,
    say: { key: 'deployment-status', params: { deployment: String(d.metadata.name), available, replicas: want } },
  });
}
