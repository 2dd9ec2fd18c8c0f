/**
 * The default scheduler plugins podflow runs, one function each, with the
 * formulas of pkg/scheduler/framework/plugins. Filter answers fit or a
 * reason; Score answers 0–100 per node.
 */
import { sizedNumbers } from './arrays';
import { remembering } from '../core/memo';
import { volumeBindingFilter, type VolumeBindingState } from './volume-binding';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { milliCpu, parseQuantity } from '../quantity';
import {
  affinityFilter,
  affinityNormalize,
  affinityPreFilter,
  affinityPreScore,
  affinityScore,
  hasPodAffinity,
  hasRequiredAntiAffinity,
  type AffinityPreFilterState,
  type AffinityPreScoreState,
} from './inter-pod-affinity';
import {
  matchesRequiredNodeAffinity,
  nodeSelectorTermMatches,
  sameLabels,
  tolerates,
  untoleratedTaint,
  type Labels,
} from './selectors';
import {
  spreadFilter,
  spreadNormalize,
  spreadPreFilter,
  spreadPreScore,
  spreadScore,
  type SpreadListers,
  type SpreadPreFilterState,
  type SpreadPreScoreState,
} from './topology-spread';

export interface Resources {
  /** Millicores. */
  cpu: number;
  /** Bytes. */
  memory: number;
}

/**
 * What the scheduler cache knows of a node, kept up to date as Pods come and
 * go rather than recounted for every Pod. Models framework/types.go NodeInfo.
 */
export interface NodeInfo {
  node: Node;
  allocatable: Resources & { pods: number };
  /** Sum of the requests of the Pods bound or assumed on the node. */
  requested: Resources;
  /** The same with unset requests counted as 100m and 200Mi. */
  nonZeroRequested: Resources;
  podCount: number;
  /** The Pods bound or assumed on the node (NodeInfo.Pods), for spreading, affinity and host ports. */
  pods: Pod[];
  /**
   * Bumped whenever a Pod is added or removed, or one's labels or deletion
   * change (NodeInfo.Generation), so that what is worked out from the Pods
   * (matchCounts, which reads just those) is recounted only for the nodes
   * that changed since the last cycle, not for every node in every cycle.
   * Unlike upstream's, a status update (most updates) leaves it as it was.
   */
  generation: number;
  /** PodTopologySpread: per namespace and selector, how many of `pods` match, at a generation. */
  matchCounts: Map<string, { generation: number; count: number }>;
  /**
   * The Pods with pod affinity or anti-affinity of any kind, and those with
   * required anti-affinity terms (NodeInfo.PodsWithAffinity,
   * PodsWithRequiredAntiAffinity): InterPodAffinity looks only at these
   * unless the incoming Pod has terms of its own.
   */
  podsWithAffinity: Pod[];
  podsWithRequiredAntiAffinity: Pod[];
  /** Images on the node by normalized name, with their size. */
  images: Record<string, number>;
}

/**
 * Each Pod object's requests, worked out once: a cycle asks for the Pod's
 * (both kinds) and so does the cache when it assumes it on a node, each time
 * parsing every quantity. API objects are never changed in place (an update
 * is a new object), so the answer cannot go stale; it is shared, read-only.
 */
const requestsCache = new WeakMap<Pod, { requests: Readonly<Resources>; nonZero: Readonly<Resources> }>();

/** Resources the scheduler accounts for one Pod: the larger of the sum of containers and any init container. */
export function podRequests(pod: Pod, nonZero: boolean): Readonly<Resources> {
  let known = requestsCache.get(pod);
  if (!known) {
    known = { requests: sumRequests(pod, false), nonZero: sumRequests(pod, true) };
    requestsCache.set(pod, known);
  }
  return nonZero ? known.nonZero : known.requests;
}

function sumRequests(pod: Pod, nonZero: boolean): Resources {
  const sum = { cpu: 0, memory: 0 };
  for (const c of pod.spec?.containers ?? []) {
    const r = c.resources?.requests ?? {};
    // Models pkg/scheduler/util NonZeroRequested: 100m CPU and 200Mi memory when unset.
    sum.cpu += r.cpu !== undefined ? milliCpu(r.cpu) : nonZero ? 100 : 0;
    sum.memory += r.memory !== undefined ? parseQuantity(r.memory) : nonZero ? 200 * 2 ** 20 : 0;
  }
  for (const c of pod.spec?.initContainers ?? []) {
    const r = c.resources?.requests ?? {};
    sum.cpu = Math.max(sum.cpu, milliCpu(r.cpu));
    sum.memory = Math.max(sum.memory, parseQuantity(r.memory));
  }
  return sum;
}

