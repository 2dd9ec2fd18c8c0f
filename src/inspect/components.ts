/**
 * What each component knows at a step, read from the trace alone (its steps
 * with their params, and the objects at that step) — never from the engine's
 * live state, so the inspectors follow the cursor backwards as well as forwards.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { serviceRecords } from '../engine/dns/coredns';
import type { ApiObject, Step, Trace } from '../engine/types';
import { schedulingCycles, type SchedulingCycle } from './scheduling';

/** One stage of kube-apiserver's handler chain for a request, with the step that told it. */
export interface ApiStage {
  seq: number;
  key: string;
  params: Step['say']['params'];
}

export interface ApiRequestView {
  /** The request step (verb, path, who). */
  request: Step;
  stages: ApiStage[];
  /** The etcd keys written for it. */
  writes: { key: string; revision: number }[];
  /** The response step, once answered. */
  response?: Step;
}

/** The order of kube-apiserver's handler chain, as its steps tell it. */
const STAGE_ORDER = [
  'apiserver-authentication',
  'apiserver-authorization',
  'apiserver-mutating-admission',
  'apiserver-defaulting',
  'apiserver-validation',
  'apiserver-validating-admission',
  'apiserver-checks',
];

const isRequest = (s: Step): boolean =>
  s.to === 'kube-apiserver' && s.from !== 'kube-apiserver' && s.from !== 'etcd' && s.kind === 'request';

/** A response answers a request of the same client to the same path (a create's answer may name the object). */
const answers = (res: Step, req: Step): boolean =>
  res.to === req.from && !!req.path && (res.path === req.path || !!res.path?.startsWith(`${req.path.split('?')[0]}/`));

/** Registry prefixes that differ from the URL's resource (pkg/registry: nodes are stored as minions). */
const REGISTRY: Record<string, string> = { nodes: 'minions', services: 'services/specs' };

/** Whether an etcd key is the object a request's URL names (or, for a create, one in its collection). */
export function writesTo(key: string, path: string): 'object' | 'collection' | false {
  const parts = path.split('?')[0]!.split('/').filter(Boolean);
  // /api/v1/… or /apis/<group>/<version>/…
  const rest = parts[0] === 'api' ? parts.slice(2) : parts.slice(3);
  const ns = rest[0] === 'namespaces' && rest.length > 2 ? rest[1] : undefined;
  const [resource, name] = ns ? rest.slice(2) : rest;
  if (!resource) return false;
  const prefix = `/registry/${REGISTRY[resource] ?? resource}/${ns ? `${ns}/` : ''}`;
  if (name) return key === prefix + name && 'object';
  return key.startsWith(prefix) && 'collection';
}

/**
 * Every request to kube-apiserver up to `seq`, with its stages, writes and response.
 * kube-apiserver serves requests concurrently, so the trace interleaves them.
 * Steps carry the id of the request they belong to (`requestId`), and that
 * pairs them exactly. A trace without ids (an older export) falls back to a
 * heuristic: a response goes to the oldest open request of that client for that
 * path; a stage to the oldest open request that has not reached it yet (the
 * chain's order is fixed); an etcd write to the oldest open request whose URL
 * names its key (else the oldest past validation: a Service's ClusterIP, say).
 */
