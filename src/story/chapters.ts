/**
 * The story's chapters (../shared/docs/the-story.md, steps 0–15): which
 * chapter each step belongs to, so the scrubber can show where the story is
 * and jump to a chapter. Decided by the step's catalog key, the one thing
 * every step has.
 */
import type { Step } from '../engine/types';

export const CHAPTERS = [
  'listening',
  'kubectl',
  'checks',
  'stored',
  'controllers',
  'scheduling',
  'binding',
  'kubelet',
  'sandbox',
  'ip',
  'containers',
  'probes',
  'status',
  'endpoints',
  'proxy-dns',
  'afterwards',
] as const;
export type Chapter = (typeof CHAPTERS)[number];

/** First match wins: more specific prefixes come before the general ones. */
const RULES: readonly [prefix: string, chapter: Chapter][] = [
  ['cluster-watching', 'listening'],
  ['informer-', 'listening'],
  ['kubectl-', 'kubectl'],
  ['apiserver-store-running', 'status'],
  ['apiserver-delete', 'afterwards'],
  ['apiserver-watch', 'controllers'],
  ['apiserver-store', 'stored'],
  ['apiserver-', 'checks'],
  ['deployment-', 'controllers'],
  ['replicaset-', 'controllers'],
  ['serviceaccount-', 'controllers'],
  ['scheduler-bind', 'binding'],
  ['scheduler-', 'scheduling'],
  ['kubelet-volumes', 'kubelet'],
  ['kubelet-mount-failed', 'kubelet'],
  ['kubelet-volume-mounted', 'kubelet'],
  ['kubelet-static-pod', 'kubelet'],
  ['kubelet-mirror-create', 'kubelet'],
  ['kubelet-mirror-delete', 'afterwards'],
  ['kubelet-hook-prestop', 'afterwards'],
  ['kubelet-hook-poststart-failed', 'containers'],
  ['runtime-sigkill', 'afterwards'],
  ['csi-create-pv', 'binding'],
  ['pv-bind-claim', 'binding'],
  ['kubelet-run-sandbox', 'sandbox'],
  ['kubelet-sandbox-failed', 'sandbox'],
  ['kubelet-container-exited', 'containers'],
  ['kubelet-crash-backoff', 'containers'],
  ['kubelet-restart', 'containers'],
  ['runtime-sandbox-status', 'ip'],
  ['kubelet-probe', 'probes'],
  ['kubelet-status', 'status'],
  ['kubelet-pull', 'containers'],
  ['kubelet-start', 'containers'],
  ['kubelet-create', 'containers'],
  ['runtime-container', 'containers'],
  ['endpointslice-', 'endpoints'],
  ['kube-proxy-', 'proxy-dns'],
  ['coredns-', 'proxy-dns'],
  ['request-', 'proxy-dns'],
  // Services and traffic (issue #5): the policy agent and the ingress controller follow the cluster too (story step 14).
  ['felix-', 'proxy-dns'],
  ['ingress-nginx-', 'proxy-dns'],
];

/** The chapter of a step, or null for a step the story does not place (the run's end, a fault, …). */
export function chapterOf(step: Step): Chapter | null {
  const key = step.say.key;
  if (
    key.startsWith('kubelet-terminate') ||
    key.startsWith('kubelet-stop') ||
    key.startsWith('kubelet-delete') ||
    key.startsWith('node-lifecycle-') ||
    key.startsWith('taint-eviction-') ||
    key.startsWith('fault-')
  )
    return 'afterwards';
  return RULES.find(([prefix]) => key.startsWith(prefix))?.[1] ?? null;
}

export interface ChapterStart {
  chapter: Chapter;
  /** The cursor that shows the chapter's first step (1-based, as the scrubber counts). */
  cursor: number;
}

/** Where each chapter first appears among the visible steps, in story order of appearance. */
export function chapterStarts(visible: readonly Step[]): ChapterStart[] {
  const seen = new Set<Chapter>();
  const out: ChapterStart[] = [];
  visible.forEach((step, i) => {
    const chapter = chapterOf(step);
    if (!chapter || seen.has(chapter)) return;
    seen.add(chapter);
    out.push({ chapter, cursor: i + 1 });
  });
  return out;
}

/** The chapter the learner is in: the last chapter that has begun at or before the cursor. */
export function chapterAt(starts: readonly ChapterStart[], cursor: number): ChapterStart | null {
  let current: ChapterStart | null = null;
  for (const s of starts) if (s.cursor <= cursor) current = s;
  return current;
}
