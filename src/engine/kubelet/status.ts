/**
 * The Pod status the kubelet reports, computed from what it knows of the
 * sandbox and containers. Models pkg/kubelet/kubelet_pods.go
 * generateAPIPodStatus and getPhase, and the condition order kubectl shows.
 */
import type { Container, ContainerStatus, Pod, PodCondition, PodStatus } from 'kubernetes-types/core/v1';
import { isoTime } from '../apiserver/names';
import { imageId } from '../runtime/images';
import { isSidecar } from './lifecycle';
import type { PodWorker, Terminated } from './worker';

function condition(type: string, ok: boolean, now: number, reason?: string, message?: string): PodCondition {
  return {
    type,
    status: ok ? 'True' : 'False',
    lastProbeTime: null as unknown as string,
    lastTransitionTime: isoTime(now),
    ...(reason ? { reason } : {}),
    ...(message ? { message } : {}),
  };
}

export function generatePodStatus(pod: Pod, w: PodWorker, hostIP: string, now: number): PodStatus {
  // The helpers below are module functions, not closures: this runs for every status the kubelet considers.
  const containers = pod.spec?.containers ?? [];
  const inits = pod.spec?.initContainers ?? [];
  const pendingInits = inits.filter((c) => !doneInit(w, c.name) && !sidecarUp(w, c)).map((c) => c.name);
  // An init container that failed under restartPolicy Never fails the Pod (getPhase's pendingInitialization case).
  const initFailed =
    pod.spec?.restartPolicy === 'Never' &&
    inits.some((c) => !isSidecar(c) && w.containers[c.name]?.state === 'exited' && !doneInit(w, c.name));
  const initialized = pendingInits.length === 0;
  // While init containers run, the others wait as PodInitializing (ContainerCreating when there are none).
  const defaultWaiting = inits.length ? 'PodInitializing' : 'ContainerCreating';
  const statuses = containers.map((c) => statusOf(w, now, defaultWaiting, c, false));
  const initStatuses = inits.map((c) => {
    const s = statusOf(w, now, defaultWaiting, c, true);
    // An init container that completed counts as ready.
    return s.state?.terminated?.exitCode === 0 ? { ...s, ready: true } : s;
  });
  // GenerateContainersReadyCondition counts sidecars (restartable init containers) with the main containers.
  const sidecarStatuses = initStatuses.filter((_, i) => isSidecar(inits[i]));
  const notReady = [...sidecarStatuses, ...statuses].filter((s) => !s.ready).map((s) => s.name);
  const allReady = notReady.length === 0;
  // A Pod being deleted whose containers have all stopped is terminal: getPhase with podIsTerminal.
  const terminal = !!w.terminating && statuses.length > 0 && statuses.every((s) => s.state?.terminated);
  const previous = pod.status?.conditions ?? [];
  const unready = `containers with unready status: [${notReady.join(' ')}]`;
  const conditions = [
    condition('PodReadyToStartContainers', !!w.ip && !w.sandboxStopped, now),
    initialized
      ? condition('Initialized', true, now)
      : condition(
          'Initialized',
          false,
          now,
          'ContainersNotInitialized',
          `containers with incomplete status: [${pendingInits.join(' ')}]`,
        ),
    terminal
      ? condition('Ready', false, now, 'PodCompleted')
      : allReady
        ? condition('Ready', true, now)
        : condition('Ready', false, now, 'ContainersNotReady', unready),
    terminal
      ? condition('ContainersReady', false, now, 'PodCompleted')
      : allReady
        ? condition('ContainersReady', true, now)
        : condition('ContainersReady', false, now, 'ContainersNotReady', unready),
    previous.find((c) => c.type === 'PodScheduled') ?? condition('PodScheduled', true, now),
  ].map((c) => keepTransition(previous, c));
  return {
    // podIsTerminal: Succeeded when every container ended with 0, else Failed.
    phase: terminal
      ? statuses.every((s) => s.state?.terminated?.exitCode === 0)
        ? 'Succeeded'
        : 'Failed'
      : initialized
        ? getPhase(pod, statuses)
        : initFailed
          ? 'Failed'
          : 'Pending',
    conditions,
    hostIP,
    hostIPs: [{ ip: hostIP }],
    ...(w.ip ? { podIP: w.ip, podIPs: [{ ip: w.ip }] } : {}),
    startTime: isoTime(w.startTime),
    ...(inits.length ? { initContainerStatuses: initStatuses } : {}),
    containerStatuses: statuses,
    qosClass: pod.status?.qosClass ?? 'BestEffort',
  };
}

