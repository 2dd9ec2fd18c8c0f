/**
 * The EndpointSlice controller (kube-controller-manager): for every Service
 * with a selector it keeps an EndpointSlice listing the selected Pods that
 * have an IP, with their conditions, node and target port. It learns of
 * Pods and Services only through its informers; with
 * endpointUpdatesBatchPeriod 0 (the default) a Pod change queues its
 * Services at once. Models pkg/controller/endpointslice/endpointslice_controller.go
 * and staging/src/k8s.io/endpointslice (reconciler.go, utils.go podToEndpoint,
 * newEndpointSlice, setEndpointSliceLabels) and pkg/api/v1/pod FindPort.
 */
import type { Pod, Service, ServicePort } from 'kubernetes-types/core/v1';
import { dict } from '../core/dict';
import { USERS } from '../apiserver/authz';
import { request } from '../client/client';
import type { Sim } from '../core/sim';
import type { ApiObject, ComponentId, DetailLevel } from '../types';
import type { ControllerManagerState, PendingRequest } from './controller-manager';
import { sameJson } from './same-json';

const SELF: ComponentId = 'kube-controller-manager';
const USER = USERS.endpointsliceController;
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
export const CONTROLLER_NAME = 'endpointslice-controller.k8s.io';

export interface EndpointSliceControllerState {
  /** Creates sent and not answered yet, per Service key: no second slice meanwhile. */
  creating: Record<string, number>;
  /** Slices as last written (by slice key), until the informer catches up; null once deleted. */
  written: Record<string, ApiObject | null>;
  /**
   * Each Service's selected Pods in name order at its last sync (Pod name →
   * rank). Only where the next sync's sort starts from: Pods laid out in this
   * order are sorted again in a pass or two rather than from scratch.
   */
  podOrder: Record<string, Map<string, number>>;
}

export function initEndpointSliceController(): EndpointSliceControllerState {
  return { creating: dict(), written: dict(), podOrder: dict() };
}

type KSim = Sim<{ controllerManager: ControllerManagerState }>;

export interface SliceEndpoint {
  addresses: string[];
  conditions: { ready: boolean; serving: boolean; terminating: boolean };
  nodeName?: string;
  targetRef: { kind: 'Pod'; namespace: string; name: string; uid: string };
}

export interface SlicePort {
  name: string;
  port: number;
  protocol: string;
}

const podReady = (pod: Pod): boolean =>
  (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

/** ShouldPodBeInEndpoints(pod, includeTerminating=true): not terminal, and has an IP. */
export function shouldPodBeInEndpoints(pod: Pod): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  return !!pod.status?.podIP || !!pod.status?.podIPs?.length;
}

/**
 * podToEndpoint: serving is the Pod's Ready condition, terminating is a set
 * deletionTimestamp, and ready is serving and not terminating (or always,
 * with publishNotReadyAddresses).
 */
export function podToEndpoint(pod: Pod, service: Service): SliceEndpoint {
  const serving = podReady(pod);
  const terminating = !!pod.metadata?.deletionTimestamp;
  const ready = !!service.spec?.publishNotReadyAddresses || (serving && !terminating);
  return {
    addresses: [pod.status?.podIP ?? pod.status?.podIPs?.[0]?.ip ?? ''],
    conditions: { ready, serving, terminating },
    ...(pod.spec?.nodeName ? { nodeName: pod.spec.nodeName } : {}),
    targetRef: {
      kind: 'Pod',
      namespace: String(pod.metadata?.namespace),
      name: String(pod.metadata?.name),
      uid: String(pod.metadata?.uid),
    },
  };
}

/** FindPort: a number is itself; a name is the container port of that name and protocol. */
export function findPort(pod: Pod, sp: ServicePort): number | null {
  const target = sp.targetPort ?? sp.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  for (const c of pod.spec?.containers ?? [])
    for (const p of c.ports ?? [])
      if (p.name === target && (p.protocol ?? 'TCP') === (sp.protocol ?? 'TCP')) return p.containerPort;
  return null;
}

export function selects(service: Service, pod: ApiObject): boolean {
  // Loops over the selector, not Object.keys/entries: every Pod event asks this of every Service.
  const selector = service.spec?.selector;
  if (!selector || isEmpty(selector)) return false;
  if (pod.metadata.namespace !== service.metadata?.namespace) return false;
  const labels = (pod.metadata.labels as Record<string, string> | undefined) ?? {};
  for (const k in selector) if (labels[k] !== selector[k]) return false;
  return true;
}

function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}

/**
 * The Services a change touches. The cluster's own Services are already
 * reconciled when the run starts (their slices are in etcd), so the initial
 * LIST queues nothing; later Service and Pod events queue their Services.
 */
