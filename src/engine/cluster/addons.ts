/**
 * Add-ons a scenario's cluster was installed with before the run starts, as
 * their charts leave them an hour later: Istio's istiod (istio-discovery
 * chart: Service `istiod` with the webhook on 443 → 15017 and xDS on 15010/
 * 15012) and Kyverno's admission controller (Service `kyverno-svc`, 443 →
 * 9443). Their Pods run on the control-plane node, like CoreDNS here, so only
 * their Services and EndpointSlices are objects of the run; the webhook
 * configurations themselves come with the scenario's manifests.
 */
import { isoTime } from '../apiserver/names';
import { etcdKey } from '../apiserver/resources';
import { ipAddressObject, SERVICE_CIDR } from '../apiserver/service-strategy';
import type { ApiObject, ClusterSpec } from '../types';
import { uidFor } from './bootstrap';

/** The add-ons whose Pods and Services stand in etcd before the run (Felix and ingress-nginx bring their own). */
export type Addon = Extract<NonNullable<ClusterSpec['addons']>[number], 'istio' | 'kyverno'>;

function meta(name: string, namespace?: string, extra: Record<string, unknown> = {}): ApiObject['metadata'] {
  return {
    name,
    ...(namespace ? { namespace } : {}),
    uid: uidFor(`${namespace ?? ''}/${name}`),
    creationTimestamp: isoTime(-3_600_000),
    ...extra,
  };
}

interface AddonSpec {
  namespace: string;
  service: string;
  clusterIP: string;
  /** The Pod behind the Service. */
  pod: string;
  podIP: string;
  ports: { name: string; port: number; targetPort: number }[];
  labels: Record<string, string>;
  /** ConfigMaps the add-on keeps in every namespace of the bootstrap cluster. */
  perNamespaceConfigMaps?: string[];
}

export const ADDONS: Record<Addon, AddonSpec> = {
  istio: {
    namespace: 'istio-system',
    service: 'istiod',
    clusterIP: '10.96.0.20',
    pod: 'istiod-7f9c6d8b5d-x2k4p',
    podIP: '10.244.0.4',
    ports: [
      { name: 'grpc-xds', port: 15010, targetPort: 15010 },
      { name: 'https-dns', port: 15012, targetPort: 15012 },
      { name: 'https-webhook', port: 443, targetPort: 15017 },
      { name: 'http-monitoring', port: 15014, targetPort: 15014 },
    ],
    labels: { app: 'istiod', istio: 'pilot' },
    perNamespaceConfigMaps: ['istio-ca-root-cert'],
  },
  kyverno: {
    namespace: 'kyverno',
    service: 'kyverno-svc',
    clusterIP: '10.96.0.30',
    pod: 'kyverno-admission-controller-6c8d9f7b4-q7hzt',
    podIP: '10.244.0.5',
    ports: [{ name: 'https', port: 443, targetPort: 9443 }],
    labels: { 'app.kubernetes.io/component': 'admission-controller', 'app.kubernetes.io/instance': 'kyverno' },
  },
};

/** The objects an add-on left in etcd. `namespaces` are the bootstrap cluster's own. */
export function addonObjects(
  addons: readonly NonNullable<ClusterSpec['addons']>[number][],
  namespaces: readonly string[],
): [string, ApiObject][] {
  const out: [string, ApiObject][] = [];
  for (const name of addons) {
    if (name !== 'istio' && name !== 'kyverno') continue;
    const a = ADDONS[name];
    out.push([
      etcdKey('namespaces', undefined, a.namespace),
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: meta(a.namespace, undefined, { labels: { 'kubernetes.io/metadata.name': a.namespace } }),
        spec: { finalizers: ['kubernetes'] },
        status: { phase: 'Active' },
      },
    ]);
    out.push([
      etcdKey('serviceaccounts', a.namespace, 'default'),
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('default', a.namespace) },
    ]);
    for (const ns of [...namespaces, a.namespace])
      for (const cm of ['kube-root-ca.crt', ...(a.perNamespaceConfigMaps ?? [])]) {
        if (cm === 'kube-root-ca.crt' && ns !== a.namespace) continue;
        out.push([
          etcdKey('configmaps', ns, cm),
          {
            apiVersion: 'v1',
            kind: 'ConfigMap',
            metadata: meta(cm, ns),
            data: {
              [cm === 'kube-root-ca.crt' ? 'ca.crt' : 'root-cert.pem']:
                '-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----\n',
            },
          },
        ]);
      }
    out.push([
      etcdKey('services', a.namespace, a.service),
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: meta(a.service, a.namespace, { labels: a.labels }),
        spec: {
          type: 'ClusterIP',
          clusterIP: a.clusterIP,
          clusterIPs: [a.clusterIP],
          ipFamilies: ['IPv4'],
          ipFamilyPolicy: 'SingleStack',
          internalTrafficPolicy: 'Cluster',
          sessionAffinity: 'None',
          selector: a.labels,
          ports: a.ports.map((p) => ({ name: p.name, port: p.port, protocol: 'TCP', targetPort: p.targetPort })),
        },
      },
    ]);
    const ip = ipAddressObject(a.clusterIP, { namespace: a.namespace, name: a.service });
    out.push([
      etcdKey('ipaddresses', undefined, a.clusterIP),
      { ...ip, metadata: { ...ip.metadata, ...meta(a.clusterIP) } },
    ]);
    const slice = `${a.service}-${uidFor(a.service).slice(0, 5)}`;
    out.push([
      etcdKey('endpointslices', a.namespace, slice),
      {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: meta(slice, a.namespace, {
          labels: {
            'kubernetes.io/service-name': a.service,
            'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
          },
        }),
        addressType: 'IPv4',
        endpoints: [
          {
            addresses: [a.podIP],
            conditions: { ready: true, serving: true, terminating: false },
            nodeName: 'control-plane',
            targetRef: { kind: 'Pod', namespace: a.namespace, name: a.pod, uid: uidFor(`${a.namespace}/${a.pod}`) },
          },
        ],
        ports: a.ports.map((p) => ({ name: p.name, port: p.targetPort, protocol: 'TCP' })),
      },
    ]);
  }
  void SERVICE_CIDR;
  return out;
}
