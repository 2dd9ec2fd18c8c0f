/**
 * The scheduling queue (pkg/scheduler/backend/queue): activeQ (Pods ready
 * for a cycle, PrioritySort order), backoffQ (Pods waiting out their
 * back-off) and unschedulablePods (Pods no node fitted, waiting for a cluster
 * event one of their rejecting plugins cares about: QueueingHints).
 * Plain data and functions; the scheduler owns the clock and the timers.
 */

/** DefaultPodInitialBackoffDuration, DefaultPodMaxBackoffDuration, DefaultPodMaxInUnschedulablePodsDuration. */
export const POD_INITIAL_BACKOFF_MS = 1_000;
export const POD_MAX_BACKOFF_MS = 10_000;
export const POD_MAX_IN_UNSCHEDULABLE_PODS_MS = 5 * 60_000;
/** flushBackoffQCompleted runs every second (backoff expirations are aligned to 1 s windows). */
export const BACKOFF_FLUSH_PERIOD_MS = 1_000;
/** flushUnschedulablePodsLeftover runs every 30 s. */
export const UNSCHEDULABLE_FLUSH_PERIOD_MS = 30_000;

export interface QueuedPodInfo {
  key: string;
  priority: number;
  /** QueuedPodInfo.Timestamp: the run's virtual ms when the Pod was added to the queue, or last failed. */
  timestamp: number;
  /** Scheduling attempts so far (incremented on Pop). */
  attempts: number;
  /** The plugins that rejected it last time; their events can make it schedulable. */
  unschedulablePlugins: string[];
  /** PreEnqueue (SchedulingGates) held it back. */
  gated: boolean;
}

/** A cluster event as framework.ClusterEvent: resource and action. */
export interface ClusterEvent {
  resource: 'Node' | 'AssignedPod' | 'UnscheduledPod';
  action: 'Add' | 'Update' | 'Delete';
}

export interface SchedulingQueue {
  activeQ: QueuedPodInfo[];
  backoffQ: QueuedPodInfo[];
  /**
   * A Map, not a plain object: Pods come and go here all the time, and a
   * plain object that has had keys deleted is walked slowly (every cluster
   * event asks whether any Pod waits here).
   */
  unschedulablePods: Map<string, QueuedPodInfo>;
  /** The Pod in a scheduling cycle and the hints of the events that arrived meanwhile. */
  inFlight: { pod: QueuedPodInfo; events: Hint[] } | null;
  /**
   * How many entries each key has in activeQ and backoffQ together, so that
   * "is it queued?" and "remove it" need not scan queues of a thousand Pods on
   * every Pod update (upstream's heaps are indexed by key the same way).
   */
  inQueues: Map<string, number>;
}

export function newQueue(): SchedulingQueue {
  return { activeQ: [], backoffQ: [], unschedulablePods: new Map(), inFlight: null, inQueues: new Map() };
}

function indexAdd(q: SchedulingQueue, key: string): void {
  q.inQueues.set(key, (q.inQueues.get(key) ?? 0) + 1);
}

function indexDrop(q: SchedulingQueue, key: string): void {
  const n = (q.inQueues.get(key) ?? 0) - 1;
  if (n > 0) q.inQueues.set(key, n);
  else q.inQueues.delete(key);
}

/** calculateBackoffDuration: 1 s doubled per attempt after the first, at most 10 s; none before any attempt. */
export function backoffDuration(attempts: number): number {
  if (attempts === 0) return 0;
  let d = POD_INITIAL_BACKOFF_MS;
  for (let i = 1; i < attempts; i++) {
    if (d > POD_MAX_BACKOFF_MS - d) return POD_MAX_BACKOFF_MS;
    d += d;
  }
  return d;
}

/**
 * Upstream's getBackoffTime on the simulation's own virtual clock (no wall
 * clock is read: the Pod's queue time is virtual ms too), rounded up to the
 * next whole flush period (BACKOFF_FLUSH_PERIOD_MS of virtual time).
 */
export function backoffExpiry(p: QueuedPodInfo): number {
  if (p.attempts === 0) return 0;
  const t = p.timestamp + backoffDuration(p.attempts);
  return Math.ceil(t / BACKOFF_FLUSH_PERIOD_MS) * BACKOFF_FLUSH_PERIOD_MS;
}

