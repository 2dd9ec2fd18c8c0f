/**
 * What the add-ons know at a step (istiod, Kyverno, ingress-nginx, Calico's
 * Felix), read from the trace alone like components.ts: their own steps with
 * their params and the objects at the step. A component's caches hold what its
 * informers were last told, so the objects it knows are read at the last step
 * that delivered something to it, not at the cursor.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { Ingress } from 'kubernetes-types/networking/v1';
import type { ComponentId, Step, Trace } from '../engine/types';

const upTo = (trace: Trace, seq: number): readonly Step[] => trace.steps.slice(0, Math.max(0, seq + 1));

/** The last step at or before `seq` that delivered a list or a watch event to `who`, or -1. */
export function lastDeliveredTo(trace: Trace, who: ComponentId, seq: number): number {
  for (let i = Math.min(seq, trace.steps.length - 1); i >= 0; i--) {
    const s = trace.steps[i]!;
    if (s.from !== 'kube-apiserver' || (s.kind !== 'watch' && s.kind !== 'response')) continue;
    if (s.to === who || s.fanout?.includes(who)) return i;
  }
  return -1;
}

const list = (v: string | number | undefined): string[] =>
  typeof v === 'string' && v && v !== '—' ? v.split(', ').filter(Boolean) : [];

// istiod ---------------------------------------------------------------------

export interface IstiodReview {
  /** istiod's answer (the response step). */
  seq: number;
  webhook: string;
  pod: string;
  injected: boolean;
  reason: string;
  /** The JSONPatch's operations as kube-apiserver applied them (`add /spec/initContainers`), once it has. */
  patch: string[];
  ops: number;
  image?: string;
}

export interface IstiodProxy {
  /** The proxy's xDS node name: `<pod>.<namespace>`. */
  node: string;
  ip: string;
  connectedSeq: number;
  /** The last EDS push it was sent. */
  push?: { seq: number; version: number; clusters: string[]; endpoints: string[] };
}

export interface IstiodView {
  reviews: IstiodReview[];
  proxies: IstiodProxy[];
}

/** The AdmissionReviews istiod answered, and the proxies connected to it with the last EDS push each got. */
export function istiodAt(trace: Trace, seq: number): IstiodView {
  const reviews: IstiodReview[] = [];
  const proxies = new Map<string, IstiodProxy>();
  for (const s of upTo(trace, seq)) {
    const p = s.say.params;
    if (s.from === 'istiod' && (s.say.key === 'istiod-inject' || s.say.key === 'istiod-inject-skip')) {
      const injected = s.say.key === 'istiod-inject';
      reviews.push({
        seq: s.seq,
        webhook: String(p.webhook),
        pod: String(p.pod),
        injected,
        reason: String(p.reason),
        patch: [],
        ops: injected ? Number(p.ops) : 0,
        ...(injected ? { image: String(p.image) } : {}),
      });
    } else if (s.from === 'kube-apiserver' && s.say.key === 'apiserver-webhook-patched') {
      // kube-apiserver applies the patch right after istiod's answer: it belongs to the oldest review without one.
      const r = reviews.find((x) => x.injected && !x.patch.length && x.webhook === p.webhook);
      if (r) r.patch = list(p.paths);
    } else if (s.from === 'istiod' && s.say.key === 'istiod-ads-connect') {
      proxies.set(String(p.node), { node: String(p.node), ip: String(p.ip), connectedSeq: s.seq });
    } else if (s.from === 'istiod' && s.say.key === 'istiod-eds-push') {
      const x = proxies.get(String(p.node));
      if (x)
        x.push = {
          seq: s.seq,
          version: Number(p.version),
          clusters: list(p.clusters),
          endpoints: list(p.endpoints),
        };
    }
  }
  // A proxy's stream closes with its Pod: those gone (or terminating) at the cursor are no longer connected.
  const pods = trace.objectsAt(seq, '/registry/pods/');
  const alive = [...proxies.values()].filter((x) => {
    const at = x.node.lastIndexOf('.');
    const pod = pods.get(`/registry/pods/${x.node.slice(at + 1)}/${x.node.slice(0, at)}`);
    return !!pod && !pod.metadata.deletionTimestamp;
  });
  return { reviews, proxies: alive.sort((a, b) => a.node.localeCompare(b.node)) };
}

// Kyverno --------------------------------------------------------------------

export interface KyvernoRule {
  name: string;
  kinds: string[];
  failureAction: string;
  message: string;
  pattern: string;
}

export interface KyvernoPolicy {
  name: string;
  rules: KyvernoRule[];
}

export interface KyvernoReview {
  seq: number;
  webhook: string;
  object: string;
  allowed: boolean;
  /** Kyverno's message for a blocked request; the rules it checked for an allowed one. */
  message: string;
}

interface PolicyShape {
  spec?: {
    validationFailureAction?: string;
    rules?: {
      name: string;
      match?: { any?: { resources?: { kinds?: string[] } }[]; all?: { resources?: { kinds?: string[] } }[] };
      validate?: { message?: string; pattern?: unknown; failureAction?: string };
    }[];
  };
}

