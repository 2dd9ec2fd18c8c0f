/**
 * The Pods the diagram shows at a step: every Pod object in etcd at that
 * point, printed as `kubectl get pods` prints it, grouped by node.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { PodRow, Trace } from '../engine';
import { printPod } from '../engine/kubectl/print-pod';

export type PodHealth = 'ok' | 'progress' | 'failed';

export interface PodView extends PodRow {
  key: string;
  health: PodHealth;
  /**
   * Why a Pod that kubectl prints as Pending cannot go on, when a condition
   * says so: PodScheduled=False with reason Unschedulable (kubectl describe's Conditions).
   */
  blocked?: string;
}

/** The PodScheduled condition's reason when the scheduler found no node: the card shows it as a failure. */
function blockedOf(pod: Pod): string | undefined {
  const c = pod.status?.conditions?.find((x) => x.type === 'PodScheduled');
  return c?.status === 'False' && c.reason === 'Unschedulable' ? c.reason : undefined;
}

const FAILED = /Err|BackOff|Error|OOMKilled|Failed|Invalid|Unknown|ExitCode|Evicted/;

export function healthOf(row: PodRow): PodHealth {
  if (FAILED.test(row.status)) return 'failed';
  const [ready, total] = row.ready.split('/');
  return row.status === 'Running' && ready === total ? 'ok' : 'progress';
}

let memo: { trace: Trace; seq: number; byNode: Map<string, PodView[]> } | undefined;

/** Stored objects never change in place, so one view per stored object keeps unchanged cards from re-rendering. */
const views = new WeakMap<object, PodView>();

function viewOf(key: string, obj: object): PodView {
  let view = views.get(obj);
  if (!view) {
    const row = printPod(obj as Pod);
    const blocked = blockedOf(obj as Pod);
    view = { ...row, key, health: blocked ? 'failed' : healthOf(row), ...(blocked ? { blocked } : {}) };
    views.set(obj, view);
  }
  return view;
}

/** Pods by node name ('' for unscheduled) after step `seq`; memoized for the last (trace, seq). */
export function podsAt(trace: Trace, seq: number): Map<string, PodView[]> {
  if (memo && memo.trace === trace && memo.seq === seq) return memo.byNode;
  const byNode = new Map<string, PodView[]>();
  for (const [key, obj] of trace.objectsAt(seq, '/registry/pods/')) {
    const view = viewOf(key, obj);
    const node = view.node === '<none>' ? '' : view.node;
    const list = byNode.get(node) ?? [];
    list.push(view);
    byNode.set(node, list);
  }
  memo = { trace, seq, byNode };
  return byNode;
}

/** Is the Node Ready after step `seq`? A Node with no Ready condition counts as ready (nothing says otherwise). */
export function nodeReadyAt(trace: Trace, node: string, seq: number): boolean {
  const obj = trace.objectAt(`/registry/minions/${node}`, seq) as
    { status?: { conditions?: { type: string; status: string }[] } } | undefined;
  const ready = obj?.status?.conditions?.find((c) => c.type === 'Ready');
  return !ready || ready.status === 'True';
}