export function apiserverRequests(trace: Trace, seq: number): ApiRequestView[] {
  const all: ApiRequestView[] = [];
  const open: ApiRequestView[] = [];
  const last = (v: ApiRequestView): number => {
    const k = v.stages.at(-1)?.key;
    return k ? STAGE_ORDER.indexOf(k) : -1;
  };
  const byId = new Map<number, ApiRequestView>();
  for (let i = 0; i <= seq && i < trace.steps.length; i++) {
    const s = trace.steps[i]!;
    if (isRequest(s)) {
      const v: ApiRequestView = { request: s, stages: [], writes: [] };
      all.push(v);
      if (s.requestId !== undefined) byId.set(s.requestId, v);
      if (s.verb !== 'watch') open.push(v);
      continue;
    }
    if (s.from !== 'kube-apiserver') continue;
    if (s.requestId !== undefined) {
      // Paired by id; work for a request not followed here (an Event's write, a loopback call) belongs to none.
      const v = byId.get(s.requestId);
      if (!v) continue;
      if (s.to === 'kube-apiserver') v.stages.push({ seq: s.seq, key: s.say.key, params: s.say.params });
      else if (s.to === 'etcd') for (const c of s.changes) v.writes.push({ key: c.key, revision: c.revision });
      else if (s.status && s.to === v.request.from) {
        v.response = s;
        const at = open.indexOf(v);
        if (at >= 0) open.splice(at, 1);
      }
      continue;
    }
    if (s.to === 'kube-apiserver') {
      const at = STAGE_ORDER.indexOf(s.say.key);
      // A LIST is answered from the watch cache: the filter chain's steps are not told for it.
      const staged = open.filter((o) => o.request.verb !== 'list');
      const v = at < 0 ? staged.find((o) => last(o) >= 0) : staged.find((o) => last(o) < at);
      v?.stages.push({ seq: s.seq, key: s.say.key, params: s.say.params });
    } else if (s.to === 'etcd' && s.changes.length) {
      for (const c of s.changes) {
        const v =
          // A request that names the object wins over a create into its collection.
          open.find((o) => writesTo(c.key, o.request.path ?? '') === 'object') ??
          open.find((o) => o.writes.length === 0 && writesTo(c.key, o.request.path ?? '')) ??
          open.find((o) => writesTo(c.key, o.request.path ?? '')) ??
          // A write no open request names (an IPAddress for a Service, a quota's status): the one past validation.
          // Events are told as Event steps, not as requests followed here: their writes belong to none of these.
          (c.key.startsWith('/registry/events/')
            ? undefined
            : open.find((o) => last(o) >= STAGE_ORDER.indexOf('apiserver-validation')));
        v?.writes.push({ key: c.key, revision: c.revision });
      }
    } else if (s.status) {
      const at = open.findIndex((o) => answers(s, o.request));
      if (at >= 0) {
        open[at]!.response = s;
        open.splice(at, 1);
      }
    }
  }
  return all;
}

/**
 * The request kube-apiserver is handling at `seq`: the one the step at the cursor
 * belongs to, else the latest one, with its stages so far and its response once answered.
 */
export function apiserverAt(trace: Trace, seq: number): ApiRequestView | null {
  const all = apiserverRequests(trace, seq);
  const owns = (v: ApiRequestView): boolean =>
    v.request.seq === seq || v.response?.seq === seq || v.stages.some((x) => x.seq === seq);
  return all.find(owns) ?? all.filter((v) => v.request.verb !== 'watch').at(-1) ?? null;
}

/** Admission verdicts as the apiserver writes them: `Plugin: verdict; Plugin: verdict`. */
export function verdictList(line: string | number | undefined): { plugin: string; verdict: string }[] {
  if (typeof line !== 'string' || !line || line === '—') return [];
  return line.split(' · ').map((part) => {
    const at = part.indexOf(':');
    return at < 0
      ? { plugin: part.trim(), verdict: '' }
      : { plugin: part.slice(0, at).trim(), verdict: part.slice(at + 1).trim() };
  });
}

export interface EtcdRow {
  key: string;
  kind: string;
  /** mod_revision: the resourceVersion the object carries. */
  revision: number;
  /** Written at this step. */
  written: boolean;
}

/** etcd's keys at `seq`, each with its revision; the ones written at this step flagged. */
export function etcdAt(trace: Trace, seq: number): { rows: EtcdRow[]; revision: number; deleted: string[] } {
  const step = trace.steps[seq];
  const written = new Set(step?.changes.map((c) => c.key) ?? []);
  const deleted = (step?.changes ?? []).filter((c) => !c.after).map((c) => c.key);
  const rows = [...trace.objectsAt(seq).entries()]
    .map(([key, o]) => ({
      key,
      kind: o.kind,
      revision: Number(o.metadata.resourceVersion ?? 0),
      written: written.has(key),
    }))
    .sort((a, b) => (a.key < b.key ? -1 : 1));
  let revision = 0;
  for (let i = Math.min(seq, trace.steps.length - 1); i >= 0 && !revision; i--)
    for (const c of trace.steps[i]!.changes) revision = Math.max(revision, c.revision);
  return { rows, revision: Math.max(revision, ...rows.map((r) => r.revision)), deleted };
}

