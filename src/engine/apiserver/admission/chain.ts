/**
 * The admission chain of a kube-apiserver v1.33 with the default plugins
 * (pkg/kubeapiserver/options/plugins.go AllOrderedPlugins, filtered by
 * DefaultOffAdmissionPlugins): every plugin that mutates runs first, in
 * order; after validation every plugin that validates runs, in the same
 * order, ResourceQuota last. Each plugin gives a verdict the step shows.
 * The plugins read what they need as their informers have it (the
 * apiserver's cache) and fall back to a live read of storage where the
 * real plugin does.
 */
import type { LimitRange, Pod, PodSpec, ResourceQuota } from 'kubernetes-types/core/v1';
import type { ApiObject } from '../../types';
import { admitDefaultTolerationSeconds, admitPriority, admitServiceAccount } from '../pod-defaults';
import { limitRangerMutate, limitRangerValidate } from './limitranger';
import { podSecurityForPod, podSecurityForTemplate } from './podsecurity';
import { checkPodAgainstQuotas, type QuotaDecision } from './resourcequota';
import type { ResourceList } from './resource-list';

/** The default-on plugins in AllOrderedPlugins order, and which halves they have. */
export const ADMISSION_PLUGINS: readonly { name: string; mutating: boolean; validating: boolean }[] = [
  { name: 'NamespaceLifecycle', mutating: true, validating: false },
  { name: 'LimitRanger', mutating: true, validating: true },
  { name: 'ServiceAccount', mutating: true, validating: true },
  { name: 'PodSecurity', mutating: false, validating: true },
  { name: 'Priority', mutating: true, validating: true },
  { name: 'DefaultTolerationSeconds', mutating: true, validating: false },
  { name: 'MutatingAdmissionWebhook', mutating: true, validating: false },
  { name: 'ValidatingAdmissionPolicy', mutating: false, validating: true },
  { name: 'ValidatingAdmissionWebhook', mutating: false, validating: true },
  { name: 'ResourceQuota', mutating: false, validating: true },
];

/** What the plugins may read. */
export interface AdmissionLookup {
  /** The objects of a resource in a namespace, as the plugins' informers have them. */
  list(resource: string, namespace: string): ApiObject[];
  /** A live GET from storage, for a cache miss. */
  get(resource: string, namespace: string | undefined, name: string): ApiObject | undefined;
  /** A live LIST from storage. */
  liveList?(resource: string, namespace: string): ApiObject[];
}

/**
 * LimitRanger and the quota accessor read their lister, and when it has
 * nothing for the namespace they list live, so an object created a moment
 * ago already counts (GetLimitRanges, quotaAccessor.GetQuotas).
 */
function listOrLive(lookup: AdmissionLookup, resource: string, namespace: string): ApiObject[] {
  const cached = lookup.list(resource, namespace);
  return cached.length || !lookup.liveList ? cached : lookup.liveList(resource, namespace);
}

export interface Verdict {
  plugin: string;
  /** What the plugin did or decided, as short technical text (`priority=0`, `pods=2/2`). */
  verdict: string;
}

export interface MutatingResult {
  verdicts: Verdict[];
  fields: string[];
  plugins: string[];
  /** The forbidden message, without `pods "x" is forbidden: `. */
  denied?: string;
  /** The default ServiceAccount is not there yet: the ServiceAccount plugin looks again. */
  retryServiceAccount?: boolean;
}

/** `pods "nginx" is forbidden: …`, named as admission.NewForbidden names it (generateName before a name exists). */
export function forbiddenMessage(resource: string, obj: ApiObject, reason: string): string {
  const name = obj.metadata.name ?? obj.metadata.generateName ?? 'Unknown';
  return `${resource} "${String(name)}" is forbidden: ${reason}`;
}

/**
 * The mutating half for a Pod. `lastAttempt` says whether the ServiceAccount
 * plugin has used its ten tries at the default ServiceAccount.
 */
