/**
 * PodTopologySpread (pkg/scheduler/framework/plugins/podtopologyspread):
 * Filter enforces the DoNotSchedule constraints, Score prefers the nodes
 * whose domains hold fewest matching Pods for the ScheduleAnyway ones. A Pod
 * with no constraints of its own gets the system defaults, which is what
 * spreads a Deployment's replicas across nodes.
 */
import { sizedNumbers } from './arrays';
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { NodeInfo } from './plugins';
import {
  matchesRequiredNodeAffinity,
  selectorEmpty,
  selectorMatches,
  untoleratedTaint,
  type Labels,
} from './selectors';

export const ErrReasonConstraintsNotMatch = "node(s) didn't match pod topology spread constraints";
export const ErrReasonNodeLabelNotMatch = `${ErrReasonConstraintsNotMatch} (missing required label)`;
const HOSTNAME = 'kubernetes.io/hostname';
const ZONE = 'topology.kubernetes.io/zone';

/** plugin.go systemDefaultConstraints (DefaultingType: System). */
export const SYSTEM_DEFAULT_CONSTRAINTS = [
  { topologyKey: HOSTNAME, whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 3 },
  { topologyKey: ZONE, whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 5 },
] as const;

export interface SpreadConstraint {
  maxSkew: number;
  topologyKey: string;
  /** A constraint with no labelSelector selects no Pod. */
  selector: LabelSelector | undefined;
  minDomains: number;
  nodeAffinityPolicy: string;
  nodeTaintsPolicy: string;
}

/** What the scheduler's informers know besides Pods and Nodes, for DefaultSelector. */
export interface SpreadListers {
  replicaSets: ReplicaSet[];
  services: Service[];
}

/**
 * helper.DefaultSelector: the selectors of the Services that select the Pod,
 * and of the ReplicaSet that controls it, ANDed together.
 */
export function defaultSelector(pod: Pod, listers: SpreadListers): LabelSelector {
  const ns = pod.metadata?.namespace ?? 'default';
  const labels = (pod.metadata?.labels ?? {}) as Labels;
  // Loops, not entries()/every()/find() with closures: this runs once per cycle for every Pod.
  const matchLabels: Labels = {};
  for (const svc of listers.services) {
    const sel = svc.spec?.selector as Labels | undefined;
    // Services with nil selectors match nothing, not everything.
    if ((svc.metadata?.namespace ?? 'default') !== ns || !sel) continue;
    if (labelsMatch(sel, labels)) Object.assign(matchLabels, sel);
  }
  let owner: NonNullable<NonNullable<Pod['metadata']>['ownerReferences']>[number] | undefined;
  for (const o of pod.metadata?.ownerReferences ?? [])
    if (o.controller) {
      owner = o;
      break;
    }
  const matchExpressions: NonNullable<LabelSelector['matchExpressions']> = [];
  if (owner?.kind === 'ReplicaSet' && owner.apiVersion === 'apps/v1') {
    let rs: ReplicaSet | undefined;
    for (const r of listers.replicaSets)
      if (r.metadata?.name === owner.name && (r.metadata?.namespace ?? 'default') === ns) {
        rs = r;
        break;
      }
    const sel = rs?.spec?.selector;
    const ml = sel?.matchLabels;
    if (ml) for (const k in ml) matchExpressions.push({ key: k, operator: 'In', values: [ml[k]!] });
    for (const e of sel?.matchExpressions ?? []) matchExpressions.push(e);
  }
  return { matchLabels, matchExpressions };
}

/** Every label of `sel` has the same value in `labels`. */
function labelsMatch(sel: Labels, labels: Labels): boolean {
  for (const k in sel) if (labels[k] !== sel[k]) return false;
  return true;
}

