/**
 * kube-controller-manager: the control loops that turn desired state into
 * actual state. Its shared informers open their watches at start; a bare Pod
 * has no owner, so no controller acts on it (the Deployment and ReplicaSet
 * controllers, node lifecycle and EndpointSlice controllers act on what
 * they own).
 */
import { USERS } from '../apiserver/authz';
import { informerReceive, newInformers, startInformers, type Informers } from '../client/informer';
import type { Message } from '../core/messages';
import type { Sim } from '../core/sim';
import type { ComponentId } from '../types';

export interface ControllerManagerState {
  informers: Informers;
}

export function initControllerManager(): ControllerManagerState {
  return { informers: newInformers() };
}

const WATCHES = ['pods', 'nodes', 'deployments', 'replicasets', 'services', 'endpointslices', 'leases'].map(
  (resource) => ({ resource }),
);

export function handleControllerManager(
  sim: Sim<{ controllerManager: ControllerManagerState }>,
  self: ComponentId,
  msg: Message,
): void {
  const st = sim.world.controllerManager;
  if (msg.type === 'start') return startInformers(sim, self, st.informers, WATCHES, USERS.controllerManager);
  informerReceive(st.informers, self, msg);
}
