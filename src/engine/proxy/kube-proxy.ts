/**
 * kube-proxy on one node: it follows Services and EndpointSlices and
 * programs iptables so traffic to a Service's ClusterIP reaches a ready
 * endpoint. It carries no traffic itself. With no Service selecting the Pod
 * it has nothing to change.
 */
import { USERS } from '../apiserver/authz';
import { informerReceive, newInformers, startInformers, type Informers } from '../client/informer';
import type { Message } from '../core/messages';
import type { Sim } from '../core/sim';
import type { ComponentId } from '../types';

export interface KubeProxyState {
  informers: Informers;
}

export function initKubeProxy(): KubeProxyState {
  return { informers: newInformers() };
}

export function handleKubeProxy(
  sim: Sim<{ proxies: Record<string, KubeProxyState> }>,
  self: ComponentId,
  msg: Message,
): void {
  const st = sim.world.proxies[self.slice('kube-proxy/'.length)]!;
  if (msg.type === 'start') {
    return startInformers(
      sim,
      self,
      st.informers,
      [{ resource: 'services' }, { resource: 'endpointslices' }],
      USERS.kubeProxy,
    );
  }
  informerReceive(st.informers, self, msg);
}