function doneInit(w: PodWorker, name: string): boolean {
  return w.containers[name]?.state === 'exited' && (w.containers[name]?.exitCode ?? 0) === 0;
}

/** A sidecar counts as initialized once it runs (it never completes) and its startup probe, if any, has passed. */
function sidecarUp(w: PodWorker, c: Container): boolean {
  return isSidecar(c) && w.containers[c.name]?.state === 'running' && w.containers[c.name]?.started !== false;
}

/** A condition keeps its lastTransitionTime while its status stays the same. */
function keepTransition(previous: PodCondition[], c: PodCondition): PodCondition {
  const old = previous.find((p) => p.type === c.type);
  return old && old.status === c.status ? { ...c, lastTransitionTime: old.lastTransitionTime } : c;
}

function terminatedState(t: Terminated): ContainerStatus['state'] {
  return {
    terminated: {
      exitCode: t.exitCode,
      reason: t.reason,
      startedAt: isoTime(t.startedAt),
      finishedAt: isoTime(t.finishedAt),
      ...(t.id ? { containerID: `containerd://${t.id}` } : {}),
    },
  };
}

function waitingState(reason: string, cs: PodWorker['containers'][string] | undefined): ContainerStatus['state'] {
  return { waiting: { reason, ...(cs?.waitingMessage ? { message: cs.waitingMessage } : {}) } };
}

function statusOf(w: PodWorker, now: number, defaultWaiting: string, c: Container, init: boolean): ContainerStatus {
  const cs = w.containers[c.name];
  // The postStart hook runs inside startContainer: the status the sync writes was generated before
  // the container started, so it still waits (ContainerCreating) until the sync after the hook.
  // A failed hook's killContainer runs inside the same startContainer.
  const inPostStart = cs?.hook === 'postStart' || cs?.killing === 'postStart';
  const running = cs?.state === 'running' && !inPostStart;
  const exited = cs?.state === 'exited';
  // Running is not Ready: with a startup probe it waits for that, with a readiness probe for its first success.
  const ready = running && (cs?.ready ?? true) && cs?.started !== false;
  const cid = cs?.id && !inPostStart ? `containerd://${cs.id}` : undefined;
  const current: Terminated | undefined = exited
    ? {
        exitCode: cs.exitCode ?? 0,
        reason: cs.reason ?? 'Completed',
        startedAt: cs.startedAt ?? now,
        finishedAt: cs.finishedAt ?? now,
        ...(cs.id ? { id: cs.id } : {}),
      }
    : undefined;
  // convertToAPIContainerStatuses: an exited container the kubelet will restart but holds back
  // (the reasonCache has CrashLoopBackOff) shows as waiting, its exit moving to lastState.
  const backingOff = exited && !!cs.waitingReason;
  const state: ContainerStatus['state'] = running
    ? { running: { startedAt: isoTime(cs.startedAt ?? now) } }
    : backingOff
      ? waitingState(cs.waitingReason!, cs)
      : current
        ? terminatedState(current)
        : waitingState(cs?.waitingReason ?? (init ? 'PodInitializing' : defaultWaiting), cs);
  const last = backingOff ? current : cs?.lastTerminated;
  return {
    name: c.name,
    image: c.image ?? '',
    imageID: cs?.imagePulled ? imageId(c.image ?? '') : '',
    ...(cid ? { containerID: cid } : {}),
    ready,
    started: running && cs?.started !== false,
    restartCount: cs?.restartCount ?? 0,
    state,
    lastState: last ? terminatedState(last) : {},
  };
}

/**
 * getPhase (kubelet_pods.go) for a Pod whose init containers are done: a
 * waiting container that never ran keeps it Pending; one that has run and
 * waits to be restarted counts as stopped, and with restartPolicy Always a
 * Pod of stopped containers is still Running (it is in back-off).
 */
export function getPhase(pod: Pod, statuses: ContainerStatus[]): PodStatus['phase'] {
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const s of statuses) {
    if (s.state?.running) running++;
    else if (s.state?.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.lastState?.terminated) stopped++;
    else waiting++;
  }
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    const policy = pod.spec?.restartPolicy ?? 'Always';
    if (policy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (policy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}
