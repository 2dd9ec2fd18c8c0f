/**
 * The Pod status the kubelet reports, computed from what it knows of the
 * sandbox and containers. Models pkg/kubelet/kubelet_pods.go
 * generateAPIPodStatus and getPhase, and the condition order kubectl shows.
 */
import type { Container, ContainerStatus, Pod, PodCondition, PodStatus } from 'kubernetes-types/core/v1';
import { isoTime } from '../apiserver/names';
import { imageId } from '../runtime/images';
import { isSidecar } from './lifecycle';
import type { ContainerRecord, PodWorker, Terminated } from './worker';

/**
 * A condition, keeping its lastTransitionTime while its status stays what the
 * Pod's previous status said. Built in one literal per shape (fields in the
 * order kubectl -o yaml shows them): this runs for every status the kubelet sends.
 */
function condition(
  previous: PodCondition[],
  type: string,
  ok: boolean,
  now: number,
  reason?: string,
  message?: string,
): PodCondition {
  const status = ok ? 'True' : 'False';
  const old = previousCondition(previous, type);
  const lastTransitionTime = old && old.status === status ? old.lastTransitionTime : isoTime(now);
  const lastProbeTime = null as unknown as string;
  if (!reason) return { type, status, lastProbeTime, lastTransitionTime };
  if (!message) return { type, status, lastProbeTime, lastTransitionTime, reason };
  return { type, status, lastProbeTime, lastTransitionTime, reason, message };
}

function previousCondition(previous: PodCondition[], type: string): PodCondition | undefined {
  for (const c of previous) if (c.type === type) return c;
  return undefined;
}

export function generatePodStatus(pod: Pod, w: PodWorker, hostIP: string, now: number): PodStatus {
  // The helpers below are module functions, not closures, and the passes are loops that build only
  // what the status holds: this runs for every status the kubelet considers.
  const containers = pod.spec?.containers ?? [];
  const inits = pod.spec?.initContainers ?? [];
  // While init containers run, the others wait as PodInitializing (ContainerCreating when there are none).
  const defaultWaiting = inits.length ? 'PodInitializing' : 'ContainerCreating';
  const never = pod.spec?.restartPolicy === 'Never';
  const pendingInits: string[] = [];
  // An init container that failed under restartPolicy Never fails the Pod (getPhase's pendingInitialization case).
  let initFailed = false;
  const initStatuses: ContainerStatus[] = [];
  // GenerateContainersReadyCondition counts sidecars (restartable init containers) with the main containers.
  const notReady: string[] = [];
  for (const c of inits) {
    const done = doneInit(w, c.name);
    const sidecar = isSidecar(c);
    if (!done && !sidecarUp(w, c)) pendingInits.push(c.name);
    if (never && !sidecar && !done && w.containers[c.name]?.state === 'exited') initFailed = true;
    const s = statusOf(w, now, defaultWaiting, c, true);
    // An init container that completed counts as ready.
    if (s.state?.terminated?.exitCode === 0) s.ready = true;
    initStatuses.push(s);
    if (sidecar && !s.ready) notReady.push(s.name);
  }
  const initialized = pendingInits.length === 0;
  const statuses: ContainerStatus[] = [];
  // A Pod being deleted whose containers have all stopped is terminal: getPhase with podIsTerminal.
  let allTerminated = true;
  let allSucceeded = true;
  for (const c of containers) {
    const s = statusOf(w, now, defaultWaiting, c, false);
    statuses.push(s);
    if (!s.ready) notReady.push(s.name);
    if (!s.state?.terminated) allTerminated = false;
    if (s.state?.terminated?.exitCode !== 0) allSucceeded = false;
  }
  const allReady = notReady.length === 0;
  const terminal = !!w.terminating && statuses.length > 0 && allTerminated;
  const previous = pod.status?.conditions ?? [];
  const unready = allReady ? '' : `containers with unready status: [${notReady.join(' ')}]`;
  const scheduled = previousCondition(previous, 'PodScheduled');
  const conditions = [
    condition(previous, 'PodReadyToStartContainers', !!w.ip && !w.sandboxStopped, now),
    initialized
      ? condition(previous, 'Initialized', true, now)
      : condition(
          previous,
          'Initialized',
          false,
          now,
          'ContainersNotInitialized',
          `containers with incomplete status: [${pendingInits.join(' ')}]`,
        ),
    terminal
      ? condition(previous, 'Ready', false, now, 'PodCompleted')
      : allReady
        ? condition(previous, 'Ready', true, now)
        : condition(previous, 'Ready', false, now, 'ContainersNotReady', unready),
    terminal
      ? condition(previous, 'ContainersReady', false, now, 'PodCompleted')
      : allReady
        ? condition(previous, 'ContainersReady', true, now)
        : condition(previous, 'ContainersReady', false, now, 'ContainersNotReady', unready),
    // The scheduler's condition, as it stands (a copy: the status sent is its own object).
    scheduled
      ? { ...scheduled, lastTransitionTime: scheduled.lastTransitionTime }
      : condition(previous, 'PodScheduled', true, now),
  ];
  // Fields added in the order kubectl -o yaml shows them; podIP and initContainerStatuses only when there are some.
  const status: PodStatus = {
    // podIsTerminal: Succeeded when every container ended with 0, else Failed.
    phase: terminal
      ? allSucceeded
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
  };
  if (w.ip) {
    status.podIP = w.ip;
    status.podIPs = [{ ip: w.ip }];
  }
  status.startTime = isoTime(w.startTime);
  if (inits.length) status.initContainerStatuses = initStatuses;
  status.containerStatuses = statuses;
  status.qosClass = pod.status?.qosClass ?? 'BestEffort';
  return status;
}

