/**
 * Where every component sits and which ones talk: the one source of truth
 * for the diagram's nodes and edges. The control plane is above, the worker
 * nodes below, so the request reads top to bottom.
 */
import type { ComponentId, NodeSpec } from '../engine';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface ComponentPlace {
  id: ComponentId;
  /** The catalog key: `kubelet` for `kubelet/node-1`. */
  kind: string;
  /** Absolute position in flow coordinates. */
  box: Box;
  /** The worker node's group, for per-node parts. */
  group?: string;
}

export interface GroupPlace {
  id: string;
  kind: 'control-plane' | 'worker' | 'unscheduled';
  node?: string;
  box: Box;
}

export interface Topology {
  components: ComponentPlace[];
  groups: GroupPlace[];
  edges: { id: string; source: ComponentId; target: ComponentId }[];
  /** Where the Pod cards of a worker node (or of the unscheduled tray) go. */
  podAreas: Record<string, Box>;
  bounds: Box;
}

export const COMPONENT_W = 200;
export const COMPONENT_H = 54;
const NODE_W = 460;
const NODE_H = 300;
const NODE_GAP = 40;
const NODES_Y = 330;

export function edgeId(a: ComponentId, b: ComponentId): string {
  return [a, b].sort().join('--');
}

/** Worker nodes per row: all in one row for a small cluster, a wide grid for a big one. */
export function nodesPerRow(count: number): number {
  return count <= 4 ? Math.max(count, 1) : Math.ceil(Math.sqrt(count * 2));
}

/**
 * Components drawn only when a trace uses them (webhook servers and other
 * add-ons), in the order they fill the extra row from its left end.
 */
export const OPTIONAL_COMPONENTS: readonly ComponentId[] = ['istiod', 'kyverno'];
const EXTRA_ROW_H = 100;

/** The optional components a trace's steps go to or come from. */
export function optionalUsed(steps: readonly { from: ComponentId; to: ComponentId }[]): ComponentId[] {
  const used = new Set<ComponentId>();
  for (const s of steps) {
    if (OPTIONAL_COMPONENTS.includes(s.from)) used.add(s.from);
    if (OPTIONAL_COMPONENTS.includes(s.to)) used.add(s.to);
  }
  return OPTIONAL_COMPONENTS.filter((c) => used.has(c));
}

export function buildTopology(nodes: readonly NodeSpec[], extras: readonly ComponentId[] = []): Topology {
  // An extra row between the control plane and the workers, only when a trace uses an optional component.
  const nodesY = NODES_Y + (extras.length ? EXTRA_ROW_H : 0);
  const perRow = nodesPerRow(nodes.length);
  const rows = Math.ceil(nodes.length / perRow);
  const workersWidth = perRow * NODE_W + (perRow - 1) * NODE_GAP;
  const width = Math.max(workersWidth, 920);
  const mid = width / 2;
  const at = (id: ComponentId, kind: string, cx: number, y: number, group?: string): ComponentPlace => ({
    id,
    kind,
    box: { x: cx - COMPONENT_W / 2, y, w: COMPONENT_W, h: COMPONENT_H },
    ...(group ? { group } : {}),
  });

  const components: ComponentPlace[] = [
    at('kubectl', 'kubectl', mid - 520, 40),
    at('kube-apiserver', 'kube-apiserver', mid, 40),
    at('etcd', 'etcd', mid + 270, 40),
    at('kube-controller-manager', 'kube-controller-manager', mid - 290, 170),
    at('kube-scheduler', 'kube-scheduler', mid + 290, 170),
    at('coredns', 'coredns', mid + 530, 170),
    at('csi-provisioner', 'csi-provisioner', mid - 530, 170),
  ];
  const groups: GroupPlace[] = [
    { id: 'control-plane', kind: 'control-plane', box: { x: mid - 400, y: 0, w: 800, h: 250 } },
    {
      id: 'unscheduled',
      kind: 'unscheduled',
      box: { x: mid + 530 - COMPONENT_W / 2 - 10, y: 0, w: COMPONENT_W + 20, h: 140 },
    },
  ];
  const podAreas: Record<string, Box> = {
    unscheduled: { x: mid + 530 - COMPONENT_W / 2, y: 34, w: COMPONENT_W, h: 100 },
  };
  const edges: Topology['edges'] = [];
  const link = (a: ComponentId, b: ComponentId): void => {
    edges.push({ id: edgeId(a, b), source: a, target: b });
  };
  link('kubectl', 'kube-apiserver');
  link('kube-apiserver', 'etcd');
  link('kube-apiserver', 'kube-controller-manager');
  link('kube-apiserver', 'kube-scheduler');
  link('kube-apiserver', 'coredns');
  link('kube-apiserver', 'csi-provisioner');
  extras.forEach((id, i) => {
    // From the row's left end, so other optional components can follow to the right.
    components.push(at(id, id, mid - 400 + COMPONENT_W / 2 + i * (COMPONENT_W + 30), NODES_Y - 40));
    link('kube-apiserver', id);
  });

  const left = mid - workersWidth / 2;
  nodes.forEach((n, i) => {
    const x = left + (i % perRow) * (NODE_W + NODE_GAP);
    const y = nodesY + Math.floor(i / perRow) * (NODE_H + NODE_GAP);
    groups.push({ id: `node/${n.name}`, kind: 'worker', node: n.name, box: { x, y, w: NODE_W, h: NODE_H } });
    const col1 = x + 16 + COMPONENT_W / 2;
    const col2 = x + NODE_W - 16 - COMPONENT_W / 2;
    const g = `node/${n.name}`;
    components.push(
      at(`kubelet/${n.name}`, 'kubelet', col1, y + 44, g),
      at(`runtime/${n.name}`, 'runtime', col1, y + 44 + 70, g),
      at(`cni/${n.name}`, 'cni', col1, y + 44 + 140, g),
      at(`kube-proxy/${n.name}`, 'kube-proxy', col2, y + 44, g),
    );
    podAreas[n.name] = { x: col2 - COMPONENT_W / 2, y: y + 44 + 70, w: COMPONENT_W, h: 174 };
    link('kube-apiserver', `kubelet/${n.name}`);
    link('kube-apiserver', `kube-proxy/${n.name}`);
    link(`kubelet/${n.name}`, `runtime/${n.name}`);
    link(`runtime/${n.name}`, `cni/${n.name}`);
  });
  const minX = Math.min(mid - 520 - COMPONENT_W / 2, left);
  const maxX = Math.max(mid + 530 + COMPONENT_W / 2 + 10, left + workersWidth);
  return {
    components,
    groups,
    edges,
    podAreas,
    bounds: { x: minX, y: 0, w: maxX - minX, h: nodesY + rows * (NODE_H + NODE_GAP) - NODE_GAP },
  };
}

export function center(b: Box): { x: number; y: number } {
  return { x: b.x + b.w / 2, y: b.y + b.h / 2 };
}
