/**
 * The ingress-nginx controller (its Pod ingress-nginx-controller in the
 * namespace ingress-nginx, on the first node, bare-metal style: no
 * --publish-service, so the Ingress ADDRESS is that node's InternalIP).
 * It watches Ingresses, IngressClasses, Services and EndpointSlices
 * through kube-apiserver. An Ingress of its class gets the Event Normal
 * Sync "Scheduled for sync" and queues syncIngress, which builds the
 * configuration (servers from the Ingress rules, one upstream
 * `<namespace>-<service>-<port>` per backend with the ready endpoints'
 * Pod IPs) and compares it with the running one: a change in servers or
 * locations needs nginx.conf rewritten and nginx reloaded ("Configuration
 * changes detected, backend reload required", Event RELOAD); a change in
 * endpoints only is POSTed to the Lua balancer (dynamic configuration, no
 * reload). syncIngress is rate-limited (--sync-rate-limit 0.3 per second).
 * Every UpdateInterval (60 s) the status sync writes the address into
 * status.loadBalancer of each Ingress that lacks it.
 * Requests through it go client → controller → a ready Pod IP directly:
 * ingress-nginx balances over endpoints, not the Service's ClusterIP.
 * Models kubernetes/ingress-nginx internal/ingress/controller (store/store.go,
 * controller.go syncIngress, nginx.go OnUpdate, endpointslices.go) and
 * internal/ingress/status/status.go.
 */
import type { Ingress } from 'kubernetes-types/networking/v1';
import { USERS } from '../apiserver/authz';
import { request } from '../client/client';
import { recordEvent, type EventCountCache } from '../client/events';
import { informerReceive, newInformers, startInformers, type Informers } from '../client/informer';
import type { Message } from '../core/messages';
import type { Sim } from '../core/sim';
import { uidFor } from '../cluster/bootstrap';
import { servicePortsFrom } from '../proxy/kube-proxy';
import type { ApiObject, ComponentId, ServiceRequest } from '../types';
import { matchIngressPath } from './paths';

export const SELF: ComponentId = 'ingress-nginx';
export const INGRESS_CLASS = 'nginx';
/** IngressClass nginx's spec.controller in ingress-nginx's deploy.yaml. */
export const CONTROLLER_NAME = 'k8s.io/ingress-nginx';
/** status.go UpdateInterval, seconds. */
export const STATUS_UPDATE_INTERVAL_MS = 60_000;
/** --sync-rate-limit default: syncIngress at most 0.3 times a second. */
export const SYNC_RATE_LIMIT = 0.3;
/** The controller Pod, as deploy.yaml's Deployment names it (the hash is the ReplicaSet's). */
export const CONTROLLER_POD = 'ingress-nginx-controller-7d56585cd6-kjwqh';

/** One location of a server: where a path's requests go. */
export interface NginxLocation {
  path: string;
  pathType: string;
  ingress: string;
  /** `<namespace>-<service>-<port>`, ingress-nginx's upstream name. */
  upstream: string;
}

export interface NginxConfiguration {
  /** Server blocks by hostname (`_` for rules without host). */
  servers: Record<string, NginxLocation[]>;
  /** Upstream name → the endpoints (`ip:port`) the Lua balancer picks from, with their Pods. */
  backends: Record<string, { endpoint: string; ip: string; port: number; pod: string; node?: string }[]>;
}

export interface IngressNginxState {
  informers: Informers;
  /** The node the controller Pod runs on, and its InternalIP (the Ingress ADDRESS). */
  node: string;
  address: string;
  running: NginxConfiguration;
  syncQueued: boolean;
  /** The sync rate limiter's bucket (burst 1). */
  tokens: number;
  tokensAt: number;
  /** Round-robin position per upstream (the Lua balancer's round_robin). */
  next: Record<string, number>;
  lastStatusTick: number;
  statusWakeQueued: boolean;
  events: EventCountCache;
  /** The node each proxied request came from, to answer it. */
  clients: Record<number, string>;
}

export function initIngressNginx(node: string, address: string): IngressNginxState {
  return {
    informers: newInformers(),
    node,
    address,
    running: { servers: {}, backends: {} },
    syncQueued: false,
    tokens: 1,
    tokensAt: 0,
    next: {},
    lastStatusTick: -1,
    statusWakeQueued: false,
    events: {},
    clients: {},
  };
}

