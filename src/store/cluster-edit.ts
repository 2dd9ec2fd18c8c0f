/**
 * The cluster editor's model: each node as the text the learner types (cpu,
 * memory and pods capacity, labels `k=v, …`, taints `key=value:Effect, …`),
 * checked as Kubernetes would check it, and turned into the ClusterSpec the
 * next run uses. Errors are catalog keys with the offending value, per field.
 */
import { parseQuantity } from '../engine/quantity';
import type { ClusterSpec, NodeSpec } from '../engine/types';

export interface NodeDraft {
  name: string;
  cpu: string;
  memory: string;
  pods: string;
  /** `key=value` pairs, comma-separated. */
  labels: string;
  /** `key=value:Effect` or `key:Effect`, comma-separated, as `kubectl taint` takes them. */
  taints: string;
}

export interface DraftError {
  /** The node's row. */
  node: number;
  field: keyof NodeDraft;
  key: string;
  params: Record<string, string | number>;
}

export type DraftResult = { ok: true; cluster: ClusterSpec } | { ok: false; errors: DraftError[] };

/** More nodes than this would not fit the diagram (and each needs a podCIDR and an address). */
export const MAX_NODES = 16;
export const MAX_PODS = 1000;
export const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;
type Effect = (typeof TAINT_EFFECTS)[number];

/** resource.Quantity's grammar, positive values only: a number and an optional suffix or exponent. */
const QUANTITY = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[mkMGTPE]|[KMGTPE]i|[eE][+-]?\d+)?$/;
/** IsDNS1123Subdomain (node names). */
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** IsQualifiedName's name part and IsValidLabelValue. */
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

