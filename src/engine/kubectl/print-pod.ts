/**
 * What `kubectl get pods` prints for a Pod: READY and STATUS. Models
 * pkg/printers/internalversion/printers.go printPod, for the states podflow
 * simulates.
 */
import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import { EPOCH } from '../apiserver/names';

export interface PodRow {
  name: string;
  namespace: string;
  ready: string;
  status: string;
  restarts: number;
  /** The RESTARTS column: `2 (35s ago)` once a container has a last termination, else the count. */
  restartsText: string;
  ip: string;
  node: string;
}

/**
 * duration.HumanDuration (apimachinery/pkg/util/duration), which kubectl's
 * translateTimestampSince uses for AGE and `(… ago)`.
 */
export function humanDuration(ms: number): string {
  // Go's int(d.Seconds()) truncates toward zero.
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.floor(hours / 24) % 365;
    return dy === 0 ? `${Math.floor(hours / 24 / 365)}y` : `${Math.floor(hours / 24 / 365)}y${dy}d`;
  }
  return `${Math.floor(hours / 24 / 365)}y`;
}

/** The latest lastState.terminated.finishedAt among the statuses, in ms since the epoch (0 when none). */
function lastRestart(statuses: ContainerStatus[]): number {
  let latest = 0;
  for (const c of statuses) {
    const at = c.lastState?.terminated?.finishedAt;
    if (at) latest = Math.max(latest, Date.parse(at));
  }
  return latest;
}

/**
 * `now` is the virtual time (ms since the run began) at which kubectl
 * prints, for RESTARTS' `(… ago)`; without it only the count shows.
 */
export function printPod(pod: Pod, now?: number): PodRow {
  const spec = pod.spec;
  const st = pod.status ?? {};
  let reason = st.reason ?? st.phase ?? 'Pending';
  // Sidecars (restartable init containers) count in READY beside the main containers.
  const sidecars = new Set((spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  const total = (spec?.containers.length ?? 0) + sidecars.size;
  let ready = 0;
  let restarts = 0;

  const inits = spec?.initContainers ?? [];
  let initializing = false;
  (st.initContainerStatuses ?? []).forEach((c, i) => {
    restarts += c.restartCount;
    if (initializing) return;
    // A started sidecar does not hold the Pod in Init; it counts when ready.
    if (sidecars.has(c.name) && c.started) {
      if (c.ready) ready++;
      return;
    }
    if (c.state?.terminated && c.state.terminated.exitCode === 0) return;
    initializing = true;
    if (c.state?.terminated) {
      reason = c.state.terminated.reason
        ? `Init:${c.state.terminated.reason}`
        : `Init:ExitCode:${c.state.terminated.exitCode}`;
    } else if (c.state?.waiting?.reason && c.state.waiting.reason !== 'PodInitializing') {
      reason = `Init:${c.state.waiting.reason}`;
    } else {
      reason = `Init:${i}/${inits.length}`;
    }
  });

  if (!initializing) {
    let hasRunning = false;
    for (const c of [...(st.containerStatuses ?? [])].reverse()) {
      restarts += c.restartCount;
      if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
      else if (c.state?.terminated?.reason) reason = c.state.terminated.reason;
      else if (c.state?.terminated?.signal) reason = `Signal:${c.state.terminated.signal}`;
      else if (c.state?.terminated) reason = `ExitCode:${c.state.terminated.exitCode}`;
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    // A finished container beside a running one: Running if the Pod is Ready, else NotReady.
    if (reason === 'Completed' && hasRunning) {
      const podReady = (st.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
      reason = podReady ? 'Running' : 'NotReady';
    }
  }
  if (pod.metadata?.deletionTimestamp) reason = 'Terminating';
  const last = lastRestart([...(st.initContainerStatuses ?? []), ...(st.containerStatuses ?? [])]);
  const restartsText =
    restarts !== 0 && last > 0 && now !== undefined
      ? `${restarts} (${humanDuration(EPOCH + now - last)} ago)`
      : String(restarts);

  return {
    name: pod.metadata?.name ?? '',
    namespace: pod.metadata?.namespace ?? '',
    ready: `${ready}/${total}`,
    status: reason,
    restarts,
    restartsText,
    ip: st.podIP ?? '<none>',
    node: spec?.nodeName ?? '<none>',
  };
}
