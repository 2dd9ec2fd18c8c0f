/**
 * An object as YAML (what `kubectl get -o yaml` shows), with the lines that a
 * write changed marked: a longest-common-subsequence line diff of the YAML
 * before and after the step.
 */
// The browser build, a module of its own: the initial chunk keeps its tree-shaken js-yaml (load only)
// instead of gaining the dumper, which only this lazy chunk needs.
import { dump } from 'js-yaml/browser';
import type { ApiObject } from '../engine/types';

export interface YamlLine {
  text: string;
  changed: boolean;
}

export const toYaml = (o: ApiObject): string => dump(o, { lineWidth: -1, noRefs: true });

/** The lines of `after`, each marked when it is not in the LCS with `before` (null: all new). */
export function yamlWithChanges(after: ApiObject, before: ApiObject | null | undefined): YamlLine[] {
  const b = toYaml(after).replace(/\n$/, '').split('\n');
  if (before === undefined) return b.map((text) => ({ text, changed: false }));
  const a = before ? toYaml(before).replace(/\n$/, '').split('\n') : [];
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: the LCS length of a[i..] and b[j..].
  const lcs: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: YamlLine[] = [];
  let i = 0;
  let j = 0;
  while (j < m) {
    if (i < n && a[i] === b[j]) {
      out.push({ text: b[j]!, changed: false });
      i++;
      j++;
    } else if (i < n && lcs[i + 1]![j]! >= lcs[i]![j + 1]!) i++;
    else {
      out.push({ text: b[j]!, changed: true });
      j++;
    }
  }
  return out;
}