export function draftOf(cluster: ClusterSpec): NodeDraft[] {
  return cluster.nodes.map((n) => ({
    name: n.name,
    cpu: n.cpu,
    memory: n.memory,
    pods: String(n.pods),
    labels: Object.entries(n.labels ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join(', '),
    taints: (n.taints ?? []).map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`).join(', '),
  }));
}

/** A new row: the next free name, the capacity of the last node. */
export function newNodeDraft(rows: readonly NodeDraft[]): NodeDraft {
  const names = new Set(rows.map((r) => r.name));
  let i = rows.length + 1;
  while (names.has(`node-${i}`)) i++;
  const last = rows[rows.length - 1];
  return {
    name: `node-${i}`,
    cpu: last?.cpu ?? '4',
    memory: last?.memory ?? '8Gi',
    pods: last?.pods ?? '110',
    labels: '',
    taints: '',
  };
}

/** Label keys: an optional DNS subdomain prefix and a qualified name (IsQualifiedName). */
export function validLabelKey(key: string): boolean {
  const slash = key.lastIndexOf('/');
  const name = slash < 0 ? key : key.slice(slash + 1);
  const prefix = slash < 0 ? '' : key.slice(0, slash);
  if (slash >= 0 && (!prefix || prefix.length > 253 || !DNS1123_SUBDOMAIN.test(prefix))) return false;
  return name.length > 0 && name.length <= 63 && QUALIFIED_NAME.test(name);
}

export function validLabelValue(value: string): boolean {
  return value === '' || (value.length <= 63 && QUALIFIED_NAME.test(value));
}

const items = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Check every row and build the cluster. Nodes kept by name keep their
 * podCIDR and cached images from `base`; new ones get the next free /24.
 */
export function clusterOfDraft(rows: readonly NodeDraft[], base: ClusterSpec): DraftResult {
  const errors: DraftError[] = [];
  const fail = (
    node: number,
    field: keyof NodeDraft,
    key: string,
    params: Record<string, string | number> = {},
  ): void => {
    errors.push({ node, field, key, params });
  };
  if (rows.length === 0) fail(0, 'name', 'cluster.error.noNodes');
  if (rows.length > MAX_NODES) fail(MAX_NODES, 'name', 'cluster.error.tooMany', { max: MAX_NODES });
  const seen = new Set<string>();
  const nodes: NodeSpec[] = [];
  const taken = new Set(base.nodes.map((n) => n.podCIDR));
  let nextCidr = 1;
  rows.forEach((r, i) => {
    const name = r.name.trim();
    if (!name || name.length > 253 || !DNS1123_SUBDOMAIN.test(name))
      fail(i, 'name', 'cluster.error.name', { value: name });
    else if (seen.has(name)) fail(i, 'name', 'cluster.error.duplicate', { value: name });
    seen.add(name);
    const cpu = r.cpu.trim();
    if (!QUANTITY.test(cpu) || !(parseQuantity(cpu) > 0)) fail(i, 'cpu', 'cluster.error.quantity', { value: cpu });
    const memory = r.memory.trim();
    if (!QUANTITY.test(memory) || !(parseQuantity(memory) > 0))
      fail(i, 'memory', 'cluster.error.quantity', { value: memory });
    const pods = r.pods.trim();
    if (!/^\d{1,4}$/.test(pods) || Number(pods) < 1 || Number(pods) > MAX_PODS)
      fail(i, 'pods', 'cluster.error.pods', { value: pods, max: MAX_PODS });
    const labels: Record<string, string> = {};
    for (const item of items(r.labels)) {
      const eq = item.indexOf('=');
      const key = eq < 0 ? item : item.slice(0, eq).trim();
      const value = eq < 0 ? '' : item.slice(eq + 1).trim();
      if (eq < 0) fail(i, 'labels', 'cluster.error.label', { value: item });
      else if (!validLabelKey(key)) fail(i, 'labels', 'cluster.error.labelKey', { value: key });
      else if (!validLabelValue(value)) fail(i, 'labels', 'cluster.error.labelValue', { value });
      else labels[key] = value;
    }
    const taints: NonNullable<NodeSpec['taints']> = [];
    for (const item of items(r.taints)) {
      // kubectl taint's form: key[=value]:Effect.
      const colon = item.lastIndexOf(':');
      const effect = colon < 0 ? '' : item.slice(colon + 1).trim();
      const kv = colon < 0 ? item : item.slice(0, colon);
      const eq = kv.indexOf('=');
      const key = (eq < 0 ? kv : kv.slice(0, eq)).trim();
      const value = eq < 0 ? '' : kv.slice(eq + 1).trim();
      if (colon < 0 || !effect) fail(i, 'taints', 'cluster.error.taintForm', { value: item });
      else if (!(TAINT_EFFECTS as readonly string[]).includes(effect))
        fail(i, 'taints', 'cluster.error.taintEffect', { value: effect, taint: item });
      else if (!validLabelKey(key)) fail(i, 'taints', 'cluster.error.labelKey', { value: key });
      else if (!validLabelValue(value)) fail(i, 'taints', 'cluster.error.labelValue', { value });
      else taints.push({ key, ...(value ? { value } : {}), effect: effect as Effect });
    }
    const old = base.nodes.find((n) => n.name === name);
    let podCIDR = old?.podCIDR;
    if (!podCIDR) {
      while (taken.has(`10.244.${nextCidr}.0/24`)) nextCidr++;
      podCIDR = `10.244.${nextCidr}.0/24`;
      taken.add(podCIDR);
    }
    nodes.push({
      name,
      cpu,
      memory,
      pods: Number(pods),
      podCIDR,
      ...(Object.keys(labels).length ? { labels } : {}),
      ...(old?.images ? { images: old.images } : {}),
      ...(taints.length ? { taints } : {}),
    });
  });
  return errors.length ? { ok: false, errors } : { ok: true, cluster: { nodes } };
}

/** A draft from a link: exactly an array of rows of strings, nothing else. */
export function draftFromJson(value: unknown): NodeDraft[] | undefined {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_NODES) return undefined;
  const fields: (keyof NodeDraft)[] = ['name', 'cpu', 'memory', 'pods', 'labels', 'taints'];
  const rows: NodeDraft[] = [];
  for (const row of value) {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) return undefined;
    const r = row as Record<string, unknown>;
    if (Object.keys(r).some((k) => !(fields as string[]).includes(k))) return undefined;
    if (fields.some((f) => typeof r[f] !== 'string' || (r[f] as string).length > 1000)) return undefined;
    rows.push(Object.fromEntries(fields.map((f) => [f, r[f]])) as unknown as NodeDraft);
  }
  // Only a draft that passes the editor's own checks is a cluster.
  return clusterOfDraft(rows, { nodes: [] }).ok ? rows : undefined;
}