export function newNodeInfo(node: Node): NodeInfo {
  const a = node.status?.allocatable ?? {};
  const images: Record<string, number> = {};
  for (const img of node.status?.images ?? [])
    for (const n of img.names ?? []) images[normalizeImage(n)] = img.sizeBytes ?? 0;
  return {
    node,
    allocatable: { cpu: milliCpu(a.cpu), memory: parseQuantity(a.memory), pods: parseQuantity(a.pods) },
    requested: { cpu: 0, memory: 0 },
    nonZeroRequested: { cpu: 0, memory: 0 },
    podCount: 0,
    pods: [],
    generation: 0,
    matchCounts: new Map(),
    podsWithAffinity: [],
    podsWithRequiredAntiAffinity: [],
    images,
  };
}

/** Add (sign 1) or remove (sign −1) a Pod's requests on a node. */
export function accountPod(info: NodeInfo, pod: Pod, sign: 1 | -1): void {
  const r = podRequests(pod, false);
  const nz = podRequests(pod, true);
  info.requested.cpu += sign * r.cpu;
  info.requested.memory += sign * r.memory;
  info.nonZeroRequested.cpu += sign * nz.cpu;
  info.nonZeroRequested.memory += sign * nz.memory;
  info.podCount += sign;
  info.generation++;
  if (sign > 0) {
    info.pods.push(pod);
    if (hasPodAffinity(pod)) info.podsWithAffinity.push(pod);
    if (hasRequiredAntiAffinity(pod)) info.podsWithRequiredAntiAffinity.push(pod);
  } else {
    const i = info.pods.findIndex((p) => samePod(p, pod));
    if (i >= 0) info.pods.splice(i, 1);
    if (hasPodAffinity(pod)) affinityListsFromPods(info);
  }
}

/** Keep podsWithAffinity and podsWithRequiredAntiAffinity the subsets of `pods` they are, in its order. */
function affinityListsFromPods(info: NodeInfo): void {
  info.podsWithAffinity = info.pods.filter(hasPodAffinity);
  info.podsWithRequiredAntiAffinity = info.pods.filter(hasRequiredAntiAffinity);
}

function samePod(a: Pod, b: Pod): boolean {
  return a.metadata?.namespace === b.metadata?.namespace && a.metadata?.name === b.metadata?.name;
}

/**
 * The Pod's object changed (labels, deletionTimestamp) but not its node: keep NodeInfo.Pods current.
 * `old`, the object counted before, is found by identity first: every status update of every Pod
 * lands here, and comparing references is cheaper than comparing names.
 */
export function replacePod(info: NodeInfo, pod: Pod, old?: Pod): void {
  let i = old ? info.pods.indexOf(old) : -1;
  if (i < 0) i = info.pods.findIndex((p) => samePod(p, pod));
  if (i >= 0) {
    const was = info.pods[i]!;
    info.pods[i] = pod;
    if (
      !sameLabels(was.metadata?.labels, pod.metadata?.labels) ||
      !was.metadata?.deletionTimestamp !== !pod.metadata?.deletionTimestamp
    )
      info.generation++;
    if (hasPodAffinity(was) || hasPodAffinity(pod)) affinityListsFromPods(info);
  }
}

/** A NodeInfo for a node and the Pods on it (tests, and a fresh cache). */
export function nodeInfoOf(node: Node, pods: Pod[]): NodeInfo {
  const info = newNodeInfo(node);
  for (const p of pods) accountPod(info, p, 1);
  return info;
}

/**
 * What one scheduling cycle works out once for the Pod and shares with every
 * plugin, as PreFilter and PreScore do: its requests, its images and on how
 * many nodes each image already is. Models framework.CycleState.
 */
export interface CycleState {
  request: Readonly<Resources>;
  nonZeroRequest: Readonly<Resources>;
  images: string[];
  imageNodes: Record<string, number>;
  nodes: number;
  /** NodePorts PreFilter: the host ports the Pod asks for, looked up once, not once per node. */
  hostPorts: HostPort[];
  /** Every node in the snapshot: spreading and affinity look beyond the feasible ones. */
  all: NodeInfo[];
  listers: SpreadListers;
  /** PreFilter results of PodTopologySpread and InterPodAffinity. */
  spread: SpreadPreFilterState;
  affinity: AffinityPreFilterState;
  /** VolumeBinding's PreFilter result, when the scheduler has the claims at hand. */
  volumes?: VolumeBindingState;
}

