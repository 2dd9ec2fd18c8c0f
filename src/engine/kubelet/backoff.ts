/**
 * The kubelet's back-offs, as client-go's flowcontrol.Backoff keeps them
 * (staging/src/k8s.io/client-go/util/flowcontrol/backoff.go): per key, a
 * delay that starts at 10 s and doubles up to MaxContainerBackOff (300 s),
 * forgotten once the key has been quiet for twice the maximum (10 min).
 * The kubelet has two: crashLoopBackOff for container restarts
 * (kuberuntime_manager.go doBackOff) and the image manager's for pulls
 * (images/image_manager.go); both are NewBackOff(backOffPeriod, MaxContainerBackOff)
 * in kubelet.go, without jitter.
 */

/** kubelet.go backOffPeriod. */
export const BACKOFF_PERIOD_MS = 10_000;
/** pkg/kubelet/container MaxContainerBackOff. */
export const MAX_CONTAINER_BACKOFF_MS = 300_000;
/** pod_workers.go workerBackOffPeriodJitterFactor: requeues wait between d and 1.5·d. */
export const WORKER_JITTER = 0.5;

export interface Backoff {
  items: Record<string, { backoff: number; lastUpdate: number }>;
}

export function newBackoff(): Backoff {
  return { items: {} };
}

/** hasExpired: quiet for more than twice the maximum, the key starts over. */
function hasExpired(eventTime: number, lastUpdate: number): boolean {
  return eventTime - lastUpdate > 2 * MAX_CONTAINER_BACKOFF_MS;
}

/** Next: the first failure (or the first after a long quiet) waits 10 s, each further one twice as long. */
export function backoffNext(b: Backoff, id: string, eventTime: number, now: number): void {
  const entry = b.items[id];
  if (!entry || hasExpired(eventTime, entry.lastUpdate)) b.items[id] = { backoff: BACKOFF_PERIOD_MS, lastUpdate: now };
  else {
    entry.backoff = Math.min(entry.backoff * 2, MAX_CONTAINER_BACKOFF_MS);
    entry.lastUpdate = now;
  }
}

/** Get: the current delay of a key (0 when it has none). */
export function backoffGet(b: Backoff, id: string): number {
  return b.items[id]?.backoff ?? 0;
}

/** IsInBackOffSince: less than the delay has passed since eventTime (a container's finishedAt). */
export function isInBackOffSince(b: Backoff, id: string, eventTime: number, now: number): boolean {
  const entry = b.items[id];
  if (!entry || hasExpired(eventTime, entry.lastUpdate)) return false;
  return now - eventTime < entry.backoff;
}

/** IsInBackOffSinceUpdate: less than the delay has passed since the last failure was counted. */
export function isInBackOffSinceUpdate(b: Backoff, id: string, now: number): boolean {
  const entry = b.items[id];
  if (!entry || hasExpired(now, entry.lastUpdate)) return false;
  return now - entry.lastUpdate < entry.backoff;
}

/** wait.Jitter(d, factor): d plus up to factor·d. */
export function jitter(d: number, factor: number, random: number): number {
  return d + random * factor * d;
}
