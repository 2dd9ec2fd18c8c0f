/**
 * Where the flow stops, for the diagram: which component refused or failed,
 * the short reason (the HTTP status and Status reason of a refused request,
 * or the reason Kubernetes gives: FailedScheduling, ErrImagePull, …) and the
 * real message. Read from the steps' catalog keys and parameters (the
 * engine's own words), once per trace; each step then only looks it up.
 *
 * A failure holds from its step until the same component reports success
 * for the same subject (the Pod is bound, the Pod runs and is ready, the
 * client sends the refused request again), so it follows the cursor both
 * ways and a failure that is never resolved stays to the end.
 */
import type { ComponentId, Step, Trace } from '../engine';
import { NODE_STATUS_UNKNOWN } from '../engine/controllers/node-conditions';

export interface Failure {
  /** The step where it happened: its edge and packet are drawn as an error. */
  seq: number;
  /** The first step at which it no longer holds (Infinity: it holds to the end). */
  until: number;
  component: ComponentId;
  /** Kubernetes' short words, not translated: `422 Invalid`, `FailedScheduling`, `ErrImagePull`, … */
  reason: string;
  /** The real text: the Status message, the Event or waiting message, the runtime's gRPC error. */
  message: string;
  /** What failed: a Pod's name, the client and path of a refused request, or '' for the runtime. */
  subject: string;
}

type Found = Pick<Failure, 'component' | 'reason' | 'message' | 'subject'>;

/** metav1.StatusReason for the codes kube-apiserver refuses with (k8s.io/apimachinery/pkg/api/errors). */
const STATUS_REASON: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  422: 'Invalid',
  429: 'TooManyRequests',
  500: 'InternalError',
};

const str = (s: Step, k: string): string => String(s.say.params[k] ?? '');

/** `rpc error: code = NotFound desc = …` → `gRPC NotFound`: the status code the runtime answered with. */
function grpcReason(error: string): string {
  const code = /code = (\w+)/.exec(error)?.[1];
  return code ? `gRPC ${code}` : 'gRPC error';
}

