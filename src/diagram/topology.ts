/**
 * Where every component sits and which ones talk: the one source of truth
 * for the diagram's nodes and edges. The control plane is above, the worker
 * nodes below, so the request reads top to bottom.
 */
import type { ComponentId, NodeSpec, Step } from '../engine';

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
/**
 * Components drawn only when a run uses them (add-ons): the webhook servers
 * `istiod` and `kyverno` (issues #4/#5) fill an extra row above the nodes from
 * its left end, `ingress-nginx` (issue #6) sits on its right. Calico's Felix
 * speaks from each node's CNI box and needs no part of its own: its watch
 * travels as a packet without an edge line, as Service traffic does.
 */
export const OPTIONAL_COMPONENTS: readonly ComponentId[] = ['istiod', 'kyverno', 'ingress-nginx'];
const LEFT_OF_ROW: readonly ComponentId[] = ['istiod', 'kyverno'];

/** The optional parts a run's steps use, in OPTIONAL_COMPONENTS order and joined, so a view can memoize on the string. */
export function optionalPartsOf(steps: readonly Step[]): string {
  const known = partsCache.get(steps);
  if (known !== undefined) return known;
  const used = new Set<ComponentId>();
  for (const s of steps) {
    if (OPTIONAL_COMPONENTS.includes(s.from)) used.add(s.from);
    if (OPTIONAL_COMPONENTS.includes(s.to)) used.add(s.to);
    for (const id of s.fanout ?? []) if (OPTIONAL_COMPONENTS.includes(id)) used.add(id);
  }
  const parts = OPTIONAL_COMPONENTS.filter((c) => used.has(c)).join(',');
  partsCache.set(steps, parts);
  return parts;
}

/** Views ask on every store change: a trace's steps never change, so the answer is kept. */
const partsCache = new WeakMap<readonly Step[], string>();

/** The extra row for optional components, between the control plane and the nodes. */
const EXTRA_ROW_H = 110;

export function buildTopology(nodes: readonly NodeSpec[], optional = ''): Topology {
  const parts = optional.split(',').filter(Boolean) as ComponentId[];
  const extraRow = parts.length > 0;
  const nodesY = NODES_Y + (extraRow ? EXTRA_ROW_H : 0);
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
  // Add-ons sit in a row of their own: the webhook servers from its left end; ingress-nginx on its
  // right, placed so that its line to kube-apiserver passes left of kube-scheduler and right of the lines to the nodes.
  parts
    .filter((id) => LEFT_OF_ROW.includes(id))
    .forEach((id, i) => {
      components.push(at(id, id, mid - 400 + COMPONENT_W / 2 + i * (COMPONENT_W + 30), NODES_Y + 20));
      link('kube-apiserver', id);
    });
  if (parts.includes('ingress-nginx')) {
    components.push(at('ingress-nginx', 'ingress-nginx', mid + 370, NODES_Y + 20));
    link('kube-apiserver', 'ingress-nginx');
  }

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
    // The controller proxies straight to Pod IPs on every node, and clients reach it from theirs.
    if (extraRow) link('ingress-nginx', `kube-proxy/${n.name}`);
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
