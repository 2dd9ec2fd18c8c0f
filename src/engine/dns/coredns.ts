/**
 * CoreDNS with its kubernetes plugin: it watches Services, EndpointSlices and
 * Namespaces through kube-apiserver and answers `<svc>.<ns>.svc.cluster.local`
 * from what it sees: the ClusterIP, or for a headless Service the addresses
 * of its ready endpoints. kube-proxy registers no names.
 * Models coredns/coredns plugin/kubernetes (kubernetes.go Records, xfr.go)
 * and the DNS spec in kubernetes/website dns-pod-service.md.
 */
import type { Service } from 'kubernetes-types/core/v1';
import { USERS } from '../apiserver/authz';
import { informerReceive, newInformers, startInformers, type Informers } from '../client/informer';
import type { Message } from '../core/messages';
import type { Sim } from '../core/sim';
import type { ApiObject, ComponentId } from '../types';

export const CLUSTER_DOMAIN = 'cluster.local';

export interface CorednsState {
  informers: Informers;
  /** A records by name, as the plugin would answer them now. */
  records: Record<string, string[]>;
}

export function initCoredns(): CorednsState {
  return { informers: newInformers(), records: {} };
}

export function serviceFqdn(name: string, namespace: string): string {
  return `${name}.${namespace}.svc.${CLUSTER_DOMAIN}`;
}

interface SliceShape {
  endpoints?: { addresses: string[]; conditions?: { ready?: boolean } }[];
}

/** The A records of every Service: ClusterIP, or the ready endpoint addresses when headless. */
export function serviceRecords(objects: Record<string, ApiObject>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, obj] of Object.entries(objects)) {
    if (!key.startsWith('/registry/services/specs/')) continue;
    const svc = obj as unknown as Service;
    if (svc.spec?.type === 'ExternalName') continue;
    const name = serviceFqdn(String(obj.metadata.name), String(obj.metadata.namespace));
    if (svc.spec?.clusterIP && svc.spec.clusterIP !== 'None') {
      out[name] = [svc.spec.clusterIP];
      continue;
    }
    const ips: string[] = [];
    for (const [k, slice] of Object.entries(objects)) {
      if (!k.startsWith(`/registry/endpointslices/${obj.metadata.namespace}/`)) continue;
      if (
        (slice.metadata.labels as Record<string, string> | undefined)?.['kubernetes.io/service-name'] !==
        obj.metadata.name
      )
        continue;
      for (const ep of (slice as unknown as SliceShape).endpoints ?? [])
        if (ep.conditions?.ready ?? true) ips.push(...ep.addresses);
    }
    out[name] = ips.sort();
  }
  return out;
}

type DSim = Sim<{ coredns: CorednsState }>;

export function handleCoredns(sim: DSim, self: ComponentId, msg: Message, from?: ComponentId): void {
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
  if (msg.type === 'dns-query' && from) return answer(sim, self, msg, from);
  const events = informerReceive(st.informers, self, msg, sim);
  if (!events) return;
  const before = st.records;
  st.records = serviceRecords(st.informers.cache.objects);
  // The cluster's own names are there from the start; tell what changes later.
  if (msg.type === 'http-response') return;
  for (const [name, ips] of Object.entries(st.records)) {
    if (JSON.stringify(before[name]) === JSON.stringify(ips)) continue;
    sim.note(self, {
      kind: 'internal',
      level: before[name] ? 'standard' : 'overview',
      say: { key: 'coredns-records', params: { name, ips: ips.join(', ') || '—' } },
    });
  }
}

function answer(sim: DSim, self: ComponentId, msg: Extract<Message, { type: 'dns-query' }>, to: ComponentId): void {
  const ips = sim.world.coredns.records[msg.name] ?? [];
  sim.send(
    {
      from: self,
      to,
      msg: { type: 'dns-answer', index: msg.index, name: msg.name, ips },
      meta: {
        kind: 'response',
        level: 'overview',
        verb: 'DNS',
        say: ips.length
          ? { key: 'coredns-answer', params: { name: msg.name, ips: ips.join(', ') } }
          : { key: 'coredns-nxdomain', params: { name: msg.name } },
      },
    },
    sim.latency(0.2, 1),
  );
}
