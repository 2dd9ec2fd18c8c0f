/**
 * InterPodAffinity (pkg/scheduler/framework/plugins/interpodaffinity):
 * Filter checks the Pod's required affinity and anti-affinity and the
 * required anti-affinity of the Pods already running; Score adds the weights
 * of preferred terms (and existing Pods' required affinity, weight
 * hardPodAffinityWeight 1) per topology domain.
 */
import type { Pod, PodAffinityTerm, WeightedPodAffinityTerm } from 'kubernetes-types/core/v1';
import type { NodeInfo } from './plugins';
import { selectorMatches, type Labels } from './selectors';

export const ErrReasonExistingAntiAffinityRulesNotMatch = "node(s) didn't satisfy existing pods anti-affinity rules";
export const ErrReasonAffinityRulesNotMatch = "node(s) didn't match pod affinity rules";
export const ErrReasonAntiAffinityRulesNotMatch = "node(s) didn't match pod anti-affinity rules";
/** InterPodAffinityArgs default. */
const HARD_POD_AFFINITY_WEIGHT = 1;

const labelsOf = (p: Pod): Labels => (p.metadata?.labels ?? {}) as Labels;
const nsOf = (p: Pod): string => p.metadata?.namespace ?? 'default';
const nodeLabels = (info: NodeInfo): Labels => (info.node.metadata?.labels ?? {}) as Labels;

/**
 * framework.AffinityTerm.Matches: the Pod is in one of the term's namespaces
 * (the owner's own when none are named) and its labels match the selector.
 * matchLabelKeys / mismatchLabelKeys are merged with the owner's label values.
 */
function termMatches(owner: Pod, term: PodAffinityTerm, target: Pod): boolean {
  const namespaces = term.namespaces?.length ? term.namespaces : term.namespaceSelector ? null : [nsOf(owner)];
  // An empty namespaceSelector selects every namespace; podflow knows no namespace labels beyond that.
  const nsOk = namespaces
    ? namespaces.includes(nsOf(target))
    : !Object.keys(term.namespaceSelector?.matchLabels ?? {}).length &&
      !(term.namespaceSelector?.matchExpressions ?? []).length;
  if (!nsOk || !term.labelSelector) return false;
  const own = labelsOf(owner);
  const extra = [
    ...(term.matchLabelKeys ?? [])
      .filter((k) => own[k] !== undefined)
      .map((k) => ({ key: k, operator: 'In', values: [own[k]!] })),
    ...(term.mismatchLabelKeys ?? [])
      .filter((k) => own[k] !== undefined)
      .map((k) => ({ key: k, operator: 'NotIn', values: [own[k]!] })),
  ];
  const sel = extra.length
    ? { ...term.labelSelector, matchExpressions: [...(term.labelSelector.matchExpressions ?? []), ...extra] }
    : term.labelSelector;
  return selectorMatches(sel, labelsOf(target));
}

const requiredAffinity = (p: Pod): PodAffinityTerm[] =>
  p.spec?.affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
const requiredAnti = (p: Pod): PodAffinityTerm[] =>
  p.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
const preferredAffinity = (p: Pod): WeightedPodAffinityTerm[] =>
  p.spec?.affinity?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
const preferredAnti = (p: Pod): WeightedPodAffinityTerm[] =>
  p.spec?.affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];

/** The Pod has pod affinity or anti-affinity of any kind (what NodeInfo.PodsWithAffinity holds). */
export const hasPodAffinity = (p: Pod): boolean =>
  !!(p.spec?.affinity?.podAffinity || p.spec?.affinity?.podAntiAffinity);
/** The Pod has required anti-affinity terms (what NodeInfo.PodsWithRequiredAntiAffinity holds). */
export const hasRequiredAntiAffinity = (p: Pod): boolean => requiredAnti(p).length > 0;

const FIT = { fit: true } as const;

const pair = (key: string, value: string): string => `${key}=${value}`;
const bump = (m: Map<string, number>, k: string, by: number): void => {
  m.set(k, (m.get(k) ?? 0) + by);
};

export interface AffinityPreFilterState {
  /** Topology pairs where an existing Pod's required anti-affinity matches the incoming Pod. */
  existingAntiAffinityCounts: Map<string, number>;
  /** Topology pairs holding Pods that match all of the incoming Pod's required affinity terms. */
  affinityCounts: Map<string, number>;
  /** Topology pairs holding Pods that match one of its required anti-affinity terms. */
  antiAffinityCounts: Map<string, number>;
  /** No terms of its own and no existing Pod's anti-affinity matches it: Filter has nothing to check (PreFilter's Skip). */
  skip: boolean;
}

/** PreFilter over all nodes. */
export function affinityPreFilter(pod: Pod, all: NodeInfo[]): AffinityPreFilterState {
  const s: AffinityPreFilterState = {
    existingAntiAffinityCounts: new Map(),
    affinityCounts: new Map(),
    antiAffinityCounts: new Map(),
    skip: false,
  };
  const affinity = requiredAffinity(pod);
  const anti = requiredAnti(pod);
  // Only Pods with required anti-affinity matter unless the incoming Pod has terms (PodsWithRequiredAntiAffinity).
  const incoming = affinity.length > 0 || anti.length > 0;
  // Index loops over the nodes (here and in PreScore): they run every cycle, at first unoptimized,
  // when for-of makes an iterator per pass.
  for (let n = 0; n < all.length; n++) {
    const info = all[n]!;
    const pods = incoming ? info.pods : info.podsWithRequiredAntiAffinity;
    if (!pods.length) continue;
    const labels = nodeLabels(info);
    for (const existing of pods) {
      for (const t of requiredAnti(existing)) {
        const v = labels[t.topologyKey];
        if (v !== undefined && termMatches(existing, t, pod))
          bump(s.existingAntiAffinityCounts, pair(t.topologyKey, v), 1);
      }
      if (affinity.length && affinity.every((t) => termMatches(pod, t, existing))) {
        for (const t of affinity) {
          const v = labels[t.topologyKey];
          if (v !== undefined) bump(s.affinityCounts, pair(t.topologyKey, v), 1);
        }
      }
      for (const t of anti) {
        const v = labels[t.topologyKey];
        if (v !== undefined && termMatches(pod, t, existing)) bump(s.antiAffinityCounts, pair(t.topologyKey, v), 1);
      }
    }
  }
  s.skip = !incoming && s.existingAntiAffinityCounts.size === 0;
  return s;
}

