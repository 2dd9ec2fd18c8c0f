/** What the kubelet's pod worker knows about one Pod it runs. */
export interface PodWorker {
  startTime: number;
  admitted: boolean;
  volumesMounted: boolean;
  /** The volume manager's view of each volume: mounted yet, and how many MountVolume tries failed. */
  volumes?: Record<string, { mounted: boolean; failures: number }>;
  sandboxId?: string;
  ip?: string;
  /** A CRI call is in flight; the next sync waits for its answer. */
  waiting: boolean;
  containers: Record<string, ContainerRecord>;
  /** The last status sent, to patch only when it changes. */
  lastStatus?: string;
  /** Graceful termination under way (deletionTimestamp seen). */
  terminating?: boolean;
  /** When killPod began, for the grace period that is left. */
  terminatingSince?: number;
  sandboxStopped?: boolean;
  deleteSent?: boolean;
  /** The terminal status patch the final delete waits for. */
  terminalStatusRequest?: number;
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
  /** The startup probe has passed (a container without one is started once running). */
  startupPassed?: boolean;
  /** How the process ended: 0 after SIGTERM, 137 after SIGKILL. */
  exitCode?: number;
  /** A lifecycle hook runs: postStart holds the pod worker; preStop holds the stop signal. */
  hook?: 'postStart' | 'preStop';
  /** Termination: the preStop hook (if any) is over and StopContainer may go once it is this container's turn. */
  readyToStop?: boolean;
}

export function newWorker(now: number): PodWorker {
  return { startTime: now, admitted: false, volumesMounted: false, waiting: false, containers: {} };
}
