/**
 * Each Pod's life over virtual time, read from the trace alone: the Pod
 * object's writes (created, bound, Ready, deletionTimestamp, gone) and the
 * kubelet's and runtime's steps for it (RunPodSandbox, PullImage,
 * StartContainer, a container that died, a restart). The phases are the ones
 * a learner sees in `kubectl get pods -w` and `kubectl describe pod`, at the
 * resolution of the simulation (ms), not of the API's timestamps (seconds).
 */
import type { ApiObject, Step, Trace } from '../engine/types';

export type LifecyclePhase =
  /** Stored, not yet bound: waiting for kube-scheduler. */
  | 'pending'
  /** Bound to a node: the kubelet admits it and mounts its volumes. */
  | 'scheduled'
  /** RunPodSandbox: network namespace, CNI ADD, the pause container. */
  | 'sandbox'
  /** PullImage. */
  | 'pulling'
  /** CreateContainer and StartContainer (ContainerCreating). */
  | 'creating'
  /** Init containers (and sidecars) run, one after another. */
  | 'init'
  /** The app containers run; not (yet) Ready. */
  | 'running'
  /** The Pod's Ready condition is True: it serves. */
  | 'ready'
  /** A container exited or an image cannot be pulled: the kubelet waits out its back-off. */
  | 'backoff'
  /** Every container has ended for good: phase Succeeded or Failed. */
  | 'completed'
  /** deletionTimestamp is set: the kubelet stops the containers within the grace period. */
  | 'terminating';

export const LIFECYCLE_PHASES: readonly LifecyclePhase[] = [
  'pending',
  'scheduled',
  'sandbox',
  'pulling',
  'creating',
  'init',
  'running',
  'ready',
  'backoff',
  'completed',
  'terminating',
];

export interface Band {
  phase: LifecyclePhase;
  /** Virtual time, ms. */
  from: number;
  to: number;
  /** The step that began it (its seq). */
  seq: number;
}

export interface Restart {
  at: number;
  seq: number;
  container: string;
  /** The restart count after it, as the kubelet reports it. */
  count: number;
}

export interface PodLifecycle {
  /** The Pod's etcd key. */
  key: string;
  name: string;
  namespace: string;
  node?: string;
  bands: Band[];
  restarts: Restart[];
  /** When the Pod object was removed (the end of its last band), if it was. */
  deletedAt?: number;
}

interface PodStatusLike {
  phase?: string;
  conditions?: { type?: string; status?: string }[];
}

const podStatus = (o: ApiObject | null | undefined): PodStatusLike => (o?.status ?? {}) as PodStatusLike;
const nodeName = (o: ApiObject | null | undefined): string | undefined =>
  (o?.spec as { nodeName?: string } | undefined)?.nodeName || undefined;
const isReady = (o: ApiObject | null | undefined): boolean =>
  !!podStatus(o).conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
const isDone = (o: ApiObject | null | undefined): boolean =>
  podStatus(o).phase === 'Succeeded' || podStatus(o).phase === 'Failed';

/** The kubelet's requests that begin a phase, by catalog key. */
const REQUEST_PHASE: Record<string, LifecyclePhase> = {
  'kubelet-run-sandbox': 'sandbox',
  'kubelet-pull': 'pulling',
  'kubelet-pull-always': 'pulling',
  'kubelet-create': 'creating',
  'kubelet-start-init': 'init',
  'kubelet-start-sidecar': 'init',
};

/** Steps (any kind) that begin a phase for the Pod they are for. */
const STEP_PHASE: Record<string, LifecyclePhase> = {
  'kubelet-pull-backoff': 'backoff',
  'kubelet-pull-failed': 'backoff',
  'kubelet-crash-backoff': 'backoff',
  'kubelet-sandbox-failed': 'backoff',
};

interface Building {
  life: PodLifecycle;
  phase: LifecyclePhase | null;
}