export function affinityFilter(
  pod: Pod,
  info: NodeInfo,
  s: AffinityPreFilterState,
): { fit: true } | { fit: false; reasons: string[]; unresolvable: boolean } {
  if (s.skip) return FIT;
  const labels = nodeLabels(info);
  // satisfyPodAffinity: every term's topology label on the node, and a matching Pod in that domain —
  // unless no Pod matches anywhere and the Pod matches its own terms (the first of a group).
  let podsExist = true;
  let missingLabel = false;
  for (const t of requiredAffinity(pod)) {
    const v = labels[t.topologyKey];
    if (v === undefined) missingLabel = true;
    else if ((s.affinityCounts.get(pair(t.topologyKey, v)) ?? 0) <= 0) podsExist = false;
  }
  const selfMatch = requiredAffinity(pod).every((t) => termMatches(pod, t, pod));
  if (missingLabel || (!podsExist && !(s.affinityCounts.size === 0 && selfMatch)))
    return { fit: false, reasons: [ErrReasonAffinityRulesNotMatch], unresolvable: true };
  for (const t of requiredAnti(pod)) {
    const v = labels[t.topologyKey];
    if (v !== undefined && (s.antiAffinityCounts.get(pair(t.topologyKey, v)) ?? 0) > 0)
      return { fit: false, reasons: [ErrReasonAntiAffinityRulesNotMatch], unresolvable: false };
  }
  for (const [k, v] of Object.entries(labels))
    if ((s.existingAntiAffinityCounts.get(pair(k, v)) ?? 0) > 0)
      return { fit: false, reasons: [ErrReasonExistingAntiAffinityRulesNotMatch], unresolvable: false };
  return FIT;
}

/** PreScore's topologyScore: topology key → value → summed weight. */
export type AffinityPreScoreState = Map<string, Map<string, number>>;

/** PreScore: null is Skip (nothing to score on). */
export function affinityPreScore(pod: Pod, all: NodeInfo[]): AffinityPreScoreState | null {
  const affinity = preferredAffinity(pod);
  const anti = preferredAnti(pod);
  const hasConstraints = affinity.length > 0 || anti.length > 0;
  const topologyScore: AffinityPreScoreState = new Map();
  for (let n = 0; n < all.length; n++) {
    const info = all[n]!;
    // Unless the incoming Pod has preferred terms, only Pods with affinity matter (HavePodsWithAffinityList).
    const pods = hasConstraints ? info.pods : info.podsWithAffinity;
    if (!pods.length) continue;
    const labels = nodeLabels(info);
    if (!hasAnyKey(labels)) continue;
    for (const existing of pods) {
      for (const w of affinity) scoreTerm(topologyScore, labels, pod, w.podAffinityTerm, existing, w.weight);
      for (const w of anti) scoreTerm(topologyScore, labels, pod, w.podAffinityTerm, existing, -w.weight);
      for (const t of requiredAffinity(existing))
        scoreTerm(topologyScore, labels, existing, t, pod, HARD_POD_AFFINITY_WEIGHT);
      for (const w of preferredAffinity(existing))
        scoreTerm(topologyScore, labels, existing, w.podAffinityTerm, pod, w.weight);
      for (const w of preferredAnti(existing))
        scoreTerm(topologyScore, labels, existing, w.podAffinityTerm, pod, -w.weight);
    }
  }
  return topologyScore.size ? topologyScore : null;
}

function hasAnyKey(labels: Labels): boolean {
  for (const _ in labels) return true;
  return false;
}

/** One term of `owner` against `target` on a node with these labels: its weight goes to the node's domain. */
function scoreTerm(
  topologyScore: AffinityPreScoreState,
  labels: Labels,
  owner: Pod,
  t: PodAffinityTerm,
  target: Pod,
  weight: number,
): void {
  const v = labels[t.topologyKey];
  if (v === undefined || !termMatches(owner, t, target)) return;
  let m = topologyScore.get(t.topologyKey);
  if (!m) {
    m = new Map<string, number>();
    topologyScore.set(t.topologyKey, m);
  }
  m.set(v, (m.get(v) ?? 0) + weight);
}

export function affinityScore(info: NodeInfo, s: AffinityPreScoreState): number {
  const labels = nodeLabels(info);
  let score = 0;
  for (const [key, values] of s) {
    const v = labels[key];
    if (v !== undefined) score += values.get(v) ?? 0;
  }
  return score;
}

/** NormalizeScore: 100 × (score − min) / (max − min), truncated; all 0 when every node scores alike. */
export function affinityNormalize(scores: number[]): number[] {
  const min = Math.min(...scores);
  const diff = Math.max(...scores) - min;
  return scores.map((s) => (diff > 0 ? Math.trunc(100 * ((s - min) / diff)) : 0));
}
