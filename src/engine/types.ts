/**
 * The trace: what the simulation produces and everything the UI reads.
 * A view is a function of (trace, cursor); nothing here knows about React.
 */

/** Diagram node ids. Per-node parts carry the node name, as in the real cluster. */
export type ComponentId =
  | 'kubectl'
  | 'kube-apiserver'
  | 'etcd'
  | 'kube-controller-manager'
  | 'kube-scheduler'
  | 'coredns'
  /** The CSI driver's external-provisioner (a sidecar in the driver's Pod), for dynamic provisioning. */
  | 'csi-provisioner'
  /** Webhook servers (issue #4/#5), drawn only when a trace uses them: Istio's control plane, Kyverno. */
  | 'istiod'
  | 'kyverno'
  /** The ingress-nginx controller (its Pod in namespace ingress-nginx), when a run has an Ingress (issue #6). */
  | 'ingress-nginx'
  | `kubelet/${string}`
  | `runtime/${string}`
  | `cni/${string}`
  | `kube-proxy/${string}`;

export type StepKind = 'request' | 'response' | 'watch' | 'internal' | 'event';

/**
 * How much a step tells. Views show every step at or above the chosen level;
 * `overview` steps alone tell the story in the-story.md.
 */
export type DetailLevel = 'overview' | 'standard' | 'deep';
export const DETAIL_LEVELS: readonly DetailLevel[] = ['overview', 'standard', 'deep'];

/** A message-catalog key with its parameters: the engine never holds prose. */
export interface Say {
  key: string;
  params: Record<string, string | number>;
}

/** An object written at a step: the etcd key and the whole value before and after. */
export interface ObjectChange {
  key: string;
  before: ApiObject | null;
  after: ApiObject | null;
  /** etcd revision of the write (resourceVersion of `after`). */
  revision: number;
}

/** A Kubernetes object as stored: plain JSON, typed loosely at this boundary. */
export interface ApiObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name?: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    [field: string]: unknown;
  };
  [field: string]: unknown;
}

export interface Step {
  /** Position in the trace (0-based). */
  seq: number;
  /** Virtual time in ms since the run began. */
  at: number;
  /** Who acts. */
  from: ComponentId;
  /** Who it talks to (the diagram edge); from === to for internal work. */
  to: ComponentId;
  /** Further receivers of the same message (watch fan-out). */
  fanout?: ComponentId[];
  kind: StepKind;
  /** API verb, CRI or CNI call: create, patch, watch, RunPodSandbox, ADD, … */
  verb?: string;
  /** HTTP path, etcd key, or CRI service method. */
  path?: string;
  /** HTTP-like status where there is one (201, 403, …). */
  status?: number;
  level: DetailLevel;
  /**
   * A step that sums up finer steps at the overview level only (e.g. the whole
   * admission chain). It is hidden at standard and deep, where its parts show.
   */
  summary?: boolean;
  say: Say;
  /** The Kubernetes doc or source file this step follows. */
  source?: string;
  /** Only the recorder adds to it; a step without writes may share one frozen empty list. */
  changes: readonly ObjectChange[];
  /**
   * The request this step belongs to: a request (HTTP, CRI, CNI, etcd txn),
   * the work done to serve it and its answer carry the same id, so a view
   * pairs them exactly instead of guessing by path and order.
   */
  requestId?: number;
  /** The Pod (its etcd key) the kubelet, runtime or CNI work of this step is for. */
  pod?: string;
}

/** The state of the cluster's API objects at one step: etcd key → object. */
export type ObjectMap = ReadonlyMap<string, ApiObject>;

/** A run as plain data (what a Worker can post): steps, and each etcd key's values by step. */
export interface TraceData {
  steps: Step[];
  history: Map<string, { seqs: number[]; values: (ApiObject | null)[] }>;
  kubernetesVersion: string;
  nodes: NodeSpec[];
  end: 'settled' | 'cap';
}

export interface Trace {
  steps: readonly Step[];
  /** The Kubernetes version the simulation follows. */
  kubernetesVersion: string;
  nodes: readonly NodeSpec[];
  /** Why the run ended. */
  end: 'settled' | 'cap';
  /**
   * The API objects after step `seq` (all earlier steps applied), optionally
   * only those whose etcd key starts with `prefix` (`/registry/pods/`).
   * O(keys · log steps).
   */
  objectsAt(seq: number, prefix?: string): ObjectMap;
  /** One object after step `seq`, or undefined if it does not exist then. */
  objectAt(key: string, seq: number): ApiObject | undefined;
}

