/**
 * istiod's sidecar injector (the `/inject` webhook): it renders the sidecar
 * template for the Pod and answers with the JSONPatch from the Pod to the
 * injected Pod. Istio 1.27 injects native sidecars by default on Kubernetes
 * 1.33 (ENABLE_NATIVE_SIDECARS auto-detection): `istio-init` writes the
 * iptables redirect, then `istio-proxy` runs as an init container with
 * restartPolicy Always and a startupProbe, so the app starts once Envoy is
 * ready. Models istio/istio pkg/kube/inject (webhook.go injectPod,
 * inject.go RunTemplate) and manifests/charts/istio-control/istio-discovery/
 * files/injection-template.yaml; values from the default profile.
 */
import type { Container, Pod, Volume } from 'kubernetes-types/core/v1';
import type { PatchOp } from '../apiserver/admission/webhooks';

export const ISTIO_VERSION = '1.27.3';
export const PROXY_IMAGE = `docker.io/istio/proxyv2:${ISTIO_VERSION}`;

/** The webhook server's answer to the policy check of injectRequired. */
export function injectionRequired(pod: Pod): { required: boolean; reason: string } {
  const labels = pod.metadata?.labels ?? {};
  const annotations = pod.metadata?.annotations ?? {};
  if (pod.spec?.hostNetwork) return { required: false, reason: 'hostNetwork' };
  if (annotations['sidecar.istio.io/status']) return { required: false, reason: 'already injected' };
  const flag = labels['sidecar.istio.io/inject'] ?? annotations['sidecar.istio.io/inject'];
  if (flag === 'false') return { required: false, reason: 'sidecar.istio.io/inject=false' };
  return { required: true, reason: 'namespace istio-injection=enabled' };
}

const RESOURCES = { limits: { cpu: '2', memory: '1Gi' }, requests: { cpu: '100m', memory: '128Mi' } };

function istioInit(): Container {
  return {
    name: 'istio-init',
    image: PROXY_IMAGE,
    args: [
      'istio-iptables',
      '-p',
      '15001',
      '-z',
      '15006',
      '-u',
      '1337',
      '-m',
      'REDIRECT',
      '-i',
      '*',
      '-x',
      '',
      '-b',
      '*',
      '-d',
      '15090,15021,15020',
      '--log_output_level=default:info',
    ],
    resources: RESOURCES,
    securityContext: {
      allowPrivilegeEscalation: false,
      capabilities: { add: ['NET_ADMIN', 'NET_RAW'], drop: ['ALL'] },
      privileged: false,
      readOnlyRootFilesystem: false,
      runAsGroup: 0,
      runAsNonRoot: false,
      runAsUser: 0,
    },
  };
}

function istioProxy(pod: Pod, workload: string): Container {
  const fieldRef = (fieldPath: string) => ({ valueFrom: { fieldRef: { fieldPath } } });
  const apps = (pod.spec?.containers ?? []).map((c) => c.name);
  return {
    name: 'istio-proxy',
    image: PROXY_IMAGE,
    args: [
      'proxy',
      'sidecar',
      '--domain',
      '$(POD_NAMESPACE).svc.cluster.local',
      '--proxyLogLevel=warning',
      '--proxyComponentLogLevel=misc:error',
      '--log_output_level=default:info',
    ],
    ports: [{ containerPort: 15090, name: 'http-envoy-prom', protocol: 'TCP' }],
    env: [
      { name: 'PILOT_CERT_PROVIDER', value: 'istiod' },
      { name: 'CA_ADDR', value: 'istiod.istio-system.svc:15012' },
      { name: 'POD_NAME', ...fieldRef('metadata.name') },
      { name: 'POD_NAMESPACE', ...fieldRef('metadata.namespace') },
      { name: 'INSTANCE_IP', ...fieldRef('status.podIP') },
      { name: 'SERVICE_ACCOUNT', ...fieldRef('spec.serviceAccountName') },
      { name: 'HOST_IP', ...fieldRef('status.hostIP') },
      { name: 'ISTIO_META_APP_CONTAINERS', value: apps.join(',') },
      { name: 'ISTIO_META_CLUSTER_ID', value: 'Kubernetes' },
      { name: 'ISTIO_META_INTERCEPTION_MODE', value: 'REDIRECT' },
      { name: 'ISTIO_META_WORKLOAD_NAME', value: workload },
      { name: 'ISTIO_META_MESH_ID', value: 'cluster.local' },
      { name: 'TRUST_DOMAIN', value: 'cluster.local' },
    ],
    resources: RESOURCES,
    restartPolicy: 'Always',
    // With native sidecars the startupProbe holds the app containers until Envoy is ready.
    startupProbe: {
      httpGet: { path: '/healthz/ready', port: 15021 },
      initialDelaySeconds: 0,
      periodSeconds: 1,
      timeoutSeconds: 3,
      failureThreshold: 600,
    },
    readinessProbe: {
      httpGet: { path: '/healthz/ready', port: 15021 },
      periodSeconds: 15,
      timeoutSeconds: 3,
      failureThreshold: 4,
    },
    securityContext: {
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      privileged: false,
      readOnlyRootFilesystem: true,
      runAsGroup: 1337,
      runAsNonRoot: true,
      runAsUser: 1337,
    },
    volumeMounts: [
      { mountPath: '/var/run/secrets/workload-spiffe-uds', name: 'workload-socket' },
      { mountPath: '/var/run/secrets/credential-uds', name: 'credential-socket' },
      { mountPath: '/var/run/secrets/workload-spiffe-credentials', name: 'workload-certs' },
      { mountPath: '/var/run/secrets/istio', name: 'istiod-ca-cert' },
      { mountPath: '/var/lib/istio/data', name: 'istio-data' },
      { mountPath: '/etc/istio/proxy', name: 'istio-envoy' },
      { mountPath: '/var/run/secrets/tokens', name: 'istio-token' },
      { mountPath: '/etc/istio/pod', name: 'istio-podinfo' },
    ],
  } as Container;
}

