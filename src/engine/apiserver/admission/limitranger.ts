/**
 * The LimitRanger admission plugin (plugin/pkg/admission/limitranger/admission.go):
 * mutating, it gives every container without them the defaults of the
 * namespace's LimitRanges of type Container and says so in the
 * `kubernetes.io/limit-ranger` annotation; validating, it checks min, max and
 * maxLimitRequestRatio with the plugin's own messages. Also the LimitRange
 * defaulting the API applies when a LimitRange is created
 * (pkg/apis/core/v1/defaults.go SetDefaults_LimitRangeItem).
 */
import type { Container, LimitRange, LimitRangeItem, Pod } from 'kubernetes-types/core/v1';
import { milli, type ResourceList } from './resource-list';

export const LIMIT_RANGER_ANNOTATION = 'kubernetes.io/limit-ranger';

/**
 * SetDefaults_LimitRangeItem: for Container items, default falls back to max,
 * defaultRequest to default, then to min.
 */
export function defaultLimitRangeItem(item: LimitRangeItem): void {
  if (item.type !== 'Container') return;
  const def: ResourceList = { ...item.default };
  const req: ResourceList = { ...item.defaultRequest };
  for (const [k, v] of Object.entries(item.max ?? {})) def[k] ??= v;
  for (const [k, v] of Object.entries(def)) req[k] ??= v;
  for (const [k, v] of Object.entries(item.min ?? {})) req[k] ??= v;
  item.default = def;
  item.defaultRequest = req;
}

function defaultRequirements(lr: LimitRange): { requests: ResourceList; limits: ResourceList } {
  const requests: ResourceList = {};
  const limits: ResourceList = {};
  for (const item of lr.spec?.limits ?? []) {
    if (item.type !== 'Container') continue;
    Object.assign(requests, item.defaultRequest);
    Object.assign(limits, item.default);
  }
  return { requests, limits };
}

/** mergeContainerResources: what it set on one container, as annotation phrases. */
function mergeContainer(
  c: Container,
  d: { requests: ResourceList; limits: ResourceList },
  prefix: string,
  out: string[],
): void {
  c.resources ??= {};
  const limits = (c.resources.limits ??= {}) as ResourceList;
  const requests = (c.resources.requests ??= {}) as ResourceList;
  const setLimits: string[] = [];
  const setRequests: string[] = [];
  for (const [k, v] of Object.entries(d.limits)) {
    if (limits[k] === undefined) {
      limits[k] = v;
      setLimits.push(k);
    }
  }
  for (const [k, v] of Object.entries(d.requests)) {
    if (requests[k] === undefined) {
      requests[k] = v;
      setRequests.push(k);
    }
  }
  if (setRequests.length) out.push(`${setRequests.sort().join(', ')} request for ${prefix} ${c.name}`);
  if (setLimits.length) out.push(`${setLimits.sort().join(', ')} limit for ${prefix} ${c.name}`);
}

/**
 * PodMutateLimitFunc for each LimitRange in turn. Returns the annotation it
 * wrote (`LimitRanger plugin set: cpu, memory request for container nginx; …`),
 * or null when nothing was missing.
 */
export function limitRangerMutate(pod: Pod, limitRanges: readonly LimitRange[]): string | null {
  let annotation: string | null = null;
  for (const lr of limitRanges) {
    const d = defaultRequirements(lr);
    const phrases: string[] = [];
    for (const c of pod.spec?.containers ?? []) mergeContainer(c, d, 'container', phrases);
    for (const c of pod.spec?.initContainers ?? []) mergeContainer(c, d, 'init container', phrases);
    if (phrases.length) {
      annotation = 'LimitRanger plugin set: ' + phrases.join('; ');
      const meta = (pod.metadata ??= {});
      meta.annotations = { ...meta.annotations, [LIMIT_RANGER_ANNOTATION]: annotation };
    }
  }
  return annotation;
}

function minConstraint(type: string, name: string, enforced: string, req: ResourceList, lim: ResourceList) {
  if (req[name] === undefined) return `minimum ${name} usage per ${type} is ${enforced}.  No request is specified`;
  if (milli(req[name]) < milli(enforced))
    return `minimum ${name} usage per ${type} is ${enforced}, but request is ${req[name]}`;
  if (lim[name] !== undefined && milli(lim[name]) < milli(enforced))
    return `minimum ${name} usage per ${type} is ${enforced}, but limit is ${lim[name]}`;
  return null;
}

function maxConstraint(type: string, name: string, enforced: string, req: ResourceList, lim: ResourceList) {
  if (lim[name] === undefined) return `maximum ${name} usage per ${type} is ${enforced}.  No limit is specified`;
  if (milli(lim[name]) > milli(enforced))
    return `maximum ${name} usage per ${type} is ${enforced}, but limit is ${lim[name]}`;
  if (req[name] !== undefined && milli(req[name]) > milli(enforced))
    return `maximum ${name} usage per ${type} is ${enforced}, but request is ${req[name]}`;
  return null;
}

/** Go's %f: six decimals. */
function ratioConstraint(type: string, name: string, enforced: string, req: ResourceList, lim: ResourceList) {
  const r = milli(req[name]);
  const l = milli(lim[name]);
  if (req[name] === undefined || r === 0)
    return `${name} max limit to request ratio per ${type} is ${enforced}, but no request is specified or request is 0`;
  if (lim[name] === undefined || l === 0)
    return `${name} max limit to request ratio per ${type} is ${enforced}, but no limit is specified or limit is 0`;
  const observed = l / r;
  if (observed * 1000 > milli(enforced))
    return `${name} max limit to request ratio per ${type} is ${enforced}, but provided ratio is ${observed.toFixed(6)}`;
  return null;
}

/**
 * PodValidateLimitFunc for the Container items of one LimitRange: every
 * violation, aggregated as utilerrors.NewAggregate prints them (one alone,
 * several in brackets). Pod-type items are left out.
 */
export function limitRangeViolations(pod: Pod, lr: LimitRange): string | null {
  const errs: string[] = [];
  for (const item of lr.spec?.limits ?? []) {
    if (item.type !== 'Container') continue;
    for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
      const req = (c.resources?.requests ?? {}) as ResourceList;
      const lim = (c.resources?.limits ?? {}) as ResourceList;
      for (const [k, v] of Object.entries(item.min ?? {})) errs.push(minConstraint('Container', k, v, req, lim) ?? '');
      for (const [k, v] of Object.entries(item.max ?? {})) errs.push(maxConstraint('Container', k, v, req, lim) ?? '');
      for (const [k, v] of Object.entries(item.maxLimitRequestRatio ?? {}))
        errs.push(ratioConstraint('Container', k, v, req, lim) ?? '');
    }
  }
  const real = errs.filter(Boolean);
  if (!real.length) return null;
  return real.length === 1 ? real[0]! : `[${real.join(', ')}]`;
}

/** The validating half: the first LimitRange that refuses ends it, as runLimitFunc returns. */
export function limitRangerValidate(pod: Pod, limitRanges: readonly LimitRange[]): string | null {
  for (const lr of limitRanges) {
    const err = limitRangeViolations(pod, lr);
    if (err) return err;
  }
  return null;
}