export function mutatePod(
  pod: Pod,
  namespace: string,
  lookup: AdmissionLookup,
  volumeSuffix: string,
  lastAttempt: boolean,
  /** What MutatingAdmissionWebhook will do: the webhooks it calls next (webhook-dispatch.ts). */
  webhooks = 'no webhooks',
): MutatingResult {
  const verdicts: Verdict[] = [{ plugin: 'NamespaceLifecycle', verdict: `namespace ${namespace} is Active` }];
  const fields: string[] = [];
  const plugins: string[] = [];

  const limitRanges = listOrLive(lookup, 'limitranges', namespace) as unknown as LimitRange[];
  const annotation = limitRangerMutate(pod, limitRanges);
  verdicts.push({
    plugin: 'LimitRanger',
    verdict: annotation ?? (limitRanges.length ? 'nothing to default' : 'no LimitRange'),
  });
  if (annotation) {
    plugins.push('LimitRanger');
    fields.push('metadata.annotations[kubernetes.io/limit-ranger]');
  }

  // ServiceAccount: the lister first, then a live GET; the default one may not be made yet.
  const saName = pod.spec!.serviceAccountName || 'default';
  const sa =
    lookup.list('serviceaccounts', namespace).find((s) => s.metadata.name === saName) ??
    lookup.get('serviceaccounts', namespace, saName);
  if (!sa) {
    if (saName === 'default' && !lastAttempt) return { verdicts, fields, plugins, retryServiceAccount: true };
    return {
      verdicts,
      fields,
      plugins,
      denied: `error looking up service account ${namespace}/${saName}: serviceaccount "${saName}" not found`,
    };
  }
  const saAutomount = (sa as { automountServiceAccountToken?: boolean }).automountServiceAccountToken;
  const saFields = admitServiceAccount(pod, volumeSuffix, saAutomount);
  verdicts.push({ plugin: 'ServiceAccount', verdict: `serviceaccount ${namespace}/${saName}` });
  for (const [plugin, set, verdict] of [
    ['ServiceAccount', saFields, ''],
    ['Priority', admitPriority(pod), `priority=${pod.spec!.priority ?? 0}`],
    ['DefaultTolerationSeconds', admitDefaultTolerationSeconds(pod), ''],
  ] as const) {
    if (set.length) plugins.push(plugin);
    fields.push(...set);
    if (plugin === 'Priority')
      verdicts.push({ plugin, verdict: set.length ? verdict : `priority=${pod.spec!.priority}` });
    if (plugin === 'DefaultTolerationSeconds')
      verdicts.push({
        plugin,
        verdict: set.length ? `tolerationSeconds=300 ×${set.length}` : 'tolerations already set',
      });
  }
  verdicts.push({ plugin: 'MutatingAdmissionWebhook', verdict: webhooks });
  return { verdicts, fields, plugins: [...new Set(plugins)] };
}

export interface ValidatingResult {
  verdicts: Verdict[];
  denied?: string;
  /** Which plugin refused. */
  deniedBy?: string;
  /** `Warning:` headers kubectl prints. */
  warnings: string[];
  /** The quotas ResourceQuota charged, to write back before the object is stored. */
  charged: QuotaDecision['charged'];
}

/**
 * The validating half. Pods meet LimitRanger, PodSecurity (enforce) and
 * ResourceQuota; Deployments and ReplicaSets only PodSecurity's warning about
 * their template. `quotaUsed` is what this apiserver last charged to each
 * quota, newer than its cache until the write comes back through the watch.
 */