/** Kyverno's policy cache (the ClusterPolicies its informer was told of) and each AdmissionReview's verdict. */
export function kyvernoAt(trace: Trace, seq: number): { policies: KyvernoPolicy[]; reviews: KyvernoReview[] } {
  const told = lastDeliveredTo(trace, 'kyverno', seq);
  const policies: KyvernoPolicy[] =
    told < 0
      ? []
      : [...trace.objectsAt(told, '/registry/kyverno.io/clusterpolicies/').values()]
          .map((o) => {
            const spec = (o as unknown as PolicyShape).spec;
            return {
              name: String(o.metadata.name),
              rules: (spec?.rules ?? []).map((r) => ({
                name: r.name,
                kinds: [...(r.match?.any ?? []), ...(r.match?.all ?? [])].flatMap((m) => m.resources?.kinds ?? []),
                // Kyverno 1.13+: the rule's own failureAction wins over the deprecated policy-wide one (default Audit).
                failureAction: r.validate?.failureAction ?? spec?.validationFailureAction ?? 'Audit',
                message: r.validate?.message ?? '',
                pattern: r.validate?.pattern === undefined ? '' : JSON.stringify(r.validate.pattern),
              })),
            };
          })
          .sort((a, b) => a.name.localeCompare(b.name));
  const reviews = upTo(trace, seq)
    .filter((s) => s.from === 'kyverno' && (s.say.key === 'kyverno-allowed' || s.say.key === 'kyverno-blocked'))
    .map((s) => {
      const p = s.say.params;
      const allowed = s.say.key === 'kyverno-allowed';
      return {
        seq: s.seq,
        webhook: String(p.webhook),
        object: String(p.object),
        allowed,
        message: allowed ? String(p.rules) : String(p.message),
      };
    });
  return { policies, reviews };
}

// ingress-nginx --------------------------------------------------------------

export interface NginxUpstreamEndpoint {
  endpoint: string;
  pod: string;
}

export interface NginxLocationView {
  path: string;
  pathType: string;
  upstream: string;
  /** The Service and port behind the upstream, from the Ingress that names it. */
  service: string;
  endpoints: NginxUpstreamEndpoint[];
}

export interface IngressNginxView {
  servers: { host: string; locations: NginxLocationView[] }[];
  /** The last nginx reload (servers changed) and the last configuration change, reload or dynamic. */
  lastReload?: number;
  lastUpdate?: { seq: number; reload: boolean };
  reloads: number;
  /** The Ingress ADDRESS it wrote (status.loadBalancer.ingress), with kube-apiserver's answer once given. */
  addresses: { seq: number; ingress: string; address: string; node: string; status?: number }[];
}

/** `host: / (Prefix) → up, /a (Exact) → up2; host2: …`, as ingress-nginx-reload tells its servers. */
export function parseServers(line: string): { host: string; path: string; pathType: string; upstream: string }[] {
  if (!line || line === '—') return [];
  return line.split('; ').flatMap((server) => {
    const at = server.indexOf(': ');
    const host = server.slice(0, at);
    return server
      .slice(at + 2)
      .split(', ')
      .map((loc) => {
        const m = /^(.*) \((\w+)\) → (.*)$/.exec(loc);
        return { host, path: m?.[1] ?? loc, pathType: m?.[2] ?? '', upstream: m?.[3] ?? '' };
      });
  });
}

/** `up [10.0.0.1:80, 10.0.0.2:80]; up2 [—]`, as ingress-nginx-backends tells the upstreams. */
export function parseBackends(line: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (!line || line === '—') return out;
  for (const part of line.split('; ')) {
    const m = /^(\S+) \[(.*)\]$/.exec(part);
    if (m) out[m[1]!] = list(m[2]);
  }
  return out;
}

/** The service an upstream `<namespace>-<service>-<port>` stands for, from the Ingresses that name it. */
function serviceOf(ingresses: Ingress[], upstream: string): string {
  for (const ing of ingresses) {
    const ns = ing.metadata?.namespace ?? 'default';
    for (const rule of ing.spec?.rules ?? [])
      for (const p of rule.http?.paths ?? []) {
        const svc = p.backend.service;
        const port = svc?.port?.number ?? svc?.port?.name ?? '';
        if (svc && `${ns}-${svc.name}-${port}` === upstream) return `${ns}/${svc.name}:${port}`;
      }
  }
  return '';
}

