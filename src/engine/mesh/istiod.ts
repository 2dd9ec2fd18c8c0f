/**
 * istiod, Istio's control plane, running in istio-system. Three of its jobs
 * show in a Pod's story:
 * - the sidecar injector webhook (`/inject`, sidecar-injector.ts);
 * - its namespace controller, which puts the `istio-ca-root-cert` ConfigMap
 *   (the mesh CA the proxies trust) into every namespace;
 * - discovery: it watches Pods, Services and EndpointSlices through
 *   kube-apiserver and pushes xDS to every connected proxy. A changed
 *   EndpointSlice becomes an EDS push once the debounce (PILOT_DEBOUNCE_AFTER,
 *   100 ms) has passed.
 * Models istio/istio pilot/pkg/xds (ads.go, eds.go, discovery.go debounce),
 * pilot/pkg/serviceregistry/kube/controller (endpointslice.go, pod.go),
 * pkg/kube/inject/webhook.go and security/pkg/k8s/namespace.go.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { USERS } from '../apiserver/authz';
import type { ReviewRequest } from '../apiserver/admission/webhooks';
import { request } from '../client/client';
import { informerReceive, newInformers, startInformers, type Informers } from '../client/informer';
import type { Message } from '../core/messages';
import type { Sim } from '../core/sim';
import { CLUSTER_DOMAIN } from '../dns/coredns';
import type { ApiObject, ComponentId } from '../types';
import { injectionPatch, injectionRequired, PROXY_IMAGE } from './sidecar-injector';

/** PILOT_DEBOUNCE_AFTER: istiod waits this long after a change for more before it pushes. */
export const DEBOUNCE_MS = 100;
export const CA_ROOT_CONFIGMAP = 'istio-ca-root-cert';

export interface IstiodState {
  informers: Informers;
  /** Proxies with an ADS stream open: `<pod>.<namespace>` by Pod key. */
  connected: Record<string, string>;
  /** Services whose endpoints changed since the last push. */
  dirty: Record<string, true>;
  debouncing: boolean;
  /** Namespaces it has asked to get the CA ConfigMap. */
  caRequested: Record<string, true>;
  pushVersion: number;
}

export function initIstiod(): IstiodState {
  return { informers: newInformers(), connected: {}, dirty: {}, debouncing: false, caRequested: {}, pushVersion: 0 };
}

type ISim = Sim<{ istiod: IstiodState }>;

export function handleIstiod(sim: ISim, self: ComponentId, msg: Message, from: ComponentId): void {
  const st = sim.world.istiod;
  if (msg.type === 'start') {
    return startInformers(
      sim,
      self,
      st.informers,
      [
        { resource: 'pods' },
        { resource: 'services' },
        { resource: 'endpointslices' },
        { resource: 'namespaces' },
        { resource: 'configmaps' },
      ],
      USERS.istiod,
      'deep',
    );
  }
  if (msg.type === 'admission-review') return inject(sim, self, msg, from);
  if (msg.type === 'istiod-debounce') return push(sim, self);
  const initialList = msg.type === 'http-response' && !!st.informers.lists?.[msg.id];
  const events = informerReceive(st.informers, self, msg, sim);
  if (!events) return;
  for (const e of events) {
    const kind = e.object.kind;
    if (kind === 'Namespace' && e.type !== 'DELETED') ensureCaConfigMap(sim, self, e.object);
    if (kind === 'Pod') trackProxy(sim, self, e.key, e.type === 'DELETED' ? null : (e.object as unknown as Pod));
    if (kind === 'EndpointSlice' && !initialList) {
      const svc = (e.object.metadata.labels as Record<string, string> | undefined)?.['kubernetes.io/service-name'];
      if (svc) st.dirty[`${e.object.metadata.namespace}/${svc}`] = true;
      if (!st.debouncing) {
        st.debouncing = true;
        sim.send({ from: self, to: self, msg: { type: 'istiod-debounce' } }, DEBOUNCE_MS);
      }
    }
  }
}

/** The `/inject` handler: the patch that adds istio-init and istio-proxy, or nothing. */
function inject(
  sim: ISim,
  self: ComponentId,
  msg: Extract<Message, { type: 'admission-review' }>,
  to: ComponentId,
): void {
  const req: ReviewRequest = msg.request;
  const pod = req.object as unknown as Pod;
  const name = `${req.namespace}/${String(pod.metadata?.name ?? pod.metadata?.generateName ?? '')}`;
  const decision = injectionRequired(pod);
  const patch = decision.required ? injectionPatch(pod) : undefined;
  sim.send(
    {
      from: self,
      to,
      msg: {
        type: 'admission-review-response',
        id: msg.id,
        response: { uid: req.uid, allowed: true, ...(patch ? { patch } : {}) },
      },
      meta: {
        kind: 'response',
        level: 'standard',
        status: 200,
        say: patch
          ? {
              key: 'istiod-inject',
              params: {
                webhook: msg.webhook,
                pod: name,
                image: PROXY_IMAGE,
                ops: patch.length,
                reason: decision.reason,
              },
            }
          : { key: 'istiod-inject-skip', params: { webhook: msg.webhook, pod: name, reason: decision.reason } },
      },
    },
    sim.latency(1, 4),
  );
}