/** The Pod's own constraints with this whenUnsatisfiable, matchLabelKeys merged into the selector. */
function podConstraints(pod: Pod, when: string): SpreadConstraint[] {
  const labels = (pod.metadata?.labels ?? {}) as Labels;
  return (pod.spec?.topologySpreadConstraints ?? [])
    .filter((c) => c.whenUnsatisfiable === when)
    .map((c) => {
      const sel = c.labelSelector;
      const extra = (c.matchLabelKeys ?? [])
        .filter((k) => labels[k] !== undefined)
        .map((k) => ({ key: k, operator: 'In', values: [labels[k]!] }));
      return {
        maxSkew: c.maxSkew,
        topologyKey: c.topologyKey,
        selector: sel ? { ...sel, matchExpressions: [...(sel.matchExpressions ?? []), ...extra] } : undefined,
        minDomains: c.minDomains ?? 1,
        nodeAffinityPolicy: c.nodeAffinityPolicy ?? 'Honor',
        nodeTaintsPolicy: c.nodeTaintsPolicy ?? 'Ignore',
      };
    });
}

/** getConstraints / buildDefaultConstraints: the Pod's own, or the system defaults with DefaultSelector. */
export function spreadConstraints(pod: Pod, when: string, listers: SpreadListers): SpreadConstraint[] {
  if (pod.spec?.topologySpreadConstraints?.length) return podConstraints(pod, when);
  const defaults = SYSTEM_DEFAULT_CONSTRAINTS.filter((c) => c.whenUnsatisfiable === when);
  // The system defaults are all ScheduleAnyway: PreFilter need not look for a DefaultSelector.
  if (!defaults.length) return [];
  const selector = defaultSelector(pod, listers);
  if (selectorEmpty(selector)) return [];
  return defaults.map((c) => ({
    maxSkew: c.maxSkew,
    topologyKey: c.topologyKey,
    selector,
    minDomains: 1,
    nodeAffinityPolicy: 'Honor',
    nodeTaintsPolicy: 'Ignore',
  }));
}

/** countPodsMatchSelector: terminating Pods and other namespaces do not count; an empty selector counts none. */
export function countPodsMatchSelector(pods: Pod[], selector: LabelSelector | undefined, ns: string): number {
  if (!selector || selectorEmpty(selector)) return 0;
  let n = 0;
  for (const p of pods) {
    const m = p.metadata;
    if (
      !m?.deletionTimestamp &&
      (m?.namespace ?? 'default') === ns &&
      selectorMatches(selector, (m?.labels ?? {}) as Labels)
    )
      n++;
  }
  return n;
}

/** Each selector object's cache key with the namespace it counts in ('' for an empty selector). */
const selectorKeys = new WeakMap<LabelSelector, { ns: string; key: string }>();

/**
 * countPodsMatchSelector over one node's Pods, remembered per node generation
 * (NodeInfo.Generation): between two cycles only the nodes whose Pods changed
 * are recounted, instead of matching every Pod in the cluster for every
 * incoming Pod. The key is the namespace and the selector's JSON, so equal
 * selectors built afresh for each cycle share the count; it is made once per
 * selector object, so the lookups of a cycle reuse one string.
 */
export function nodeMatchCount(info: NodeInfo, selector: LabelSelector | undefined, ns: string): number {
  return countByKey(info, matchCountKey(selector, ns), selector, ns);
}

/** The matchCounts key of a selector in a namespace ('' when it counts nothing: none, or empty). */
function matchCountKey(selector: LabelSelector | undefined, ns: string): string {
  if (!selector) return '';
  let k = selectorKeys.get(selector);
  if (k?.ns !== ns) {
    k = { ns, key: selectorEmpty(selector) ? '' : `${ns}\n${JSON.stringify(selector)}` };
    selectorKeys.set(selector, k);
  }
  return k.key;
}

/** nodeMatchCount with the key already looked up (Score asks for every node with the same selector). */
function countByKey(info: NodeInfo, key: string, selector: LabelSelector | undefined, ns: string): number {
  if (!key) return 0;
  const hit = info.matchCounts.get(key);
  if (hit && hit.generation === info.generation) return hit.count;
  const count = countPodsMatchSelector(info.pods, selector, ns);
  if (hit) {
    hit.generation = info.generation;
    hit.count = count;
  } else info.matchCounts.set(key, { generation: info.generation, count });
  return count;
}

const labelsOf = (info: NodeInfo): Labels => (info.node.metadata?.labels ?? {}) as Labels;
const nameOf = (info: NodeInfo): string => info.node.metadata!.name!;

function hasAllKeys(labels: Labels, constraints: SpreadConstraint[]): boolean {
  return constraints.every((c) => labels[c.topologyKey] !== undefined);
}