/** ingress-nginx's running configuration at `seq`: the servers it loaded, the upstreams' ready endpoints. */
export function ingressNginxAt(trace: Trace, seq: number): IngressNginxView {
  const view: IngressNginxView = { servers: [], reloads: 0, addresses: [] };
  let servers = '';
  let backends = '';
  let backendsSeq = -1;
  for (const s of upTo(trace, seq)) {
    const p = s.say.params;
    if (s.from === 'ingress-nginx') {
      if (s.say.key === 'ingress-nginx-reload') {
        servers = String(p.servers);
        view.lastReload = s.seq;
        view.lastUpdate = { seq: s.seq, reload: true };
        view.reloads++;
      } else if (s.say.key === 'ingress-nginx-backends') {
        backends = String(p.backends);
        backendsSeq = s.seq;
        // The backends posted right after a reload belong to that reload.
        view.lastUpdate = { seq: s.seq, reload: Number(p.reload) === 1 };
      } else if (s.say.key === 'ingress-nginx-status')
        view.addresses.push({
          seq: s.seq,
          ingress: String(p.ingress),
          address: String(p.address),
          node: String(p.node),
        });
    } else if (s.from === 'kube-apiserver' && s.to === 'ingress-nginx' && s.kind === 'response' && s.path) {
      const a = view.addresses.find(
        (x) => x.status === undefined && s.path!.endsWith(`/ingresses/${x.ingress}/status`),
      );
      if (a) a.status = s.status;
    }
  }
  if (!servers) return view;
  const ups = parseBackends(backends);
  // The Pods behind the endpoints, as the EndpointSlices said when the controller took them.
  const pods = new Map<string, string>();
  for (const o of trace.objectsAt(backendsSeq, '/registry/endpointslices/').values())
    for (const ep of (o as unknown as { endpoints?: { addresses: string[]; targetRef?: { name?: string } }[] })
      .endpoints ?? [])
      for (const a of ep.addresses) pods.set(a, ep.targetRef?.name ?? '');
  const ingresses = [...trace.objectsAt(view.lastReload!, '/registry/ingress/').values()] as unknown as Ingress[];
  for (const loc of parseServers(servers)) {
    let server = view.servers.find((x) => x.host === loc.host);
    if (!server) view.servers.push((server = { host: loc.host, locations: [] }));
    server.locations.push({
      path: loc.path,
      pathType: loc.pathType,
      upstream: loc.upstream,
      service: serviceOf(ingresses, loc.upstream),
      endpoints: (ups[loc.upstream] ?? []).map((e) => ({ endpoint: e, pod: pods.get(e.split(':')[0]!) ?? '' })),
    });
  }
  return view;
}

// Calico Felix ----------------------------------------------------------------

export interface FelixEndpoint {
  pod: string;
  ip: string;
  iface: string;
  /** The policies (Calico's names, `knp.default.<name>`) that select the Pod, by direction. */
  ingress: string[];
  egress: string[];
  /** The chains Felix wrote for the endpoint, as told. */
  chains: string[];
  seq: number;
}

export interface FelixDrop {
  seq: number;
  direction: 'Ingress' | 'Egress';
  pod: string;
  endpoint: string;
  chain: string;
  url: string;
}

/** Whether Calico (Felix) runs in the node's CNI box: its informers follow NetworkPolicies. */
export function calicoRuns(trace: Trace, node: string): boolean {
  const self = `cni/${node}`;
  return trace.steps.some(
    (s) =>
      s.from === self &&
      (s.say.key === 'felix-program' ||
        (s.say.key === 'informer-list-watch' && String(s.say.params.resources).includes('networkpolicies'))),
  );
}

/** Felix on a node at `seq`: each local Pod's selecting policies and chains, and the packets its rules dropped. */
export function felixAt(trace: Trace, node: string, seq: number): { endpoints: FelixEndpoint[]; drops: FelixDrop[] } {
  const self = `cni/${node}`;
  const byPod = new Map<string, FelixEndpoint>();
  const drops: FelixDrop[] = [];
  for (const s of upTo(trace, seq)) {
    const p = s.say.params;
    if (s.from === self && s.say.key === 'felix-program')
      byPod.set(String(p.pod), {
        pod: String(p.pod),
        ip: String(p.ip),
        iface: String(p.iface),
        ingress: list(p.ingress),
        egress: list(p.egress),
        chains: String(p.rules) === '—' ? [] : String(p.rules).split('; '),
        seq: s.seq,
      });
    else if ((s.say.key === 'request-dropped-ingress' || s.say.key === 'request-dropped-egress') && p.node === node)
      drops.push({
        seq: s.seq,
        direction: s.say.key === 'request-dropped-ingress' ? 'Ingress' : 'Egress',
        pod: String(p.pod),
        endpoint: String(p.endpoint),
        chain: String(p.chain),
        url: String(p.url),
      });
  }
  // Felix forgets an endpoint when its Pod leaves the node.
  const local = new Set(
    [...trace.objectsAt(seq, '/registry/pods/').values()]
      .map((o) => o as unknown as Pod)
      .filter((p) => p.spec?.nodeName === node)
      .map((p) => String(p.metadata?.name)),
  );
  const endpoints = [...byPod.values()].filter((e) => local.has(e.pod)).sort((a, b) => a.pod.localeCompare(b.pod));
  return { endpoints, drops };
}
