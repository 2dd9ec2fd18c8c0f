/**
 * kube-proxy on one node (iptables mode): it follows Services and
 * EndpointSlices through kube-apiserver and, when they change, runs
 * syncProxyRules, which rewrites the node's KUBE-SERVICES → KUBE-SVC-… →
 * KUBE-SEP-… chains in one iptables-restore. The sync runner runs at most
 * once per minSyncPeriod (1s, the kubeadm default) after a burst of two, so
 * changes that arrive together are written together. It carries no traffic itself: the kernel
 * applies the rules to each new connection (see traffic.ts).
 * Models pkg/proxy/iptables/proxier.go and pkg/proxy/endpointslicecache.go.
 */
import type { Service } from 'kubernetes-types/core/v1';
import { USERS } from '../apiserver/authz';
import { informerReceive, newInformers, startInformers, type Informers } from '../client/informer';
import type { Message } from '../core/messages';
import type { Sim } from '../core/sim';
import type { ApiObject, ComponentId, DetailLevel } from '../types';
import { sameJson } from '../controllers/same-json';
import { handleTraffic } from './traffic';
import { iptablesSave, syncProxyRules, type ProxyEndpoint, type ProxyRules, type ProxyServicePort } from './iptables';

/** KubeProxyConfiguration iptables.minSyncPeriod default. */
export const MIN_SYNC_PERIOD_MS = 1_000;
/** NewBoundedFrequencyRunner(…, minSyncPeriod, syncPeriod, burstSyncs = 2). */
export const BURST_SYNCS = 2;

export interface KubeProxyState {
  informers: Informers;
  node: string;
  /** What the node's iptables hold now, as kube-proxy last wrote them. */
  rules: ProxyRules;
  lastSync: number;
  syncQueued: boolean;
  /** The sync runner's token bucket: one sync per minSyncPeriod, bursts of two. */
  tokens: number;
  tokensAt: number;
}

export function initKubeProxy(node = ''): KubeProxyState {
  return {
    informers: newInformers(),
    node,
    rules: { services: [], chains: [] },
    lastSync: -Infinity,
    syncQueued: false,
    tokens: BURST_SYNCS,
    tokensAt: 0,
  };
}

interface SliceShape {
  endpoints?: {
    addresses: string[];
    conditions?: { ready?: boolean; serving?: boolean; terminating?: boolean };
    nodeName?: string;
    targetRef?: { name?: string };
  }[];
  ports?: { name?: string; port?: number; protocol?: string }[];
}

/**
 * The Service ports kube-proxy programs, from its informer caches: every
 * Service with a ClusterIP (headless and ExternalName are skipped), each
 * port with the endpoints of its slices. Ready, serving and terminating
 * default as the EndpointSlice cache defaults them (nil ready is ready).
 */
export function servicePortsFrom(objects: Record<string, ApiObject>): ProxyServicePort[] {
  // The caches walked in place (for…in, not Object.entries: a sync on every node after every slice change).
  const slices: Record<string, SliceShape[]> = {};
  for (const key in objects) {
    const obj = objects[key]!;
    if (!key.startsWith('/registry/endpointslices/')) continue;
    const svc = (obj.metadata.labels as Record<string, string> | undefined)?.['kubernetes.io/service-name'];
    if (svc) (slices[`${obj.metadata.namespace}/${svc}`] ??= []).push(obj as unknown as SliceShape);
  }
  const out: ProxyServicePort[] = [];
  for (const key in objects) {
    const obj = objects[key]!;
    if (!key.startsWith('/registry/services/specs/')) continue;
    const svc = obj as unknown as Service;
    const clusterIP = svc.spec?.clusterIP;
    if (!clusterIP || clusterIP === 'None' || svc.spec?.type === 'ExternalName') continue;
    for (const sp of svc.spec?.ports ?? []) {
      const protocol = sp.protocol ?? 'TCP';
      const endpoints: ProxyEndpoint[] = [];
      for (const slice of slices[`${obj.metadata.namespace}/${obj.metadata.name}`] ?? []) {
        const port = slice.ports?.find((p) => (p.name ?? '') === (sp.name ?? '') && (p.protocol ?? 'TCP') === protocol);
        if (!port?.port) continue;
        for (const ep of slice.endpoints ?? []) {
          if (!ep.addresses[0]) continue;
          const ready = ep.conditions?.ready ?? true;
          const endpoint: ProxyEndpoint = {
            ip: ep.addresses[0],
            port: port.port,
            ready,
            serving: ep.conditions?.serving ?? ready,
            terminating: ep.conditions?.terminating ?? false,
          };
          if (ep.nodeName) endpoint.nodeName = ep.nodeName;
          if (ep.targetRef?.name) endpoint.pod = ep.targetRef.name;
          endpoints.push(endpoint);
        }
      }
      out.push({
        namespace: String(obj.metadata.namespace),
        name: String(obj.metadata.name),
        portName: sp.name ?? '',
        protocol,
        port: sp.port,
        clusterIP,
        endpoints,
      });
    }
  }
  return out;
}

