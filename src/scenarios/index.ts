/**
 * The scenarios a learner picks from: manifests as a user would paste them,
 * on a cluster. Titles and lessons live in the message catalogs
 * (`scenario.<id>.title`, `scenario.<id>.lesson`). The manifests are the
 * Kubernetes documentation's own examples.
 */
import type { ClusterSpec, Fault, KubectlDelete, ServiceRequest, SimulationInput } from '../engine';
import { DEFAULT_CLUSTER } from '../engine/cluster/defaults';
import { readManifests } from '../manifest/reader';
import { STORAGE_SCENARIOS } from './storage';
import { WEBHOOK_SCENARIOS } from './webhooks';
import { HOOK_SCENARIOS } from './hooks';
import { NETWORK_SCENARIOS } from './network';

export interface Scenario {
  id: string;
  yaml: string;
  cluster: ClusterSpec;
  /** A larger step cap for a scenario that needs one. */
  maxSteps?: number;
  /** Who kubectl signs in as, when not the cluster admin. */
  user?: { name: string; groups: string[] };
  /** What the cluster admin creates first (a Role and RoleBinding for `user`), as YAML. */
  adminYaml?: string;
  /** What the learner deletes later, and when (virtual time). */
  deletes?: KubectlDelete[];
  /** Changed manifests the learner applies later (YAML), and when. */
  updates?: { yaml: string; atMs: number }[];
  /** What goes wrong in the cluster, and when. */
  faults?: Fault[];
  /** Requests a client Pod sends to a Service later (`curl http://…`), and when. */
  requests?: ServiceRequest[];
}

/** pods/simple-pod.yaml from the Kubernetes docs, in block style. */
const BARE_POD = `apiVersion: v1
kind: Pod
metadata:
  name: nginx
spec:
  containers:
  - name: nginx
    image: nginx:1.14.2
    ports:
    - containerPort: 80
`;

/** A Role over Pods and a RoleBinding to jane, as the RBAC docs' pod-reader example, with create. */
const POD_CREATOR_ROLE = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  namespace: default
  name: pod-creator
