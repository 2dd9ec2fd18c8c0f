/**
 * The cluster as kubeadm leaves it before the learner types anything:
 * namespaces, the default ServiceAccount, the `kubernetes` and `kube-dns`
 * Services, and one Node and Lease per worker.
 */
import { imageSize } from '../runtime/images';
import { PAUSE_IMAGE } from '../runtime/containerd';
import { isoTime } from '../apiserver/names';
import type { ApiObject, ClusterSpec, NodeSpec } from '../types';
import { etcdKey } from '../apiserver/resources';
import { ipAddressObject, SERVICE_CIDR } from '../apiserver/service-strategy';
import { addonObjects } from './addons';

export { DEFAULT_CLUSTER, KUBERNETES_VERSION } from './defaults';
export const KUBELET_VERSION = 'v1.33.1';
export const CONTAINERD_VERSION = 'containerd://2.0.5';
/** The cluster's CSI driver and its default StorageClass (kubernetes-csi/csi-driver-host-path). */
export const CSI_HOSTPATH_DRIVER = 'hostpath.csi.k8s.io';
export const CSI_HOSTPATH_CLASS = 'csi-hostpath-sc';

/** Node addresses on the cluster's own network, as kind or kubeadm on a LAN would give. */
export function internalIP(index: number): string {
  return `172.18.0.${index + 2}`;
}

function meta(name: string, namespace?: string, extra: Record<string, unknown> = {}): ApiObject['metadata'] {
  return {
    name,
    ...(namespace ? { namespace } : {}),
    uid: uidFor(`${namespace ?? ''}/${name}`),
    creationTimestamp: isoTime(-3_600_000),
    ...extra,
  };
}

