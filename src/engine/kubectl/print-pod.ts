/**
 * What `kubectl get pods` prints for a Pod: READY and STATUS. Models
 * pkg/printers/internalversion/printers.go printPod, for the states podflow
 * simulates.
 */
import type { Pod } from 'kubernetes-types/core/v1';

export interface PodRow {
  name: string;
  namespace: string;
  ready: string;
  status: string;
  restarts: number;
  ip: string;
  node: string;
}

export function printPod(pod: Pod): PodRow {
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

  return {
    name: pod.metadata?.name ?? '',
    namespace: pod.metadata?.namespace ?? '',
    ready: `${ready}/${total}`,
    status: reason,
    restarts,
    ip: st.podIP ?? '<none>',
    node: spec?.nodeName ?? '<none>',
  };
}