export function validate(
  resource: string,
  obj: ApiObject,
  namespace: string,
  lookup: AdmissionLookup,
  quotaUsed: Record<string, ResourceList>,
  /**
   * The webhooks' part: `stopAtWebhooks` ends the chain before them (they are
   * called next, and ResourceQuota waits for them); `webhookVerdict` is what they decided.
   */
  opts: { stopAtWebhooks?: boolean; webhookVerdict?: string } = {},
): ValidatingResult {
  const verdicts: Verdict[] = [];
  const ns = lookup.get('namespaces', undefined, namespace);
  const labels = (ns?.metadata.labels ?? {}) as Record<string, string>;
  if (resource === 'deployments' || resource === 'replicasets') {
    const spec = (obj.spec as { template?: { spec?: PodSpec } } | undefined)?.template?.spec;
    const ps = podSecurityForTemplate(labels, spec ?? { containers: [] });
    verdicts.push({ plugin: 'PodSecurity', verdict: `${ps.policy}${ps.warnings.length ? ' (warning)' : ''}` });
    return { verdicts, warnings: ps.warnings, charged: [] };
  }
  if (resource !== 'pods') return { verdicts, warnings: [], charged: [] };
  const pod = obj as unknown as Pod;

  const limitRanges = listOrLive(lookup, 'limitranges', namespace) as unknown as LimitRange[];
  const lr = limitRangerValidate(pod, limitRanges);
  if (lr) return { verdicts, denied: lr, deniedBy: 'LimitRanger', warnings: [], charged: [] };
  verdicts.push({ plugin: 'LimitRanger', verdict: limitRanges.length ? 'within limits' : 'no LimitRange' });
  verdicts.push({ plugin: 'ServiceAccount', verdict: `serviceaccount ${pod.spec?.serviceAccountName}` });

  const ps = podSecurityForPod(labels, pod.spec!);
  if (ps.denied) return { verdicts, denied: ps.denied, deniedBy: 'PodSecurity', warnings: [], charged: [] };
  verdicts.push({ plugin: 'PodSecurity', verdict: `${ps.policy}: allowed` });
  verdicts.push({ plugin: 'ValidatingAdmissionWebhook', verdict: opts.webhookVerdict ?? 'no webhooks' });
  const before: ValidatingResult = { verdicts, warnings: ps.warnings, charged: [] };
  if (opts.stopAtWebhooks) return before;
  return validateResourceQuota(before, pod, namespace, lookup, quotaUsed);
}

/**
 * ResourceQuota, the last validating plugin, after the chain up to the
 * webhooks (`before`, whose verdicts it extends): a Pod no validating webhook
 * is called for goes on from there, without running the plugins before again.
 */
export function validateResourceQuota(
  before: ValidatingResult,
  pod: Pod,
  namespace: string,
  lookup: AdmissionLookup,
  quotaUsed: Record<string, ResourceList>,
): ValidatingResult {
  const verdicts = before.verdicts;
  const quotas = listOrLive(lookup, 'resourcequotas', namespace).map((q) => {
    const key = `/registry/resourcequotas/${namespace}/${q.metadata.name}`;
    const used = quotaUsed[key];
    return (used ? { ...q, status: { ...(q.status as object), used } } : q) as unknown as ResourceQuota;
  });
  const decision = checkPodAgainstQuotas(pod, quotas);
  if (decision.denied)
    return { verdicts, denied: decision.denied, deniedBy: 'ResourceQuota', warnings: [], charged: [] };
  verdicts.push({
    plugin: 'ResourceQuota',
    verdict: decision.charged.length
      ? decision.charged
          .map((c) => {
            const hard = (quotas.find((q) => q.metadata?.name === c.name)?.status?.hard ?? {}) as ResourceList;
            return `${c.name}: ${Object.keys(hard)
              .filter((k) => c.used[k] !== undefined)
              .sort()
              .map((k) => `${k}=${c.used[k]}/${hard[k]}`)
              .join(',')}`;
          })
          .join('; ')
      : 'no quota',
  });
  return { verdicts, warnings: before.warnings, charged: decision.charged };
}

/** The verdicts as one line for a step: `LimitRanger: …; ServiceAccount: …`. */
export function verdictLine(verdicts: readonly Verdict[]): string {
  return verdicts.map((v) => `${v.plugin}: ${v.verdict}`).join(' · ');
}
