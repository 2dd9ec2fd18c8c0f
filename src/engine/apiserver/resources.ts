/**
 * The resources podflow serves: kind, plural, API group and the etcd key
 * layout kube-apiserver uses (note `minions` for Nodes and `services/specs`
 * for Services, kept from the earliest releases).
 */
export interface ResourceInfo {
  kind: string;
  resource: string;
  group: string;
  version: string;
  namespaced: boolean;
  etcdPrefix: string;
}

export const RESOURCES: readonly ResourceInfo[] = [
  { kind: 'Pod', resource: 'pods', group: '', version: 'v1', namespaced: true, etcdPrefix: '/registry/pods' },
  { kind: 'Event', resource: 'events', group: '', version: 'v1', namespaced: true, etcdPrefix: '/registry/events' },
  { kind: 'Node', resource: 'nodes', group: '', version: 'v1', namespaced: false, etcdPrefix: '/registry/minions' },
  {
    kind: 'Namespace',
    resource: 'namespaces',
    group: '',
    version: 'v1',
    namespaced: false,
    etcdPrefix: '/registry/namespaces',
  },
  {
    kind: 'ServiceAccount',
    resource: 'serviceaccounts',
    group: '',
    version: 'v1',
    namespaced: true,
    etcdPrefix: '/registry/serviceaccounts',
  },
  {
    kind: 'ConfigMap',
    resource: 'configmaps',
    group: '',
    version: 'v1',
    namespaced: true,
    etcdPrefix: '/registry/configmaps',
  },
  {
    kind: 'Service',
    resource: 'services',
    group: '',
    version: 'v1',
    namespaced: true,
    etcdPrefix: '/registry/services/specs',
  },
  {
    kind: 'EndpointSlice',
    resource: 'endpointslices',
    group: 'discovery.k8s.io',
    version: 'v1',
    namespaced: true,
    etcdPrefix: '/registry/endpointslices',
  },
  {
    kind: 'Deployment',
    resource: 'deployments',
    group: 'apps',
    version: 'v1',
    namespaced: true,
    etcdPrefix: '/registry/deployments',
  },
  {
    kind: 'ReplicaSet',
    resource: 'replicasets',
    group: 'apps',
    version: 'v1',
    namespaced: true,
    etcdPrefix: '/registry/replicasets',
  },
  // The ClusterIP allocator's records (MultiCIDRServiceAllocator, GA in v1.33).
  {
    kind: 'IPAddress',
    resource: 'ipaddresses',
    group: 'networking.k8s.io',
    version: 'v1',
    namespaced: false,
    etcdPrefix: '/registry/ipaddresses',
  },
  {
    kind: 'ServiceCIDR',
    resource: 'servicecidrs',
    group: 'networking.k8s.io',
    version: 'v1',
    namespaced: false,
    etcdPrefix: '/registry/servicecidrs',
  },
  {
    kind: 'Lease',
    resource: 'leases',
    group: 'coordination.k8s.io',
    version: 'v1',
    namespaced: true,
    etcdPrefix: '/registry/leases',
  },
  {
    kind: 'Secret',
    resource: 'secrets',
    group: '',
    version: 'v1',
    namespaced: true,
    etcdPrefix: '/registry/secrets',
  },
  {
    kind: 'LimitRange',
    resource: 'limitranges',
    group: '',
    version: 'v1',
    namespaced: true,
    etcdPrefix: '/registry/limitranges',
  },
  {
    kind: 'ResourceQuota',
    resource: 'resourcequotas',
    group: '',
    version: 'v1',
    namespaced: true,
    etcdPrefix: '/registry/resourcequotas',
  },
  // Storage (issue #5): claims, volumes, and the classes that provision them.
  {
    kind: 'PersistentVolumeClaim',
    resource: 'persistentvolumeclaims',
    group: '',
    version: 'v1',
    namespaced: true,
    etcdPrefix: '/registry/persistentvolumeclaims',
  },
  {
    kind: 'PersistentVolume',
    resource: 'persistentvolumes',
    group: '',
    version: 'v1',
    namespaced: false,
    etcdPrefix: '/registry/persistentvolumes',
  },
  {
    kind: 'StorageClass',
    resource: 'storageclasses',
    group: 'storage.k8s.io',
    version: 'v1',
    namespaced: false,
    etcdPrefix: '/registry/storageclasses',
  },
  // Dynamic admission (issue #4): the webhook configurations, and Kyverno's ClusterPolicy (a CRD
  // its chart installs; custom resources are stored under /registry/<group>/<resource>).
  {
    kind: 'MutatingWebhookConfiguration',
    resource: 'mutatingwebhookconfigurations',
    group: 'admissionregistration.k8s.io',
    version: 'v1',
    namespaced: false,
    etcdPrefix: '/registry/mutatingwebhookconfigurations',
  },
  {
    kind: 'ValidatingWebhookConfiguration',
    resource: 'validatingwebhookconfigurations',
    group: 'admissionregistration.k8s.io',
    version: 'v1',
    namespaced: false,
    etcdPrefix: '/registry/validatingwebhookconfigurations',
  },
  {
    kind: 'ClusterPolicy',
    resource: 'clusterpolicies',
    group: 'kyverno.io',
    version: 'v1',
    namespaced: false,
    etcdPrefix: '/registry/kyverno.io/clusterpolicies',
  },
  // Services and traffic (issue #5): NetworkPolicies, Ingresses and their classes.
  {
    kind: 'NetworkPolicy',
    resource: 'networkpolicies',
    group: 'networking.k8s.io',
    version: 'v1',
    namespaced: true,
    etcdPrefix: '/registry/networkpolicies',
  },
  {
    kind: 'Ingress',
    resource: 'ingresses',
    group: 'networking.k8s.io',
    version: 'v1',
    namespaced: true,
    etcdPrefix: '/registry/ingress',
  },
  {
    kind: 'IngressClass',
    resource: 'ingressclasses',
    group: 'networking.k8s.io',
    version: 'v1',
    namespaced: false,
    etcdPrefix: '/registry/ingressclasses',
  },
  // RBAC (issue #7): the learner's Roles and bindings, which the RBAC authorizer reads.
  ...(
    [
      ['Role', 'roles', true],
      ['RoleBinding', 'rolebindings', true],
      ['ClusterRole', 'clusterroles', false],
      ['ClusterRoleBinding', 'clusterrolebindings', false],
    ] as const
  ).map(([kind, resource, namespaced]) => ({
    kind,
    resource,
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
    namespaced,
    etcdPrefix: `/registry/${resource}`,
  })),
];

