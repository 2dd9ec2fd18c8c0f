/**
 * The default scheduler plugins podflow runs, one function each, with the
 * formulas of pkg/scheduler/framework/plugins. Filter answers fit or a
 * reason; Score answers 0–100 per node.
 */
import type { Node, Pod, Taint } from 'kubernetes-types/core/v1';
import { milliCpu, parseQuantity } from '../quantity';

export interface NodeInfo {
  node: Node;
  /** Pods bound or assumed on the node. */
  pods: Pod[];
}

/** Resources the scheduler accounts for one Pod: the larger of the sum of containers and any init container. */
export function podRequests(pod: Pod, nonZero: boolean): { cpu: number; memory: number } {
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

function allocatable(node: Node): { cpu: number; memory: number; pods: number } {
  const a = node.status?.allocatable ?? {};
  return { cpu: milliCpu(a.cpu), memory: parseQuantity(a.memory), pods: parseQuantity(a.pods) };
}

function requested(info: NodeInfo, nonZero: boolean): { cpu: number; memory: number } {
  const total = { cpu: 0, memory: 0 };
  for (const p of info.pods) {
    const r = podRequests(p, nonZero);
    total.cpu += r.cpu;
    total.memory += r.memory;
  }
  return total;
}

export type FilterResult = { fit: true } | { fit: false; reasons: string[] };

export interface FilterPlugin {
  name: string;
  filter(pod: Pod, info: NodeInfo): FilterResult;
}

export interface ScorePlugin {
  name: string;
  weight: number;
  score(pod: Pod, info: NodeInfo, all: NodeInfo[]): number;
}

/** Models plugins/nodeunschedulable. */
const NodeUnschedulable: FilterPlugin = {
  name: 'NodeUnschedulable',
  filter(pod, { node }) {
    if (!node.spec?.unschedulable) return { fit: true };
    const tolerated = (pod.spec?.tolerations ?? []).some(
      (t) => t.key === 'node.kubernetes.io/unschedulable' && t.effect === 'NoSchedule',
    );
    return tolerated ? { fit: true } : { fit: false, reasons: ['node(s) were unschedulable'] };
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
      ? { fit: false, reasons: [`node(s) had untolerated taint {${bad.key}: ${bad.value ?? ''}}`] }
      : { fit: true };
  },
};

/** Models plugins/noderesources fit.go: requests must fit in what is left. */
const NodeResourcesFit: FilterPlugin = {
  name: 'NodeResourcesFit',
  filter(pod, info) {
    const alloc = allocatable(info.node);
    const used = requested(info, false);
    const want = podRequests(pod, false);
    const reasons: string[] = [];
    if (info.pods.length + 1 > alloc.pods) reasons.push('Too many pods');
    if (want.cpu > 0 && used.cpu + want.cpu > alloc.cpu) reasons.push('Insufficient cpu');
    if (want.memory > 0 && used.memory + want.memory > alloc.memory) reasons.push('Insufficient memory');
    return reasons.length ? { fit: false, reasons } : { fit: true };
  },
};

export const FILTERS: readonly FilterPlugin[] = [NodeUnschedulable, TaintToleration, NodeResourcesFit];

/** Models noderesources least_allocated.go: (allocatable − requested) × 100 / allocatable, cpu and memory weighted 1:1. */
const LeastAllocated: ScorePlugin = {
  name: 'NodeResourcesFit',
  weight: 1,
  score(pod, info) {
    const alloc = allocatable(info.node);
    const used = requested(info, true);
    const want = podRequests(pod, true);
    const one = (req: number, cap: number): number =>
      cap === 0 || req > cap ? 0 : Math.floor(((cap - req) * 100) / cap);
    return Math.floor((one(used.cpu + want.cpu, alloc.cpu) + one(used.memory + want.memory, alloc.memory)) / 2);
  },
};

/** Models noderesources balanced_allocation.go: (1 − std of the used fractions) × 100. */
const BalancedAllocation: ScorePlugin = {
  name: 'NodeResourcesBalancedAllocation',
  weight: 1,
  score(pod, info) {
    const alloc = allocatable(info.node);
    const used = requested(info, false);
    const want = podRequests(pod, false);
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
  score(pod, info, all) {
    const min = 23 * MB;
    const max = 1000 * MB * (pod.spec?.containers.length ?? 1);
    let sum = 0;
    for (const c of pod.spec?.containers ?? []) {
      const img = (info.node.status?.images ?? []).find((i) => i.names?.some((n) => sameImage(n, c.image ?? '')));
      if (!img) continue;
      const spread = all.filter((n) =>
        (n.node.status?.images ?? []).some((i) => i.names?.some((x) => sameImage(x, c.image ?? ''))),
      ).length;
      sum += (img.sizeBytes ?? 0) * (spread / all.length);
    }
    const clamped = Math.min(Math.max(sum, min), max);
    return Math.floor(((clamped - min) * 100) / (max - min));
  },
};

/** Models tainttoleration Score: no PreferNoSchedule taints → every node scores 100 after normalizing. */
const TaintTolerationScore: ScorePlugin = {
  name: 'TaintToleration',
  weight: 3,
  score(pod, info, all) {
    const count = (n: NodeInfo): number =>
      (n.node.spec?.taints ?? []).filter((t) => t.effect === 'PreferNoSchedule' && !tolerates(pod, t)).length;
    const maxCount = Math.max(0, ...all.map(count));
    return maxCount === 0 ? 100 : 100 - Math.floor((count(info) * 100) / maxCount);
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

/**
 * Models framework/types.go FitError.Error(): `0/2 nodes are available:
 * 2 Insufficient cpu.` — reasons counted across nodes and sorted.
 */
export function fitErrorMessage(total: number, reasonsPerNode: string[][]): string {
  const counts = new Map<string, number>();
  for (const reasons of reasonsPerNode) for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  const parts = [...counts].map(([r, n]) => `${n} ${r}`).sort();
  const preemption = `preemption: 0/${total} nodes are available: ${total} Preemption is not helpful for scheduling.`;
  return `0/${total} nodes are available: ${parts.join(', ')}. ${preemption}`;
}
