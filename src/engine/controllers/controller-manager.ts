/**
 * kube-controller-manager: the control loops that turn desired state into
 * actual state. Its shared informers feed each controller's work queue; a
 * controller syncs one key at a time. Here: the Deployment controller and
 * the ReplicaSet controller. A bare Pod has no owner, so no controller acts
 * on it. The node lifecycle and taint eviction controllers watch Nodes,
 * Leases and Pods for nodes that fall silent.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { dict } from '../core/dict';
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
  initNodeLifecycle,
  monitorNodeHealth,
  nodeLifecycleAnswered,
  noExecuteTaintingPass,
  noScheduleTaintingPass,
  startNodeLifecycle,
  type NodeLifecycleState,
} from './node-lifecycle';
import {
  endpointSliceAnswered,
  endpointSliceKeysFor,
  initEndpointSliceController,
  syncEndpointSlices,
  type EndpointSliceControllerState,
} from './endpointslice';
import { controllerOf, indexOwner, type OwnerIndex } from './owner';
import { gcAnswered, gcObserve, gcSync, initGarbageCollector, type GarbageCollectorState } from './garbage-collector';
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
import {
  initTaintEviction,
  taintEvictionAnswered,
  taintEvictionFire,
  taintEvictionNodeUpdated,
  taintEvictionPodUpdated,
  type TaintEvictionState,
} from './taint-eviction';
import { quotaNeedsSync, quotasIn, syncResourceQuota } from './resourcequota';
import { syncServiceAccounts } from './serviceaccounts';
import { syncRootCaConfigMap } from './root-ca-publisher';
import { claimKeysForVolume, syncClaim } from './persistentvolume';

export type ControllerName =
  | 'deployment'
  | 'replicaset'
  | 'serviceaccount'
  | 'resourcequota'
  | 'endpointslice'
  | 'rootcacert'
  | 'persistentvolume'
  | 'garbagecollector';

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
  nodeLifecycle: NodeLifecycleState;
  taintEviction: TaintEvictionState;
  /** The PV controller's memory per claim key: the wait event told once, the volume being bound. */
  pvClaims: Record<string, { waitReported?: boolean; binding?: string }>;
  /** The garbage collector's graph of ownerReferences and its requests. */
  garbageCollector: GarbageCollectorState;
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
    queued: dict(),
    owners: dict(),
    podCounts: dict(),
    podFlags: dict(),
    pending: dict(),
    nodeLifecycle: initNodeLifecycle(),
    taintEviction: initTaintEviction(),
    pvClaims: dict(),
    garbageCollector: initGarbageCollector(),
  };
}

const WATCHES = [
  'pods',
  'nodes',
  'deployments',
  'replicasets',
  'services',
  'endpointslices',
  'leases',
  // The ServiceAccount and resource quota controllers' informers.
  'namespaces',
  'serviceaccounts',
  'resourcequotas',
  // The root CA publisher's and the PV controller's informers.
  'configmaps',
  'persistentvolumeclaims',
  'persistentvolumes',
  'storageclasses',
].map((resource) => ({
  resource,
}));

type KSim = Sim<{ controllerManager: ControllerManagerState }>;
const SELF: ComponentId = 'kube-controller-manager';

