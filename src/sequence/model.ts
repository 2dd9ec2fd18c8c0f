/**
 * The run as a sequence diagram, the picture "what happens when" texts draw
 * by hand: one lane per component the shown steps use, one arrow per step.
 * Pure data: the view only places what this says.
 */
import type { ComponentId, NodeSpec, Step, StepKind } from '../engine/types';
import { kindOf, nodeOf } from '../engine/core/sim';

/** The control plane in the order a request travels it; then each node's parts, in its order. */
const CONTROL_PLANE: readonly string[] = [
  'kubectl',
  'kube-apiserver',
  'etcd',
  'kube-controller-manager',
  'kube-scheduler',
  'csi-provisioner',
  'coredns',
];
const NODE_PARTS: readonly string[] = ['kubelet', 'runtime', 'cni', 'kube-proxy'];

export interface Lane {
  id: ComponentId;
  /** The catalog key of the component kind (`kubelet` for `kubelet/node-1`). */
  kind: string;
  /** The node for per-node parts. */
  node?: string;
}

export interface Arrow {
  /** The cursor that shows this step (its index among the shown steps + 1). */
  cursor: number;
  step: Step;
  kind: StepKind;
  /** Lane indexes. `from === to` for internal work. */
  from: number;
  to: number;
  /** Further receivers of a watch notification. */
  fanout: number[];
  /** Internal work on one component (drawn as a self-arrow). */
  self: boolean;
}

export interface SequenceModel {
  lanes: Lane[];
  arrows: Arrow[];
}

function rank(id: ComponentId, nodes: readonly string[]): number {
  const cp = CONTROL_PLANE.indexOf(id);
  if (cp >= 0) return cp;
  const node = nodes.indexOf(nodeOf(id));
  const part = NODE_PARTS.indexOf(kindOf(id));
  // Unknown components (a newer engine's) go last, in order of appearance.
  if (node < 0 || part < 0) return 1e6;
  return CONTROL_PLANE.length + node * NODE_PARTS.length + part;
}

/** Lanes for the components the shown steps use, and an arrow per step. O(steps). */
export function sequenceModel(shown: readonly Step[], nodes: readonly Pick<NodeSpec, 'name'>[]): SequenceModel {
  const used = new Set<ComponentId>();
  for (const s of shown) {
    used.add(s.from);
    used.add(s.to);
    if (s.fanout) for (const f of s.fanout) used.add(f);
  }
  const nodeNames = nodes.map((n) => n.name);
  const order = [...used];
  const seen = new Map(order.map((id, i) => [id, i]));
  order.sort((a, b) => rank(a, nodeNames) - rank(b, nodeNames) || seen.get(a)! - seen.get(b)!);
  const lanes: Lane[] = order.map((id) => {
    const node = nodeOf(id);
    return { id, kind: kindOf(id), ...(node ? { node } : {}) };
  });
  const index = new Map(order.map((id, i) => [id, i]));
  const arrows: Arrow[] = shown.map((step, i) => {
    const from = index.get(step.from)!;
    const to = index.get(step.to)!;
    return {
      cursor: i + 1,
      step,
      kind: step.kind,
      from,
      to,
      fanout: step.fanout ? step.fanout.map((f) => index.get(f)!) : [],
      self: step.from === step.to,
    };
  });
  return { lanes, arrows };
}

/** The rows a scrolled window of `height` px at `scrollTop` shows, with `overscan` rows either side. */
export function windowOf(
  count: number,
  rowHeight: number,
  scrollTop: number,
  height: number,
  overscan = 8,
): { start: number; end: number } {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + Math.max(0, height)) / rowHeight);
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + overscan) };
}