export function byResource(resource: string): ResourceInfo {
  const info = BY_RESOURCE.get(resource);
  if (!info) throw new Error(`unknown resource ${resource}`);
  return info;
}

export function byKind(kind: string): ResourceInfo | undefined {
  return BY_KIND.get(kind);
}
// Asked several times for every request and watch event: looked up, not searched. The first entry wins, as find did.
const BY_RESOURCE = new Map<string, ResourceInfo>();
const BY_KIND = new Map<string, ResourceInfo>();
for (const r of RESOURCES) {
  if (!BY_RESOURCE.has(r.resource)) BY_RESOURCE.set(r.resource, r);
  if (!BY_KIND.has(r.kind)) BY_KIND.set(r.kind, r);
}

/** The etcd key of an object: `/registry/pods/default/nginx`. */
export function etcdKey(resource: string, namespace: string | undefined, name: string): string {
  const info = byResource(resource);
  return info.namespaced ? `${info.etcdPrefix}/${namespace}/${name}` : `${info.etcdPrefix}/${name}`;
}

/** The resource an etcd key belongs to, by its prefix. */
export function resourceOfKey(key: string): ResourceInfo | undefined {
  // Asked for every object of the watch cache on each LIST and WATCH, and on every write: remembered by directory
  // (a prefix ends at a slash, so every key of one directory has the same resource).
  return resourceOfDir(key.slice(0, key.lastIndexOf('/') + 1));
}

/** The resource of the keys in a directory (`/registry/pods/default/`), for a caller that has cut it already. */
export function resourceOfDir(dir: string): ResourceInfo | undefined {
  // One lookup for a known directory; has() only tells a remembered "none" from a new directory.
  const known = RESOURCE_OF_DIR.get(dir);
  if (known !== undefined || RESOURCE_OF_DIR.has(dir)) return known;
  const info = PREFIXES.find(([prefix]) => dir.startsWith(prefix))?.[1];
  RESOURCE_OF_DIR.set(dir, info);
  return info;
}
const PREFIXES = RESOURCES.map((r) => [`${r.etcdPrefix}/`, r] as const);
const RESOURCE_OF_DIR = new Map<string, ResourceInfo | undefined>();

/**
 * The REST path: `/api/v1/namespaces/default/pods/nginx/binding`. `group`
 * names another API group serving the same resource (events.k8s.io/v1 events).
 */
export function apiPath(
  resource: string,
  namespace?: string,
  name?: string,
  subresource?: string,
  group?: string,
): string {
  const info = byResource(resource);
  let path =
    group !== undefined && group !== info.group
      ? collectionPath(`/apis/${group}/v1`, info, resource, namespace)
      : rememberedCollectionPath(info, resource, namespace);
  if (name) path += `/${name}`;
  if (subresource) path += `/${subresource}`;
  return path;
}

/** `/api/v1/namespaces/default/pods` or `/api/v1/nodes`: the collection under its group's root. */
function collectionPath(root: string, info: ResourceInfo, resource: string, namespace?: string): string {
  return info.namespaced && namespace ? `${root}/namespaces/${namespace}/${resource}` : `${root}/${resource}`;
}

/**
 * collectionPath under the resource's own group, made once per resource and
 * namespace: every request's path begins with one, and each made afresh is
 * half a dozen pieces of string that the trace's steps then keep. Bounded:
 * a namespace map that grows past a few hundred starts over.
 */
function rememberedCollectionPath(info: ResourceInfo, resource: string, namespace?: string): string {
  let byNamespace = COLLECTION_PATHS.get(resource);
  if (!byNamespace) COLLECTION_PATHS.set(resource, (byNamespace = new Map()));
  const ns = namespace ?? '';
  let path = byNamespace.get(ns);
  if (path === undefined) {
    const root = info.group ? `/apis/${info.group}/${info.version}` : `/api/${info.version}`;
    path = collectionPath(root, info, resource, namespace);
    if (byNamespace.size >= 256) byNamespace.clear();
    byNamespace.set(ns, path);
  }
  return path;
}
const COLLECTION_PATHS = new Map<string, Map<string, string>>();

export function apiVersionOf(info: ResourceInfo): string {
  return info.group ? `${info.group}/${info.version}` : info.version;
}