/** Every Pod of the run, in the order they were created, with its bands up to the run's end. */
export function podLifecycles(trace: Pick<Trace, 'steps'>): PodLifecycle[] {
  const steps = trace.steps;
  const end = steps.length ? steps[steps.length - 1]!.at : 0;
  const all: PodLifecycle[] = [];
  const live = new Map<string, Building>();
  /** The request a CRI answer belongs to, by request id: its catalog key. */
  const requests = new Map<number, string>();

  const enter = (b: Building, phase: LifecyclePhase, s: Step): void => {
    // Terminating is the end; a completed Pod can only be deleted.
    if (b.phase === phase || b.phase === 'terminating') return;
    if (b.phase === 'completed' && phase !== 'terminating') return;
    const last = b.life.bands.at(-1);
    if (last && last.to === Infinity) last.to = s.at;
    b.life.bands.push({ phase, from: s.at, to: Infinity, seq: s.seq });
    b.phase = phase;
  };

  for (const s of steps) {
    // The Pod object's writes: created, bound, Ready, terminating, gone.
    for (const c of s.changes) {
      if (!c.key.startsWith('/registry/pods/')) continue;
      let b = live.get(c.key);
      if (!b && c.after) {
        const meta = c.after.metadata;
        const life: PodLifecycle = {
          key: c.key,
          name: String(meta.name ?? ''),
          namespace: String(meta.namespace ?? ''),
          bands: [],
          restarts: [],
        };
        all.push(life);
        b = { life, phase: null };
        live.set(c.key, b);
        // A static Pod's mirror arrives bound, after its kubelet has begun.
        enter(b, nodeName(c.after) ? 'scheduled' : 'pending', s);
      }
      if (!b) continue;
      if (!c.after) {
        const last = b.life.bands.at(-1);
        if (last && last.to === Infinity) last.to = s.at;
        b.life.deletedAt = s.at;
        live.delete(c.key);
        continue;
      }
      const node = nodeName(c.after);
      if (node) b.life.node = node;
      if (c.after.metadata.deletionTimestamp && !c.before?.metadata.deletionTimestamp) enter(b, 'terminating', s);
      else if (isDone(c.after) && !isDone(c.before)) enter(b, 'completed', s);
      else if (node && !nodeName(c.before) && b.phase === 'pending') enter(b, 'scheduled', s);
      else if (isReady(c.after) && !isReady(c.before)) enter(b, 'ready', s);
      else if (!isReady(c.after) && isReady(c.before) && b.phase === 'ready') enter(b, 'running', s);
    }
    if (!s.pod) continue;
    const b = live.get(s.pod);
    if (!b) continue;
    const key = s.say.key;
    if (s.kind === 'request' && s.requestId !== undefined) requests.set(s.requestId, key);
    const starts = s.kind === 'request' ? REQUEST_PHASE[key] : undefined;
    if (starts) {
      enter(b, starts, s);
      continue;
    }
    if (STEP_PHASE[key]) {
      enter(b, STEP_PHASE[key], s);
      continue;
    }
    if (key === 'kubelet-restart') {
      const count = Number(s.say.params.restarts);
      b.life.restarts.push({
        at: s.at,
        seq: s.seq,
        container: String(s.say.params.container ?? ''),
        count: Number.isFinite(count) ? count : b.life.restarts.length + 1,
      });
      continue;
    }
    if (s.kind === 'response' && s.requestId !== undefined) {
      const asked = requests.get(s.requestId);
      if (asked === 'kubelet-start' && key === 'runtime-started') {
        // The app container runs; Ready comes from the Pod's condition (readiness probes may hold it).
        enter(b, 'running', s);
      } else if ((asked === 'kubelet-start-init' || asked === 'kubelet-start-sidecar') && key === 'runtime-started') {
        enter(b, 'init', s);
      }
      continue;
    }
    // An app container died (not an init container finishing its work): until the kubelet restarts it.
    if (key === 'kubelet-container-exited' && (b.phase === 'running' || b.phase === 'ready')) enter(b, 'backoff', s);
  }
  for (const life of all) {
    const last = life.bands.at(-1);
    if (last && last.to === Infinity) last.to = Math.max(end, last.from);
  }
  return all;
}

/** How long a band lasted, as a learner reads it: `450 ms`, `2.2 s`, `1 m 05 s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} m ${String(s % 60).padStart(2, '0')} s`;
}

/** The cursor that shows the moment `at`: the last visible step at or before it (0 before the first). */
export function cursorForTime(visible: readonly Pick<Step, 'at'>[], at: number): number {
  let lo = 0;
  let hi = visible.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (visible[mid]!.at <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
