/**
 * kube-controller-manager: the control loops that turn desired state into
 * actual state. Its shared informers feed each controller's work queue; a
 * controller syncs one key at a time. Here: the Deployment controller and
 * the ReplicaSet controller. A bare Pod has no owner, so no controller acts
 * on it.
 */
import { USERS } from '../apiserver/authz';
import { informerReceive, newInformers, startInformers, type Informers } from '../client/informer';
import type { Message } from '../core/messages';
import type { Sim } from '../core/sim';
import type { ApiObject, ComponentId } from '../types';
import {
  deploymentAnswered,
  initDeploymentController,
  syncDeployment,
  type DeploymentControllerState,
} from './deployment';
import {
  endpointSliceAnswered,
  endpointSliceKeysFor,
  initEndpointSliceController,
  syncEndpointSlices,
  type EndpointSliceControllerState,
} from './endpointslice';
import { controllerOf, indexOwner, type OwnerIndex } from './owner';
import {
  initReplicaSetController,
  isActive,
  isReady,
  observePodAdded,
  observePodDeleted,
  replicaSetAnswered,
  syncReplicaSet,
  type ReplicaSetControllerState,
} from './replicaset';

export type ControllerName = 'deployment' | 'replicaset' | 'endpointslice';

export interface ControllerManagerState {
  informers: Informers;
  deployments: DeploymentControllerState;
  replicasets: ReplicaSetControllerState;
  endpointslices: EndpointSliceControllerState;
  /** Keys waiting in each controller's work queue (a key is queued once). */
  queued: Record<string, true>;
  /** Which objects each owner controls. */
  owners: OwnerIndex;
  /** Active and ready Pods per owner uid, counted as Pod events arrive (what a ReplicaSet's status reports). */
  podCounts: Record<string, { active: number; ready: number }>;
  podFlags: Record<string, { owner: string; active: boolean; ready: boolean }>;
  /** Requests in flight: request id → the controller and key that sent it. */
  pending: Record<number, PendingRequest>;
}

export interface PendingRequest {
  controller: ControllerName;
  key: string;
  /** What was asked: create a child, delete a Pod, or scale a ReplicaSet from → to. */
  action: 'create' | 'delete' | 'scale' | 'update';
  name?: string;
  from?: number;
  to?: number;
}

export function initControllerManager(): ControllerManagerState {
  return {
    informers: newInformers(),
    deployments: initDeploymentController(),
    replicasets: initReplicaSetController(),
    endpointslices: initEndpointSliceController(),
    queued: {},
    owners: {},
    podCounts: {},
    podFlags: {},
    pending: {},
  };
}

const WATCHES = ['pods', 'nodes', 'deployments', 'replicasets', 'services', 'endpointslices', 'leases'].map(
  (resource) => ({
    resource,
  }),
);

type KSim = Sim<{ controllerManager: ControllerManagerState }>;
const SELF: ComponentId = 'kube-controller-manager';

/** Count a Pod under its owner; true when an active Pod stopped being active (Terminating or gone). */
function countPod(st: ControllerManagerState, key: string, pod: ApiObject | null): boolean {
  const prev = st.podFlags[key];
  const wasActive = !!prev?.active;
  if (prev) {
    const c = st.podCounts[prev.owner]!;
    if (prev.active) c.active--;
    if (prev.ready) c.ready--;
    delete st.podFlags[key];
  }
  const owner = pod ? controllerOf(pod)?.uid : undefined;
  if (!pod || !owner) return wasActive;
  const flags = { owner, active: isActive(pod), ready: isActive(pod) && isReady(pod) };
  const c = (st.podCounts[owner] ??= { active: 0, ready: 0 });
  if (flags.active) c.active++;
  if (flags.ready) c.ready++;
  st.podFlags[key] = flags;
  return wasActive && !flags.active;
}

function enqueue(sim: KSim, controller: ControllerName, key: string): void {
  const st = sim.world.controllerManager;
  const item = `${controller}:${key}`;
  if (st.queued[item]) return;
  st.queued[item] = true;
  sim.send({ from: SELF, to: SELF, msg: { type: 'controller-sync', controller, key } }, sim.latency(0.5, 2));
}

export function handleControllerManager(sim: KSim, self: ComponentId, msg: Message): void {
  const st = sim.world.controllerManager;
  if (msg.type === 'start') return startInformers(sim, self, st.informers, WATCHES, USERS.controllerManager);
  const events = informerReceive(st.informers, self, msg);
  if (events) {
    const fromList = msg.type === 'http-response';
    for (const e of events) {
      indexOwner(st.owners, e.key, e.object, e.type === 'DELETED');
      for (const svcKey of endpointSliceKeysFor(st, e.object, e.type, fromList)) enqueue(sim, 'endpointslice', svcKey);
      const deactivated = e.object.kind === 'Pod' && countPod(st, e.key, e.type === 'DELETED' ? null : e.object);
      const owner = controllerOf(e.object);
      const ns = e.object.metadata.namespace;
      if (e.object.kind === 'Deployment') enqueue(sim, 'deployment', e.key);
      else if (e.object.kind === 'ReplicaSet') {
        enqueue(sim, 'replicaset', e.key);
        if (owner?.kind === 'Deployment') enqueue(sim, 'deployment', `/registry/deployments/${ns}/${owner.name}`);
      } else if (e.object.kind === 'Pod' && owner?.kind === 'ReplicaSet') {
        const rsKey = `/registry/replicasets/${ns}/${owner.name}`;
        if (e.type === 'ADDED') observePodAdded(sim, rsKey);
        if (deactivated) observePodDeleted(sim, rsKey);
        enqueue(sim, 'replicaset', rsKey);
      }
    }
    return;
  }
  if (msg.type === 'controller-sync') {
    delete st.queued[`${msg.controller}:${msg.key}`];
    if (msg.controller === 'endpointslice') return syncEndpointSlices(sim, msg.key);
    return msg.controller === 'deployment' ? syncDeployment(sim, msg.key) : syncReplicaSet(sim, msg.key);
  }
  if (msg.type === 'http-response') {
    const p = st.pending[msg.id];
    if (!p) return;
    delete st.pending[msg.id];
    if (p.controller === 'endpointslice')
      endpointSliceAnswered(sim, p, msg.status, msg.body, (key) => enqueue(sim, 'endpointslice', key));
    else if (p.controller === 'deployment') deploymentAnswered(sim, p, msg.status, msg.body);
    else replicaSetAnswered(sim, p, msg.status, msg.body, msg.message);
  }
}
