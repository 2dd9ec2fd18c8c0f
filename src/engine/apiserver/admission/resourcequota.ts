/**
 * ResourceQuota for Pods: the pod evaluator (pkg/quota/v1/evaluator/core/pods.go)
 * says what a Pod uses (pods, count/pods, cpu/requests.cpu, memory/
 * requests.memory, limits.cpu, limits.memory), and the admission
 * controller (staging/src/k8s.io/apiserver/pkg/admission/plugin/resourcequota/controller.go
 * checkRequest) refuses a Pod that would take a quota over its status.hard,
 * or that leaves a tracked cpu/memory unspecified. The resource quota
 * controller uses the same evaluator to recount status.used.
 */
import type { Container, Pod, ResourceQuota } from 'kubernetes-types/core/v1';
import { add, lessThanOrEqual, mask, maxOf, prettyPrint, type ResourceList } from './resource-list';

/** podResources: what the pod evaluator can count. */
export const POD_RESOURCES = [
  'count/pods',
  'pods',
  'cpu',
  'memory',
  'requests.cpu',
  'requests.memory',
  'limits.cpu',
  'limits.memory',
] as const;

/** The cpu and memory names that, once a quota tracks them, every container must specify. */
const VALIDATION_SET = ['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory'];

/** podComputeUsageHelper: one container's (or the Pod's summed) requests and limits as quota names. */
function computeUsage(requests: ResourceList, limits: ResourceList): ResourceList {
  const out: ResourceList = { pods: '1' };
  if (requests.cpu !== undefined) {
    out.cpu = requests.cpu;
    out['requests.cpu'] = requests.cpu;
  }
  if (limits.cpu !== undefined) out['limits.cpu'] = limits.cpu;
  if (requests.memory !== undefined) {
    out.memory = requests.memory;
    out['requests.memory'] = requests.memory;
  }
  if (limits.memory !== undefined) out['limits.memory'] = limits.memory;
  return out;
}

/** resourcehelper.PodRequests / PodLimits: containers summed, init containers as a floor. */
function podTotals(pod: Pod, field: 'requests' | 'limits'): ResourceList {
  let sum: ResourceList = {};
  for (const c of pod.spec?.containers ?? []) sum = add(sum, (c.resources?.[field] ?? {}) as ResourceList);
  for (const c of pod.spec?.initContainers ?? []) {
    for (const [k, v] of Object.entries((c.resources?.[field] ?? {}) as ResourceList)) sum[k] = maxOf(sum[k], v)!;
  }
  return sum;
}

/** A Pod in a terminal phase, or past its grace period, no longer counts (QuotaV1Pod). */
export function chargedForCompute(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed';
}

/** PodUsageFunc: count/pods always; the rest while the Pod is not terminal. */
export function podUsage(pod: Pod): ResourceList {
  const base: ResourceList = { 'count/pods': '1' };
  if (!chargedForCompute(pod)) return base;
  return { ...base, ...computeUsage(podTotals(pod, 'requests'), podTotals(pod, 'limits')) };
}

/** The quota names of `hard` the pod evaluator counts (MatchingResources). */
export function matchingResources(hard: ResourceList | undefined): string[] {
  return Object.keys(hard ?? {}).filter((n) => (POD_RESOURCES as readonly string[]).includes(n));
}

/** Constraints: `must specify limits.cpu for: nginx; limits.memory for: nginx`, or null. */
export function podConstraints(pod: Pod, required: readonly string[]): string | null {
  const requiredSet = required.filter((r) => VALIDATION_SET.includes(r));
  if (!requiredSet.length) return null;
  const missing: Record<string, Set<string>> = {};
  const visit = (c: Container): void => {
    const have = computeUsage(
      (c.resources?.requests ?? {}) as ResourceList,
      (c.resources?.limits ?? {}) as ResourceList,
    );
    for (const r of requiredSet) if (have[r] === undefined) (missing[r] ??= new Set()).add(c.name);
  };
  (pod.spec?.containers ?? []).forEach(visit);
  (pod.spec?.initContainers ?? []).forEach(visit);
  const names = Object.keys(missing).sort();
  if (!names.length) return null;
  return `must specify ${names.map((r) => `${r} for: ${[...missing[r]!].sort().join(',')}`).join('; ')}`;
}

export interface QuotaDecision {
  /** The forbidden message (without `pods "x" is forbidden: `). */
  denied?: string;
  /** Each quota the Pod is charged to, with its new status.used. */
  charged: { name: string; used: ResourceList }[];
}

/**
 * checkRequest for a Pod create against the namespace's quotas, each with the
 * status.used admission last knew. Quotas whose status.hard tracks nothing a
 * Pod uses (or has no status yet) are passed over.
 */
export function checkPodAgainstQuotas(pod: Pod, quotas: readonly ResourceQuota[]): QuotaDecision {
  const interesting: ResourceQuota[] = [];
  for (const q of quotas) {
    const hard = (q.status?.hard ?? {}) as ResourceList;
    const restricted = matchingResources(hard);
    if (!restricted.length) continue;
    const constraint = podConstraints(pod, restricted);
    if (constraint) return { denied: `failed quota: ${q.metadata?.name}: ${constraint}`, charged: [] };
    const used = (q.status?.used ?? {}) as ResourceList;
    if (restricted.some((r) => used[r] === undefined))
      return {
        denied: `status unknown for quota: ${q.metadata?.name}, resources: ${[...restricted].sort().join(',')}`,
        charged: [],
      };
    interesting.push(q);
  }
  // No quota restricts what a Pod uses (most namespaces): nothing to count or charge.
  if (!interesting.length) return { charged: [] };
  const delta = podUsage(pod);
  const charged: QuotaDecision['charged'] = [];
  for (const q of interesting) {
    const hard = (q.status?.hard ?? {}) as ResourceList;
    const used = (q.status?.used ?? {}) as ResourceList;
    const requested = mask(delta, Object.keys(hard));
    const newUsage = add(used, requested);
    const { allowed, exceeded } = lessThanOrEqual(mask(newUsage, Object.keys(requested)), hard);
    if (!allowed) {
      return {
        denied: `exceeded quota: ${q.metadata?.name}, requested: ${prettyPrint(mask(requested, exceeded))}, used: ${prettyPrint(mask(used, exceeded))}, limited: ${prettyPrint(mask(hard, exceeded))}`,
        charged: [],
      };
    }
    charged.push({ name: String(q.metadata?.name), used: newUsage });
  }
  return { charged };
}

/** What the resource quota controller writes: hard from spec, used counted over the namespace's Pods. */
export function calculateUsed(hard: ResourceList, pods: readonly Pod[]): ResourceList {
  const names = matchingResources(hard);
  let used: ResourceList = {};
  for (const n of names) used[n] = '0';
  for (const p of pods) used = add(used, mask(podUsage(p), names));
  return used;
}