/** The objects the add-on's manifest (deploy.yaml) installed before the run: its namespace and IngressClass. */
export function ingressNginxObjects(): [string, ApiObject][] {
  const meta = (name: string, namespace?: string) => ({
    name,
    ...(namespace ? { namespace } : {}),
    uid: uidFor(`${namespace ?? ''}/${name}`),
    creationTimestamp: '2025-01-01T00:00:00Z',
    labels: { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/instance': 'ingress-nginx' },
  });
  return [
    [
      '/registry/namespaces/ingress-nginx',
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: meta('ingress-nginx'),
        spec: { finalizers: ['kubernetes'] },
        status: { phase: 'Active' },
      },
    ],
    // Made long ago by the ServiceAccount controller and the root CA publisher, and deploy.yaml's own account.
    [
      '/registry/serviceaccounts/ingress-nginx/default',
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('default', 'ingress-nginx') },
    ],
    [
      '/registry/serviceaccounts/ingress-nginx/ingress-nginx',
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('ingress-nginx', 'ingress-nginx') },
    ],
    [
      '/registry/configmaps/ingress-nginx/kube-root-ca.crt',
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: meta('kube-root-ca.crt', 'ingress-nginx'),
        data: { 'ca.crt': '-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----\n' },
      },
    ],
    [
      `/registry/ingressclasses/${INGRESS_CLASS}`,
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'IngressClass',
        metadata: { ...meta(INGRESS_CLASS), labels: { 'app.kubernetes.io/component': 'controller' } },
        spec: { controller: CONTROLLER_NAME },
      },
    ],
  ];
}

/** Does this controller serve the Ingress: ingressClassName nginx, or the legacy annotation. */
export function servesIngress(ing: Ingress): boolean {
  const cls = ing.spec?.ingressClassName ?? ing.metadata?.annotations?.['kubernetes.io/ingress.class'];
  return cls === INGRESS_CLASS;
}

export const upstreamName = (namespace: string, service: string, port: number | string): string =>
  `${namespace}-${service}-${port}`;

/** getConfiguration, reduced: servers and locations from the Ingresses, upstreams with ready endpoints. */
export function configurationFrom(objects: Record<string, ApiObject>): NginxConfiguration {
  const servers: NginxConfiguration['servers'] = {};
  const backends: NginxConfiguration['backends'] = {};
  const ports = servicePortsFrom(objects);
  const ingresses = Object.entries(objects)
    .filter(([k]) => k.startsWith('/registry/ingress/'))
    .map(([, o]) => o as unknown as Ingress)
    .filter(servesIngress)
    .sort((a, b) => String(a.metadata?.name).localeCompare(String(b.metadata?.name)));
  for (const ing of ingresses) {
    const ns = ing.metadata?.namespace ?? 'default';
    for (const rule of ing.spec?.rules ?? []) {
      const host = rule.host || '_';
      for (const p of rule.http?.paths ?? []) {
        const svc = p.backend.service;
        if (!svc) continue;
        const port = svc.port?.number ?? svc.port?.name ?? '';
        const upstream = upstreamName(ns, svc.name, port);
        (servers[host] ??= []).push({
          path: p.path ?? '/',
          pathType: p.pathType,
          ingress: `${ns}/${ing.metadata?.name}`,
          upstream,
        });
        const sp = ports.find(
          (x) =>
            x.namespace === ns && x.name === svc.name && (x.port === svc.port?.number || x.portName === svc.port?.name),
        );
        // getEndpointsFromSlices: only endpoints whose ready condition is true.
        backends[upstream] = (sp?.endpoints ?? [])
          .filter((e) => e.ready)
          .map((e) => ({
            endpoint: `${e.ip}:${e.port}`,
            ip: e.ip,
            port: e.port,
            pod: e.pod ?? '',
            ...(e.nodeName ? { node: e.nodeName } : {}),
          }))
          .sort((a, b) => a.endpoint.localeCompare(b.endpoint));
      }
    }
  }
  return { servers, backends };
}

type ISim = Sim<{ ingressNginx?: IngressNginxState; traffic: { requests: ServiceRequest[] } }>;

