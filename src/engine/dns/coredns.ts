/**
 * CoreDNS with its kubernetes plugin: it watches Services, EndpointSlices and
 * Namespaces through kube-apiserver and answers `<svc>.<ns>.svc.cluster.local`
 * from what it sees. kube-proxy registers no names.
 */
import { USERS } from '../apiserver/authz';
import { informerReceive, newInformers, startInformers, type Informers } from '../client/informer';
import type { Message } from '../core/messages';
import type { Sim } from '../core/sim';
import type { ComponentId } from '../types';

export interface CorednsState {
  informers: Informers;
}

export function initCoredns(): CorednsState {
  return { informers: newInformers() };
}

export function handleCoredns(sim: Sim<{ coredns: CorednsState }>, self: ComponentId, msg: Message): void {
  const st = sim.world.coredns;
  if (msg.type === 'start') {
    return startInformers(
      sim,
      self,
      st.informers,
      [{ resource: 'services' }, { resource: 'endpointslices' }, { resource: 'namespaces' }],
      USERS.coredns,
    );
  }
  informerReceive(st.informers, self, msg);
}
