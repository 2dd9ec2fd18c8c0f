/**
 * `kubectl get pods [-o wide] [-w]` as kubectl prints them at a step.
 * Columns from pkg/printers/internalversion/printers.go (podColumnDefinitions);
 * READY/STATUS from the engine's printPod; RESTARTS as `N (Xs ago)` when a
 * container last terminated; AGE from creationTimestamp.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { EPOCH } from '../engine/apiserver/names';
import { printPod } from '../engine/kubectl/print-pod';
import type { ApiObject, Trace } from '../engine/types';
import { since } from './duration';
import { getTable } from './tabwriter';

/** The wall-clock time of a step's virtual time (ms since the run began). */
export const wallTime = (at: number): number => EPOCH + at;

const POD_PREFIX = '/registry/pods/';

function restartsCell(pod: Pod, restarts: number, now: number): string {
  if (!restarts) return String(restarts);
  // printPod: the latest finishedAt of a container's last termination, shown as "(Xs ago)".
  let last = 0;
  for (const c of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]) {
    const at = c.lastState?.terminated?.finishedAt;
    if (at) last = Math.max(last, Date.parse(at));
  }
  return last ? `${restarts} (${since(new Date(last).toISOString(), now)} ago)` : String(restarts);
}

/** One row's cells, in column order. */
export function podCells(obj: ApiObject, now: number, wide: boolean, allNamespaces: boolean): string[] {
  const pod = obj as unknown as Pod;
  const row = printPod(pod);
  const cells = [
    ...(allNamespaces ? [row.namespace] : []),
    row.name,
    row.ready,
    row.status,
    restartsCell(pod, row.restarts, now),
    since(pod.metadata?.creationTimestamp, now),
  ];
  if (wide) {
    const gates = pod.spec?.readinessGates ?? [];
    const gateStatus = gates.length
      ? `${gates.filter((g) => (pod.status?.conditions ?? []).some((c) => c.type === g.conditionType && c.status === 'True')).length}/${gates.length}`
      : '<none>';
    cells.push(row.ip, row.node, pod.status?.nominatedNodeName || '<none>', gateStatus);
  }
  return cells;
}

export function podHeader(wide: boolean, allNamespaces: boolean): string[] {
  return [
    ...(allNamespaces ? ['NAMESPACE'] : []),
    'NAME',
    'READY',
    'STATUS',
    'RESTARTS',
    'AGE',
    ...(wide ? ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'] : []),
  ];
}

/** The Pods at a step, in kubectl's order (namespace, then name, as the apiserver lists them). */
export function podsAt(trace: Trace, seq: number): ApiObject[] {
  return [...trace.objectsAt(seq, POD_PREFIX).entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, o]) => o);
}

/** Whether the Pods of the run live in more than one namespace (then `-A`). */
export function manyNamespaces(trace: Trace): boolean {
  const seen = new Set<string>();
  for (const s of trace.steps)
    for (const c of s.changes) if (c.key.startsWith(POD_PREFIX)) seen.add(c.key.split('/')[3] ?? '');
  return seen.size > 1;
}

/** `kubectl get pods -o wide` after step `seq`, or kubectl's message when there are none. */
export function getPodsWide(trace: Trace, seq: number, allNamespaces: boolean): string {
  const pods = podsAt(trace, seq);
  if (!pods.length) return allNamespaces ? 'No resources found' : 'No resources found in default namespace.';
  const now = wallTime(trace.steps[seq]?.at ?? 0);
  const rows = [podHeader(true, allNamespaces), ...pods.map((p) => podCells(p, now, true, allNamespaces))];
  return getTable(rows.map((r) => r.join('\t')).join('\n') + '\n');
}

export interface WatchLine {
  seq: number;
  text: string;
}

/**
 * `kubectl get pods -w` from the start up to `seq`: nothing listed at first,
 * then one line per change of a Pod. kubectl flushes its tab writer after each
 * object, and its writer (github.com/liggitt/tabwriter with RememberWidths,
 * printers.GetNewTabWriter) keeps the column widths of earlier flushes, so a
 * column only grows; the header goes with the first line.
 */
export function watchPods(trace: Trace, seq: number, allNamespaces: boolean): WatchLine[] {
  const lines: WatchLine[] = [];
  const widths: number[] = [];
  for (const step of trace.steps) {
    if (step.seq > seq) break;
    for (const c of step.changes) {
      if (!c.key.startsWith(POD_PREFIX)) continue;
      const obj = c.after ?? c.before;
      if (!obj) continue;
      const cells = podCells(obj, wallTime(step.at), false, allNamespaces);
      const rows = lines.length ? [cells] : [podHeader(false, allNamespaces), cells];
      for (let j = 0; j < cells.length - 1; j++)
        widths[j] = Math.max(widths[j] ?? 0, 6, ...rows.map((r) => [...r[j]!].length + 3));
      const text = rows
        .map((r) => r.map((cell, j) => (j < r.length - 1 ? cell.padEnd(widths[j]!) : cell)).join(''))
        .join('\n');
      lines.push({ seq: step.seq, text });
    }
  }
  return lines;
}