const VOLUMES: Volume[] = [
  { name: 'workload-socket', emptyDir: {} },
  { name: 'credential-socket', emptyDir: {} },
  { name: 'workload-certs', emptyDir: {} },
  { name: 'istio-envoy', emptyDir: { medium: 'Memory' } },
  { name: 'istio-data', emptyDir: {} },
  {
    name: 'istio-podinfo',
    downwardAPI: {
      items: [
        { path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } },
        { path: 'annotations', fieldRef: { fieldPath: 'metadata.annotations' } },
      ],
    },
  },
  {
    name: 'istio-token',
    projected: {
      sources: [{ serviceAccountToken: { audience: 'istio-ca', expirationSeconds: 43200, path: 'istio-token' } }],
    },
  },
  { name: 'istiod-ca-cert', configMap: { name: 'istio-ca-root-cert' } },
];

/** The workload a Pod belongs to, as istiod names it: the Deployment behind a ReplicaSet's hash suffix. */
export function workloadName(pod: Pod): string {
  const owner = pod.metadata?.ownerReferences?.find((o) => o.controller);
  if (!owner) return pod.metadata?.name ?? pod.metadata?.generateName ?? '';
  const hash = pod.metadata?.labels?.['pod-template-hash'];
  return owner.kind === 'ReplicaSet' && hash && owner.name.endsWith(`-${hash}`)
    ? owner.name.slice(0, -hash.length - 1)
    : owner.name;
}

/** The injected Pod: what the template renders, merged into the Pod (inject.go). */
export function injectPod(pod: Pod): Pod {
  const out = structuredClone(pod);
  const meta = (out.metadata ??= {});
  const spec = out.spec!;
  const workload = workloadName(pod);
  const labels = meta.labels ?? {};
  const app = spec.containers[0]?.name ?? '';
  meta.labels = {
    ...labels,
    'security.istio.io/tlsMode': 'istio',
    'service.istio.io/canonical-name':
      labels['service.istio.io/canonical-name'] ?? labels['app.kubernetes.io/name'] ?? labels.app ?? workload,
    'service.istio.io/canonical-revision':
      labels['service.istio.io/canonical-revision'] ??
      labels['app.kubernetes.io/version'] ??
      labels.version ??
      'latest',
  };
  meta.annotations = {
    ...meta.annotations,
    'istio.io/rev': 'default',
    'kubectl.kubernetes.io/default-container': app,
    'kubectl.kubernetes.io/default-logs-container': app,
    'prometheus.io/path': '/stats/prometheus',
    'prometheus.io/port': '15020',
    'prometheus.io/scrape': 'true',
    'sidecar.istio.io/status': JSON.stringify({
      initContainers: ['istio-init', 'istio-proxy'],
      containers: null,
      volumes: VOLUMES.map((v) => v.name),
      imagePullSecrets: null,
      revision: 'default',
    }),
  };
  // istio-init first, then the proxy, then the Pod's own init containers (which may use the network).
  spec.initContainers = [istioInit(), istioProxy(pod, workload), ...(spec.initContainers ?? [])];
  spec.volumes = [...(spec.volumes ?? []), ...structuredClone(VOLUMES)];
  return out;
}

/**
 * The patch istiod answers with. The real one is jsonpatch.CreatePatch(original,
 * injected), field by field; whole-field `add`s (which replace an existing
 * member) give the same Pod and read more clearly in a step.
 */
export function injectionPatch(pod: Pod): PatchOp[] {
  const injected = injectPod(pod);
  return [
    { op: 'add', path: '/metadata/labels', value: injected.metadata!.labels },
    { op: 'add', path: '/metadata/annotations', value: injected.metadata!.annotations },
    { op: 'add', path: '/spec/initContainers', value: injected.spec!.initContainers },
    { op: 'add', path: '/spec/volumes', value: injected.spec!.volumes },
  ];
}
