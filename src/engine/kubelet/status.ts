/**
 * The Pod status the kubelet reports, computed from what it knows of the
 * sandbox and containers. Models pkg/kubelet/kubelet_pods.go
 * generateAPIPodStatus and getPhase, and the condition order kubectl shows.
 */
import type { ContainerStatus, Pod, PodCondition, PodStatus } from 'kubernetes-types/core/v1';
import { isoTime } from '../apiserver/names';
import { imageId } from '../runtime/images';
import { isSidecar } from './lifecycle';
import type { PodWorker } from './worker';

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
  const containers = pod.spec?.containers ?? [];
  const inits = pod.spec?.initContainers ?? [];
  // A sidecar counts as initialized once it runs (it never completes).
  const pendingInits = inits
    .filter(
      (c) =>
        w.containers[c.name]?.state !== 'exited' &&
        !(
          isSidecar(c) &&
          w.containers[c.name]?.state === 'running' &&
          (!c.startupProbe || w.containers[c.name]?.startupPassed)
        ),
    )
    .map((c) => c.name);
  const initialized = pendingInits.length === 0;
  // While init containers run, the others wait as PodInitializing (ContainerCreating when there are none).
  const defaultWaiting = inits.length ? 'PodInitializing' : 'ContainerCreating';
  const statusOf = (c: (typeof containers)[number], init: boolean): ContainerStatus => {
    const cs = w.containers[c.name];
    const running = cs?.state === 'running';
    const exited = cs?.state === 'exited';
    // Running is not Ready: with a readiness probe, ready waits for its first success.
    const ready = running && (cs?.ready ?? true);
    return {
      name: c.name,
      image: c.image ?? '',
      imageID: cs?.imagePulled ? imageId(c.image ?? '') : '',
      ...(cs?.id ? { containerID: `containerd://${cs.id}` } : {}),
      ready,
      // Started waits for the startup probe, if the container has one.
      started: running && (!c.startupProbe || !!cs?.startupPassed),
      restartCount: 0,
      state: running
        ? { running: { startedAt: isoTime(cs.startedAt ?? now) } }
        : exited
          ? {
              terminated: {
                exitCode: cs.exitCode ?? 0,
                // SIGKILL at the end of the grace period: 137 and Error.
                reason: (cs.exitCode ?? 0) === 0 ? 'Completed' : 'Error',
                startedAt: isoTime(cs.startedAt ?? now),
                finishedAt: isoTime(cs.finishedAt ?? now),
                ...(cs.id ? { containerID: `containerd://${cs.id}` } : {}),
              },
            }
          : { waiting: { reason: cs?.waitingReason ?? (init ? 'PodInitializing' : defaultWaiting) } },
      lastState: {},
    };
  };
  const statuses = containers.map((c) => statusOf(c, false));
  const initStatuses = inits.map((c) => {
    const s = statusOf(c, true);
    // An init container that completed counts as ready.
    return s.state?.terminated ? { ...s, ready: true } : s;
  });
  // GenerateContainersReadyCondition counts sidecars (restartable init containers) with the main containers.
  const sidecarStatuses = initStatuses.filter((_, i) => isSidecar(inits[i]));
  const notReady = [...sidecarStatuses, ...statuses].filter((s) => !s.ready).map((s) => s.name);
  const allReady = notReady.length === 0;
  const allRunning = statuses.length > 0 && statuses.every((s) => s.state?.running);
  // A Pod being deleted whose containers have all stopped is terminal: getPhase with podIsTerminal.
  const terminal = !!w.terminating && statuses.length > 0 && statuses.every((s) => s.state?.terminated);
  const previous = pod.status?.conditions ?? [];
  const keep = (c: PodCondition): PodCondition => {
    const old = previous.find((p) => p.type === c.type);
    return old && old.status === c.status ? { ...c, lastTransitionTime: old.lastTransitionTime } : c;
  };
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
  ].map(keep);
  return {
    phase: terminal
      ? statuses.some((s) => (s.state?.terminated?.exitCode ?? 0) !== 0)
        ? 'Failed'
        : 'Succeeded'
      : allRunning
        ? 'Running'
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