/** matchNodeInclusionPolicies: nodeAffinityPolicy Honor, nodeTaintsPolicy Ignore unless set. */
function includesNode(c: SpreadConstraint, pod: Pod, info: NodeInfo): boolean {
  if (c.nodeAffinityPolicy === 'Honor' && !matchesRequiredNodeAffinity(pod, nameOf(info), labelsOf(info))) return false;
  if (c.nodeTaintsPolicy === 'Honor' && untoleratedTaint(pod, info.node.spec?.taints)) return false;
  return true;
}

export interface SpreadPreFilterState {
  constraints: SpreadConstraint[];
  /** Per constraint: topology value → matching Pods. */
  tpValueToMatchNum: Record<string, number>[];
}

/** calPreFilterState over all nodes, for the DoNotSchedule constraints. */
export function spreadPreFilter(pod: Pod, all: NodeInfo[], listers: SpreadListers): SpreadPreFilterState {
  const constraints = spreadConstraints(pod, 'DoNotSchedule', listers);
  // No hard constraints: nothing to count (PreFilter's Skip).
  if (!constraints.length) return { constraints, tpValueToMatchNum: [] };
  const ns = pod.metadata?.namespace ?? 'default';
  const tpValueToMatchNum = constraints.map(() => ({}) as Record<string, number>);
  for (const info of all) {
    const labels = labelsOf(info);
    if (!hasAllKeys(labels, constraints)) continue;
    for (let i = 0; i < constraints.length; i++) {
      const c = constraints[i]!;
      if (!includesNode(c, pod, info)) continue;
      const v = labels[c.topologyKey]!;
      tpValueToMatchNum[i]![v] = (tpValueToMatchNum[i]![v] ?? 0) + nodeMatchCount(info, c.selector, ns);
    }
  }
  return { constraints, tpValueToMatchNum };
}

/** Filter: matching Pods in the node's domain + 1 if the Pod matches itself − the global minimum ≤ maxSkew. */
export function spreadFilter(
  pod: Pod,
  info: NodeInfo,
  s: SpreadPreFilterState,
): { fit: true } | { fit: false; reasons: string[]; unresolvable: boolean } {
  if (!s.constraints.length) return FIT;
  const labels = labelsOf(info);
  const podLabels = (pod.metadata?.labels ?? {}) as Labels;
  for (const [i, c] of s.constraints.entries()) {
    const tpVal = labels[c.topologyKey];
    if (tpVal === undefined) return { fit: false, reasons: [ErrReasonNodeLabelNotMatch], unresolvable: true };
    const counts = Object.values(s.tpValueToMatchNum[i]!);
    // The critical path starts at MaxInt32: no eligible domain means no skew.
    let minMatchNum = counts.length ? Math.min(...counts) : 2 ** 31 - 1;
    if (counts.length < c.minDomains) minMatchNum = 0;
    const selfMatchNum = selectorMatches(c.selector, podLabels) ? 1 : 0;
    const skew = (s.tpValueToMatchNum[i]![tpVal] ?? 0) + selfMatchNum - minMatchNum;
    if (skew > c.maxSkew) return { fit: false, reasons: [ErrReasonConstraintsNotMatch], unresolvable: false };
  }
  return FIT;
}

const FIT = { fit: true } as const;

export interface SpreadPreScoreState {
  constraints: SpreadConstraint[];
  ignored: Set<string>;
  /** Per constraint: matching Pods per domain (counted only for the domains some scored node has a label for). */
  topologyValueToPodCounts: Record<string, number>[];
  weights: number[];
  /** Per constraint: its selector's matchCounts key in the Pod's namespace, looked up once for all nodes. */
  keys: string[];
}