/** Steps that are a failure, by catalog key: who failed, why, and about what. */
const FAILS: Record<string, (s: Step) => Found | null> = {
  // A refused request. 409 is optimistic concurrency: the writer reads again and retries, by design.
  'apiserver-error': (s) =>
    (s.status ?? 0) >= 400 && s.status !== 409
      ? {
          component: 'kube-apiserver',
          reason: `${s.status} ${STATUS_REASON[s.status!] ?? ''}`.trim(),
          message: str(s, 'message'),
          subject: `${s.to} ${s.path ?? ''}`,
        }
      : null,
  // The stage that refuses, inside kube-apiserver, just before its answer goes out. The client is
  // not named on this step ('?'): the answer that follows takes its place.
  'apiserver-forbidden': (s) => refusal(403, str(s, 'message')),
  'apiserver-admission-denied': (s) => refusal(403, str(s, 'message')),
  'apiserver-invalid': (s) => refusal(422, str(s, 'message')),
  'apiserver-bad-request': (s) => refusal(400, str(s, 'message')),
  'apiserver-namespace-missing': (s) => refusal(404, str(s, 'message')),
  // The node lifecycle controller finds the node's kubelet silent past the grace period: the kubelet is what failed.
  'node-lifecycle-unknown': (s) => ({
    component: `kubelet/${str(s, 'node')}`,
    reason: NODE_STATUS_UNKNOWN.reason,
    message: NODE_STATUS_UNKNOWN.message,
    subject: str(s, 'node'),
  }),
  'scheduler-unschedulable': (s) => ({
    component: s.from,
    reason: 'FailedScheduling',
    message: str(s, 'message'),
    subject: str(s, 'pod'),
  }),
  'runtime-pull-failed': (s) => ({
    component: s.from,
    reason: grpcReason(str(s, 'error')),
    message: str(s, 'error'),
    subject: '',
  }),
  'runtime-sandbox-failed': (s) => ({
    component: s.from,
    reason: grpcReason(str(s, 'error')),
    message: str(s, 'error'),
    subject: '',
  }),
  'kubelet-pull-failed': (s) => ({
    component: s.from,
    reason: 'ErrImagePull',
    message: `Failed to pull image "${str(s, 'image')}": ${str(s, 'error')}`,
    subject: str(s, 'pod'),
  }),
  // The container waits in the image back-off; its waiting message repeats the last pull error.
  'kubelet-pull-backoff': (s) => ({
    component: s.from,
    reason: 'ImagePullBackOff',
    message: str(s, 'message'),
    subject: str(s, 'pod'),
  }),
  'kubelet-sandbox-failed': (s) => ({
    component: s.from,
    reason: 'FailedCreatePodSandBox',
    message: `Failed to create pod sandbox: ${str(s, 'error')}`,
    subject: str(s, 'pod'),
  }),
  'kubelet-mount-failed': (s) => ({
    component: s.from,
    reason: 'FailedMount',
    message: str(s, 'message'),
    subject: str(s, 'pod'),
  }),
  // A container that ended with a non-zero code: its terminated state, as kubectl describe prints it.
  'kubelet-container-exited': (s) =>
    Number(s.say.params.code) !== 0
      ? {
          component: s.from,
          reason: str(s, 'reason'),
          message: `Terminated: ${str(s, 'reason')}, Exit Code: ${str(s, 'code')}`,
          subject: str(s, 'pod'),
        }
      : null,
  'kubelet-crash-backoff': (s) => ({
    component: s.from,
    reason: 'CrashLoopBackOff',
    message: str(s, 'message'),
    subject: str(s, 'pod'),
  }),
  // The probe's Unhealthy once it reaches failureThreshold (before that the kubelet only counts).
  'kubelet-probe-failed': (s) =>
    Number(s.say.params.count) >= Number(s.say.params.threshold)
      ? {
          component: s.from,
          reason: 'Unhealthy',
          message: `${capitalize(str(s, 'probe'))} probe failed: ${str(s, 'output')}`,
          subject: str(s, 'pod'),
        }
      : null,
};

function refusal(status: number, message: string): Found {
  return { component: 'kube-apiserver', reason: `${status} ${STATUS_REASON[status]}`, message, subject: UNSENT };
}

/** The subject of a refusal whose answer has not gone out yet. */
const UNSENT = '?';

function capitalize(w: string): string {
  return w ? w[0]!.toUpperCase() + w.slice(1) : w;
}

/** Steps that end a component's failure for a subject: the success it was waiting for. */
const CLEARS: Record<string, (s: Step) => { component: ComponentId; subject: string } | null> = {
  'scheduler-bind': (s) => ({ component: s.from, subject: str(s, 'pod') }),
  // The node is Ready again: the controller lifts the NoExecute taint.
  'node-lifecycle-untaint': (s) => ({ component: `kubelet/${str(s, 'node')}`, subject: str(s, 'node') }),
  'kubelet-status-running': (s) => ({ component: s.from, subject: str(s, 'pod') }),
  'runtime-sandbox-ready': (s) => ({ component: s.from, subject: '' }),
  'runtime-pulled': (s) => ({ component: s.from, subject: '' }),
};

export interface FailureTimeline {
  /** Every failure, in step order. */
  all: readonly Failure[];
  /** The failure that happens at a step, by seq. */
  at: ReadonlyMap<number, Failure>;
}

const timelines = new WeakMap<Trace, FailureTimeline>();