function doneInit(w: PodWorker, name: string): boolean {
  const cs = w.containers[name];
  return cs?.state === 'exited' && (cs.exitCode ?? 0) === 0;
}

/** A sidecar counts as initialized once it runs (it never completes) and its startup probe, if any, has passed. */
function sidecarUp(w: PodWorker, c: Container): boolean {
  const cs = w.containers[c.name];
  return isSidecar(c) && cs?.state === 'running' && cs.started !== false;
}

function terminatedState(
  exitCode: number,
  reason: string,
  startedAt: number,
  finishedAt: number,
  id: string | undefined,
): ContainerStatus['state'] {
  return {
    terminated: id
      ? {
          exitCode,
          reason,
          startedAt: isoTime(startedAt),
          finishedAt: isoTime(finishedAt),
          containerID: `containerd://${id}`,
        }
      : { exitCode, reason, startedAt: isoTime(startedAt), finishedAt: isoTime(finishedAt) },
  };
}

function lastTerminatedState(t: Terminated): ContainerStatus['state'] {
  return terminatedState(t.exitCode, t.reason, t.startedAt, t.finishedAt, t.id);
}

function waitingState(reason: string, cs: ContainerRecord | undefined): ContainerStatus['state'] {
  return { waiting: cs?.waitingMessage ? { reason, message: cs.waitingMessage } : { reason } };
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
  // convertToAPIContainerStatuses: an exited container the kubelet will restart but holds back
  // (the reasonCache has CrashLoopBackOff) shows as waiting, its exit moving to lastState.
  const backingOff = exited && !!cs.waitingReason;
  // The current instance's exit, when it has ended.
  const current = exited
    ? terminatedState(cs.exitCode ?? 0, cs.reason ?? 'Completed', cs.startedAt ?? now, cs.finishedAt ?? now, cs.id)
    : undefined;
  const state: ContainerStatus['state'] = running
    ? { running: { startedAt: isoTime(cs.startedAt ?? now) } }
    : backingOff
      ? waitingState(cs.waitingReason!, cs)
      : current
        ? current
        : waitingState(cs?.waitingReason ?? (init ? 'PodInitializing' : defaultWaiting), cs);
  const lastState = backingOff ? current! : cs?.lastTerminated ? lastTerminatedState(cs.lastTerminated) : {};
  const image = c.image ?? '';
  const imageID = cs?.imagePulled ? imageId(image) : '';
  const started = running && cs?.started !== false;
  const restartCount = cs?.restartCount ?? 0;
  // Fields in the order kubectl -o yaml shows them; containerID once the container exists (and its hook has run).
  return cs?.id && !inPostStart
    ? {
        name: c.name,
        image,
        imageID,
        containerID: `containerd://${cs.id}`,
        ready,
        started,
        restartCount,
        state,
        lastState,
      }
    : { name: c.name, image, imageID, ready, started, restartCount, state, lastState };
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
