/**
 * The PodSecurity admission plugin (staging/src/k8s.io/pod-security-admission):
 * the namespace's `pod-security.kubernetes.io/<mode>` labels pick a level
 * (privileged unless set) per mode; enforce refuses a Pod, warn returns a
 * warning kubectl prints. For workloads (Deployments, ReplicaSets) only warn
 * and audit are evaluated, on the Pod template. The checks here are those a
 * typical manifest meets, with the checks' own reasons and details; they run
 * in the registry's order: the baseline checks, then the restricted ones
 * (policy/registry.go EvaluatePod; checks register in file-name order).
 */
import type { Container, PodSpec } from 'kubernetes-types/core/v1';

export type Level = 'privileged' | 'baseline' | 'restricted';

export interface LevelVersion {
  level: Level;
  version: string;
}

export interface NamespacePolicy {
  enforce: LevelVersion;
  audit: LevelVersion;
  warn: LevelVersion;
}

const LEVELS: readonly Level[] = ['privileged', 'baseline', 'restricted'];

/**
 * api.PolicyToEvaluate with the default configuration (privileged:latest for
 * every mode). A label that does not parse enforces restricted and leaves
 * warn and audit privileged (fail closed for enforce, open for the others).
 */
export function policyToEvaluate(labels: Record<string, string> | undefined): NamespacePolicy {
  return { enforce: mode(labels, 'enforce'), audit: mode(labels, 'audit'), warn: mode(labels, 'warn') };
}

type Mode = 'enforce' | 'audit' | 'warn';

/** One mode's level and version from the namespace's labels (an invalid enforce level enforces restricted). */
function mode(labels: Record<string, string> | undefined, m: Mode): LevelVersion {
  const [levelLabel, versionLabel] = MODE_LABELS[m];
  const level = labels?.[levelLabel];
  const version = labels?.[versionLabel] ?? 'latest';
  if (level === undefined) return { level: 'privileged', version };
  if (!LEVELS.includes(level as Level)) return { level: m === 'enforce' ? 'restricted' : 'privileged', version };
  return { level: level as Level, version };
}

/** Each mode's two labels, written once: every Pod created reads them. */
const MODE_LABELS: Record<Mode, readonly [string, string]> = {
  enforce: ['pod-security.kubernetes.io/enforce', 'pod-security.kubernetes.io/enforce-version'],
  audit: ['pod-security.kubernetes.io/audit', 'pod-security.kubernetes.io/audit-version'],
  warn: ['pod-security.kubernetes.io/warn', 'pod-security.kubernetes.io/warn-version'],
};

export const levelVersionString = (lv: LevelVersion): string => `${lv.level}:${lv.version}`;

interface CheckResult {
  reason: string;
  detail: string;
}

type Check = (spec: PodSpec) => CheckResult | null;

const joinQuote = (items: readonly string[]): string => (items.length ? `"${items.join('", "')}"` : '');
const pluralize = (one: string, many: string, n: number): string => (n === 1 ? one : many);

