/**
 * The pieces every describer of kubectl v1.33 shares, as text for the tab
 * writer (staging/src/k8s.io/kubectl/pkg/describe/describe.go):
 * printLabelsMultiline, printAnnotationsMultiline, metav1.FormatLabelSelector,
 * labels.FormatLabels, Quantity.String, and the Events a describer searches.
 */
import type { LabelSelector, OwnerReference } from 'kubernetes-types/meta/v1';
import { formatMilli, milli } from '../../engine/apiserver/admission/resource-list';
import type { ApiObject } from '../../engine/types';

/** PrefixWriter's levels: two spaces each. */
export const L1 = '  ';
export const L2 = '    ';
export const L3 = '      ';

/** What a describer may look up besides its object: other objects at the step, and the time. */
export interface DescribeContext {
  list(kind: string): ApiObject[];
  events: ApiObject[];
  now: number;
}

/** printLabelsMultilineWithIndent: sorted `k=v`, the first after the title, the rest under it; `<none>` when empty. */
export function labelsMultiline(title: string, m: Record<string, string> | undefined, initialIndent = ''): string {
  const keys = Object.keys(m ?? {}).sort();
  if (!keys.length) return `${initialIndent}${title}:\t<none>\n`;
  return keys.map((k, i) => `${i === 0 ? `${initialIndent}${title}:` : initialIndent}\t${k}=${m![k]}\n`).join('');
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const MAX_ANNOTATION_LEN = 140;

/**
 * printAnnotationsMultiline: sorted `k: v`, last-applied-configuration
 * skipped; a value that is long (key+value+2 > 140) or has newlines goes on
 * its own lines, each cut to 138 characters.
 */
export function annotationsMultiline(title: string, m: Record<string, string> | undefined): string {
  const keys = Object.keys(m ?? {})
    .filter((k) => k !== LAST_APPLIED)
    .sort();
  if (!keys.length) return `${title}:\t<none>\n`;
  let out = `${title}:\t`;
  keys.forEach((key, i) => {
    if (i !== 0) out += '\t';
    const value = m![key]!.replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      out += `${key}:\n`;
      for (const s of value.split('\n'))
        out += `\t  ${s.length > MAX_ANNOTATION_LEN - 2 ? s.slice(0, MAX_ANNOTATION_LEN - 2) + '...' : s}\n`;
    } else out += `${key}: ${value}\n`;
  });
  return out;
}

/** labels.FormatLabels: `k=v,k2=v2` sorted, `<none>` when empty. */
export function formatLabels(m: Record<string, string> | undefined): string {
  const keys = Object.keys(m ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${m![k]}`).join(',') : '<none>';
}

/**
 * A LabelSelector as labels.Selector.String() prints it: requirements sorted
 * by key; `k=v`, `k in (a,b)`, `k notin (a,b)`, `k`, `!k`.
 */
export function selectorString(sel: LabelSelector | undefined | null): string {
  if (!sel) return '';
  const reqs: [string, string][] = Object.entries(sel.matchLabels ?? {}).map(([k, v]) => [k, `${k}=${v}`]);
  for (const e of sel.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',');
    const text =
      e.operator === 'In'
        ? `${e.key} in (${values})`
        : e.operator === 'NotIn'
          ? `${e.key} notin (${values})`
          : e.operator === 'Exists'
            ? e.key
            : `!${e.key}`;
    reqs.push([e.key, text]);
  }
  return reqs
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([, t]) => t)
    .join(',');
}

/** metav1.FormatLabelSelector: the selector's string, `<none>` when it selects everything or nothing. */
export const formatLabelSelector = (sel: LabelSelector | undefined | null): string => selectorString(sel) || '<none>';

const isBinary = (q: string | number | undefined): boolean => typeof q === 'string' && q.endsWith('i');

/** Quantity.String() of a stored quantity (canonical: `1Gi`, `500m`, `4`). */
export function quantityString(q: string | number | undefined): string {
  if (q === undefined) return '0';
  return formatMilli(milli(q), isBinary(q));
}

/** A sum of quantities, as resource.Quantity.Add leaves it (binary if any addend was). */
export function sumQuantities(qs: (string | number | undefined)[]): { milli: number; text: string } {
  const m = qs.reduce<number>((s, q) => s + milli(q), 0);
  return { milli: m, text: formatMilli(m, qs.some(isBinary)) };
}

/** Go's fmt `%v` of a []string: `[a b]`. */
export const goSlice = (xs: readonly string[] | undefined): string => `[${(xs ?? []).join(' ')}]`;

interface EventRef {
  uid?: string;
  name?: string;
  kind?: string;
}

/**
 * searchEvents: the Events whose involvedObject has the object's name, kind
 * and uid (extraUids: the Node describer also asks for uid = node name, as
 * the kubelet reports), ordered by lastTimestamp like event.SortableEvents.
 */
export function eventsAbout(obj: ApiObject, events: ApiObject[], extraUids: string[] = []): ApiObject[] {
  const uids = new Set<string | undefined>([obj.metadata.uid, ...extraUids]);
  return events
    .filter((o) => {
      const e = o as unknown as { involvedObject?: EventRef; regarding?: EventRef };
      const about = e.involvedObject ?? e.regarding;
      return (
        !!about && about.name === obj.metadata.name && uids.has(about.uid) && (!about.kind || about.kind === obj.kind)
      );
    })
    .map((o, i) => ({ o, i }))
    .sort((a, b) => {
      const last = (x: ApiObject): number => Date.parse((x as { lastTimestamp?: string }).lastTimestamp ?? '') || 0;
      return last(a.o) - last(b.o) || a.i - b.i;
    })
    .map(({ o }) => o);
}

/** The controller owner reference, as printController prints it (`Kind/name`). */
export function controllerOf(obj: ApiObject): string {
  const ref = ((obj.metadata.ownerReferences as OwnerReference[] | undefined) ?? []).find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : '';
}
