/**
 * What the program in a container does, read from the container spec the
 * way a learner would read it. podflow runs no real processes, so each
 * failure comes from a documented convention on the manifest:
 *
 * - a shell script (`sh -c "…"`, command or args) runs for the sum of its
 *   `sleep N` and then ends with the code of its `exit N` (0 without one);
 *   `sleep infinity`, a `while true` loop or a follower (`tail -f`/`-F`)
 *   never ends;
 * - `stress --vm-bytes <size>` (polinux/stress, as in the docs' "Assign
 *   Memory Resources" task) uses that much memory: more than
 *   resources.limits.memory and the kernel's OOM killer ends it (exit 137);
 * - probes: the docs' liveness image (`/server`) answers /healthz with 200
 *   for its first 10 s, then 500; the docs' exec-liveness script removes
 *   /tmp/healthy after its first sleep; an exec probe that sleeps past its
 *   timeoutSeconds times out; a probe to a port the container
 *   declares no containerPort for is refused; nginx answers 404 to any path
 *   but /, /index.html and /50x.html. Everything else answers.
 */
import type { Container, Probe } from 'kubernetes-types/core/v1';
import { parseQuantity } from '../quantity';
import { normalizeImage } from '../scheduler/plugins';

/** How a container's main process ends, if it does. */
export interface ContainerFate {
  afterMs: number;
  exitCode: number;
  /** containerd's reason for the exit: OOMKilled, Error, Completed. */
  reason: string;
}

function script(c: Container): string | undefined {
  const argv = [...(c.command ?? []), ...(c.args ?? [])];
  const dashC = argv.findIndex((a) => a === '-c');
  if (dashC < 1 || !/(^|\/)(ba)?sh$/.test(argv[dashC - 1]!)) return undefined;
  return argv.slice(dashC + 1).join(' ');
}

/** `250M` as stress reads it: B, K, M, G are powers of 1024. */
export function stressBytes(text: string): number {
  const m = /^(\d+)([bkmgBKMG]?)$/.exec(text);
  if (!m) return NaN;
  const power = ' kmg'.indexOf((m[2] || ' ').toLowerCase());
  return Number(m[1]) * 1024 ** Math.max(power, 0);
}

/** The memory the program asks for, when the spec says (stress --vm-bytes). */
export function memoryUse(c: Container): number | undefined {
  const argv = [...(c.command ?? []), ...(c.args ?? [])];
  const i = argv.indexOf('--vm-bytes');
  if (i < 0 || !argv[i + 1]) return undefined;
  const bytes = stressBytes(argv[i + 1]!);
  return Number.isNaN(bytes) ? undefined : bytes;
}

