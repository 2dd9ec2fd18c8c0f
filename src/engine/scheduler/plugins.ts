/**
 * The default scheduler plugins podflow runs, one function each, with the
 * formulas of pkg/scheduler/framework/plugins. Filter answers fit or a
 * reason; Score answers 0–100 per node.
 */
import type { Node, Pod, Taint } from 'kubernetes-types/core/v1';
import { milliCpu, parseQuantity } from '../quantity';

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
  /** Images on the node by normalized name, with their size. */
  images: Record<string, number>;
}

/** Resources the scheduler accounts for one Pod: the larger of the sum of containers and any init container. */
export function podRequests(pod: Pod, nonZero: boolean): Resources {
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
  request: Resources;
  nonZeroRequest: Resources;
  images: string[];
  imageNodes: Record<string, number>;
  nodes: number;
}

export function cycleState(pod: Pod, infos: NodeInfo[]): CycleState {
  const images = (pod.spec?.containers ?? []).map((c) => normalizeImage(c.image ?? ''));
  const imageNodes: Record<string, number> = {};
  for (const ref of images) imageNodes[ref] = infos.filter((i) => i.images[ref] !== undefined).length;
  return {
    request: podRequests(pod, false),
    nonZeroRequest: podRequests(pod, true),
    images,
    imageNodes,
    nodes: infos.length,
  };
}

/**
 * A node fits, or not, with the reasons. `unresolvable` (UnschedulableAndUnresolvable)
 * says evicting other Pods could not help: preemption skips such nodes.
 */
export type FilterResult = { fit: true } | { fit: false; reasons: string[]; unresolvable?: boolean };

export interface FilterPlugin {
  name: string;
  filter(pod: Pod, info: NodeInfo, state: CycleState): FilterResult;
}

export interface ScorePlugin {
  name: string;
  weight: number;
  score(pod: Pod, info: NodeInfo, state: CycleState): number;
  /** NormalizeScore: rescale the raw scores of all nodes to 0–100. */
  normalize?(scores: number[]): number[];
}

/** Each plugin's scores for the nodes, normalized, in node order. */
export function runScorePlugins(
  pod: Pod,
  infos: NodeInfo[],
  state: CycleState,
): { plugin: string; weight: number; scores: number[] }[] {
  return SCORES.map((p) => {
    const raw = infos.map((info) => p.score(pod, info, state));
    return { plugin: p.name, weight: p.weight, scores: p.normalize ? p.normalize(raw) : raw };
  });
}

/** Models plugins/nodeunschedulable. */
const NodeUnschedulable: FilterPlugin = {
  name: 'NodeUnschedulable',
  filter(pod, { node }) {
    if (!node.spec?.unschedulable) return { fit: true };
    const tolerated = (pod.spec?.tolerations ?? []).some(
      (t) => t.key === 'node.kubernetes.io/unschedulable' && t.effect === 'NoSchedule',
    );
    return tolerated ? { fit: true } : { fit: false, reasons: ['node(s) were unschedulable'], unresolvable: true };
  },
};

function tolerates(pod: Pod, taint: Taint): boolean {
  return (pod.spec?.tolerations ?? []).some((t) => {
    if (t.effect && t.effect !== taint.effect) return false;
    if (t.operator === 'Exists') return !t.key || t.key === taint.key;
    return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
  });
}