/** visitContainers: init containers, then containers (ephemeral ones are not simulated). */
function containers(spec: PodSpec): Container[] {
  return [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
}

const hostNamespaces: Check = (spec) => {
  const used: string[] = [];
  if (spec.hostNetwork) used.push('hostNetwork=true');
  if (spec.hostPID) used.push('hostPID=true');
  if (spec.hostIPC) used.push('hostIPC=true');
  return used.length ? { reason: 'host namespaces', detail: used.join(', ') } : null;
};

const hostPathVolumes: Check = (spec) => {
  const names = (spec.volumes ?? []).filter((v) => v.hostPath).map((v) => v.name);
  return names.length
    ? { reason: 'hostPath volumes', detail: `${pluralize('volume', 'volumes', names.length)} ${joinQuote(names)}` }
    : null;
};

const hostPorts: Check = (spec) => {
  const bad: string[] = [];
  const ports = new Set<string>();
  for (const c of containers(spec)) {
    const used = (c.ports ?? []).filter((p) => p.hostPort);
    used.forEach((p) => ports.add(String(p.hostPort)));
    if (used.length) bad.push(c.name);
  }
  if (!bad.length) return null;
  const list = [...ports].sort();
  return {
    reason: 'hostPort',
    detail: `${pluralize('container', 'containers', bad.length)} ${joinQuote(bad)} ${pluralize('uses', 'use', bad.length)} ${pluralize('hostPort', 'hostPorts', list.length)} ${list.join(', ')}`,
  };
};

const privileged: Check = (spec) => {
  const bad = containers(spec)
    .filter((c) => c.securityContext?.privileged === true)
    .map((c) => c.name);
  return bad.length
    ? {
        reason: 'privileged',
        detail: `${pluralize('container', 'containers', bad.length)} ${joinQuote(bad)} must not set securityContext.privileged=true`,
      }
    : null;
};

const BASELINE_CAPABILITIES = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

/** capabilities_baseline: an overlapping check, replaced by capabilities_restricted at restricted. */
const capabilitiesBaseline: Check = (spec) => {
  const bad: string[] = [];
  const caps = new Set<string>();
  for (const c of containers(spec)) {
    const added = (c.securityContext?.capabilities?.add ?? []).filter((a) => !BASELINE_CAPABILITIES.has(a));
    added.forEach((a) => caps.add(a));
    if (added.length) bad.push(c.name);
  }
  return bad.length
    ? {
        reason: 'non-default capabilities',
        detail: `${pluralize('container', 'containers', bad.length)} ${joinQuote(bad)} must not include ${joinQuote([...caps].sort())} in securityContext.capabilities.add`,
      }
    : null;
};

/** seccompProfile_baseline: Unconfined is forbidden, on the pod or any container. */
const seccompBaseline: Check = (spec) => {
  const bad: string[] = [];
  if (spec.securityContext?.seccompProfile?.type === 'Unconfined') bad.push('pod');
  const ctrs = containers(spec)
    .filter((c) => c.securityContext?.seccompProfile?.type === 'Unconfined')
    .map((c) => c.name);
  if (ctrs.length) bad.push(`${pluralize('container', 'containers', ctrs.length)} ${joinQuote(ctrs)}`);
  return bad.length
    ? {
        reason: 'seccompProfile',
        detail: `${bad.join(' and ')} must not set securityContext.seccompProfile.type to "Unconfined"`,
      }
    : null;
};

const allowPrivilegeEscalation: Check = (spec) => {
  const bad = containers(spec)
    .filter((c) => c.securityContext?.allowPrivilegeEscalation !== false)
    .map((c) => c.name);
  return bad.length
    ? {
        reason: 'allowPrivilegeEscalation != false',
        detail: `${pluralize('container', 'containers', bad.length)} ${joinQuote(bad)} must set securityContext.allowPrivilegeEscalation=false`,
      }
    : null;
};

const capabilitiesRestricted: Check = (spec) => {
  const missingDropAll: string[] = [];
  const adding: string[] = [];
  const forbidden = new Set<string>();
  for (const c of containers(spec)) {
    const caps = c.securityContext?.capabilities;
    if (!caps) {
      missingDropAll.push(c.name);
      continue;
    }
    if (!(caps.drop ?? []).includes('ALL')) missingDropAll.push(c.name);
    const bad = (caps.add ?? []).filter((a) => a !== 'NET_BIND_SERVICE');
    bad.forEach((a) => forbidden.add(a));
    if (bad.length) adding.push(c.name);
  }
  const details: string[] = [];
  if (missingDropAll.length)
    details.push(
      `${pluralize('container', 'containers', missingDropAll.length)} ${joinQuote(missingDropAll)} must set securityContext.capabilities.drop=["ALL"]`,
    );
  if (adding.length)
    details.push(
      `${pluralize('container', 'containers', adding.length)} ${joinQuote(adding)} must not include ${joinQuote([...forbidden].sort())} in securityContext.capabilities.add`,
    );
  return details.length ? { reason: 'unrestricted capabilities', detail: details.join('; ') } : null;
};

/** Volume types the restricted level allows (check_restrictedVolumes.go). */
const ALLOWED_VOLUMES = [
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'persistentVolumeClaim',
  'projected',
  'secret',
  'image',
];

const restrictedVolumes: Check = (spec) => {
  const names: string[] = [];
  const types = new Set<string>();
  for (const v of spec.volumes ?? []) {
    const kind = Object.keys(v).find((k) => k !== 'name');
    if (!kind || ALLOWED_VOLUMES.includes(kind)) continue;
    names.push(v.name);
    types.add(kind);
  }
  if (!names.length) return null;
  const list = [...types].sort();
  return {
    reason: 'restricted volume types',
    detail: `${pluralize('volume', 'volumes', names.length)} ${joinQuote(names)} ${pluralize('uses', 'use', names.length)} ${pluralize('restricted volume type', 'restricted volume types', list.length)} ${joinQuote(list)}`,
  };
};

/** runAsNonRoot and seccompProfile share a shape: the pod may set it for every container. */
function podOrContainer(
  reason: string,
  podValue: (s: PodSpec) => unknown,
  ctrValue: (c: Container) => unknown,
  ok: (v: unknown) => boolean,
  badDetail: (setters: string, values: string[]) => string,
  unsetDetail: (containers: string) => string,
): Check {
  return (spec) => {
    const setters: string[] = [];
    const values = new Set<string>();
    let podOk = false;
    const pv = podValue(spec);
    if (pv !== undefined) {
      if (!ok(pv)) {
        setters.push('pod');
        values.add(String(pv));
      } else podOk = true;
    }
    const explicit: string[] = [];
    const implicit: string[] = [];
    for (const c of containers(spec)) {
      const cv = ctrValue(c);
      if (cv !== undefined) {
        if (!ok(cv)) {
          explicit.push(c.name);
          values.add(String(cv));
        }
      } else if (!podOk) implicit.push(c.name);
    }
    if (explicit.length)
      setters.push(`${pluralize('container', 'containers', explicit.length)} ${joinQuote(explicit)}`);
    if (setters.length) return { reason, detail: badDetail(setters.join(' and '), [...values].sort()) };
    if (implicit.length)
      return {
        reason,
        detail: unsetDetail(`${pluralize('container', 'containers', implicit.length)} ${joinQuote(implicit)}`),
      };
    return null;
  };
}

const runAsNonRoot = podOrContainer(
  'runAsNonRoot != true',
  (s) => s.securityContext?.runAsNonRoot,
  (c) => c.securityContext?.runAsNonRoot,
  (v) => v === true,
  (setters) => `${setters} must not set securityContext.runAsNonRoot=false`,
  (ctrs) => `pod or ${ctrs} must set securityContext.runAsNonRoot=true`,
);

const seccompRestricted = podOrContainer(
  'seccompProfile',
  (s) => s.securityContext?.seccompProfile?.type,
  (c) => c.securityContext?.seccompProfile?.type,
  (v) => v === 'RuntimeDefault' || v === 'Localhost',
  (setters, values) => `${setters} must not set securityContext.seccompProfile.type to ${joinQuote(values)}`,
  (ctrs) => `pod or ${ctrs} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`,
);

/** runAsUser: 0 is forbidden at restricted. */
const runAsUser: Check = (spec) => {
  const setters: string[] = [];
  if (spec.securityContext?.runAsUser === 0) setters.push('pod');
  const ctrs = containers(spec)
    .filter((c) => c.securityContext?.runAsUser === 0)
    .map((c) => c.name);
  if (ctrs.length) setters.push(`${pluralize('container', 'containers', ctrs.length)} ${joinQuote(ctrs)}`);
  return setters.length ? { reason: 'runAsUser=0', detail: `${setters.join(' and ')} must not set runAsUser=0` } : null;
};

/** Baseline checks that are not overlapping, in file-name order. */
const BASELINE: readonly Check[] = [hostNamespaces, hostPathVolumes, hostPorts, privileged];
/** Overlapping baseline checks: evaluated at baseline only; restricted has stricter versions. */
const BASELINE_OVERLAP: readonly Check[] = [capabilitiesBaseline, seccompBaseline];
const RESTRICTED: readonly Check[] = [
  allowPrivilegeEscalation,
  capabilitiesRestricted,
  restrictedVolumes,
  runAsNonRoot,
  runAsUser,
  seccompRestricted,
];

/**
 * EvaluatePod then AggregateCheckResults().ForbiddenDetail():
 * `reason (detail), reason (detail)`, or null when the Pod meets the level.
 */
export function evaluatePod(level: Level, spec: PodSpec): string | null {
  if (level === 'privileged') return null;
  const checks = [...BASELINE, ...(level === 'baseline' ? BASELINE_OVERLAP : RESTRICTED)];
  const failed = checks.map((c) => c(spec)).filter((r): r is CheckResult => r !== null);
  if (!failed.length) return null;
  return failed.map((r) => (r.detail ? `${r.reason} (${r.detail})` : r.reason)).join(', ');
}

export interface PodSecurityVerdict {
  /** The forbidden message (without `pods "x" is forbidden: `), when enforce refuses. */
  denied?: string;
  /** What kubectl prints after `Warning: `. */
  warnings: string[];
  /** The levels applied, for the step: `enforce=restricted:latest`. */
  policy: string;
}

/** Admission.EvaluatePod for a Pod create: enforce, then warn if it was allowed. */
export function podSecurityForPod(labels: Record<string, string> | undefined, spec: PodSpec): PodSecurityVerdict {
  const p = policyToEvaluate(labels);
  const policy = `enforce=${levelVersionString(p.enforce)}, warn=${levelVersionString(p.warn)}`;
  const enforced = evaluatePod(p.enforce.level, spec);
  if (enforced)
    return { denied: `violates PodSecurity "${levelVersionString(p.enforce)}": ${enforced}`, warnings: [], policy };
  const warned = evaluatePod(p.warn.level, spec);
  return {
    warnings: warned ? [`would violate PodSecurity "${levelVersionString(p.warn)}": ${warned}`] : [],
    policy,
  };
}

/** ValidatePodController: a workload's template is never refused, only warned about. */
export function podSecurityForTemplate(labels: Record<string, string> | undefined, spec: PodSpec): PodSecurityVerdict {
  const p = policyToEvaluate(labels);
  const policy = `warn=${levelVersionString(p.warn)}`;
  const warned = evaluatePod(p.warn.level, spec);
  return { warnings: warned ? [`would violate PodSecurity "${levelVersionString(p.warn)}": ${warned}`] : [], policy };
}