export const NO_LISTERS: SpreadListers = { replicaSets: [], services: [] };

export function cycleState(pod: Pod, infos: NodeInfo[], listers: SpreadListers = NO_LISTERS): CycleState {
  // image_locality.go sums the init containers' images too. Index loops: this runs once per cycle
  // over every node, often before it is optimized, when for-of would make an iterator each time.
  const images: string[] = [];
  for (const c of pod.spec?.initContainers ?? []) images.push(normalizeImage(c.image ?? ''));
  for (const c of pod.spec?.containers ?? []) images.push(normalizeImage(c.image ?? ''));
  const imageNodes: Record<string, number> = {};
  for (const ref of images) {
    // Counted, not filtered into a list of up to every node only to take its length.
    let n = 0;
    for (let i = 0; i < infos.length; i++) if (infos[i]!.images[ref] !== undefined) n++;
    imageNodes[ref] = n;
  }
  return {
    request: podRequests(pod, false),
    nonZeroRequest: podRequests(pod, true),
    images,
    imageNodes,
    nodes: infos.length,
    hostPorts: hostPorts(pod),
    all: infos,
    listers,
    spread: spreadPreFilter(pod, infos, listers),
    affinity: affinityPreFilter(pod, infos),
  };
}

/**
 * A node fits, or not, with the reasons. `unresolvable` (UnschedulableAndUnresolvable)
 * says evicting other Pods could not help: preemption skips such nodes.
 */
export type FilterResult = { fit: true } | { fit: false; reasons: string[]; unresolvable?: boolean };

/** The one "fits" answer, shared: Filter runs for every node in every cycle and need not allocate to say yes. */
const FIT: FilterResult = { fit: true };

export interface FilterPlugin {
  name: string;
  filter(pod: Pod, info: NodeInfo, state: CycleState): FilterResult;
}

export interface ScorePlugin {
  name: string;
  weight: number;
  /** PreScore: work out once what Score needs from the feasible nodes; null is Skip (every node scores 0). */
  preScore?(pod: Pod, filtered: NodeInfo[], state: CycleState): unknown;
  score(pod: Pod, info: NodeInfo, state: CycleState, pre: unknown): number;
  /** NormalizeScore: rescale the raw scores of all nodes to 0–100. */
  normalize?(scores: number[], pre: unknown, filtered: NodeInfo[]): number[];
}

export interface PluginScores {
  plugin: string;
  weight: number;
  /** Normalized, in node order, before the weight. */
  scores: number[];
  /** Raw Score results before NormalizeScore. */
  raw: number[];
  skipped: boolean;
}

/**
 * Each plugin's scores for the feasible nodes, in node order: PreScore,
 * Score, NormalizeScore (framework.RunScorePlugins). A plugin whose PreScore
 * says Skip gives every node 0.
 */
export function runScorePlugins(pod: Pod, infos: NodeInfo[], state: CycleState): PluginScores[] {
  // Plain loops: this runs every plugin on every feasible node in every cycle.
  // The arrays are made at their final length: growing them by push() copies them several times.
  const n = infos.length;
  const out: PluginScores[] = [];
  for (const p of SCORES) {
    const pre = p.preScore ? p.preScore(pod, infos, state) : undefined;
    if (pre === null) {
      const zeros = sizedNumbers(n).fill(0);
      out.push({ plugin: p.name, weight: p.weight, scores: zeros, raw: zeros, skipped: true });
      continue;
    }
    const raw = sizedNumbers(n);
    for (let i = 0; i < n; i++) raw[i] = p.score(pod, infos[i]!, state, pre);
    const scores = p.normalize ? p.normalize(raw, pre, infos) : raw;
    out.push({ plugin: p.name, weight: p.weight, scores, raw, skipped: false });
  }
  return out;
}

/** Filter in the profile's order, stopping at the first plugin that rejects (RunFilterPlugins). */
export function runFilterPlugins(pod: Pod, info: NodeInfo, state: CycleState): FilterResult & { plugin?: string } {
  for (const f of FILTERS) {
    const r = f.filter(pod, info, state);
    if (!r.fit) return { ...r, plugin: f.name };
  }
  return FIT;
}