export interface NodeSpec {
  name: string;
  /** Allocatable resources, Kubernetes quantities. */
  cpu: string;
  memory: string;
  pods: number;
  podCIDR: string;
  labels?: Record<string, string>;
  /** Images already in the node's image store. */
  images?: string[];
  /** spec.taints, as `kubectl taint` would set them. */
  taints?: { key: string; value?: string; effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute' }[];
  /** Pod manifests in the node's /etc/kubernetes/manifests: static Pods its kubelet runs. */
  staticPods?: unknown[];
}

export interface ClusterSpec {
  nodes: NodeSpec[];
  /**
   * Add-ons installed and running before the run starts (their Services,
   * endpoints, namespaces): `istio` (istiod and its sidecar injector) and
   * `kyverno` (admission webhooks, issue #4/#5); `calico` runs Felix on every
   * node to enforce NetworkPolicies; `ingress-nginx` runs the ingress-nginx
   * controller. A run whose manifests hold a NetworkPolicy or an Ingress gets
   * the add-on that serves it, as a learner following the docs installs it first.
   */
  addons?: ('istio' | 'kyverno' | 'calico' | 'ingress-nginx')[];
}

export interface SimulationInput {
  /** Parsed manifests, applied by kubectl in order. */
  manifests: unknown[];
  cluster: ClusterSpec;
  seed: number;
  /** Hard cap on the number of steps. */
  maxSteps?: number;
  /** Who kubectl signs in as: the kubeadm admin unless a scenario says otherwise. */
  user?: { name: string; groups: string[] };
  /**
   * Manifests the cluster admin creates first with kubeadm's admin.conf, before
   * kubectl signs in as `user` (a Role and RoleBinding that grant that user access).
   */
  adminManifests?: unknown[];
  /** `kubectl delete` commands the learner types later, at a virtual time (ms). */
  deletes?: KubectlDelete[];
  /** `kubectl apply -f` of changed manifests, later (a rolling update). */
  updates?: KubectlUpdate[];
  /** Things that go wrong in the cluster, at a virtual time (ms). */
  faults?: Fault[];
  /** Requests a client Pod sends to a Service later (`curl http://nginx`), at a virtual time. */
  requests?: ServiceRequest[];
  /** Branch the run: a fault strikes right after this step (what-if). */
  whatIf?: WhatIf;
  /** Commands typed at the kubectl prompt, each right after its step (issue #7). */
  commands?: KubectlCommand[];
}

/**
 * A command the learner types at the kubectl prompt: it runs right after step
 * `atStep`, as a what-if fault strikes, so the run before it is the same.
 * Commands come in the order typed, their steps never decreasing.
 */
export interface KubectlCommand {
  atStep: number;
  /** The words after `kubectl`: `['scale', 'deployment/nginx', '--replicas=5']`. */
  argv: string[];
  /** The objects of the `-f` files (or of an edit), read by the page. */
  objects?: unknown[];
  /** The `-f` names as typed (`-` for stdin), for kubectl's `error when creating "…"`. */
  files?: string[];
}

/** A client Pod's request to a Service URL: DNS, then the node's iptables DNAT, then a Pod. */
export interface ServiceRequest {
  url: string;
  atMs: number;
  /** The node the client Pod runs on (a node name), or `client` for one on the first node. */
  from?: string;
  /** Or a Pod of the run to curl from (`kubectl exec <pod> -- curl …`): its node sends. */
  fromPod?: string;
  /** The client Pod's namespace, for short names (`http://nginx`). */
  namespace?: string;
  /** `curl --connect-timeout <s>`: how long curl waits for a connection whose packets are dropped. */
  connectTimeoutSeconds?: number;
  /**
   * `ingress`: the URL's host is one of an Ingress's hosts, which the learner pointed at the Ingress
   * ADDRESS (an /etc/hosts line, as the docs' ingress-minikube tutorial does): the request goes to the
   * ingress-nginx controller instead of through CoreDNS and a ClusterIP.
   */
  via?: 'ingress';
}

/**
 * A failure injected into the cluster at atMs. `node-down`: the node's kubelet
 * stops (no more Lease renewals, status or pod work); the node is simply
 * unreachable, its containers keep running. `etcd-slow`: etcd answers every
 * request extraMs later from then on (a slow disk: each commit waits on fsync).
 * `ips-exhausted`: the node's CNI IPAM (host-local) has no free address left.
 * `image-missing`: the registry has no such image (a mistyped tag), so every
 * pull of it fails with containerd's `not found`; it is how the registry is,
 * not an event, so it has no time.
 * New kinds are added as cases here and in engine/faults.ts.
 */
export type Fault =
  | { kind: 'node-down'; node: string; atMs: number }
  | { kind: 'etcd-slow'; atMs: number; extraMs?: number }
  | { kind: 'ips-exhausted'; node: string; atMs: number }
  | { kind: 'image-missing'; image: string };

/** A fault as the learner picks it, before it is attached to a time or a step. */
export type FaultSpec = Fault extends infer F ? (F extends Fault ? Omit<F, 'atMs'> : never) : never;

/**
 * A what-if branch: the run as it was up to and including step `atStep`,
 * then `fault` strikes at that moment and the run goes on from there.
 */
export interface WhatIf {
  atStep: number;
  fault: FaultSpec;
}

export interface KubectlUpdate {
  manifest: unknown;
  atMs: number;
}

export interface KubectlDelete {
  kind: string;
  /** Empty with a selector: the learner picks the first name `kubectl get` lists. */
  name: string;
  /** `kubectl delete pod $(kubectl get pods -l <selector> -o name | head -n 1)`. */
  selector?: Record<string, string>;
  namespace?: string;
  /** `--cascade`: the propagationPolicy sent (kubectl's default Background). */
  cascade?: 'Background' | 'Foreground' | 'Orphan';
  atMs: number;
}