/** One pass over the steps, once per trace. */
export function failureTimeline(trace: Trace): FailureTimeline {
  const known = timelines.get(trace);
  if (known) return known;
  const all: Failure[] = [];
  const at = new Map<number, Failure>();
  const open = new Map<string, Failure>();
  const close = (component: ComponentId, subject: string, seq: number): void => {
    const key = `${component}\u0000${subject}`;
    const f = open.get(key);
    if (!f) return;
    f.until = seq;
    open.delete(key);
  };
  for (const s of trace.steps) {
    // The client sends the refused request again, or creates in the collection what it could not
    // patch (kubectl apply after a 404): that refusal is over (the retry may be refused anew).
    if (s.kind === 'request' && s.to === 'kube-apiserver') {
      for (const f of open.values()) {
        if (f.component !== 'kube-apiserver') continue;
        const [client, path = ''] = f.subject.split(' ');
        if (client === s.from && (path === s.path || path.startsWith(`${s.path}/`)))
          close(f.component, f.subject, s.seq);
      }
    }
    const cleared = CLEARS[s.say.key]?.(s);
    if (cleared) close(cleared.component, cleared.subject, s.seq);
    const found = FAILS[s.say.key]?.(s);
    if (!found) continue;
    close(found.component, found.subject, s.seq);
    if (found.component === 'kube-apiserver' && found.subject !== UNSENT) close(found.component, UNSENT, s.seq);
    const f: Failure = { ...found, seq: s.seq, until: Infinity };
    open.set(`${f.component}\u0000${f.subject}`, f);
    all.push(f);
    at.set(s.seq, f);
  }
  const timeline = { all, at };
  timelines.set(trace, timeline);
  return timeline;
}

let holding: { trace: Trace; seq: number; list: readonly Failure[] } | undefined;

/** Every failure that holds after step `seq`, in step order. Memoized for the last (trace, seq). */
export function holdingAt(trace: Trace, seq: number): readonly Failure[] {
  if (holding && holding.trace === trace && holding.seq === seq) return holding.list;
  const list: Failure[] = [];
  for (const f of failureTimeline(trace).all) {
    if (f.seq > seq) break;
    if (f.until > seq) list.push(f);
  }
  holding = { trace, seq, list };
  return list;
}

/**
 * What holds against the Pods shown in one place (a node's kubelet and
 * runtime, or the scheduler for the unscheduled tray), as `name=Reason`
 * lines: a string, so a group re-renders only when it changes.
 */
export function podFailuresIn(trace: Trace, seq: number, node: string | undefined): string {
  const lines: string[] = [];
  for (const f of holdingAt(trace, seq)) {
    if (!f.subject || f.component === 'kube-apiserver') continue;
    const here = node ? f.component === `kubelet/${node}` : f.component === 'kube-scheduler';
    if (here) lines.push(`${f.subject}=${f.reason}`);
  }
  return lines.join('\n');
}

let memo: { trace: Trace; seq: number; byComponent: ReadonlyMap<ComponentId, Failure> } | undefined;

/**
 * The failures that hold after step `seq`, by component: the latest one of
 * each. The same Failure object comes back while it holds, so a component
 * whose failure did not change does not re-render. Memoized for the last (trace, seq).
 */
export function failuresAt(trace: Trace, seq: number): ReadonlyMap<ComponentId, Failure> {
  if (memo && memo.trace === trace && memo.seq === seq) return memo.byComponent;
  const byComponent = new Map<ComponentId, Failure>();
  for (const f of holdingAt(trace, seq)) byComponent.set(f.component, f);
  memo = { trace, seq, byComponent };
  return byComponent;
}

/** The latest failure that holds after step `seq`, for the diagram's caption. */
export function latestFailure(trace: Trace, seq: number): Failure | undefined {
  let latest: Failure | undefined;
  for (const f of failuresAt(trace, seq).values()) if (!latest || f.seq > latest.seq) latest = f;
  return latest;
}

/** The failure that happens at step `seq` itself, if any: its edge and packet are drawn as an error. */
export function failureOfStep(trace: Trace, seq: number): Failure | undefined {
  return failureTimeline(trace).at.get(seq);
}