type PSim = Sim<{ proxies: Record<string, KubeProxyState> }>;

export function handleKubeProxy(sim: PSim, self: ComponentId, msg: Message): void {
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
  if (handleTraffic(sim as never, self, msg)) return;
  if (msg.type === 'kube-proxy-sync') {
    st.syncQueued = false;
    return sync(sim, self, st, 'overview');
  }
  const events = informerReceive(st.informers, self, msg, sim);
  if (!events) return;
  // The first sync runs once the caches have synced: the cluster's own Services, quietly.
  if (msg.type === 'http-response') return st.informers.synced ? sync(sim, self, st, 'deep') : undefined;
  if (!events.length || st.syncQueued) return;
  st.syncQueued = true;
  sim.send({ from: self, to: self, msg: { type: 'kube-proxy-sync' } }, Math.max(1, takeToken(st, sim.now)));
}

/**
 * The BoundedFrequencyRunner's limiter: a token bucket that refills one
 * token per minSyncPeriod up to BURST_SYNCS. Returns how long the sync
 * waits for its token (0 if one is there), and takes it.
 */
export function takeToken(st: Pick<KubeProxyState, 'tokens' | 'tokensAt'>, now: number): number {
  st.tokens = Math.min(BURST_SYNCS, st.tokens + (now - st.tokensAt) / MIN_SYNC_PERIOD_MS);
  st.tokensAt = now;
  st.tokens -= 1;
  return st.tokens >= 0 ? 0 : -st.tokens * MIN_SYNC_PERIOD_MS;
}

/**
 * The rules for a cache's objects. Every node's kube-proxy holds the same
 * objects (one watch event reaches them all, and stored objects are never
 * changed in place), so the rules built for one set of objects, in cache
 * order, serve every node that syncs with the same set: each node's rules
 * are read, never changed. A few recent sets are remembered, compared by
 * identity.
 */
export function rulesFor(objects: Record<string, ApiObject>): ProxyRules {
  const inputs: ApiObject[] = [];
  for (const key in objects) inputs.push(objects[key]!);
  for (const known of RECENT_RULES) if (sameObjects(known.inputs, inputs)) return known.rules;
  const rules = syncProxyRules(servicePortsFrom(objects));
  RECENT_RULES.unshift({ inputs, rules });
  if (RECENT_RULES.length > 4) RECENT_RULES.pop();
  return rules;
}
const RECENT_RULES: { inputs: ApiObject[]; rules: ProxyRules }[] = [];

function sameObjects(a: ApiObject[], b: ApiObject[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** iptables-save's text of a set of rules, made once for the nodes that share them. */
function savedText(rules: ProxyRules): string {
  let text = SAVED_TEXT.get(rules);
  if (text === undefined) SAVED_TEXT.set(rules, (text = iptablesSave(rules)));
  return text;
}
const SAVED_TEXT = new WeakMap<ProxyRules, string>();

/** syncProxyRules: rebuild every chain from the caches and write them, telling what changed. */
function sync(sim: PSim, self: ComponentId, st: KubeProxyState, level: DetailLevel): void {
  st.lastSync = sim.now;
  const before = st.rules;
  const rules = rulesFor(st.informers.cache.objects);
  st.rules = rules;
  // What changed, as JSON would tell, without serializing every endpoint of every Service twice per sync.
  const changed = rules.services.filter((s) => {
    const old = before.services.find((o) => o.svcPortName === s.svcPortName);
    return !sameJson(old, s);
  });
  const removed = before.services.filter((o) => !rules.services.some((s) => s.svcPortName === o.svcPortName));
  if (!changed.length && !removed.length) return;
  const describe = (s: ProxyRules['services'][number]) =>
    s.svcChain
      ? `${s.svcPortName} ${s.clusterIP}:${s.port} → ${s.svcChain} (${s.targets.map((t) => t.endpoint).join(', ')})`
      : `${s.svcPortName} ${s.clusterIP}:${s.port} → REJECT "${s.reject}"`;
  sim.note(self, {
    kind: 'internal',
    level,
    say: {
      key: 'kube-proxy-sync',
      params: {
        node: st.node,
        services: rules.services.length,
        changed: [...changed.map(describe), ...removed.map((s) => `${s.svcPortName} removed`)].join('; '),
        chains: rules.chains.length,
        rules: savedText(rules),
      },
    },
  });
}
