/** What the kubelet's pod worker knows about one Pod it runs. */
export interface PodWorker {
  startTime: number;
  admitted: boolean;
  volumesMounted: boolean;
  /** The volume manager's view of each volume: mounted yet, and how many MountVolume tries failed. */
  volumes?: Map<string, { mounted: boolean; failures: number }>;
  sandboxId?: string;
  ip?: string;
  /** A CRI call is in flight; the next sync waits for its answer. */
  waiting: boolean;
  containers: Record<string, ContainerRecord>;
  /**
   * The last status sent, as the status manager compares it (statusView:
   * each condition reduced to its type and status), to patch only when it
   * changes. Sent statuses are never changed afterwards (stored objects are not).
   */
  lastStatus?: object;
  /** Graceful termination under way (deletionTimestamp seen). */
  terminating?: boolean;
  /** When killPod began, for the grace period that is left. */
  terminatingSince?: number;
  sandboxStopped?: boolean;
  deleteSent?: boolean;
  /** The terminal status patch the final delete waits for. */
  terminalStatusRequest?: number;
  /** RunPodSandbox failures so far (FailedCreatePodSandBox): the second identical one is repetition. */
  sandboxFailures?: number;
  /** The status manager's PATCH in flight; a newer status waits for it (statusDirty), so patches land in order. */
  statusInFlight?: number;
  statusDirty?: boolean;
  /** When the pod worker's requeue for a back-off is due, so one pending requeue is enough. */
  backoffResyncAt?: number;
}

/** A finished instance of a container, as lastState.terminated reports it. */
export interface Terminated {
  exitCode: number;
  reason: string;
  startedAt: number;
  finishedAt: number;
  id?: string;
}

export interface ContainerRecord {
  state: 'waiting' | 'created' | 'running' | 'exited';
  /** The readiness probe's verdict; undefined when the container has none (ready once running). */
  ready?: boolean;
  /** StopContainer was sent. */
  stopping?: boolean;
  finishedAt?: number;
  /** Why it waits when it is not simply being created: ErrImageNeverPull, … */
  waitingReason?: string;
  image?: 'checked' | 'present';
  imagePulled?: boolean;
  id?: string;
  startedAt?: number;
  /** How the current instance ended (state exited): 0 Completed, 1 Error, 137 OOMKilled, … */
  exitCode?: number;
  reason?: string;
  /** containerStatuses[].state.waiting.message (a back-off, a pull error). */
  waitingMessage?: string;
  /** Restarts so far: the instance number, as the runtime's restartCount annotation keeps it. */
  restartCount?: number;
  /** The previous instance, for lastState.terminated. */
  lastTerminated?: Terminated;
  /** The startup probe has passed (or there is none); until then liveness and readiness wait. */
  started?: boolean;
  /** Consecutive failures of each probe of this instance. */
  probeFailures?: Partial<Record<'startup' | 'readiness' | 'liveness', number>>;
  /** A failed liveness or startup probe: the kubelet stops the container to restart it. */
  killing?: 'liveness' | 'startup' | 'postStart';
  /** The failed postStart hook's message, for the waiting message once the container is stopped. */
  hookError?: string;
  /** When killContainer began after a failed postStart hook: its preStop hook's time comes off the grace period. */
  killStartedAt?: number;
  /**
   * After a probe kill, SyncPod decided the restart from the status it had before the kill:
   * the back-off counts from the previous exit, or not at all without one.
   */
  backoffFrom?: number | 'none';
  /** The last pull error, which the ImagePullBackOff message repeats. */
  lastPullError?: string;
  /** A lifecycle hook runs: postStart holds the pod worker; preStop holds the stop signal. */
  hook?: 'postStart' | 'preStop';
  /** Termination: the preStop hook (if any) is over and StopContainer may go once it is this container's turn. */
  readyToStop?: boolean;
}

export function newWorker(now: number): PodWorker {
  return { startTime: now, admitted: false, volumesMounted: false, waiting: false, containers: {} };
}
