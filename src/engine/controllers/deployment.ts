/**
 * The Deployment controller: for the Deployment's Pod template it makes a
 * ReplicaSet named after the template's hash and owns it; the ReplicaSet
 * controller makes the Pods. It rolls the ReplicaSets' status up into the
 * Deployment's. Models pkg/controller/deployment/sync.go getNewReplicaSet
 * and syncDeploymentStatus. Rolling updates come with the faithful control
 * plane.
 */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import { USERS } from '../apiserver/authz';
import { request } from '../client/client';
import { recordEvent } from '../client/events';
import type { Sim } from '../core/sim';
import type { ApiObject, ComponentId } from '../types';
import type { ControllerManagerState } from './controller-manager';
import { computeHash } from './hash';
import { ownedBy, ownerReference } from './owner';

const SELF: ComponentId = 'kube-controller-manager';
const USER = USERS.deploymentController;

export interface DeploymentControllerState {
  /** ReplicaSets created and not yet seen through the watch, by Deployment key. */
  creating: Record<string, string>;
  lastStatus: Record<string, string>;
}

export function initDeploymentController(): DeploymentControllerState {
  return { creating: {}, lastStatus: {} };
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

export function syncDeployment(sim: KSim, key: string): void {
  const kcm = sim.world.controllerManager;
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
  if (kcm.deployments.creating[key] && newRS) delete kcm.deployments.creating[key];
  if (!newRS) {
    if (kcm.deployments.creating[key]) return;
    return createReplicaSet(sim, key, d, hash, replicas);
  }
  updateStatus(sim, d, owned, newRS);
}

function createReplicaSet(sim: KSim, key: string, d: ApiObject, hash: string, replicas: number): void {
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
        'deployment.kubernetes.io/revision': '1',
      },
      ownerReferences: [ownerReference(d)],
    },
    spec: {
      replicas,
      selector: { matchLabels: { ...spec.selector.matchLabels, 'pod-template-hash': hash } },
      template: { metadata: { ...spec.template.metadata, labels }, spec: structuredClone(spec.template.spec) },
    } as unknown as ApiObject['metadata'],
  };
  sim.note(SELF, {
    kind: 'internal',
    level: 'overview',
    say: { key: 'deployment-sync', params: { deployment: String(d.metadata.name), rs: name, hash, replicas } },
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
  kcm.pending[id] = { controller: 'deployment', key };
}

/** The answer to the ReplicaSet create: the ScalingReplicaSet Event. */
export function deploymentCreatedReplicaSet(sim: KSim, key: string, status: number, body: ApiObject | undefined): void {
  const kcm = sim.world.controllerManager;
  const d = kcm.informers.cache.objects[key];
  if (status >= 300 || !body) {
    delete kcm.deployments.creating[key];
    return;
  }
  const replicas = (body as unknown as ReplicaSet).spec?.replicas ?? 0;
  if (d && replicas > 0) {
    recordEvent(sim, SELF, {
      object: d,
      reason: 'ScalingReplicaSet',
      type: 'Normal',
      message: `Scaled up replica set ${body.metadata.name} to ${replicas}`,
      component: 'deployment-controller',
      user: USER,
    });
  }
}

function updateStatus(sim: KSim, d: ApiObject, owned: ApiObject[], newRS: ApiObject): void {
  const st = sim.world.controllerManager.deployments;
  const key = `/registry/deployments/${d.metadata.namespace}/${d.metadata.name}`;
  const spec = (d as unknown as Deployment).spec!;
  const want = spec.replicas ?? 1;
  const sum = (f: 'replicas' | 'readyReplicas' | 'availableReplicas') =>
    owned.reduce((n, rs) => n + (((rs as unknown as ReplicaSet).status?.[f] as number | undefined) ?? 0), 0);
  const replicas = sum('replicas');
  const available = sum('availableReplicas');
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
    ...(want - available > 0 ? { unavailableReplicas: want - available } : {}),
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
  const fingerprint = JSON.stringify(status);
  if (st.lastStatus[key] === fingerprint) return;
  st.lastStatus[key] = fingerprint;
  request(sim, SELF, {
    verb: 'update',
    resource: 'deployments',
    group: 'apps',
    namespace: d.metadata.namespace,
    name: String(d.metadata.name),
    subresource: 'status',
    body: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: {}, status } as unknown as ApiObject,
    user: USER,
    level: 'standard',
    say: { key: 'deployment-status', params: { deployment: String(d.metadata.name), available, replicas: want } },
  });
}