/** Models plugins/nodeunschedulable. */
const NodeUnschedulable: FilterPlugin = {
  name: 'NodeUnschedulable',
  filter(pod, { node }) {
    if (!node.spec?.unschedulable) return FIT;
    const tolerated = (pod.spec?.tolerations ?? []).some(
      (t) => t.key === 'node.kubernetes.io/unschedulable' && t.effect === 'NoSchedule',
    );
    return tolerated ? FIT : { fit: false, reasons: ['node(s) were unschedulable'], unresolvable: true };
  },
};

/** Models plugins/nodename: a Pod that names a node fits only there. */
const NodeName: FilterPlugin = {
  name: 'NodeName',
  filter(pod, { node }) {
    const want = pod.spec?.nodeName;
    return !want || want === node.metadata?.name
      ? FIT
      : { fit: false, reasons: ["node(s) didn't match the requested node name"], unresolvable: true };
  },
};

/** Models plugins/tainttoleration Filter. */
const TaintToleration: FilterPlugin = {
  name: 'TaintToleration',
  filter(pod, { node }) {
    const taints = node.spec?.taints;
    if (!taints?.length) return FIT;
    const bad = untoleratedTaint(pod, taints);
    return bad
      ? { fit: false, reasons: [`node(s) had untolerated taint {${bad.key}: ${bad.value ?? ''}}`], unresolvable: true }
      : FIT;
  },
};

/** Models plugins/noderesources fit.go: requests must fit in what is left. */
const NodeResourcesFit: FilterPlugin = {
  name: 'NodeResourcesFit',
  filter(_pod, info, state) {
    const alloc = info.allocatable;
    const used = info.requested;
    const want = state.request;
    const tooMany = info.podCount + 1 > alloc.pods;
    const cpu = want.cpu > 0 && used.cpu + want.cpu > alloc.cpu;
    const memory = want.memory > 0 && used.memory + want.memory > alloc.memory;
    if (!tooMany && !cpu && !memory) return FIT;
    const reasons: string[] = [];
    if (tooMany) reasons.push('Too many pods');
    if (cpu) reasons.push('Insufficient cpu');
    if (memory) reasons.push('Insufficient memory');
    return { fit: false, reasons };
  },
};

/**
 * Models plugins/nodeaffinity Filter: every nodeSelector label, and one of the
 * required node affinity terms (all of its expressions).
 */
const NodeAffinity: FilterPlugin = {
  name: 'NodeAffinity',
  filter(pod, info) {
    const labels = (info.node.metadata?.labels ?? {}) as Labels;
    return matchesRequiredNodeAffinity(pod, info.node.metadata!.name!, labels)
      ? FIT
      : { fit: false, reasons: ["node(s) didn't match Pod's node affinity/selector"], unresolvable: true };
  },
};

interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

/**
 * Each Pod object's host ports, worked out once: NodePorts asks for the
 * incoming Pod's on every node and for those of every Pod on the node. API
 * objects are never changed in place (an update is a new object).
 */
const hostPortsCache = new WeakMap<Pod, HostPort[]>();

/** The host ports a Pod's containers (and sidecar init containers) ask for; hostIP defaults to 0.0.0.0. */
export function hostPorts(pod: Pod): HostPort[] {
  let ports = hostPortsCache.get(pod);
  if (!ports) {
    ports = podHostPorts(pod);
    hostPortsCache.set(pod, ports);
  }
  return ports;
}