/** Count a Pod under its owner (its controller's uid); true when an active Pod stopped being active (Terminating or gone). */
function countPod(st: ControllerManagerState, key: string, pod: ApiObject | null, owner: string | undefined): boolean {
  const prev = st.podFlags[key];
  const wasActive = !!prev?.active;
  if (prev) {
    const c = st.podCounts[prev.owner]!;
    if (prev.active) c.active--;
    if (prev.ready) c.ready--;
    delete st.podFlags[key];
  }
  if (!pod || !owner) return wasActive;
  const active = isActive(pod);
  const flags = { owner, active, ready: active && isReady(pod) };
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
  if (msg.type === 'start') {
    startNodeLifecycle(sim);
    return startInformers(sim, self, st.informers, WATCHES, USERS.controllerManager);
  }
  const events = informerReceive(st.informers, self, msg, sim);
  if (events) {
    const fromList = msg.type === 'http-response';
    for (const e of events) {
      // The object's controller, read once for the owner index, the Pod counts and the queues below.
      const owner = controllerOf(e.object);
      indexOwner(st.owners, e.key, owner?.uid, e.type === 'DELETED');
      gcObserve(sim, e.type, e.object);
      for (const svcKey of endpointSliceKeysFor(st, e.object, e.type, fromList)) enqueue(sim, 'endpointslice', svcKey);
      const deactivated =
        e.object.kind === 'Pod' && countPod(st, e.key, e.type === 'DELETED' ? null : e.object, owner?.uid);
      const ns = e.object.metadata.namespace;
      if (e.object.kind === 'Node') {
        const node = e.object as unknown as Node;
        if (e.type !== 'DELETED') noScheduleTaintingPass(sim, node);
        taintEvictionNodeUpdated(sim, node, e.type === 'DELETED');
        continue;
      }
      if (e.object.kind === 'Pod')
        taintEvictionPodUpdated(sim, e.key, e.type === 'DELETED' ? null : (e.object as unknown as Pod));
      if (e.object.kind === 'Namespace' && e.type !== 'DELETED') {
        enqueue(sim, 'serviceaccount', e.key);
        enqueue(sim, 'rootcacert', e.key);
      } else if (e.object.kind === 'ConfigMap' && e.type === 'DELETED' && ns)
        enqueue(sim, 'rootcacert', `/registry/namespaces/${ns}`);
      else if (e.object.kind === 'ServiceAccount' && e.type === 'DELETED' && ns)
        enqueue(sim, 'serviceaccount', `/registry/namespaces/${ns}`);
      else if (e.object.kind === 'ResourceQuota' && e.type !== 'DELETED' && quotaNeedsSync(e.object))
        enqueue(sim, 'resourcequota', e.key);
      // Replenishment: a Pod that goes, or reaches a terminal phase, gives its usage back.
      if (e.object.kind === 'Pod' && ns && (e.type === 'DELETED' || isTerminal(e.object)))
        for (const q of quotasIn(st, ns)) enqueue(sim, 'resourcequota', q);
      // The PV controller: claims, and the claims a volume concerns.
      if (e.object.kind === 'PersistentVolumeClaim') {
        if (e.type === 'DELETED') delete st.pvClaims[e.key];
        else enqueue(sim, 'persistentvolume', e.key);
      } else if (e.object.kind === 'PersistentVolume' && e.type !== 'DELETED')
        for (const claim of claimKeysForVolume(st, e.object)) enqueue(sim, 'persistentvolume', claim);
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
    if (msg.controller === 'serviceaccount') return syncServiceAccounts(sim, msg.key);
    if (msg.controller === 'rootcacert') return syncRootCaConfigMap(sim, msg.key);
    if (msg.controller === 'persistentvolume') return syncClaim(sim, msg.key);
    if (msg.controller === 'resourcequota') return syncResourceQuota(sim, msg.key);
    if (msg.controller === 'endpointslice') return syncEndpointSlices(sim, msg.key);
    if (msg.controller === 'garbagecollector') return gcSync(sim, msg.key);
    return msg.controller === 'deployment' ? syncDeployment(sim, msg.key) : syncReplicaSet(sim, msg.key);
  }
  if (msg.type === 'node-monitor') return monitorNodeHealth(sim);
  if (msg.type === 'node-noexecute-taint') return noExecuteTaintingPass(sim, msg.node);
  if (msg.type === 'taint-eviction-fire') return taintEvictionFire(sim, msg.podKey, msg.token);
  if (msg.type === 'http-response') {
    if (nodeLifecycleAnswered(sim, msg.id, msg.status, msg.body)) return;
    if (taintEvictionAnswered(sim, msg.id, msg.status)) return;
    if (gcAnswered(sim, msg.id, msg.status, msg.body)) return;
    const p = st.pending[msg.id];
    if (!p) return;
    delete st.pending[msg.id];
    if (p.controller === 'serviceaccount' || p.controller === 'resourcequota' || p.controller === 'rootcacert') return;
    if (p.controller === 'endpointslice')
      endpointSliceAnswered(sim, p, msg.status, msg.body, (key) => enqueue(sim, 'endpointslice', key));
    else if (p.controller === 'deployment') deploymentAnswered(sim, p, msg.status, msg.body);
    else replicaSetAnswered(sim, p, msg.status, msg.body, msg.message);
  }
}

function isTerminal(pod: ApiObject): boolean {
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}