/** `o` sorts after `p` in activeQ (PrioritySort: higher priority first, then the earlier timestamp). */
function activeAfter(o: QueuedPodInfo, p: QueuedPodInfo): boolean {
  return o.priority < p.priority || (o.priority === p.priority && o.timestamp > p.timestamp);
}

/**
 * Insert before the first entry that sorts after `p` (equal ones keep their
 * arrival order). activeQ is always sorted, so that entry is found by binary
 * search rather than by scanning a queue that holds every pending replica.
 */
function pushActive(q: SchedulingQueue, p: QueuedPodInfo): void {
  const a = q.activeQ;
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (activeAfter(a[mid]!, p)) hi = mid;
    else lo = mid + 1;
  }
  if (lo === a.length) a.push(p);
  else a.splice(lo, 0, p);
  indexAdd(q, p.key);
}

function pushBackoff(q: SchedulingQueue, p: QueuedPodInfo): void {
  const at = backoffExpiry(p);
  const i = q.backoffQ.findIndex((o) => backoffExpiry(o) > at);
  if (i < 0) q.backoffQ.push(p);
  else q.backoffQ.splice(i, 0, p);
  indexAdd(q, p.key);
}

export function queued(q: SchedulingQueue, key: string): boolean {
  return q.inQueues.has(key) || q.unschedulablePods.has(key) || q.inFlight?.pod.key === key;
}

/** Add a new Pod: PreEnqueue (SchedulingGates) keeps a gated Pod in unschedulablePods. */
export function addPod(
  q: SchedulingQueue,
  key: string,
  priority: number,
  gated: boolean,
  now: number,
): 'active' | 'gated' {
  const p: QueuedPodInfo = { key, priority, timestamp: now, attempts: 0, unschedulablePlugins: [], gated };
  if (gated) {
    p.unschedulablePlugins = ['SchedulingGates'];
    q.unschedulablePods.set(key, p);
    return 'gated';
  }
  pushActive(q, p);
  return 'active';
}

/** The Pod's schedulingGates were removed: it may now enter activeQ. */
export function ungate(q: SchedulingQueue, key: string, now: number): boolean {
  const p = q.unschedulablePods.get(key);
  if (!p?.gated) return false;
  q.unschedulablePods.delete(key);
  p.gated = false;
  p.timestamp = now;
  pushActive(q, p);
  return true;
}

/**
 * Pop the next Pod for a cycle. With SchedulerPopFromBackoffQ (beta, on in
 * v1.33) an empty activeQ hands out the head of backoffQ rather than idle.
 */
export function pop(q: SchedulingQueue): { pod: QueuedPodInfo; fromBackoff: boolean } | undefined {
  let fromBackoff = false;
  let p = q.activeQ.shift();
  if (!p) {
    p = q.backoffQ.shift();
    fromBackoff = !!p;
  }
  if (!p) return undefined;
  indexDrop(q, p.key);
  p.attempts++;
  q.inFlight = { pod: p, events: [] };
  return { pod: p, fromBackoff };
}

/** The cycle ended in a binding (or the Pod vanished): it leaves the queue. */
export function done(q: SchedulingQueue, key: string): void {
  if (q.inFlight?.pod.key === key) q.inFlight = null;
}

export function remove(q: SchedulingQueue, key: string): void {
  // Every status update of a bound Pod lands here: look the key up before filtering the queues.
  if (q.inQueues.has(key)) {
    q.activeQ = q.activeQ.filter((p) => p.key !== key);
    q.backoffQ = q.backoffQ.filter((p) => p.key !== key);
    q.inQueues.delete(key);
  }
  q.unschedulablePods.delete(key);
  done(q, key);
}

/** A cluster event's QueueingHint for one queued Pod: Queue (true) or QueueSkip. */
export type Hint = (p: QueuedPodInfo) => boolean;

/**
 * AddUnschedulableIfNotPresent: no node fitted. If an event that could help
 * arrived during the cycle, straight to backoffQ; otherwise unschedulablePods.
 */
