/**
 * What kube-apiserver does to a Service on create: scheme defaults
 * (pkg/apis/core/v1/defaults.go SetDefaults_Service), then the REST
 * storage's BeginCreate allocates the ClusterIP and fills the IP family
 * fields (pkg/registry/core/service/storage/alloc.go allocateCreate), then
 * ValidateService (pkg/apis/core/validation/validation.go) with its own
 * messages.
 *
 * The ClusterIP allocator in v1.33 is the IPAddress-based one
 * (MultiCIDRServiceAllocator, GA in v1.33): every allocated IP is an
 * IPAddress object named after the address. Like the bitmap allocator
 * before it, it keeps the lowest addresses of the range for static
 * assignment (KEP-3070: min(max(16, size/16), 256), so 256 for kubeadm's
 * 10.96.0.0/12) and picks dynamic ones from a random start above them,
 * taking the next free address.
 */
import type { Service, ServicePort } from 'kubernetes-types/core/v1';
import type { Sim } from '../core/sim';
import type { ApiObject } from '../types';
import type { FieldError } from './pod-validation';
import type { Mutation, Strategy } from './strategy';

/** kubeadm's default --service-cluster-ip-range. */
export const SERVICE_CIDR = '10.96.0.0/12';

export function ipToInt(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

export function intToIp(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

export function parseCidr(cidr: string): { base: number; size: number } {
  const [ip, bits] = cidr.split('/');
  return { base: ipToInt(ip!), size: 2 ** (32 - Number(bits)) };
}

/** calculateRangeOffset: min(max(16, size/16), 256); 0 for ranges of 16 or fewer. */
export function rangeOffset(size: number): number {
  if (size <= 16) return 0;
  return Math.min(Math.max(16, Math.floor(size / 16)), 256);
}

export function inRange(ip: string, cidr: string): boolean {
  const { base, size } = parseCidr(cidr);
  const n = ipToInt(ip);
  return n > base && n < base + size - 1;
}

/**
 * AllocateNext: a random start in the dynamic band (above the static band),
 * then the next free address, wrapping; the static band only when the
 * dynamic one is full.
 */
export function allocateClusterIP(cidr: string, used: ReadonlySet<string>, random: () => number): string | null {
  const { base, size } = parseCidr(cidr);
  const first = base + 1;
  const count = size - 2;
  const offset = rangeOffset(size);
  const bands: [number, number][] = [
    [first + offset, count - offset],
    [first, offset],
  ];
  for (const [start, length] of bands) {
    if (length <= 0) continue;
    const at = Math.floor(random() * length);
    for (let i = 0; i < length; i++) {
      const ip = intToIp(start + ((at + i) % length));
      if (!used.has(ip)) return ip;
    }
  }
  return null;
}

const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const PORT_RANGE = 'must be between 1 and 65535, inclusive';
const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

type Spec = NonNullable<Service['spec']>;
const specOf = (obj: ApiObject): Spec => ((obj as { spec?: Spec }).spec ??= {}) as Spec;

/** SetDefaults_Service and SetDefaults_ServicePort. */
function defaultService(obj: ApiObject): Mutation {
  const spec = specOf(obj);
  const defaulted: string[] = [];
  if (!spec.type) {
    spec.type = 'ClusterIP';
    defaulted.push('spec.type');
  }
  if (!spec.sessionAffinity) {
    spec.sessionAffinity = 'None';
    defaulted.push('spec.sessionAffinity');
  }
  (spec.ports ?? []).forEach((p: ServicePort, i) => {
    if (!p.protocol) {
      p.protocol = 'TCP';
      defaulted.push(`spec.ports[${i}].protocol`);
    }
    // A missing (or zero) targetPort means the same number as the port.
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') {
      p.targetPort = p.port;
      defaulted.push(`spec.ports[${i}].targetPort`);
    }
  });
  if (spec.type !== 'ExternalName' && !spec.internalTrafficPolicy) {
    spec.internalTrafficPolicy = 'Cluster';
    defaulted.push('spec.internalTrafficPolicy');
  }
  return { defaulted, admitted: [], plugins: [] };
}

function validateService(obj: ApiObject): FieldError[] {
  const errs: FieldError[] = [];
  const name = String(obj.metadata.name ?? '');
  if (!name) errs.push({ field: 'metadata.name', detail: 'Required value: name or generateName is required' });
  else if (name.length > 63 || !DNS1035_LABEL.test(name))
    errs.push({ field: 'metadata.name', detail: `Invalid value: ${JSON.stringify(name)}: ${DNS1035_MSG}` });
  const spec = specOf(obj);
  if (spec.type && !TYPES.includes(spec.type))
    errs.push({
      field: 'spec.type',
      detail: `Unsupported value: ${JSON.stringify(spec.type)}: supported values: ${TYPES.map((t) => `"${t}"`).join(', ')}`,
    });
  const ports = spec.ports ?? [];
  const headless = spec.clusterIP === 'None';
  if (!ports.length && !headless && spec.type !== 'ExternalName')
    errs.push({ field: 'spec.ports', detail: 'Required value' });
  ports.forEach((p, i) => {
    const at = `spec.ports[${i}]`;
    if (ports.length > 1 && !p.name) errs.push({ field: `${at}.name`, detail: 'Required value' });
    if (!Number.isInteger(p.port) || p.port < 1 || p.port > 65535)
      errs.push({ field: `${at}.port`, detail: `Invalid value: ${JSON.stringify(p.port)}: ${PORT_RANGE}` });
    if (p.protocol && !PROTOCOLS.includes(p.protocol))
      errs.push({
        field: `${at}.protocol`,
        detail: `Unsupported value: ${JSON.stringify(p.protocol)}: supported values: ${PROTOCOLS.map((t) => `"${t}"`).join(', ')}`,
      });
    if (typeof p.targetPort === 'number' && (p.targetPort < 1 || p.targetPort > 65535))
      errs.push({ field: `${at}.targetPort`, detail: `Invalid value: ${p.targetPort}: ${PORT_RANGE}` });
  });
  return errs;
}

const IPADDRESS_PREFIX = '/registry/ipaddresses/';

/** Every ClusterIP handed out: the IPAddress objects (the allocator reads them through its informer). */
function usedClusterIPs(sim: Sim<unknown>): Set<string> {
  const world = sim.world as { etcd?: { kv: Record<string, { value: ApiObject }> } };
  const used = new Set<string>();
  for (const key of Object.keys(world.etcd?.kv ?? {}))
    if (key.startsWith(IPADDRESS_PREFIX)) used.add(key.slice(IPADDRESS_PREFIX.length));
  return used;
}

/** The IPAddress object that records an allocation, named after the address. */
export function ipAddressObject(ip: string, service: { namespace: string; name: string }): ApiObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'IPAddress',
    metadata: {
      name: ip,
      labels: {
        'ipaddress.kubernetes.io/ip-family': 'IPv4',
        'ipaddress.kubernetes.io/managed-by': 'ipallocator.k8s.io',
      },
      finalizers: ['networking.k8s.io/ip-protection'],
    },
    spec: { parentRef: { group: '', resource: 'services', namespace: service.namespace, name: service.name } },
  };
}

