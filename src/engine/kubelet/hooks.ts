/**
 * Whether a lifecycle hook succeeds, and the message the kubelet's handler
 * runner makes of a failure (pkg/kubelet/lifecycle/handlers.go Run). podflow
 * runs no processes, so a hook fails by the same conventions as the
 * container's program (runtime/app.ts): an exec hook whose shell script ends
 * with `exit N` (N ≠ 0) fails as ExecSync reports it; an httpGet hook to a
 * port the container declares no containerPort for is refused. A sleep hook
 * never fails.
 */
import type { Container, LifecycleHandler, Pod } from 'kubernetes-types/core/v1';

export interface HookResult {
  ok: boolean;
  /** handlerRunner.Run's message: what startContainer puts in the reasonCache (the waiting message). */
  message: string;
}

/** format.Pod: `name_namespace(uid)`. */
function podDesc(p: Pod): string {
  return `${p.metadata?.name}_${p.metadata?.namespace ?? 'default'}(${p.metadata?.uid})`;
}

function portOf(c: Container, port: number | string | undefined): number | undefined {
  if (typeof port === 'number') return port;
  if (port === undefined || port === '') return 80;
  if (/^\d+$/.test(port)) return Number(port);
  return c.ports?.find((p) => p.name === port)?.containerPort;
}

/** The exit code of an exec hook's command: the `exit N` of its shell script, else 0. */
export function execExitCode(command: string[]): number {
  const dashC = command.findIndex((a) => a === '-c');
  if (dashC < 1 || !/(^|\/)(ba)?sh$/.test(command[dashC - 1]!)) return 0;
  const script = command.slice(dashC + 1).join(' ');
  const m = /\bexit\s+(\d+)/.exec(script);
  return m ? Number(m[1]) : 0;
}

/**
 * Run a hook against the container at the Pod's IP. The exec error is the
 * CRI client's ExecSync error for a non-zero exit code (`command '%s'
 * exited with %v: %s`, the command joined by spaces, then stderr); the
 * message is handlers.go's, with the command printed as Go prints a
 * []string (`[sh -c exit 1]`) and the output quoted.
 */
export function runHook(p: Pod, c: Container, h: LifecycleHandler, podIP: string): HookResult {
  if (h.exec) {
    const command = h.exec.command ?? [];
    const code = execExitCode(command);
    if (code === 0) return { ok: true, message: '' };
    const err = `command '${command.join(' ')}' exited with ${code}: `;
    return {
      ok: false,
      message: `Exec lifecycle hook ([${command.join(' ')}]) for Container "${c.name}" in Pod "${podDesc(p)}" failed - error: ${err}, message: ""`,
    };
  }
  if (h.httpGet) {
    const port = portOf(c, h.httpGet.port);
    // resolvePort: a port name the container does not declare (Go goes on to print the whole container spec).
    if (port === undefined)
      return {
        ok: false,
        message: `HTTP lifecycle hook (${h.httpGet.path ?? ''}) for Container "${c.name}" in Pod "${podDesc(p)}" failed - error: couldn't find port: ${h.httpGet.port}`,
      };
    // A container that declares no ports may listen anywhere; one that declares some listens on those.
    const listens = !c.ports?.length || c.ports.some((x) => x.containerPort === port);
    if (listens) return { ok: true, message: '' };
    const host = h.httpGet.host || podIP;
    const path = h.httpGet.path ?? '';
    const url = `${(h.httpGet.scheme ?? 'HTTP').toLowerCase()}://${host}:${port}${path.startsWith('/') || !path ? path : `/${path}`}`;
    const err = `Get "${url}": dial tcp ${host}:${port}: connect: connection refused`;
    return {
      ok: false,
      message: `HTTP lifecycle hook (${path}) for Container "${c.name}" in Pod "${podDesc(p)}" failed - error: ${err}`,
    };
  }
  return { ok: true, message: '' };
}

/**
 * The Event messages of a failed hook (kuberuntime_container.go): since the
 * handler's message may carry secrets, the kubelet does not put it in the
 * Event, only in the container's waiting message.
 */
export const FAILED_POST_START_MESSAGE = 'PostStartHook failed';
export const FAILED_PRE_STOP_MESSAGE = 'PreStopHook failed';
/** killContainer's message argument after a failed postStart hook: the Killing Event's message. */
export const KILLING_POST_START_MESSAGE = 'FailedPostStartHook';
/** ErrPostStartHook: the reason startContainer's failure leaves in the reasonCache. */
export const POST_START_HOOK_ERROR = 'PostStartHookError';
