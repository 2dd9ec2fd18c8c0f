/**
 * Container lifecycle: sidecars (init containers with restartPolicy Always),
 * postStart and preStop hooks, and the grace period a container gets when it
 * is stopped. Models pkg/kubelet/kuberuntime/kuberuntime_container.go
 * (startContainer, killContainer, executePreStopHook), termination_order.go
 * (sidecars stop after the main containers, in reverse order) and
 * pkg/kubelet/lifecycle/handlers.go.
 */
import type { Container, LifecycleHandler, Pod } from 'kubernetes-types/core/v1';

/** kuberuntime_container.go minimumGracePeriodInSeconds. */
export const MINIMUM_GRACE_PERIOD_SECONDS = 2;

/** types.IsRestartableInitContainer: an init container with restartPolicy Always is a sidecar. */
export function isSidecar(c: Container | undefined): boolean {
  return c?.restartPolicy === 'Always';
}

export function sidecarsOf(p: Pod): Container[] {
  return (p.spec?.initContainers ?? []).filter(isSidecar);
}

/** How a hook reaches the container, as the kubelet's handler runner picks it. */
export function hookKind(h: LifecycleHandler): 'exec' | 'httpGet' | 'sleep' | 'tcpSocket' {
  if (h.exec) return 'exec';
  if (h.httpGet) return 'httpGet';
  if (h.sleep) return 'sleep';
  return 'tcpSocket';
}

/** `exec [sh -c nginx -s quit]`, `http-get http://:8080/shutdown`, `sleep 5s`. */
export function hookTarget(h: LifecycleHandler): string {
  if (h.exec) return `exec [${(h.exec.command ?? []).join(' ')}]`;
  if (h.httpGet) return `http-get http://:${h.httpGet.port}${h.httpGet.path ?? '/'}`;
  if (h.sleep) return `sleep ${h.sleep.seconds}s`;
  return 'tcp-socket';
}

/**
 * How long a hook runs, in ms: the sleep action's seconds, a `sleep N` in an
 * exec command, else a short call. A preStop hook is cut off when the grace
 * period runs out.
 */
export function hookDurationMs(h: LifecycleHandler): number {
  if (h.sleep) return h.sleep.seconds * 1000;
  const script = (h.exec?.command ?? []).join(' ');
  const m = /\bsleep\s+(\d+)/.exec(script);
  if (m) return Number(m[1]) * 1000;
  return 150;
}

/**
 * The grace period StopContainer gets: the Pod's (deletionGracePeriodSeconds,
 * else terminationGracePeriodSeconds) less the whole seconds already spent on
 * the preStop hook and waiting for its turn, never below two seconds.
 */
export function stopTimeoutSeconds(graceSeconds: number, elapsedMs: number): number {
  return Math.max(graceSeconds - Math.floor(elapsedMs / 1000), MINIMUM_GRACE_PERIOD_SECONDS);
}

/**
 * terminationOrdering.waitForTurn: a main container stops at once; a sidecar
 * waits until every main container and every sidecar after it has exited.
 */
export function mayStop(p: Pod, container: string, exited: (name: string) => boolean): boolean {
  const sidecars = sidecarsOf(p).map((c) => c.name);
  const i = sidecars.indexOf(container);
  if (i < 0) return true;
  return (p.spec?.containers ?? []).every((c) => exited(c.name)) && sidecars.slice(i + 1).every(exited);
}