/**
 * Record the allocation: the allocator creates the IPAddress object before
 * the Service itself is stored (a create that fails if the address is taken).
 */
function recordAllocation(sim: Sim<unknown>, obj: ApiObject, ip: string): void {
  // A create that fails validation later rolls the allocation back (finishCreate): nothing is left.
  if (validateService(obj).length) return;
  const key = IPADDRESS_PREFIX + ip;
  const value = ipAddressObject(ip, {
    namespace: String(obj.metadata.namespace ?? 'default'),
    name: String(obj.metadata.name),
  });
  // Reserve it at once, as the create's "already exists" check would, so a second Service cannot take it meanwhile.
  const world = sim.world as { etcd?: { kv: Record<string, unknown> } };
  if (world.etcd && !world.etcd.kv[key]) {
    sim.send(
      {
        from: 'kube-apiserver',
        to: 'etcd',
        msg: { type: 'etcd-txn', id: sim.id(), key, value, mustNotExist: true },
        meta: {
          kind: 'request',
          level: 'standard',
          verb: 'txn create',
          path: key,
          say: { key: 'apiserver-ipaddress', params: { key, ip, name: String(obj.metadata.name) } },
        },
      },
      0.1,
    );
  }
}

/**
 * BeginCreate: IP families, then the ClusterIP (a requested one must be in
 * range and free). Returns the field errors the allocator reports.
 */
function allocate(obj: ApiObject, sim: Sim<unknown>): FieldError[] {
  const spec = specOf(obj);
  if (spec.type === 'ExternalName') return [];
  spec.ipFamilyPolicy ??= 'SingleStack';
  spec.ipFamilies ??= ['IPv4'];
  const used = usedClusterIPs(sim);
  const requested = spec.clusterIP ?? spec.clusterIPs?.[0];
  if (requested === 'None') {
    spec.clusterIPs = ['None'];
    return [];
  }
  if (requested) {
    const shown = `[]string{"${requested}"}`;
    if (!inRange(requested, SERVICE_CIDR))
      return [
        {
          field: 'spec.clusterIPs',
          // The MetaAllocator finds no ServiceCIDR holding the address: ErrMismatchedNetwork.
          detail: `Invalid value: ${shown}: failed to allocate IP ${requested}: the provided network does not match the current range`,
        },
      ];
    if (used.has(requested))
      return [
        {
          field: 'spec.clusterIPs',
          detail: `Invalid value: ${shown}: failed to allocate IP ${requested}: provided IP is already allocated`,
        },
      ];
    spec.clusterIP = requested;
    spec.clusterIPs = [requested];
    recordAllocation(sim, obj, requested);
    return [];
  }
  const ip = allocateClusterIP(SERVICE_CIDR, used, () => sim.random());
  if (!ip) return [{ field: 'spec.clusterIPs', detail: 'Internal error: range is full' }];
  spec.clusterIP = ip;
  spec.clusterIPs = [ip];
  recordAllocation(sim, obj, ip);
  return [];
}

export const serviceStrategy: Strategy = {
  mutate: (obj) => defaultService(obj),
  beginCreate: allocate,
  // PrepareForCreate: the status is the server's, empty at first.
  prepareForCreate(obj) {
    obj.status = { loadBalancer: {} };
  },
  validate: validateService,
};