/** The namespace controller: every namespace gets the mesh's root certificate. */
function ensureCaConfigMap(sim: ISim, self: ComponentId, ns: ApiObject): void {
  const st = sim.world.istiod;
  const name = String(ns.metadata.name);
  if (ns.metadata.deletionTimestamp || st.caRequested[name]) return;
  if (st.informers.cache.objects[`/registry/configmaps/${name}/${CA_ROOT_CONFIGMAP}`]) return;
  st.caRequested[name] = true;
  request(sim, self, {
    verb: 'create',
    resource: 'configmaps',
    namespace: name,
    body: {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: CA_ROOT_CONFIGMAP, namespace: name, labels: { 'istio.io/config': 'true' } },
      data: { 'root-cert.pem': '-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----\n' },
    } as unknown as ApiObject,
    user: USERS.istiod,
    level: 'standard',
    say: { key: 'istiod-ca-configmap', params: { namespace: name, name: CA_ROOT_CONFIGMAP } },
  });
}

/** A sidecar whose pilot-agent has started opens its ADS stream to istiod:15012. */
function trackProxy(sim: ISim, self: ComponentId, key: string, pod: Pod | null): void {
  const st = sim.world.istiod;
  if (!pod) {
    delete st.connected[key];
    return;
  }
  const status = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])].find(
    (s) => s.name === 'istio-proxy',
  );
  const running = !!status?.state?.running && !pod.metadata?.deletionTimestamp;
  if (!running) {
    delete st.connected[key];
    return;
  }
  if (st.connected[key]) return;
  const node = `${pod.metadata?.name}.${pod.metadata?.namespace}`;
  st.connected[key] = node;
  // The first request on a new stream gets the whole configuration: CDS, EDS, LDS, RDS.
  sim.note(self, {
    kind: 'internal',
    level: 'standard',
    say: { key: 'istiod-ads-connect', params: { node, ip: String(pod.status?.podIP ?? '') } },
  });
}

interface SliceShape {
  endpoints?: { addresses: string[]; conditions?: { ready?: boolean } }[];
  ports?: { port?: number; name?: string }[];
}

/** The debounce ended: one EDS push to each connected proxy, naming the clusters that changed. */
function push(sim: ISim, self: ComponentId): void {
  const st = sim.world.istiod;
  st.debouncing = false;
  const services = Object.keys(st.dirty).sort();
  st.dirty = {};
  const proxies = Object.values(st.connected).sort();
  if (!services.length || !proxies.length) return;
  st.pushVersion++;
  const objects = st.informers.cache.objects;
  const clusters: string[] = [];
  const endpoints: string[] = [];
  for (const svc of services) {
    const [ns, name] = svc.split('/') as [string, string];
    const service = objects[`/registry/services/specs/${ns}/${name}`] as
      { spec?: { ports?: { port: number }[] } } | undefined;
    for (const p of service?.spec?.ports ?? [])
      clusters.push(`outbound|${p.port}||${name}.${ns}.svc.${CLUSTER_DOMAIN}`);
    for (const [k, slice] of Object.entries(objects)) {
      if (!k.startsWith(`/registry/endpointslices/${ns}/`)) continue;
      if ((slice.metadata.labels as Record<string, string> | undefined)?.['kubernetes.io/service-name'] !== name)
        continue;
      const port = (slice as unknown as SliceShape).ports?.[0]?.port;
      for (const ep of (slice as unknown as SliceShape).endpoints ?? [])
        if (ep.conditions?.ready ?? true) endpoints.push(...ep.addresses.map((a) => (port ? `${a}:${port}` : a)));
    }
  }
  if (!clusters.length) return;
  for (const node of proxies) {
    sim.note(self, {
      kind: 'internal',
      level: 'standard',
      say: {
        key: 'istiod-eds-push',
        params: {
          node,
          resources: clusters.length,
          clusters: clusters.join(', '),
          endpoints: endpoints.sort().join(', ') || '—',
          version: st.pushVersion,
        },
      },
    });
  }
}