export function handleIngressNginx(sim: ISim, self: ComponentId, msg: Message, from: ComponentId): void {
  const st = sim.world.ingressNginx;
  if (!st) return;
  switch (msg.type) {
    case 'start':
      startInformers(
        sim,
        self,
        st.informers,
        [
          { resource: 'ingresses' },
          { resource: 'ingressclasses' },
          { resource: 'services' },
          { resource: 'endpointslices' },
        ],
        USERS.ingressNginx,
      );
      // The status sync's PollUntil, phased from when the controller started.
      sim.send(
        { from: self, to: self, msg: { type: 'ingress-nginx-status' }, periodic: true },
        nextStatusTick(sim.now) - sim.now,
      );
      return;
    case 'ingress-nginx-sync':
      st.syncQueued = false;
      return syncIngress(sim, st);
    case 'ingress-nginx-status':
      return statusTick(sim, st, !!msg.wake);
    case 'ingress-request':
      return proxyRequest(sim, st, msg.index, from);
    case 'ingress-upstream-answer': {
      const req = sim.world.traffic.requests[msg.index]!;
      sim.send(
        {
          from: self,
          to: `kube-proxy/${st.clients[msg.index] ?? st.node}`,
          msg: { type: 'http-answer', index: msg.index, status: msg.status },
          meta: {
            kind: 'response',
            level: 'overview',
            status: msg.status,
            verb: 'HTTP',
            say: {
              key: msg.status === 504 ? 'ingress-nginx-gateway-timeout' : 'ingress-nginx-answer',
              params: { url: req.url, pod: msg.pod, endpoint: msg.endpoint, status: msg.status },
            },
          },
        },
        sim.latency(0.2, 1),
      );
      return;
    }
    default:
      break;
  }
  const events = informerReceive(st.informers, self, msg, sim);
  if (!events) return;
  // The controller has run for a while: what the first LIST brings is its running configuration.
  if (msg.type === 'http-response') {
    st.running = configurationFrom(st.informers.cache.objects);
    return;
  }
  let changed = false;
  for (const e of events) {
    if (e.object.kind === 'Ingress') {
      const ing = e.object as unknown as Ingress;
      if (!servesIngress(ing)) continue;
      // store.go's ingress handlers: an added or changed Ingress of the class is "Scheduled for sync".
      if (e.type !== 'DELETED')
        recordEvent(
          sim,
          self,
          {
            object: e.object,
            reason: 'Sync',
            type: 'Normal',
            message: 'Scheduled for sync',
            component: 'nginx-ingress-controller',
            user: USERS.ingressNginx,
          },
          st.events,
        );
      if (e.type !== 'DELETED' && !(ing.status?.loadBalancer?.ingress ?? []).length) queueStatusWake(sim, st);
    }
    changed = true;
  }
  if (changed && !st.syncQueued) {
    st.syncQueued = true;
    sim.send(
      { from: self, to: self, msg: { type: 'ingress-nginx-sync' } },
      sim.latency(5, 20) + takeSyncToken(st, sim.now),
    );
  }
}

/** The flowcontrol token bucket of --sync-rate-limit: returns the wait for the next token, and takes it. */
export function takeSyncToken(st: Pick<IngressNginxState, 'tokens' | 'tokensAt'>, now: number): number {
  st.tokens = Math.min(1, st.tokens + ((now - st.tokensAt) / 1000) * SYNC_RATE_LIMIT);
  st.tokensAt = now;
  st.tokens -= 1;
  return st.tokens >= 0 ? 0 : (-st.tokens / SYNC_RATE_LIMIT) * 1000;
}

function nextStatusTick(now: number): number {
  return (Math.floor(now / STATUS_UPDATE_INTERVAL_MS) + 1) * STATUS_UPDATE_INTERVAL_MS;
}

/** An Ingress waits for its address: the next status tick has work, so it keeps the run going. */
function queueStatusWake(sim: ISim, st: IngressNginxState): void {
  if (st.statusWakeQueued) return;
  st.statusWakeQueued = true;
  sim.send(
    { from: SELF, to: SELF, msg: { type: 'ingress-nginx-status', wake: true }, periodic: false },
    nextStatusTick(sim.now) - sim.now,
  );
}

function syncIngress(sim: ISim, st: IngressNginxState): void {
  const pcfg = configurationFrom(st.informers.cache.objects);
  const before = st.running;
  const serversChanged = JSON.stringify(pcfg.servers) !== JSON.stringify(before.servers);
  const backendsChanged = JSON.stringify(pcfg.backends) !== JSON.stringify(before.backends);
  if (!serversChanged && !backendsChanged) return;
  st.running = pcfg;
  const describeServers = Object.entries(pcfg.servers)
    .map(([host, locs]) => `${host}: ${locs.map((l) => `${l.path} (${l.pathType}) → ${l.upstream}`).join(', ')}`)
    .join('; ');
  const describeBackends = Object.entries(pcfg.backends)
    .map(([name, eps]) => `${name} [${eps.map((e) => e.endpoint).join(', ') || '—'}]`)
    .join('; ');
  if (serversChanged) {
    // IsDynamicConfigurationEnough is false: nginx.conf changes and nginx reloads.
    sim.note(SELF, {
      kind: 'internal',
      level: 'overview',
      say: {
        key: 'ingress-nginx-reload',
        params: { servers: describeServers || '—', backends: describeBackends || '—' },
      },
    });
    recordEvent(
      sim,
      SELF,
      {
        object: {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: {
            name: CONTROLLER_POD,
            namespace: 'ingress-nginx',
            uid: uidFor(`ingress-nginx/${CONTROLLER_POD}`),
          },
        },
        reason: 'RELOAD',
        type: 'Normal',
        message: 'NGINX reload triggered due to a change in configuration',
        component: 'nginx-ingress-controller',
        user: USERS.ingressNginx,
      },
      st.events,
    );
  }
  // configureDynamically: the backends go to the Lua balancer (POST /configuration/backends) either way.
  sim.note(SELF, {
    kind: 'internal',
    level: serversChanged ? 'standard' : 'overview',
    say: {
      key: 'ingress-nginx-backends',
      params: { backends: describeBackends || '—', reload: serversChanged ? 1 : 0 },
    },
  });
}