export function addUnschedulable(
  q: SchedulingQueue,
  key: string,
  plugins: string[],
  now: number,
): 'backoff' | 'unschedulable' {
  const flight = q.inFlight?.pod.key === key ? q.inFlight : null;
  q.inFlight = null;
  const p = flight?.pod;
  if (!p) return 'unschedulable';
  p.timestamp = now;
  p.unschedulablePlugins = plugins;
  if (flight.events.some((hint) => hint(p))) {
    pushBackoff(q, p);
    return 'backoff';
  }
  q.unschedulablePods.set(key, p);
  return 'unschedulable';
}

/** The binding cycle failed (an API error): the Pod waits out a back-off and is tried again. */
export function addAfterError(q: SchedulingQueue, key: string, priority: number, now: number): void {
  if (queued(q, key)) return;
  pushBackoff(q, { key, priority, timestamp: now, attempts: 1, unschedulablePlugins: [], gated: false });
}

/** requeue: to backoffQ while its back-off runs, else to activeQ. */
function requeue(q: SchedulingQueue, p: QueuedPodInfo, now: number): 'active' | 'backoff' {
  if (backoffExpiry(p) > now) {
    pushBackoff(q, p);
    return 'backoff';
  }
  pushActive(q, p);
  return 'active';
}

/**
 * MoveAllToActiveOrBackoffQueue: a cluster event moves the unschedulable
 * Pods whose rejecting plugins' QueueingHint says Queue. Returns the moved keys.
 */
export function moveOnEvent(q: SchedulingQueue, hint: Hint, now: number): string[] {
  q.inFlight?.events.push(hint);
  const moved: string[] = [];
  // Deleting the visited entry while iterating a Map is safe.
  for (const [key, p] of q.unschedulablePods) {
    if (p.gated || !hint(p)) continue;
    q.unschedulablePods.delete(key);
    requeue(q, p, now);
    moved.push(key);
  }
  return moved;
}

/**
 * Whether a cluster event can do anything here: a cycle in flight records
 * it, or a Pod waits in unschedulablePods. Most events (every status update
 * of a running Pod) find neither, and need no hint made for them.
 */
export function awaitsEvents(q: SchedulingQueue): boolean {
  return q.inFlight !== null || q.unschedulablePods.size > 0;
}

/** flushBackoffQCompleted: Pods whose back-off has run out go to activeQ. */
export function flushBackoffCompleted(q: SchedulingQueue, now: number): string[] {
  const moved: string[] = [];
  while (q.backoffQ.length && backoffExpiry(q.backoffQ[0]!) <= now) {
    const p = q.backoffQ.shift()!;
    indexDrop(q, p.key);
    pushActive(q, p);
    moved.push(p.key);
  }
  return moved;
}

/** flushUnschedulablePodsLeftover: Pods unschedulable for over 5 minutes are tried again anyway. */
export function flushUnschedulableLeftover(q: SchedulingQueue, now: number): string[] {
  const moved: string[] = [];
  for (const [key, p] of q.unschedulablePods) {
    if (p.gated || now - p.timestamp <= POD_MAX_IN_UNSCHEDULABLE_PODS_MS) continue;
    q.unschedulablePods.delete(key);
    requeue(q, p, now);
    moved.push(key);
  }
  return moved;
}

/** When the next flushBackoffQCompleted tick finds work, or undefined. */
export function nextBackoffFlush(q: SchedulingQueue): number | undefined {
  return q.backoffQ.length ? backoffExpiry(q.backoffQ[0]!) : undefined;
}

/** When the next flushUnschedulablePodsLeftover tick (every 30 s from `start`) finds work, or undefined. */
export function nextLeftoverFlush(q: SchedulingQueue, start: number): number | undefined {
  // A loop, not values().filter().map(): this runs after every informer event.
  let first = Infinity;
  for (const p of q.unschedulablePods.values()) {
    if (!p.gated) first = Math.min(first, p.timestamp + POD_MAX_IN_UNSCHEDULABLE_PODS_MS);
  }
  if (first === Infinity) return undefined;
  // The first tick strictly after the deadline (the check is "longer than").
  return start + (Math.floor((first - start) / UNSCHEDULABLE_FLUSH_PERIOD_MS) + 1) * UNSCHEDULABLE_FLUSH_PERIOD_MS;
}