/** Models plugins/tainttoleration Filter. */
const TaintToleration: FilterPlugin = {
  name: 'TaintToleration',
  filter(pod, { node }) {
    const bad = (node.spec?.taints ?? []).find(
      (t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerates(pod, t),
    );
    return bad
      ? { fit: false, reasons: [`node(s) had untolerated taint {${bad.key}: ${bad.value ?? ''}}`], unresolvable: true }
      : { fit: true };
  },
};

/** Models plugins/noderesources fit.go: requests must fit in what is left. */
const NodeResourcesFit: FilterPlugin = {
  name: 'NodeResourcesFit',
  filter(_pod, info, state) {
    const alloc = info.allocatable;
    const used = info.requested;
    const want = state.request;
    const reasons: string[] = [];
    if (info.podCount + 1 > alloc.pods) reasons.push('Too many pods');
    if (want.cpu > 0 && used.cpu + want.cpu > alloc.cpu) reasons.push('Insufficient cpu');
    if (want.memory > 0 && used.memory + want.memory > alloc.memory) reasons.push('Insufficient memory');
    return reasons.length ? { fit: false, reasons } : { fit: true };
  },
};

type Requirement = { key: string; operator: string; values?: string[] };

function matchesRequirement(labels: Record<string, string>, r: Requirement): boolean {
  const v = labels[r.key];
  switch (r.operator) {
    case 'In':
      return v !== undefined && (r.values ?? []).includes(v);
    case 'NotIn':
      return v === undefined || !(r.values ?? []).includes(v);
    case 'Exists':
      return v !== undefined;
    case 'DoesNotExist':
      return v === undefined;
    case 'Gt':
      return v !== undefined && Number(v) > Number(r.values?.[0]);
    case 'Lt':
      return v !== undefined && Number(v) < Number(r.values?.[0]);
    default:
      return false;
  }
}

/**
 * Models plugins/nodeaffinity Filter: every nodeSelector label, and one of the
 * required node affinity terms (all of its expressions).
 */
const NodeAffinity: FilterPlugin = {
  name: 'NodeAffinity',
  filter(pod, info) {
    const labels = (info.node.metadata?.labels ?? {}) as Record<string, string>;
    const selectorOk = Object.entries(pod.spec?.nodeSelector ?? {}).every(([k, v]) => labels[k] === v);
    const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
    const affinityOk =
      !terms?.length ||
      terms.some((t) => (t.matchExpressions ?? []).every((r) => matchesRequirement(labels, r as Requirement)));
    return selectorOk && affinityOk
      ? { fit: true }
      : { fit: false, reasons: ["node(s) didn't match Pod's node affinity/selector"], unresolvable: true };
  },
};

/** In the default profile's order (default_plugins.go). */
export const FILTERS: readonly FilterPlugin[] = [NodeUnschedulable, TaintToleration, NodeAffinity, NodeResourcesFit];

/** Models noderesources least_allocated.go: (allocatable − requested) × 100 / allocatable, cpu and memory weighted 1:1. */
const LeastAllocated: ScorePlugin = {
  name: 'NodeResourcesFit',
  weight: 1,
  score(_pod, info, state) {
    const alloc = info.allocatable;
    const used = info.nonZeroRequested;
    const want = state.nonZeroRequest;
    const one = (req: number, cap: number): number =>
      cap === 0 || req > cap ? 0 : Math.floor(((cap - req) * 100) / cap);
    return Math.floor((one(used.cpu + want.cpu, alloc.cpu) + one(used.memory + want.memory, alloc.memory)) / 2);
  },
};

/** Models noderesources balanced_allocation.go: (1 − std of the used fractions) × 100. */
const BalancedAllocation: ScorePlugin = {
  name: 'NodeResourcesBalancedAllocation',
  weight: 1,
  score(_pod, info, state) {
    const alloc = info.allocatable;
    const used = info.requested;
    const want = state.request;
    const f = (req: number, cap: number): number => (cap === 0 ? 0 : Math.min(1, req / cap));
    const std = Math.abs(f(used.cpu + want.cpu, alloc.cpu) - f(used.memory + want.memory, alloc.memory)) / 2;
    return Math.floor((1 - std) * 100);
  },
};

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
      sum += size * ((state.imageNodes[ref] ?? 0) / state.nodes);
    }
    const clamped = Math.min(Math.max(sum, min), max);
    return Math.floor(((clamped - min) * 100) / (max - min));
  },
};

/** Models tainttoleration Score: no PreferNoSchedule taints → every node scores 100 after normalizing. */
const TaintTolerationScore: ScorePlugin = {
  name: 'TaintToleration',
  weight: 3,
  // Score counts the PreferNoSchedule taints the Pod does not tolerate; fewer is better.
  score(pod, info) {
    return (info.node.spec?.taints ?? []).filter((t) => t.effect === 'PreferNoSchedule' && !tolerates(pod, t)).length;
  },
  normalize(scores) {
    const max = Math.max(0, ...scores);
    return scores.map((c) => (max === 0 ? 100 : 100 - Math.floor((c * 100) / max)));
  },
};

export const SCORES: readonly ScorePlugin[] = [TaintTolerationScore, LeastAllocated, BalancedAllocation, ImageLocality];

/** `nginx` and `docker.io/library/nginx:latest` name the same image. */
export function normalizeImage(image: string): string {
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