export function endpointSliceKeysFor(
  st: ControllerManagerState,
  object: ApiObject,
  type: string,
  fromList: boolean,
): string[] {
  if (fromList) return [];
  if (object.kind === 'Service') return type === 'DELETED' ? [] : [serviceKey(object)];
  if (object.kind !== 'Pod') return [];
  const out: string[] = [];
  // The informer's Services, walked in place (Object.values would copy them for every Pod event).
  const services = st.informers.cache.byKind?.Service ?? {};
  for (const key in services) {
    const obj = services[key]!;
    if (selects(obj as unknown as Service, object)) out.push(serviceKey(obj));
  }
  return out;
}

function serviceKey(s: ApiObject): string {
  return `/registry/services/specs/${s.metadata.namespace}/${s.metadata.name}`;
}

/** The Service's slices as this controller last knew them (the newer of the informer's copy and its own write). */
function currentSlices(kcm: ControllerManagerState, svc: ApiObject): ApiObject[] {
  const prefix = `/registry/endpointslices/${svc.metadata.namespace}/`;
  const found: Record<string, ApiObject> = {};
  for (const [k, obj] of Object.entries(kcm.informers.cache.byKind?.EndpointSlice ?? {})) {
    if (!k.startsWith(prefix)) continue;
    const labels = (obj.metadata.labels as Record<string, string> | undefined) ?? {};
    if (labels[SERVICE_NAME_LABEL] === svc.metadata.name && labels[MANAGED_BY_LABEL] === CONTROLLER_NAME)
      found[k] = obj;
  }
  for (const [k, written] of Object.entries(kcm.endpointslices.written)) {
    if (!k.startsWith(prefix)) continue;
    const have = found[k];
    if (written === null) delete found[k];
    else if (
      (written.metadata.labels as Record<string, string>)[SERVICE_NAME_LABEL] === svc.metadata.name &&
      (!have || Number(written.metadata.resourceVersion) > Number(have.metadata.resourceVersion))
    )
      found[k] = written;
  }
  return Object.keys(found)
    .sort()
    .map((k) => found[k]!);
}

/** The endpoints of one port mapping: one slice each (endpointMeta in the reconciler). */
export interface DesiredSlice {
  endpoints: SliceEndpoint[];
  ports?: SlicePort[];
}

/**
 * The slices the Service should have now: its selected Pods with an IP,
 * grouped by the ports their target ports resolve to. With none, one empty
 * placeholder slice, so the Service always has a slice.
 */
export function desiredSlices(service: Service, pods: Pod[]): DesiredSlice[] {
  const groups = new Map<string, DesiredSlice>();
  for (const pod of [...pods].sort(byName)) {
    if (!shouldPodBeInEndpoints(pod)) continue;
    const mapping = portMapping(service, pod);
    // A Pod without the named target port is left out ("Failed to find port for service").
    if (!mapping) continue;
    let group = groups.get(mapping.key);
    if (!group) {
      // The slice's own copy of the ports: the mapping is remembered for the Pod's next sync.
      group = {
        endpoints: [],
        ports: mapping.ports.map((p) => ({ name: p.name, port: p.port, protocol: p.protocol })),
      };
      groups.set(mapping.key, group);
    }
    group.endpoints.push(podToEndpoint(pod, service));
  }
  return groups.size ? [...groups.values()] : [{ endpoints: [] }];
}

/**
 * Pods in name order. Names are DNS subdomains (lowercase letters, digits,
 * '-' and '.'), for which code-unit order is the collation order
 * localeCompare gives in the root and English locales, without its cost
 * (every sync sorts every selected Pod) and without depending on the locale.
 */