function podHostPorts(pod: Pod): HostPort[] {
  const containers = [
    ...(pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always'),
    ...(pod.spec?.containers ?? []),
  ];
  return containers.flatMap((c) =>
    (c.ports ?? [])
      .filter((p) => (p.hostPort ?? 0) > 0)
      .map((p) => ({ ip: p.hostIP || '0.0.0.0', protocol: p.protocol ?? 'TCP', port: p.hostPort! })),
  );
}

/** HostPortInfo.CheckConflict: same protocol and port, and the same IP or 0.0.0.0 on either side. */
function portsConflict(a: HostPort, b: HostPort): boolean {
  return a.protocol === b.protocol && a.port === b.port && (a.ip === b.ip || a.ip === '0.0.0.0' || b.ip === '0.0.0.0');
}

/** Models plugins/nodeports: a host port can be taken once per node. */
const NodePorts: FilterPlugin = {
  name: 'NodePorts',
  filter(_pod, info, state) {
    const want = state.hostPorts;
    if (!want.length) return FIT;
    const used = info.pods.flatMap(hostPorts);
    return want.some((w) => used.some((u) => portsConflict(w, u)))
      ? { fit: false, reasons: ["node(s) didn't have free ports for the requested pod ports"] }
      : FIT;
  },
};

/** Models plugins/podtopologyspread Filter (DoNotSchedule constraints). */
const PodTopologySpread: FilterPlugin = {
  name: 'PodTopologySpread',
  filter: (pod, info, state) => spreadFilter(pod, info, state.spread),
};

/** Models plugins/interpodaffinity Filter. */
const InterPodAffinity: FilterPlugin = {
  name: 'InterPodAffinity',
  filter: (pod, info, state) => affinityFilter(pod, info, state.affinity),
};

/** Models plugins/volumebinding Filter. */
const VolumeBinding: FilterPlugin = {
  name: 'VolumeBinding',
  filter: (_pod, info, state) => volumeBindingFilter(state.volumes, info.node),
};

/** In the default profile's order (default_plugins.go). */
export const FILTERS: readonly FilterPlugin[] = [
  NodeUnschedulable,
  NodeName,
  TaintToleration,
  NodeAffinity,
  NodePorts,
  NodeResourcesFit,
  VolumeBinding,
  PodTopologySpread,
  InterPodAffinity,
];

/** Models noderesources least_allocated.go: (allocatable − requested) × 100 / allocatable, cpu and memory weighted 1:1. */
const LeastAllocated: ScorePlugin = {
  name: 'NodeResourcesFit',
  weight: 1,
  score(_pod, info, state) {
    const alloc = info.allocatable;
    const used = info.nonZeroRequested;
    const want = state.nonZeroRequest;
    return Math.floor(
      (leastRequestedScore(used.cpu + want.cpu, alloc.cpu) +
        leastRequestedScore(used.memory + want.memory, alloc.memory)) /
        2,
    );
  },
};

/** least_allocated.go leastRequestedScore (module level: a closure made per call costs in this hot loop). */
function leastRequestedScore(req: number, cap: number): number {
  return cap === 0 || req > cap ? 0 : Math.floor(((cap - req) * 100) / cap);
}

/** Models noderesources balanced_allocation.go: (1 − std of the used fractions) × 100. */
const BalancedAllocation: ScorePlugin = {
  name: 'NodeResourcesBalancedAllocation',
  weight: 1,
  // PreScore skips best-effort Pods, so they do not all pile onto one node (kubernetes#130260, in v1.33).
  preScore: (_pod, _filtered, state) => (state.request.cpu === 0 && state.request.memory === 0 ? null : true),
  score(_pod, info, state) {
    const alloc = info.allocatable;
    const used = info.requested;
    const want = state.request;
    const std =
      Math.abs(usedFraction(used.cpu + want.cpu, alloc.cpu) - usedFraction(used.memory + want.memory, alloc.memory)) /
      2;
    return Math.floor((1 - std) * 100);
  },
};

/** balanced_allocation.go: the requested fraction of a resource, at most 1. */
function usedFraction(req: number, cap: number): number {
  return cap === 0 ? 0 : Math.min(1, req / cap);
}

const MB = 1024 * 1024;
/** Models imagelocality/image_locality.go: images already on the node, scaled by how widely they are spread. */
const ImageLocality: ScorePlugin = {
  name: 'ImageLocality',
  weight: 1,
  score(_pod, info, state) {
    const min = 23 * MB;
    const max = 1000 * MB * Math.max(1, state.images.length);
    let sum = 0;
    for (const ref of state.images) {
      const size = info.images[ref];
      if (size === undefined) continue;
      // scaledImageScore: int64(size × numNodes / totalNumNodes), truncated per image.
      sum += Math.trunc(size * ((state.imageNodes[ref] ?? 0) / state.nodes));
    }
    const clamped = Math.min(Math.max(sum, min), max);
    return Math.trunc((100 * (clamped - min)) / (max - min));
  },
};

/** Models tainttoleration Score: no PreferNoSchedule taints → every node scores 100 after normalizing. */
const TaintTolerationScore: ScorePlugin = {
  name: 'TaintToleration',
  weight: 3,
  // Score counts the PreferNoSchedule taints the Pod does not tolerate; fewer is better.
  score(pod, info) {
    let n = 0;
    for (const t of info.node.spec?.taints ?? []) if (t.effect === 'PreferNoSchedule' && !tolerates(pod, t)) n++;
    return n;
  },
  normalize: (scores) => defaultNormalizeScore(scores, true),
};

/**
 * helper.DefaultNormalizeScore: score × 100 / max (integer division),
 * reversed as 100 − that; with max 0 every node gets 0, or 100 reversed.
 */
export function defaultNormalizeScore(scores: number[], reverse: boolean): number[] {
  // Loops into an array made at its length: this runs for two plugins in every cycle.
  let max = 0;
  for (const c of scores) max = Math.max(max, c);
  const out = sizedNumbers(scores.length);
  for (let i = 0; i < scores.length; i++) {
    const s = max === 0 ? 0 : Math.trunc((100 * scores[i]!) / max);
    out[i] = reverse ? 100 - s : s;
  }
  return out;
}

/** Models nodeaffinity Score: the summed weights of the preferred terms the node matches. */
const NodeAffinityScore: ScorePlugin = {
  name: 'NodeAffinity',
  weight: 2,
  preScore: (pod) =>
    pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution?.length ? true : null,
  score(pod, info) {
    const labels = (info.node.metadata?.labels ?? {}) as Labels;
    let sum = 0;
    for (const t of pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [])
      if (t.weight !== 0 && nodeSelectorTermMatches(t.preference, info.node.metadata!.name!, labels)) sum += t.weight;
    return sum;
  },
  normalize: (scores) => defaultNormalizeScore(scores, false),
};

/** Models podtopologyspread scoring.go. */
const PodTopologySpreadScore: ScorePlugin = {
  name: 'PodTopologySpread',
  weight: 2,
  preScore: (pod, filtered, state) => spreadPreScore(pod, filtered, state.all, state.listers),
  score: (pod, info, _state, pre) => spreadScore(pod, info, pre as SpreadPreScoreState),
  normalize: (scores, pre, filtered) => spreadNormalize(scores, pre as SpreadPreScoreState, filtered),
};

/** Models interpodaffinity scoring.go. */
const InterPodAffinityScore: ScorePlugin = {
  name: 'InterPodAffinity',
  weight: 2,
  preScore: (pod, _filtered, state) => affinityPreScore(pod, state.all),
  score: (_pod, info, _state, pre) => affinityScore(info, pre as AffinityPreScoreState),
  normalize: (scores) => affinityNormalize(scores),
};

/** The default profile's score plugins and weights, in its order (default_plugins.go). */
export const SCORES: readonly ScorePlugin[] = [
  TaintTolerationScore,
  NodeAffinityScore,
  LeastAllocated,
  PodTopologySpreadScore,
  InterPodAffinityScore,
  BalancedAllocation,
  ImageLocality,
];

/**
 * `nginx` and `docker.io/library/nginx:latest` name the same image. Remembered: a run names few
 * images but asks about them for every Pod and node.
 */
export const normalizeImage = remembering(normalizeImageRef);

function normalizeImageRef(image: string): string {
  let ref = image;
  const lastSlash = ref.lastIndexOf('/');
  if (!ref.includes('@') && ref.indexOf(':', lastSlash + 1) < 0) ref += ':latest';
  const first = ref.split('/')[0]!;
  const hasRegistry = ref.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (!hasRegistry) ref = ref.includes('/') ? `docker.io/${ref}` : `docker.io/library/${ref}`;
  return ref;
}

export function sameImage(a: string, b: string): boolean {
  return normalizeImage(a) === normalizeImage(b);
}

/** What filtering said of one node. */
export interface NodeVerdict {
  reasons: string[];
  unresolvable: boolean;
}

function histogram(reasons: string[]): string {
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts]
    .map(([r, n]) => `${n} ${r}`)
    .sort()
    .join(', ');
}

/**
 * Models framework/types.go FitError.Error() and the DefaultPreemption
 * PostFilter after it: `0/2 nodes are available: 2 Insufficient cpu.
 * preemption: 0/2 nodes are available: 2 No preemption victims found for
 * incoming pod.` Reasons are counted across nodes and sorted as strings.
 * Preemption is not helpful where a node failed for a reason eviction cannot
 * fix; elsewhere no victims are found, as no Pod here has a lower priority.
 */
export function fitErrorMessage(
  total: number,
  verdicts: NodeVerdict[],
  preemptionPolicy = 'PreemptLowerPriority',
): string {
  const filter = histogram(verdicts.flatMap((v) => v.reasons));
  const preemption =
    preemptionPolicy === 'Never'
      ? `${total} Preemption is not eligible due to preemptionPolicy=Never`
      : histogram(
          verdicts.map((v) =>
            v.unresolvable
              ? 'Preemption is not helpful for scheduling'
              : 'No preemption victims found for incoming pod',
          ),
        );
  return `0/${total} nodes are available: ${filter}. preemption: 0/${total} nodes are available: ${preemption}.`;
}
