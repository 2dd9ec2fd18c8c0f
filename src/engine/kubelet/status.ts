/**
 * The Pod status the kubelet reports, computed from what it knows of the
 * sandbox and containers. Models pkg/kubelet/kubelet_pods.go
 * generateAPIPodStatus and getPhase, and the condition order kubectl shows.
 */
import type { ContainerStatus, Pod, PodCondition, PodStatus } from 'kubernetes-types/core/v1';
import { isoTime } from '../apiserver/names';
import { imageId } from '../runtime/images';
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
  const statuses: ContainerStatus[] = containers.map((c) => {
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
      started: running,
      restartCount: 0,
      state: running
        ? { running: { startedAt: isoTime(cs.startedAt ?? now) } }
        : exited
          ? {
              terminated: {
                exitCode: 0,
                reason: 'Completed',
                startedAt: isoTime(cs.startedAt ?? now),
                finishedAt: isoTime(cs.finishedAt ?? now),
                ...(cs.id ? { containerID: `containerd://${cs.id}` } : {}),
              },
            }
          : { waiting: { reason: cs?.waitingReason ?? 'ContainerCreating' } },
      lastState: {},
    };
  });
  const notReady = statuses.filter((s) => !s.ready).map((s) => s.name);
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
    condition('Initialized', true, now),
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
    phase: terminal ? 'Succeeded' : allRunning ? 'Running' : 'Pending',
    conditions,
    hostIP,
    hostIPs: [{ ip: hostIP }],
    ...(w.ip ? { podIP: w.ip, podIPs: [{ ip: w.ip }] } : {}),
    startTime: isoTime(w.startTime),
    containerStatuses: statuses,
    qosClass: pod.status?.qosClass ?? 'BestEffort',
  };
}