function byName(a: Pod, b: Pod): number {
  const x = String(a.metadata?.name);
  const y = String(b.metadata?.name);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The selected Pods in name order, starting from the order of the last sync
 * (Pod name → rank): the same Pods come out in that order without a sort, and
 * when Pods came or went the ones kept are already in order, so the sort only
 * merges the new ones in. `order` is the new ranking, when it changed.
 */
export function inNameOrder(
  selected: Pod[],
  previous: Map<string, number> | undefined,
): { pods: Pod[]; order?: Map<string, number> } {
  // A slot per Pod ranked last time (a holey array: Array.from({ length }) would fill it one by one).
  const ranked: (Pod | undefined)[] = [];
  ranked.length = previous?.size ?? 0;
  const fresh: Pod[] = [];
  for (const pod of selected) {
    const rank = previous?.get(String(pod.metadata?.name));
    if (rank === undefined) fresh.push(pod);
    else ranked[rank] = pod;
  }
  const pods: Pod[] = [];
  for (const pod of ranked) if (pod) pods.push(pod);
  if (previous && !fresh.length && pods.length === ranked.length) return { pods };
  for (const pod of fresh) pods.push(pod);
  pods.sort(byName);
  const order = new Map<string, number>();
  pods.forEach((p, i) => order.set(String(p.metadata?.name), i));
  return { pods, order };
}

/** The Service's ports as they resolve for one Pod (FindPort), and the JSON that groups Pods that resolve alike. */
interface PortMapping {
  ports: SlicePort[];
  key: string;
}

/**
 * What each Pod's ports resolved to for the Service ports it was last synced
 * against. Stored objects are never changed in place (a change is a new
 * object), so the same Pod and the same Service ports resolve the same way:
 * a sync of a Service over a thousand Pods resolves only the Pods that changed.
 */
const PORT_MAPPINGS = new WeakMap<Pod, { servicePorts: ServicePort[] | undefined; mapping: PortMapping | null }>();

/** The Pod's port mapping for the Service, or null when a named target port is missing. */
export function portMapping(service: Service, pod: Pod): PortMapping | null {
  const servicePorts = service.spec?.ports;
  const known = PORT_MAPPINGS.get(pod);
  if (known && known.servicePorts === servicePorts) return known.mapping;
  const ports: SlicePort[] = [];
  let mapping: PortMapping | null = null;
  let missing = false;
  for (const sp of servicePorts ?? []) {
    const port = findPort(pod, sp);
    if (port === null) missing = true;
    ports.push({ name: sp.name ?? '', port: port as number, protocol: sp.protocol ?? 'TCP' });
  }
  if (!missing) mapping = { ports, key: JSON.stringify(ports) };
  PORT_MAPPINGS.set(pod, { servicePorts, mapping });
  return mapping;
}

/** One Service's endpoints when all its Pods share one port mapping (what most Services have). */
export function desiredSlice(service: Service, pods: Pod[]): DesiredSlice {
  return desiredSlices(service, pods)[0]!;
}

const describeEndpoints = (endpoints: SliceEndpoint[]): string =>
  endpoints
    .map(
      (e) =>
        `${e.addresses[0]} (${e.targetRef.name}: ready=${e.conditions.ready}, serving=${e.conditions.serving}, terminating=${e.conditions.terminating})`,
    )
    .join('; ') || '—';

function readyCount(endpoints: SliceEndpoint[] | undefined): number {
  let ready = 0;
  for (const e of endpoints ?? []) if (e.conditions.ready) ready++;
  return ready;
}

export function syncEndpointSlices(sim: KSim, svcKey: string): void {
  const kcm = sim.world.controllerManager;
  const st = kcm.endpointslices;
  const svcObj = kcm.informers.cache.objects[svcKey];
  if (!svcObj) delete st.podOrder[svcKey];
  if (!svcObj || st.creating[svcKey]) return;
  const service = svcObj as unknown as Service;
  if (!service.spec?.selector || !Object.keys(service.spec.selector).length) return;
  const ns = String(svcObj.metadata.namespace);
  const name = String(svcObj.metadata.name);
  // The Pod lister's List(selector) in the Service's namespace: the informer's Pods walked in place, the
  // namespace's key prefix made once (not a copy of every Pod and a new prefix per Pod, on every sync).
  const selected: Pod[] = [];
  const prefix = `/registry/pods/${ns}/`;
  const cached = kcm.informers.cache.byKind?.Pod ?? {};
  for (const k in cached) {
    const obj = cached[k]!;
    if (k.startsWith(prefix) && selects(service, obj)) selected.push(obj as unknown as Pod);
  }
  const pods = inNameOrder(selected, st.podOrder[svcKey]);
  if (pods.order) st.podOrder[svcKey] = pods.order;
  const unmatched = currentSlices(kcm, svcObj);
  const portsOf = (o: { ports?: SlicePort[] }) => JSON.stringify(o.ports ?? null);
  const creates: DesiredSlice[] = [];
  for (const want of desiredSlices(service, pods.pods)) {
    const i = unmatched.findIndex((sl) => portsOf(sl as { ports?: SlicePort[] }) === portsOf(want));
    if (i >= 0) updateSlice(sim, svcKey, name, unmatched.splice(i, 1)[0]!, want);
    else creates.push(want);
  }
  // finalize: a slice that would be deleted while another is created is updated in its place (it keeps its name).
  while (creates.length && unmatched.length) updateSlice(sim, svcKey, name, unmatched.shift()!, creates.pop()!);
  for (const want of creates) createSlice(sim, svcKey, svcObj, want);
  // Slices of a port mapping no Pod has any more go.
  for (const extra of unmatched) {
    const slice = String(extra.metadata.name);
    note(sim, 'standard', 'endpointslice-delete', { service: name, slice });
    const id = request(sim, SELF, {
      verb: 'delete',
      resource: 'endpointslices',
      group: 'discovery.k8s.io',
      namespace: ns,
      name: slice,
      user: USER,
      level: 'standard',
      say: { key: 'endpointslice-delete-request', params: { slice } },
    });
    kcm.pending[id] = { controller: 'endpointslice', key: svcKey, action: 'delete', name: slice };
  }
}

function createSlice(sim: KSim, svcKey: string, svcObj: ApiObject, want: DesiredSlice): void {
  const kcm = sim.world.controllerManager;
  const service = svcObj as unknown as Service;
  const ns = String(svcObj.metadata.namespace);
  const name = String(svcObj.metadata.name);
  const body: ApiObject = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      // getEndpointSlicePrefix: the Service name, cut to 58 characters, and a dash.
      generateName: `${name.slice(0, 58)}-`,
      namespace: ns,
      labels: {
        ...(svcObj.metadata.labels as Record<string, string> | undefined),
        [SERVICE_NAME_LABEL]: name,
        [MANAGED_BY_LABEL]: CONTROLLER_NAME,
        // setEndpointSliceLabels marks the slices of a headless Service.
        ...(service.spec?.clusterIP === 'None' ? { 'service.kubernetes.io/headless': '' } : {}),
      },
      ownerReferences: [
        {
          apiVersion: 'v1',
          kind: 'Service',
          name,
          uid: String(svcObj.metadata.uid),
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    addressType: 'IPv4',
    endpoints: want.endpoints,
    ...(want.ports ? { ports: want.ports } : {}),
  };
  kcm.endpointslices.creating[svcKey] = (kcm.endpointslices.creating[svcKey] ?? 0) + 1;
  note(sim, 'overview', 'endpointslice-create', {
    service: name,
    count: want.endpoints.length,
    ready: readyCount(want.endpoints),
    endpoints: describeEndpoints(want.endpoints),
  });
  const id = request(sim, SELF, {
    verb: 'create',
    resource: 'endpointslices',
    group: 'discovery.k8s.io',
    namespace: ns,
    body,
    user: USER,
    level: 'standard',
    say: { key: 'endpointslice-post', params: { service: name, prefix: `${name}-` } },
  });
  kcm.pending[id] = { controller: 'endpointslice', key: svcKey, action: 'create' };
}

function updateSlice(sim: KSim, svcKey: string, service: string, existing: ApiObject, want: DesiredSlice): void {
  const kcm = sim.world.controllerManager;
  const have = existing as unknown as { endpoints?: SliceEndpoint[]; ports?: SlicePort[] };
  // Unchanged (as JSON) is no update: compared without serializing a thousand endpoints twice per sync.
  if (sameJson(have.endpoints ?? [], want.endpoints) && sameJson(have.ports ?? null, want.ports ?? null)) return;
  const updated: ApiObject = { ...existing, endpoints: want.endpoints };
  if (want.ports) updated.ports = want.ports;
  else delete updated.ports;
  const slice = String(existing.metadata.name);
  const ready = readyCount(want.endpoints);
  // The story's moment is a change of what is ready; the rest (an IP not yet ready) is detail.
  note(sim, readyCount(have.endpoints) !== ready ? 'overview' : 'standard', 'endpointslice-update', {
    service,
    slice,
    count: want.endpoints.length,
    ready,
    endpoints: describeEndpoints(want.endpoints),
  });
  const id = request(sim, SELF, {
    verb: 'update',
    resource: 'endpointslices',
    group: 'discovery.k8s.io',
    namespace: String(existing.metadata.namespace),
    name: slice,
    body: updated,
    user: USER,
    level: 'standard',
    say: { key: 'endpointslice-put', params: { slice } },
  });
  kcm.pending[id] = { controller: 'endpointslice', key: svcKey, action: 'update' };
}

function note(sim: KSim, level: DetailLevel, key: string, params: Record<string, string | number>): void {
  sim.note(SELF, { kind: 'internal', level, say: { key, params } });
}

/** The answer to a slice write: remember what was written, and look again (Pods may have changed meanwhile). */
export function endpointSliceAnswered(
  sim: KSim,
  p: PendingRequest,
  status: number,
  body: ApiObject | undefined,
  requeue: (key: string) => void,
): void {
  const st = sim.world.controllerManager.endpointslices;
  if (p.action === 'create') st.creating[p.key] = Math.max(0, (st.creating[p.key] ?? 1) - 1);
  const ns = p.key.split('/')[4];
  if (p.action === 'delete' && status < 300) st.written[`/registry/endpointslices/${ns}/${p.name}`] = null;
  else if (status < 300 && body)
    st.written[`/registry/endpointslices/${body.metadata.namespace}/${body.metadata.name}`] = body;
  if (!st.creating[p.key]) requeue(p.key);
}