/**
 * A tick of the status sync. The poll goes on every interval as periodic work; a `wake` is the same tick,
 * sent when an Ingress waits for its address, so that the run lasts until it is written.
 */
function statusTick(sim: ISim, st: IngressNginxState, wake: boolean): void {
  if (!wake)
    sim.send(
      { from: SELF, to: SELF, msg: { type: 'ingress-nginx-status' }, periodic: true },
      STATUS_UPDATE_INTERVAL_MS,
    );
  if (st.lastStatusTick === sim.now) return;
  st.lastStatusTick = sim.now;
  st.statusWakeQueued = false;
  for (const [, obj] of Object.entries(st.informers.cache.objects)) {
    if (obj.kind !== 'Ingress') continue;
    const ing = obj as unknown as Ingress;
    if (!servesIngress(ing)) continue;
    const cur = ing.status?.loadBalancer?.ingress ?? [];
    if (cur.length === 1 && cur[0]!.ip === st.address) continue;
    request(sim, SELF, {
      verb: 'update',
      resource: 'ingresses',
      group: 'networking.k8s.io',
      namespace: String(obj.metadata.namespace),
      name: String(obj.metadata.name),
      subresource: 'status',
      body: { ...obj, status: { loadBalancer: { ingress: [{ ip: st.address }] } } },
      user: USERS.ingressNginx,
      level: 'overview',
      periodic: false,
      say: {
        key: 'ingress-nginx-status',
        params: { ingress: String(obj.metadata.name), address: st.address, node: st.node },
      },
    });
  }
}

/** A request reaches the controller: nginx picks the server and location, the Lua balancer an endpoint. */
function proxyRequest(sim: ISim, st: IngressNginxState, index: number, from: ComponentId): void {
  const req = sim.world.traffic.requests[index]!;
  st.clients[index] = from.slice('kube-proxy/'.length);
  const m = /^https?:\/\/([^/:]+)(?::\d+)?(\/[^?#]*)?/.exec(req.url);
  const host = m?.[1] ?? '';
  const path = m?.[2] ?? '/';
  const rules = Object.entries(st.running.servers).map(([h, locs]) => ({
    ...(h === '_' ? {} : { host: h }),
    http: {
      paths: locs.map((l) => ({
        path: l.path,
        pathType: l.pathType,
        backend: { service: { name: l.upstream, port: { number: 0 } } },
      })),
    },
  }));
  const hit = matchIngressPath(rules, host, path);
  const answer = (status: number, key: string, params: Record<string, string | number>): void =>
    sim.send(
      {
        from: SELF,
        to: from,
        msg: { type: 'http-answer', index, status },
        meta: { kind: 'response', level: 'overview', status, verb: 'HTTP', say: { key, params } },
      },
      sim.latency(0.2, 1),
    );
  if (!hit) return answer(404, 'ingress-nginx-default-backend', { url: req.url, host, path });
  const upstream = hit.path.backend.service!.name;
  const endpoints = st.running.backends[upstream] ?? [];
  if (!endpoints.length) return answer(503, 'ingress-nginx-no-endpoints', { url: req.url, upstream });
  // The Lua balancer's round_robin, starting where the last request of the upstream left off.
  const i = (st.next[upstream] ??= sim.int(0, endpoints.length - 1)) % endpoints.length;
  st.next[upstream] = i + 1;
  const target = endpoints[i]!;
  sim.send(
    {
      from: SELF,
      to: target.node ? `kube-proxy/${target.node}` : from,
      msg: {
        type: 'packet',
        index,
        ip: target.ip,
        port: target.port,
        pod: target.pod,
        clientNode: st.node,
        replyTo: SELF,
      },
      meta: {
        kind: 'request',
        level: 'overview',
        verb: 'HTTP',
        say: {
          key: 'ingress-nginx-proxy',
          params: {
            url: req.url,
            host,
            path,
            location: `${hit.path.path} (${hit.path.pathType})`,
            upstream,
            endpoint: target.endpoint,
            pod: target.pod,
            endpoints: endpoints.length,
          },
        },
      },
    },
    sim.latency(0.3, 1.5),
  );
}