/** The scheduling cycle that was last under way at `seq` (begun at or before it), as far as it had got. */
export function schedulerAt(trace: Trace, seq: number): SchedulingCycle | null {
  const cycles = schedulingCycles(trace.steps.slice(0, seq + 1));
  return cycles.at(-1) ?? null;
}

/** The controllers inside kube-controller-manager, by the catalog key's prefix. */
const CONTROLLERS = [
  'deployment',
  'replicaset',
  'endpointslice',
  'node-lifecycle',
  'taint-eviction',
  'namespace',
  'serviceaccount',
  'garbage-collector',
];

export function controllerOf(step: Step): string {
  return CONTROLLERS.find((c) => step.say.key.startsWith(c)) ?? step.say.key.split('-')[0]!;
}

/** What each controller saw (watch events) and did (its own steps), most recent last, up to `seq`. */
export function controllerManagerAt(trace: Trace, seq: number, limit = 12): { controller: string; steps: Step[] }[] {
  const by = new Map<string, Step[]>();
  for (let i = 0; i <= seq && i < trace.steps.length; i++) {
    const s = trace.steps[i]!;
    if (s.from !== 'kube-controller-manager') continue;
    if (s.say.key === 'informer-list-watch') continue;
    const c = s.say.key === 'event' ? 'events' : controllerOf(s);
    const list = by.get(c) ?? [];
    list.push(s);
    by.set(c, list);
  }
  return [...by.entries()].map(([controller, steps]) => ({ controller, steps: steps.slice(-limit) }));
}

export interface KubeletPod {
  name: string;
  namespace: string;
  phase: string;
  ip: string;
  containers: {
    name: string;
    image: string;
    state: string;
    ready: boolean;
    restarts: number;
    probes: { kind: string; target: string; last?: { seq: number; ok: boolean } }[];
  }[];
}

const probeKinds = ['liveness', 'readiness', 'startup'] as const;

/** The Pods bound to a node at `seq` as its kubelet works them, their containers and the probes it runs. */
export function kubeletAt(trace: Trace, node: string, seq: number): KubeletPod[] {
  const self = `kubelet/${node}`;
  const lastProbe = new Map<string, number>();
  for (let i = 0; i <= seq && i < trace.steps.length; i++) {
    const s = trace.steps[i]!;
    if (s.from !== self) continue;
    if (s.say.key === 'kubelet-probe' || s.say.key === 'kubelet-probe-ready') {
      const kind = s.say.key === 'kubelet-probe-ready' ? 'readiness' : String(s.say.params.probe);
      lastProbe.set(`${s.say.params.pod ?? ''}/${s.say.params.container}/${kind}`, s.seq);
    }
  }
  return [...trace.objectsAt(seq, '/registry/pods/').values()]
    .map((o) => o as unknown as Pod)
    .filter((p) => p.spec?.nodeName === node)
    .map((p) => ({
      name: p.metadata?.name ?? '',
      namespace: p.metadata?.namespace ?? '',
      phase: p.metadata?.deletionTimestamp ? 'Terminating' : (p.status?.phase ?? 'Pending'),
      ip: p.status?.podIP ?? '',
      containers: [...(p.spec?.initContainers ?? []), ...(p.spec?.containers ?? [])].map((c) => {
        const st = [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])].find(
          (x) => x.name === c.name,
        );
        const state = st?.state?.running
          ? 'running'
          : st?.state?.terminated
            ? `terminated (${st.state.terminated.reason ?? st.state.terminated.exitCode})`
            : st?.state?.waiting
              ? `waiting (${st.state.waiting.reason ?? ''})`
              : 'waiting';
        return {
          name: c.name,
          image: c.image ?? '',
          state,
          ready: st?.ready ?? false,
          restarts: st?.restartCount ?? 0,
          probes: probeKinds
            .filter((k) => c[`${k}Probe`])
            .map((k) => {
              const pr = c[`${k}Probe`]!;
              const target = pr.httpGet
                ? `http-get :${pr.httpGet.port}${pr.httpGet.path ?? '/'}`
                : pr.tcpSocket
                  ? `tcp-socket :${pr.tcpSocket.port}`
                  : pr.exec
                    ? `exec ${(pr.exec.command ?? []).join(' ')}`
                    : 'grpc';
              const at = lastProbe.get(`${p.metadata?.name}/${c.name}/${k}`) ?? lastProbe.get(`/${c.name}/${k}`);
              return { kind: k, target, ...(at !== undefined ? { last: { seq: at, ok: true } } : {}) };
            }),
        };
      }),
    }));
}