/** PreScore: null is Skip (no soft constraints). */
export function spreadPreScore(
  pod: Pod,
  filtered: NodeInfo[],
  all: NodeInfo[],
  listers: SpreadListers,
): SpreadPreScoreState | null {
  if (all.length === 0) return null;
  const own = !!pod.spec?.topologySpreadConstraints?.length;
  const constraints = spreadConstraints(pod, 'ScheduleAnyway', listers);
  if (!constraints.length) return null;
  // System defaults do not require every topology label, so nodes with no zone label still spread by hostname.
  const requireAll = own;
  const ignored = new Set<string>();
  const counts = constraints.map(() => ({}) as Record<string, number>);
  const topoSize = constraints.map(() => 0);
  // The domains Score will read: those of the scored nodes that have the label. A node without it
  // counts in domain '' here but Score skips it, so that domain is counted only if a node names it.
  const read = constraints.map(() => new Set<string>());
  // Index loops here and below: these run for every node in every cycle, at first unoptimized, when
  // for-of makes an iterator per pass.
  for (let n = 0; n < filtered.length; n++) {
    const info = filtered[n]!;
    const labels = labelsOf(info);
    if (requireAll && !hasAllKeys(labels, constraints)) {
      ignored.add(nameOf(info));
      continue;
    }
    for (let i = 0; i < constraints.length; i++) {
      const c = constraints[i]!;
      if (c.topologyKey === HOSTNAME) continue;
      const label = labels[c.topologyKey];
      const v = label ?? '';
      if (counts[i]![v] === undefined) {
        counts[i]![v] = 0;
        topoSize[i]!++;
      }
      if (label !== undefined) read[i]!.add(v);
    }
  }
  const weights = constraints.map((c, i) =>
    Math.log((c.topologyKey === HOSTNAME ? filtered.length - ignored.size : topoSize[i]!) + 2),
  );
  const ns = pod.metadata?.namespace ?? 'default';
  // Only the domains some scored node names are counted: with none (hostname spreading alone, or no
  // node with a zone label) there is nothing to count and no node to look at.
  let reading = false;
  for (const r of read) reading ||= r.size > 0;
  if (reading)
    for (let n = 0; n < all.length; n++) {
      const info = all[n]!;
      const labels = labelsOf(info);
      if (requireAll && !hasAllKeys(labels, constraints)) continue;
      for (let i = 0; i < constraints.length; i++) {
        const c = constraints[i]!;
        if (!read[i]!.size) continue;
        const v = labels[c.topologyKey] ?? '';
        const have = counts[i]![v];
        if (have === undefined || !read[i]!.has(v) || !includesNode(c, pod, info)) continue;
        counts[i]![v] = have + nodeMatchCount(info, c.selector, ns);
      }
    }
  const keys = constraints.map((c) => matchCountKey(c.selector, ns));
  return { constraints, ignored, topologyValueToPodCounts: counts, weights, keys };
}

/** Score: Σ count × log(domains + 2) + (maxSkew − 1), rounded. Fewer matching Pods is better after normalizing. */
export function spreadScore(pod: Pod, info: NodeInfo, s: SpreadPreScoreState): number {
  if (s.ignored.size && s.ignored.has(nameOf(info))) return 0;
  const labels = labelsOf(info);
  const ns = pod.metadata?.namespace ?? 'default';
  let score = 0;
  for (let i = 0; i < s.constraints.length; i++) {
    const c = s.constraints[i]!;
    const tpVal = labels[c.topologyKey];
    if (tpVal === undefined) continue;
    const cnt =
      c.topologyKey === HOSTNAME
        ? countByKey(info, s.keys[i]!, c.selector, ns)
        : (s.topologyValueToPodCounts[i]![tpVal] ?? 0);
    score += cnt * s.weights[i]! + (c.maxSkew - 1);
  }
  return Math.round(score);
}

/** NormalizeScore: 100 × (max + min − score) / max, integer division; ignored nodes 0. */
export function spreadNormalize(scores: number[], s: SpreadPreScoreState, filtered: NodeInfo[]): number[] {
  // Plain loops, and no name lookups while no node is ignored (the system defaults ignore none).
  const ignored = (i: number): boolean => s.ignored.size > 0 && s.ignored.has(nameOf(filtered[i]!));
  const n = filtered.length;
  let min = Number.MAX_SAFE_INTEGER;
  let max = 0;
  for (let i = 0; i < n; i++) {
    if (ignored(i)) continue;
    min = Math.min(min, scores[i]!);
    max = Math.max(max, scores[i]!);
  }
  const out = sizedNumbers(n);
  for (let i = 0; i < n; i++)
    out[i] = ignored(i) ? 0 : max === 0 ? 100 : Math.trunc((100 * (max + min - scores[i]!)) / max);
  return out;
}