/** Stable uids for bootstrap objects, independent of the run's seed. */
export function uidFor(text: string): string {
  let h = 0x811c9dc5;
  let out = '';
  for (let i = 0; out.length < 32; i++) {
    for (const ch of text + i) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  const s = out.slice(0, 32);
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-8${s.slice(17, 20)}-${s.slice(20)}`;
}

function node(spec: NodeSpec, index: number): ApiObject {
  const capacity = { cpu: spec.cpu, memory: spec.memory, pods: String(spec.pods), 'ephemeral-storage': '100Gi' };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: meta(spec.name, undefined, {
      labels: {
        'kubernetes.io/hostname': spec.name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        ...spec.labels,
      },
    }),
    spec: { podCIDR: spec.podCIDR, podCIDRs: [spec.podCIDR], ...(spec.taints ? { taints: spec.taints } : {}) },
    status: {
      capacity,
      allocatable: capacity,
      conditions: [
        { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory' },
        { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure' },
        { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID' },
        { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
      ],
      addresses: [
        { type: 'InternalIP', address: internalIP(index) },
        { type: 'Hostname', address: spec.name },
      ],
      nodeInfo: {
        kubeletVersion: KUBELET_VERSION,
        containerRuntimeVersion: CONTAINERD_VERSION,
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
      images: [PAUSE_IMAGE, ...(spec.images ?? [])].map((name) => ({ names: [name], sizeBytes: imageSize(name) })),
    },
  };
}

/** What kube-apiserver filled in when kubeadm created the cluster's own Services. */
const SERVICE_DEFAULTS = {
  sessionAffinity: 'None',
  ipFamilies: ['IPv4'],
  ipFamilyPolicy: 'SingleStack',
  internalTrafficPolicy: 'Cluster',
};

/** Every object in etcd when the run starts, by etcd key. */
export function bootstrapObjects(cluster: ClusterSpec): [string, ApiObject][] {
  const out: [string, ApiObject][] = [];
  for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
    out.push([
      etcdKey('namespaces', undefined, ns),
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: meta(ns),
        spec: { finalizers: ['kubernetes'] },
        status: { phase: 'Active' },
      },
    ]);
  }
  // The ServiceAccount controller made each namespace's default ServiceAccount long ago.
  for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
    out.push([
      etcdKey('serviceaccounts', ns, 'default'),
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('default', ns) },
    ]);
  }
  // The root CA publisher put kube-root-ca.crt in every namespace long ago.
  for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
    out.push([
      etcdKey('configmaps', ns, 'kube-root-ca.crt'),
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: meta('kube-root-ca.crt', ns),
        data: { 'ca.crt': '-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----\n' },
      },
    ]);
  }
  // The default StorageClass of the csi-driver-host-path deployment (deploy/kubernetes-*/hostpath,
  // examples/csi-storageclass.yaml), made the default one as kind makes its `standard` class.
  out.push([
    etcdKey('storageclasses', undefined, CSI_HOSTPATH_CLASS),
    {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: meta(CSI_HOSTPATH_CLASS, undefined, {
        annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
      }),
      provisioner: CSI_HOSTPATH_DRIVER,
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'WaitForFirstConsumer',
      allowVolumeExpansion: true,
    },
  ]);
  out.push([
    etcdKey('services', 'default', 'kubernetes'),
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta('kubernetes', 'default', { labels: { component: 'apiserver', provider: 'kubernetes' } }),
      spec: {
        type: 'ClusterIP',
        clusterIP: '10.96.0.1',
        clusterIPs: ['10.96.0.1'],
        ...SERVICE_DEFAULTS,
        ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
      },
    },
  ]);
  out.push([
    etcdKey('services', 'kube-system', 'kube-dns'),
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta('kube-dns', 'kube-system', { labels: { 'k8s-app': 'kube-dns' } }),
      spec: {
        type: 'ClusterIP',
        clusterIP: '10.96.0.10',
        clusterIPs: ['10.96.0.10'],
        ...SERVICE_DEFAULTS,
        selector: { 'k8s-app': 'kube-dns' },
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
          { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
          { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
        ],
      },
    },
  ]);
  out.push(...bootstrapEndpointSlices());
  // The default ServiceCIDR and the IPAddress objects of the two ClusterIPs kubeadm's Services hold.
  out.push([
    etcdKey('servicecidrs', undefined, 'kubernetes'),
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'ServiceCIDR',
      metadata: meta('kubernetes'),
      spec: { cidrs: [SERVICE_CIDR] },
      status: { conditions: [{ type: 'Ready', status: 'True' }] },
    },
  ]);
  for (const [ip, namespace, name] of [
    ['10.96.0.1', 'default', 'kubernetes'],
    ['10.96.0.10', 'kube-system', 'kube-dns'],
  ] as const) {
    const obj = ipAddressObject(ip, { namespace, name });
    out.push([etcdKey('ipaddresses', undefined, ip), { ...obj, metadata: { ...obj.metadata, ...meta(ip) } }]);
  }
  // Add-ons the scenario's cluster runs (istiod, Kyverno): their namespaces, Services and endpoints.
  out.push(...addonObjects(cluster.addons ?? [], ['default', 'kube-system', 'kube-public', 'kube-node-lease']));
  cluster.nodes.forEach((spec, i) => {
    out.push([etcdKey('nodes', undefined, spec.name), node(spec, i)]);
    out.push([
      etcdKey('leases', 'kube-node-lease', spec.name),
      {
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: meta(spec.name, 'kube-node-lease'),
        spec: { holderIdentity: spec.name, leaseDurationSeconds: 40, renewTime: isoTime(-5_000) },
      },
    ]);
  });
  return out;
}

/** The control-plane node's address: it runs kube-apiserver and the CoreDNS Pods, but is not modelled as a Node. */
export const CONTROL_PLANE_IP = '172.18.0.100';

/**
 * The slices behind the cluster's own Services, as an hour-old cluster has
 * them: `kubernetes` (written by kube-apiserver itself) and kube-dns (the
 * two CoreDNS Pods kubeadm runs on the control-plane node, 10.244.0.0/24).
 */
function bootstrapEndpointSlices(): [string, ApiObject][] {
  const slice = (
    name: string,
    namespace: string,
    extra: Omit<ApiObject, 'apiVersion' | 'kind' | 'metadata'>,
    labels: Record<string, string>,
  ): [string, ApiObject] => [
    etcdKey('endpointslices', namespace, name),
    {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: meta(name, namespace, { labels }),
      addressType: 'IPv4',
      ...extra,
    },
  ];
  const ready = { ready: true, serving: true, terminating: false };
  const coredns = (name: string, ip: string) => ({
    addresses: [ip],
    conditions: ready,
    nodeName: 'control-plane',
    targetRef: { kind: 'Pod', namespace: 'kube-system', name, uid: uidFor(`kube-system/${name}`) },
  });
  return [
    slice(
      'kubernetes',
      'default',
      {
        endpoints: [{ addresses: [CONTROL_PLANE_IP], conditions: { ready: true } }],
        ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
      },
      { 'kubernetes.io/service-name': 'kubernetes' },
    ),
    slice(
      'kube-dns-5xqfm',
      'kube-system',
      {
        endpoints: [
          coredns('coredns-668d6bf9bc-2vxfm', '10.244.0.2'),
          coredns('coredns-668d6bf9bc-qx6gs', '10.244.0.3'),
        ],
        ports: [
          { name: 'dns-tcp', port: 53, protocol: 'TCP' },
          { name: 'dns', port: 53, protocol: 'UDP' },
          { name: 'metrics', port: 9153, protocol: 'TCP' },
        ],
      },
      {
        'k8s-app': 'kube-dns',
        'kubernetes.io/service-name': 'kube-dns',
        'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
      },
    ),
  ];
}