export interface RuntimeView {
  sandboxes: { id: string; pod: string; ip?: string; pause: string }[];
  containers: { id: string; name: string; pod: string; state: 'created' | 'running' }[];
  images: string[];
}

/**
 * containerd on a node at `seq`: the sandboxes (pause containers) and containers it
 * made, from the CRI calls in the trace, and the images in its store (the node's
 * preloaded ones, then what it pulled). The kubelet asks for one sandbox at a time
 * per Pod, and the runtime answers in that order, so each answer is paired with
 * the oldest open request.
 */
export function runtimeAt(trace: Trace, node: string, seq: number): RuntimeView {
  const self = `runtime/${node}`;
  const kubelet = `kubelet/${node}`;
  const spec = trace.nodes.find((n) => n.name === node);
  const images = new Set<string>(spec?.images ?? []);
  const sandboxWanted: string[] = [];
  const containerWanted: string[] = [];
  const view: RuntimeView = { sandboxes: [], containers: [], images: [] };
  for (let i = 0; i <= seq && i < trace.steps.length; i++) {
    const s = trace.steps[i]!;
    const p = s.say.params;
    if (s.from === kubelet && s.say.key === 'kubelet-run-sandbox') sandboxWanted.push(String(p.pod));
    if (s.from === kubelet && s.say.key === 'kubelet-create') containerWanted.push(String(p.pod));
    if (s.from !== self) continue;
    if (s.say.key === 'runtime-pause') {
      images.add(String(p.image));
      view.sandboxes.push({ id: String(p.id), pod: sandboxWanted.shift() ?? '', pause: String(p.image) });
    } else if (s.say.key === 'runtime-sandbox-status') {
      const open = view.sandboxes.filter((x) => !x.ip).at(0);
      if (open) open.ip = String(p.ip);
    } else if (s.say.key === 'runtime-pulled') images.add(String(p.image));
    else if (s.say.key === 'runtime-created') {
      const pod = containerWanted.shift() ?? '';
      view.containers.push({ id: String(p.id), name: String(p.container), pod, state: 'created' });
    } else if (s.say.key === 'runtime-started') {
      const c = view.containers.find((x) => x.name === String(p.container) && x.state === 'created');
      if (c) c.state = 'running';
    }
  }
  view.images = [...images].sort();
  return view;
}

/** The IPs host-local IPAM had handed out on a node at `seq`: the Pods' IPs within its podCIDR. */
export function cniAt(
  trace: Trace,
  node: string,
  seq: number,
): { cidr: string; allocations: { ip: string; pod: string }[] } {
  const spec = trace.nodes.find((n) => n.name === node);
  const allocations: { ip: string; pod: string }[] = [];
  for (const o of trace.objectsAt(seq, '/registry/pods/').values()) {
    const p = o as unknown as Pod;
    if (p.spec?.nodeName === node && p.status?.podIP && !p.spec.hostNetwork)
      allocations.push({ ip: p.status.podIP, pod: `${p.metadata?.namespace}/${p.metadata?.name}` });
  }
  allocations.sort((a, b) => ipNum(a.ip) - ipNum(b.ip));
  return { cidr: spec?.podCIDR ?? '', allocations };
}

function ipNum(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

/** The A records CoreDNS's kubernetes plugin answers from the Services and EndpointSlices at `seq`. */
export function corednsAt(trace: Trace, seq: number): { name: string; ips: string[] }[] {
  const objects: Record<string, ApiObject> = Object.fromEntries(trace.objectsAt(seq));
  return Object.entries(serviceRecords(objects))
    .map(([name, ips]) => ({ name, ips }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}