rules:
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["get", "list", "watch", "create"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: jane-pod-creator
  namespace: default
subjects:
- kind: User
  name: jane
  apiGroup: rbac.authorization.k8s.io
roleRef:
  kind: Role
  name: pod-creator
  apiGroup: rbac.authorization.k8s.io
`;

/** controllers/nginx-deployment.yaml from the Kubernetes docs. */
const NGINX_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment
  labels:
    app.kubernetes.io/name: nginx
spec:
  replicas: 3
  selector:
    matchLabels:
      app.kubernetes.io/name: nginx
  template:
    metadata:
      labels:
        app.kubernetes.io/name: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.14.2
        ports:
        - containerPort: 80
`;

/**
 * The nginx Deployment and a Service in front of it, written as
 * service/simple-service.yaml from the Kubernetes docs writes one, with the
 * Deployment's selector.
 */
const NGINX_SERVICE = `---
apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  selector:
    app.kubernetes.io/name: nginx
  ports:
  - protocol: TCP
    port: 80
    targetPort: 80
`;

/**
 * An Ingress for the nginx Service (issue #6: "Deployment of 3 behind a Service and an Ingress"),
 * shaped as the docs' ingress-minikube tutorial's example-ingress: one host, path / as a Prefix,
 * the ingress-nginx class.
 */
const NGINX_INGRESS = `---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: nginx
spec:
  ingressClassName: nginx
  rules:
  - host: hello-world.example
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: nginx
            port:
              number: 80
`;

/** A cluster of `count` workers like the default ones, each with its own /24 of 10.244.0.0/16. */
function workers(count: number): ClusterSpec {
  return {
    nodes: Array.from({ length: count }, (_, i) => ({
      name: `node-${i + 1}`,
      cpu: '4',
      memory: '8Gi',
      pods: 110,
      podCIDR: `10.244.${i + 1}.0/24`,
    })),
  };
}

/** pods/probe/tcp-liveness-readiness.yaml from the Kubernetes docs. */
const TCP_LIVENESS_READINESS = `apiVersion: v1
kind: Pod
metadata:
  name: goproxy
  labels:
    app.kubernetes.io/name: goproxy
spec:
  containers:
  - name: goproxy
    image: registry.k8s.io/goproxy:0.1
    ports:
    - containerPort: 8080
    readinessProbe:
      tcpSocket:
        port: 8080
      initialDelaySeconds: 15
      periodSeconds: 10
    livenessProbe:
      tcpSocket:
        port: 8080
      initialDelaySeconds: 15
      periodSeconds: 10
`;

/** pods/init-containers.yaml from the Kubernetes docs. */
const INIT_CONTAINERS = `apiVersion: v1
kind: Pod
metadata:
  name: init-demo
spec:
  containers:
  - name: nginx
    image: nginx
    ports:
    - containerPort: 80
    volumeMounts:
    - name: workdir
      mountPath: /usr/share/nginx/html
  # These containers are run during pod initialization
  initContainers:
  - name: install
    image: busybox
    command:
    - wget
    - "-O"
    - "/work-dir/index.html"
    - http://info.cern.ch
    volumeMounts:
    - name: workdir
      mountPath: "/work-dir"
  dnsPolicy: Default
  volumes:
  - name: workdir
    emptyDir: {}
`;

/**
 * The nginx Deployment whose Pods tolerate an unreachable node for 30 s, not
 * the 300 s DefaultTolerationSeconds would add, so a node failure plays out
 * in two minutes. The toleration has the shape the docs show for
 * taint-based evictions (concepts/scheduling-eviction/taint-and-toleration,
 * with 6000 s there).
 */
const NGINX_DEPLOYMENT_TOLERATING_30S = NGINX_DEPLOYMENT.replace(
  `      containers:
      - name: nginx`,
  `      tolerations:
      - key: node.kubernetes.io/unreachable
        operator: Exists
        effect: NoExecute
        tolerationSeconds: 30
      containers:
      - name: nginx`,
);

/**
 * admin/resource/quota-pod.yaml and quota-pod-deployment.yaml from the
 * Kubernetes docs (Configure a Pod Quota for a Namespace), in their namespace.
 */
const QUOTA_EXCEEDED = `apiVersion: v1
kind: Namespace
metadata:
  name: quota-pod-example
---
apiVersion: v1
kind: ResourceQuota
metadata:
  name: pod-demo
  namespace: quota-pod-example
spec:
  hard:
    pods: "2"
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: pod-quota-demo
  namespace: quota-pod-example
spec:
  selector:
    matchLabels:
      purpose: quota-demo
  replicas: 3
  template:
    metadata:
      labels:
        purpose: quota-demo
    spec:
      containers:
      - name: pod-quota-demo
        image: nginx
`;

/** A namespace that enforces the restricted Pod Security Standard, and the docs' plain nginx Pod in it. */
const POD_SECURITY = `apiVersion: v1
kind: Namespace
metadata:
  name: my-restricted-namespace
  labels:
    pod-security.kubernetes.io/enforce: restricted
    pod-security.kubernetes.io/enforce-version: latest
---
apiVersion: v1
kind: Pod
metadata:
  name: nginx
  namespace: my-restricted-namespace
spec:
  containers:
  - name: nginx
    image: nginx:1.14.2
    ports:
    - containerPort: 80
`;

/** admin/resource/memory-defaults.yaml and memory-defaults-pod.yaml from the Kubernetes docs. */
const LIMIT_RANGE = `apiVersion: v1
kind: Namespace
metadata:
  name: default-mem-example
---
apiVersion: v1
kind: LimitRange
metadata:
  name: mem-limit-range
  namespace: default-mem-example
spec:
  limits:
  - default:
      memory: 512Mi
    defaultRequest:
      memory: 256Mi
    type: Container
---
apiVersion: v1
kind: Pod
metadata:
  name: default-mem-demo
  namespace: default-mem-example
spec:
  containers:
  - name: default-mem-demo-ctr
    image: nginx
`;

// Scheduling (issue #4): a Pod already fills most of node-2; node-1 is tainted for web Pods only.
const TAINTS_AND_FULL_NODE = `apiVersion: v1
kind: Pod
metadata:
  name: reserved
spec:
  nodeName: node-2
  containers:
  - name: reserved
    image: nginx:1.14.2
    resources:
      requests:
        cpu: 1500m
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      tolerations:
      - key: dedicated
        operator: Equal
        value: web
        effect: NoSchedule
      containers:
      - name: web
        image: nginx:1.14.2
        resources:
          requests:
            cpu: "1"
            memory: 1Gi
`;

const TAINTED_AND_FULL: ClusterSpec = {
  nodes: [
    {
      name: 'node-1',
      cpu: '4',
      memory: '8Gi',
      pods: 110,
      podCIDR: '10.244.1.0/24',
      taints: [{ key: 'dedicated', value: 'web', effect: 'NoSchedule' }],
    },
    { name: 'node-2', cpu: '2', memory: '8Gi', pods: 110, podCIDR: '10.244.2.0/24' },
    { name: 'node-3', cpu: '4', memory: '8Gi', pods: 110, podCIDR: '10.244.3.0/24' },
  ],
};

// Container failures (issues #5 and #6). Each failure comes from the manifest as in a real cluster
// (runtime/app.ts says how the simulated program reads it), or from a fault the registry has.

/** A Pod whose image tag has a typo: the registry has nginx:1.14.2, not nginx:1.142 (the image-missing fault). */
const IMAGE_TYPO = BARE_POD.replace('image: nginx:1.14.2', 'image: nginx:1.142');

/** A program that starts, works for five seconds and fails (exit 1); restartPolicy Always by default. */
const CRASHLOOP = `apiVersion: v1
kind: Pod
metadata:
  name: crashloop
spec:
  containers:
  - name: app
    image: busybox:1.28
    command: ["sh", "-c", "echo The app is starting; sleep 5; exit 1"]
`;

/** pods/probe/http-liveness.yaml from the Kubernetes docs: its server fails /healthz after 10 s. */
const HTTP_LIVENESS = `apiVersion: v1
kind: Pod
metadata:
  labels:
    test: liveness
  name: liveness-http
spec:
  containers:
  - name: liveness
    image: k8s.gcr.io/liveness
    args:
    - /server
    ports:
    - containerPort: 8080
    livenessProbe:
      httpGet:
        path: /healthz
        port: 8080
        httpHeaders:
        - name: Custom-Header
          value: Awesome
      initialDelaySeconds: 3
      periodSeconds: 3
`;

/** The nginx Deployment and Service, with a readiness probe on a path nginx does not serve (404). */
const READINESS_FAILING = (NGINX_DEPLOYMENT + NGINX_SERVICE).replace(
  `        ports:
        - containerPort: 80
`,
  `        ports:
        - containerPort: 80
        readinessProbe:
          httpGet:
            path: /healthz
            port: 80
          periodSeconds: 5
`,
);

/** pods/resource/memory-request-limit-2.yaml from the Kubernetes docs, in its namespace: stress wants 250M, the limit is 100Mi. */
const OOM_KILLED = `apiVersion: v1
kind: Namespace
metadata:
  name: mem-example
---
apiVersion: v1
kind: Pod
metadata:
  name: memory-demo-2
  namespace: mem-example
spec:
  containers:
  - name: memory-demo-2-ctr
    image: polinux/stress
    resources:
      requests:
        memory: "50Mi"
      limits:
        memory: "100Mi"
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"]
`;

/** One node whose podCIDR is a /29: host-local has five addresses (.2–.6) for seven replicas. */
const TINY_POD_CIDR: ClusterSpec = {
  nodes: [{ name: 'node-1', cpu: '8', memory: '16Gi', pods: 110, podCIDR: '10.244.1.0/29' }],
};

// Refusals (issue #6): kube-scheduler finds no node, or kube-apiserver's validation refuses the Pod.

/** pods/resource/cpu-request-limit-2.yaml from the Kubernetes docs, in its namespace: it requests 100 CPUs. */
const CPU_TOO_BIG = `apiVersion: v1
kind: Namespace
metadata:
  name: cpu-example
---
apiVersion: v1
kind: Pod
metadata:
  name: cpu-demo-2
  namespace: cpu-example
spec:
  containers:
  - name: cpu-demo-ctr-2
    image: vish/stress
    resources:
      limits:
        cpu: "100"
      requests:
        cpu: "100"
    args:
    - -cpus
    - "2"
`;

/** pods/pod-nginx.yaml from the Kubernetes docs (Assign Pods to Nodes): it wants a node labelled disktype=ssd. */
const NODE_SELECTOR = `apiVersion: v1
kind: Pod
metadata:
  name: nginx
  labels:
    env: test
spec:
  containers:
  - name: nginx
    image: nginx
    imagePullPolicy: IfNotPresent
  nodeSelector:
    disktype: ssd
`;

/** Three workers, each tainted as the docs' `kubectl taint nodes node1 key1=value1:NoSchedule`. */
const ALL_TAINTED: ClusterSpec = {
  nodes: workers(3).nodes.map((n) => ({ ...n, taints: [{ key: 'key1', value: 'value1', effect: 'NoSchedule' }] })),
};

/** The docs' nginx Pod as a learner might type it: the image line forgotten, restartPolicy in lower case. */
const INVALID_POD = `apiVersion: v1
kind: Pod
metadata:
  name: nginx
spec:
  restartPolicy: always
  containers:
  - name: nginx
    ports:
    - containerPort: 80
`;

export const SCENARIOS: readonly Scenario[] = [
  { id: 'bare-pod', yaml: BARE_POD, cluster: DEFAULT_CLUSTER },
  { id: 'deployment', yaml: NGINX_DEPLOYMENT, cluster: DEFAULT_CLUSTER },
  {
    id: 'rolling-update',
    yaml: NGINX_DEPLOYMENT,
    cluster: DEFAULT_CLUSTER,
    updates: [{ yaml: NGINX_DEPLOYMENT.replace('image: nginx:1.14.2', 'image: nginx:1.16.1'), atMs: 12_000 }],
  },
  { id: 'init-containers', yaml: INIT_CONTAINERS, cluster: DEFAULT_CLUSTER },
  { id: 'readiness', yaml: TCP_LIVENESS_READINESS, cluster: DEFAULT_CLUSTER },
  // The story backwards: the bare Pod, then `kubectl delete pod nginx` once it runs.
  { id: 'delete', yaml: BARE_POD, cluster: DEFAULT_CLUSTER, deletes: [{ kind: 'Pod', name: 'nginx', atMs: 8_000 }] },
  // RBAC: a user the cluster knows (a valid client certificate) but has granted nothing.
  {
    id: 'forbidden',
    yaml: BARE_POD,
    cluster: DEFAULT_CLUSTER,
    user: { name: 'jane', groups: ['developers', 'system:authenticated'] },
  },
  // node-1's kubelet stops at 10 s, once the three Pods run: NotReady after the grace period, then eviction.
  {
    id: 'node-failure',
    yaml: NGINX_DEPLOYMENT_TOLERATING_30S,
    cluster: workers(3),
    faults: [{ kind: 'node-down', node: 'node-1', atMs: 10_000 }],
  },
  // RBAC: the admin grants jane a Role over Pods in default; her Pod is allowed, her Deployment is not.
  {
    id: 'rbac-granted',
    adminYaml: POD_CREATOR_ROLE,
    yaml: BARE_POD + '---\n' + NGINX_DEPLOYMENT,
    cluster: DEFAULT_CLUSTER,
    user: { name: 'jane', groups: ['developers', 'system:authenticated'] },
  },
  // Services and traffic: the Deployment, a Service, then a curl from a client Pod once the Pods are ready.
  {
    id: 'deployment-service',
    yaml: NGINX_DEPLOYMENT + NGINX_SERVICE + NGINX_INGRESS,
    cluster: DEFAULT_CLUSTER,
    requests: [
      { from: 'client', url: 'http://nginx.default.svc.cluster.local', atMs: 8_000 },
      // Through the Ingress (the host points at its ADDRESS): ingress-nginx proxies straight to a Pod IP.
      { from: 'client', url: 'http://hello-world.example/', atMs: 9_000, via: 'ingress' },
      // After the delete: the controller's upstream lost the terminating Pod without a reload.
      { from: 'client', url: 'http://hello-world.example/', atMs: 13_000, via: 'ingress' },
      // After one Pod is deleted: only ready Pods answer (the two left, and the replacement once ready).
      { from: 'client', url: 'http://nginx.default.svc.cluster.local', atMs: 12_000 },
    ],
    // `kubectl delete pod $(kubectl get pods -l app.kubernetes.io/name=nginx -o name | head -n 1)`.
    deletes: [{ kind: 'Pod', name: '', selector: { 'app.kubernetes.io/name': 'nginx' }, atMs: 10_000 }],
  },
  {
    id: 'scale',
    yaml: NGINX_DEPLOYMENT.replace('replicas: 3', 'replicas: 200'),
    cluster: workers(50),
    maxSteps: 40_000,
  },
  { id: 'taints', yaml: TAINTS_AND_FULL_NODE, cluster: TAINTED_AND_FULL },
  // Admission: a quota the Deployment outgrows, a Pod PodSecurity refuses, defaults from a LimitRange.
  { id: 'quota-exceeded', yaml: QUOTA_EXCEEDED, cluster: DEFAULT_CLUSTER },
  { id: 'pod-security', yaml: POD_SECURITY, cluster: DEFAULT_CLUSTER },
  { id: 'limit-range', yaml: LIMIT_RANGE, cluster: DEFAULT_CLUSTER },
  // Container failures: what the kubelet does when a container cannot start, dies, or fails its probes.
  {
    id: 'image-pull-backoff',
    yaml: IMAGE_TYPO,
    cluster: DEFAULT_CLUSTER,
    faults: [{ kind: 'image-missing', image: 'nginx:1.142' }],
  },
  { id: 'crashloop', yaml: CRASHLOOP, cluster: DEFAULT_CLUSTER },
  { id: 'liveness-restart', yaml: HTTP_LIVENESS, cluster: DEFAULT_CLUSTER },
  {
    id: 'readiness-failing',
    yaml: READINESS_FAILING,
    cluster: DEFAULT_CLUSTER,
    requests: [{ from: 'client', url: 'http://nginx.default.svc.cluster.local', atMs: 15_000 }],
  },
  { id: 'oom-killed', yaml: OOM_KILLED, cluster: DEFAULT_CLUSTER },
  { id: 'cni-out-of-ips', yaml: NGINX_DEPLOYMENT.replace('replicas: 3', 'replicas: 7'), cluster: TINY_POD_CIDR },
  // Refusals: no node fits (resources, a nodeSelector, a taint), and a Pod validation refuses.
  { id: 'unschedulable-cpu', yaml: CPU_TOO_BIG, cluster: workers(3) },
  { id: 'unschedulable-selector', yaml: NODE_SELECTOR, cluster: workers(3) },
  { id: 'unschedulable-taint', yaml: BARE_POD, cluster: ALL_TAINTED },
  { id: 'invalid-pod', yaml: INVALID_POD, cluster: DEFAULT_CLUSTER },
  // Volumes and the Pod lifecycle (issues #4 and #5).
  ...STORAGE_SCENARIOS,
  // Dynamic admission webhooks and the Istio mesh (issues #4 and #5).
  ...WEBHOOK_SCENARIOS,
  // Lifecycle hook failures (issue #5).
  ...HOOK_SCENARIOS,
  // Services and traffic (issues #5 and #6): NetworkPolicy and Ingress.
  ...NETWORK_SCENARIOS,
];

export const DEFAULT_SCENARIO = SCENARIOS[0]!;

export function scenarioById(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}

/** The scenario's manifests, parsed as kubectl parses them. */
export function manifestsOf(scenario: Scenario): unknown[] {
  const loaded = readManifests(scenario.yaml);
  if (!loaded.ok) throw new Error(`scenario ${scenario.id} does not parse: ${loaded.message}`);
  return loaded.objects;
}

/** Everything the engine needs to run the scenario. */
export function simulationInput(scenario: Scenario): SimulationInput {
  return {
    manifests: manifestsOf(scenario),
    cluster: scenario.cluster,
    seed: 1,
    ...(scenario.maxSteps ? { maxSteps: scenario.maxSteps } : {}),
    ...(scenario.user ? { user: scenario.user } : {}),
    ...(scenario.adminYaml ? { adminManifests: manifestsOf({ ...scenario, yaml: scenario.adminYaml }) } : {}),
    ...(scenario.deletes ? { deletes: scenario.deletes } : {}),
    ...(scenario.requests ? { requests: scenario.requests } : {}),
    ...(scenario.faults ? { faults: scenario.faults } : {}),
    ...(scenario.updates
      ? {
          updates: scenario.updates.map((u) => ({
            manifest: manifestsOf({ ...scenario, yaml: u.yaml })[0],
            atMs: u.atMs,
          })),
        }
      : {}),
  };
}
