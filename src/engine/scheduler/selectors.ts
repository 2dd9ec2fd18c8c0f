/**
 * Label and node selectors as the scheduler plugins evaluate them: metav1
 * LabelSelector (LabelSelectorAsSelector), core/v1 NodeSelectorTerm
 * (component-helpers/scheduling/corev1/nodeaffinity) and taint toleration
 * (core/v1 helper ToleratesTaint).
 */
import type { NodeSelectorTerm, Pod, Taint, Toleration } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';

export type Labels = Record<string, string>;
type Requirement = { key: string; operator: string; values?: string[] };

export function matchesRequirement(labels: Labels, r: Requirement): boolean {
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
 * LabelSelectorAsSelector: a missing selector selects nothing, an empty one
 * everything; otherwise every matchLabels pair and every expression must hold.
 */
export function selectorMatches(sel: LabelSelector | undefined | null, labels: Labels): boolean {
  if (!sel) return false;
  // Loops, not entries().every(): the scheduler calls this for every Pod on every node in each cycle.
  const ml = sel.matchLabels;
  if (ml) for (const k in ml) if (labels[k] !== ml[k]) return false;
  const exprs = sel.matchExpressions;
  if (exprs) for (const r of exprs) if (!matchesRequirement(labels, r as Requirement)) return false;
  return true;
}

/** A selector with no requirements (labels.Selector.Empty()). */
export function selectorEmpty(sel: LabelSelector | undefined | null): boolean {
  return !!sel && !Object.keys(sel.matchLabels ?? {}).length && !(sel.matchExpressions ?? []).length;
}

/** A NodeSelectorTerm with no expressions and no fields matches no node. */
export function nodeSelectorTermMatches(term: NodeSelectorTerm, nodeName: string, labels: Labels): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (!exprs.length && !fields.length) return false;
  return (
    exprs.every((r) => matchesRequirement(labels, r as Requirement)) &&
    // Only metadata.name is a supported field.
    fields.every(
      (r) => r.key === 'metadata.name' && matchesRequirement({ 'metadata.name': nodeName }, r as Requirement),
    )
  );
}

/**
 * GetRequiredNodeAffinity(pod).Match(node): every nodeSelector label, and one
 * of the required node affinity terms.
 */
export function matchesRequiredNodeAffinity(pod: Pod, nodeName: string, labels: Labels): boolean {
  // Loops, not entries().every(): NodeAffinity and PodTopologySpread ask this for every node in each cycle.
  const nodeSelector = pod.spec?.nodeSelector;
  if (nodeSelector) for (const k in nodeSelector) if (labels[k] !== nodeSelector[k]) return false;
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!terms) return true;
  for (const t of terms) if (nodeSelectorTermMatches(t, nodeName, labels)) return true;
  return false;
}

/** core/v1 Toleration.ToleratesTaint. */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? 'Equal') {
    case 'Exists':
      return true;
    case 'Equal':
      return (t.value ?? '') === (taint.value ?? '');
    default:
      return false;
  }
}

export function tolerates(pod: Pod, taint: Taint): boolean {
  for (const t of pod.spec?.tolerations ?? []) if (toleratesTaint(t, taint)) return true;
  return false;
}

/** The NoSchedule or NoExecute taint the Pod does not tolerate, if any (FindMatchingUntoleratedTaint). */
export function untoleratedTaint(pod: Pod, taints: Taint[] | undefined): Taint | undefined {
  for (const t of taints ?? [])
    if ((t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerates(pod, t)) return t;
  return undefined;
}

type LabelMap = Record<string, string> | undefined;

/**
 * The same labels, as reflect.DeepEqual compares the label maps in
 * PodSchedulingPropertiesChange (an absent map is an empty one). Loops, not
 * JSON: this runs for every update of an assigned Pod.
 */
export function sameLabels(a: LabelMap, b: LabelMap): boolean {
  if (a === b) return true;
  // Every label of a is in b with the same value, and b has no more labels than a.
  let n = 0;
  if (a)
    for (const k in a) {
      if (!b || a[k] !== b[k]) return false;
      n++;
    }
  if (b) for (const _ in b) n--;
  return n === 0;
}