/** When and how the container's process ends; undefined when it runs until stopped. */
export function containerFate(c: Container): ContainerFate | undefined {
  const limit = parseQuantity(c.resources?.limits?.memory);
  const use = memoryUse(c);
  // The allocation happens as the program starts; the cgroup's OOM killer ends it with SIGKILL.
  if (use !== undefined && limit > 0 && use > limit) return { afterMs: 600, exitCode: 137, reason: 'OOMKilled' };
  // `pilot-agent istio-iptables …` (Istio's istio-init) writes the pod's iptables redirect rules and exits.
  if ((c.command?.[0] ?? c.args?.[0]) === 'istio-iptables') return { afterMs: 300, exitCode: 0, reason: 'Completed' };
  const sh = script(c);
  if (sh === undefined) return undefined;
  if (/sleep\s+infinity|while\s+(true|:)|tail\s+(-\w*\s+)*-[fF]\b/.test(sh)) return undefined;
  const sleeps = [...sh.matchAll(/sleep\s+(\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
  const exit = /exit\s+(\d+)/.exec(sh);
  const exitCode = exit ? Number(exit[1]) : 0;
  return { afterMs: sleeps * 1000 + 200, exitCode, reason: exitCode === 0 ? 'Completed' : 'Error' };
}

/** The exit code and reason of a process told to stop (SIGTERM): nginx exits 0, others die of the signal (128+15). */
export function stopFate(c: Container): { exitCode: number; reason: string } {
  return /(^|\/)nginx(:|@|$)/.test(normalizeImage(c.image ?? '').replace(/^docker\.io\/library\//, ''))
    ? { exitCode: 0, reason: 'Completed' }
    : { exitCode: 143, reason: 'Error' };
}

export type ProbeKind = 'startup' | 'readiness' | 'liveness';

export function probeOf(c: Container, kind: ProbeKind): Probe | undefined {
  return kind === 'startup' ? c.startupProbe : kind === 'readiness' ? c.readinessProbe : c.livenessProbe;
}

/** A probe's verdict and the output the prober reports (pkg/probe/http, tcp, exec). */
export interface ProbeAnswer {
  ok: boolean;
  output: string;
}

function portOf(c: Container, port: number | string | undefined): number | undefined {
  if (typeof port === 'number') return port;
  if (port === undefined) return undefined;
  if (/^\d+$/.test(port)) return Number(port);
  return c.ports?.find((p) => p.name === port)?.containerPort;
}

/**
 * Ports a known program listens on whatever the container declares: Istio's
 * pilot-agent and Envoy in proxyv2 (15000 admin, 15001/15006 the captured
 * outbound/inbound traffic, 15020 merged metrics, 15021 health, 15090 Envoy's
 * Prometheus endpoint), as the sidecar template probes /healthz/ready on 15021.
 */
const KNOWN_LISTENERS: [RegExp, number[]][] = [[/\/istio\/proxyv2:/, [15000, 15001, 15006, 15020, 15021, 15090]]];

function listens(c: Container, port: number | undefined): boolean {
  // A container that declares no ports may listen anywhere; one that declares some listens on those.
  if (port === undefined || !c.ports?.length) return true;
  const image = normalizeImage(c.image ?? '');
  if (KNOWN_LISTENERS.some(([re, ports]) => re.test(image) && ports.includes(port))) return true;
  return c.ports.some((p) => p.containerPort === port);
}

/**
 * What the program answers a probe, `ranMs` after it started, at the Pod's IP.
 * The messages are those of pkg/probe: http.go `HTTP probe failed with
 * statuscode: %d`, Go's dial error for a refused connection, and the exec
 * command's own output.
 */
export function probeAnswer(c: Container, kind: ProbeKind, ranMs: number, podIP: string): ProbeAnswer {
  const p = probeOf(c, kind);
  if (!p) return { ok: true, output: '' };
  const image = normalizeImage(c.image ?? '');
  if (p.httpGet) {
    const port = portOf(c, p.httpGet.port);
    const path = p.httpGet.path ?? '/';
    const url = `http://${podIP}:${port}${path}`;
    if (!listens(c, port))
      return { ok: false, output: `Get "${url}": dial tcp ${podIP}:${port}: connect: connection refused` };
    // The docs' liveness server (test/images/agnhost liveness): /healthz is 200 for 10 s, then 500.
    if (/\/liveness:/.test(image) && path === '/healthz' && ranMs > 10_000)
      return { ok: false, output: 'HTTP probe failed with statuscode: 500' };
    if (/\/nginx:/.test(image) && !['/', '/index.html', '/50x.html'].includes(path))
      return { ok: false, output: 'HTTP probe failed with statuscode: 404' };
    return { ok: true, output: '' };
  }
  if (p.tcpSocket) {
    const port = portOf(c, p.tcpSocket.port);
    if (!listens(c, port)) return { ok: false, output: `dial tcp ${podIP}:${port}: connect: connection refused` };
    return { ok: true, output: '' };
  }
  if (p.exec) {
    const cmd = (p.exec.command ?? []).join(' ');
    // A command that sleeps past timeoutSeconds (default 1) is cut off: ExecSync's DeadlineExceeded
    // becomes `command %q timed out` (remote_runtime.go), the probe's output (probe/exec/exec.go).
    const sleeps = [...cmd.matchAll(/sleep\s+(\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    if (sleeps >= (p.timeoutSeconds ?? 1)) return { ok: false, output: `command ${JSON.stringify(cmd)} timed out` };
    // The docs' exec-liveness: `touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600`.
    const file = /^cat (\S+)$/.exec(cmd)?.[1];
    const sh = script(c) ?? '';
    const removed = file
      ? new RegExp(`sleep\\s+(\\d+)\\s*;\\s*rm\\s+(-f\\s+)?${file.replace(/\//g, '\\/')}`).exec(sh)
      : null;
    if (file && removed && ranMs > Number(removed[1]) * 1000)
      return { ok: false, output: `cat: can't open '${file}': No such file or directory` };
    return { ok: true, output: '' };
  }
  return { ok: true, output: '' };
}
