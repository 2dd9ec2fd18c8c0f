/**
 * Dynamic admission webhooks, the pure half: which webhooks of the
 * MutatingWebhookConfigurations and ValidatingWebhookConfigurations a request
 * calls, where the call goes, the errors kube-apiserver reports, and the
 * JSONPatch a mutating webhook answers with.
 * Models staging/src/k8s.io/apiserver/pkg/admission/plugin/webhook/
 * (generic/webhook.go ShouldCallHook, predicates/rules/rules.go Matcher,
 * predicates/namespace and predicates/object matchers, errors/statuserror.go
 * ToStatusErr, mutating/dispatcher.go and validating/dispatcher.go),
 * pkg/util/webhook/error.go ErrCallingWebhook, and the service resolvers of
 * kube-aggregator (ResolveCluster, ResolveEndpoint).
 */
import type { ApiObject } from '../../types';

export type WebhookKind = 'mutating' | 'validating';

export interface RuleWithOperations {
  operations?: string[];
  apiGroups?: string[];
  apiVersions?: string[];
  resources?: string[];
  scope?: '*' | 'Cluster' | 'Namespaced';
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }[];
}

export interface Webhook {
  name: string;
  clientConfig: {
    url?: string;
    service?: { namespace: string; name: string; path?: string; port?: number };
  };
  rules?: RuleWithOperations[];
  failurePolicy?: 'Fail' | 'Ignore';
  namespaceSelector?: LabelSelector;
  objectSelector?: LabelSelector;
  timeoutSeconds?: number;
  sideEffects?: string;
  reinvocationPolicy?: 'Never' | 'IfNeeded';
}

/** A webhook the request calls, with the configuration it came from. */
export interface Invocation {
  configuration: string;
  webhook: Webhook;
}

/** What the dispatcher knows of the request (admission.Attributes). */
export interface AdmissionAttributes {
  operation: 'CREATE' | 'UPDATE' | 'DELETE' | 'CONNECT';
  group: string;
  version: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  object: ApiObject;
}

/** The API default of timeoutSeconds for admissionregistration.k8s.io/v1 (SetDefaults_ValidatingWebhook). */
export const DEFAULT_TIMEOUT_SECONDS = 10;

/** One field of a rule matches: `*` or the value itself (rules.go). */
function oneOf(list: string[] | undefined, value: string): boolean {
  return !!list && list.some((v) => v === '*' || v === value);
}

/** `pods`, `pods/*`, `*` and `*\/status` as rules.go resource() reads them. */
function resourceMatches(list: string[] | undefined, resource: string, subresource?: string): boolean {
  const full = subresource ? `${resource}/${subresource}` : resource;
  return (list ?? []).some((r) => {
    if (r === '*/*' || r === full) return true;
    if (r === '*') return !subresource;
    const [res, sub] = r.split('/');
    if (sub === '*') return res === resource && !!subresource;
    if (res === '*') return sub === subresource;
    return false;
  });
}

/** Matcher.Matches: operation, group, version, resource and scope (default `*`). */
export function ruleMatches(rule: RuleWithOperations, attrs: AdmissionAttributes): boolean {
  const scope = rule.scope ?? '*';
  const scopeOk =
    scope === '*' || (scope === 'Cluster' ? !attrs.namespace : !!attrs.namespace || attrs.resource === 'namespaces');
  return (
    oneOf(rule.operations, attrs.operation) &&
    oneOf(rule.apiGroups, attrs.group) &&
    oneOf(rule.apiVersions, attrs.version) &&
    resourceMatches(rule.resources, attrs.resource, attrs.subresource) &&
    scopeOk
  );
}

/** metav1.LabelSelectorAsSelector(…).Matches; an empty selector matches everything. */
export function selectorMatches(selector: LabelSelector | undefined, labels: Record<string, string>): boolean {
  if (!selector) return true;
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, e.key);
    const inValues = has && (e.values ?? []).includes(labels[e.key]!);
    if (e.operator === 'In' && !inValues) return false;
    if (e.operator === 'NotIn' && inValues) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

/**
 * ShouldCallHook: a rule matches, then the namespaceSelector (against the
 * namespace's labels; a Namespace itself is matched by its own labels; a
 * cluster-scoped object skips it), then the objectSelector.
 */
export function shouldCall(
  webhook: Webhook,
  attrs: AdmissionAttributes,
  namespaceLabels: Record<string, string> | undefined,
): boolean {
  if (!(webhook.rules ?? []).some((r) => ruleMatches(r, attrs))) return false;
  const isNamespace = attrs.resource === 'namespaces' && !attrs.subresource;
  const nsLabels = isNamespace ? ((attrs.object.metadata.labels ?? {}) as Record<string, string>) : namespaceLabels;
  if ((attrs.namespace || isNamespace) && !selectorMatches(webhook.namespaceSelector, nsLabels ?? {})) return false;
  return selectorMatches(webhook.objectSelector, (attrs.object.metadata.labels ?? {}) as Record<string, string>);
}

/**
 * The webhooks a request calls, in the order the dispatchers call them:
 * configurations sorted by name, then each configuration's webhooks in order
 * (the sorted accessors of the configuration managers).
 */
export function matchingWebhooks(
  configs: readonly ApiObject[],
  attrs: AdmissionAttributes,
  namespaceLabels: Record<string, string> | undefined,
): Invocation[] {
  const out: Invocation[] = [];
  const sorted = [...configs].sort((a, b) => String(a.metadata.name).localeCompare(String(b.metadata.name)));
  for (const config of sorted) {
    for (const webhook of ((config as { webhooks?: Webhook[] }).webhooks ?? []) as Webhook[]) {
      if (shouldCall(webhook, attrs, namespaceLabels))
        out.push({ configuration: String(config.metadata.name), webhook });
    }
  }
  return out;
}

/** The URL the webhook client posts to, with the `timeout` query the request carries. */
export function webhookURL(webhook: Webhook): string {
  const timeout = `?timeout=${webhook.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS}s`;
  const svc = webhook.clientConfig.service;
  if (!svc) return `${webhook.clientConfig.url ?? ''}${timeout}`;
  return `https://${svc.name}.${svc.namespace}.svc:${svc.port ?? 443}${svc.path ?? ''}${timeout}`;
}

/** Where the call goes once the Service is resolved: the IP and port dialed, and the endpoint behind it. */
export type Resolution = { ok: true; dial: string; endpointIP: string } | { ok: false; error: string };

interface ServiceShape {
  spec?: { clusterIP?: string; ports?: { name?: string; port: number; targetPort?: number | string }[] };
}
interface SliceShape {
  endpoints?: { addresses: string[]; conditions?: { ready?: boolean } }[];
  ports?: { name?: string; port?: number }[];
}

/**
 * kubeadm runs kube-apiserver with --enable-aggregator-routing=false: the
 * webhook client dials the Service's ClusterIP (ResolveCluster), and the
 * node's kube-proxy rules carry the connection to a ready endpoint, or
 * reject it when there is none. With aggregator routing on, the apiserver
 * picks an endpoint itself (ResolveEndpoint) and says so when there is none.
 */
export function resolveService(
  service: ApiObject | undefined,
  slices: readonly ApiObject[],
  ref: { namespace: string; name: string; port?: number },
  pick: (n: number) => number,
  aggregatorRouting = false,
): Resolution {
  const port = ref.port ?? 443;
  if (!service) return { ok: false, error: `service "${ref.name}" not found` };
  const svcPort = (service as ServiceShape).spec?.ports?.find((p) => p.port === port);
  if (!svcPort) return { ok: false, error: `no service port ${port} found for service "${ref.name}"` };
  const ready: { ip: string; port: number }[] = [];
  for (const slice of slices as unknown as SliceShape[]) {
    const target = slice.ports?.find((p) => (p.name ?? '') === (svcPort.name ?? ''))?.port;
    if (target === undefined) continue;
    for (const ep of slice.endpoints ?? [])
      if (ep.conditions?.ready ?? true) for (const ip of ep.addresses) ready.push({ ip, port: target });
  }
  const clusterIP = (service as ServiceShape).spec?.clusterIP ?? '';
  if (!ready.length) {
    if (aggregatorRouting) return { ok: false, error: `no endpoints available for service "${ref.name}"` };
    // kube-proxy's KUBE-SERVICES chain REJECTs a ClusterIP with no endpoints ("has no endpoints").
    return { ok: false, error: `dial tcp ${clusterIP}:${port}: connect: connection refused` };
  }
  const chosen = ready[pick(ready.length)]!;
  return {
    ok: true,
    dial: aggregatorRouting ? `${chosen.ip}:${chosen.port}` : `${clusterIP}:${port}`,
    endpointIP: chosen.ip,
  };
}

/** ErrCallingWebhook from a failed POST, wrapped by apierrors.NewInternalError: a 500. */
export function callingErrorMessage(webhook: Webhook, reason: string): string {
  return `Internal error occurred: failed calling webhook "${webhook.name}": failed to call webhook: Post "${webhookURL(webhook)}": ${reason}`;
}

/** The timeout of the call, as Go's http client reports a context deadline. */
export const DEADLINE_EXCEEDED = 'context deadline exceeded';

/**
 * A webhook said allowed=false (errors/statuserror.go ToStatusErr in v1.33):
 * the message follows `admission webhook "x" denied the request`; the code is
 * the webhook's, and a Failure status without one is a 500 (ErrorToAPIStatus).
 */
export function deniedMessage(
  webhookName: string,
  result: { code?: number; message?: string; reason?: string } | undefined,
): { status: number; message: string } {
  const deniedBy = `admission webhook "${webhookName}" denied the request`;
  const message = result?.message
    ? `${deniedBy}: ${result.message}`
    : result?.reason
      ? `${deniedBy}: ${result.reason}`
      : `${deniedBy} without explanation`;
  return { status: result?.code || 500, message };
}

/** An RFC 6902 operation as webhooks answer them. */
export interface PatchOp {
  op: 'add' | 'remove' | 'replace' | 'test' | 'move' | 'copy';
  path: string;
  value?: unknown;
  from?: string;
}

/** `/metadata/labels/app.kubernetes.io~1name` → its tokens (RFC 6901). */
function tokens(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Apply a JSONPatch (evanphx/json-patch, as the mutating dispatcher does):
 * a copy is changed, and an operation that cannot apply is an error.
 */
export function applyJsonPatch<T>(
  doc: T,
  ops: readonly PatchOp[],
): { ok: true; value: T } | { ok: false; error: string } {
  let root: unknown = structuredClone(doc);
  const parentOf = (path: string): { parent: unknown; key: string } | null => {
    const t = tokens(path);
    if (!t.length) return null;
    let cur: unknown = root;
    for (const k of t.slice(0, -1)) {
      if (cur === null || typeof cur !== 'object') return null;
      cur = (cur as Record<string, unknown>)[k];
    }
    if (cur === null || typeof cur !== 'object') return null;
    return { parent: cur, key: t[t.length - 1]! };
  };
  const get = (path: string): unknown => {
    let cur: unknown = root;
    for (const k of tokens(path)) {
      if (cur === null || typeof cur !== 'object') return undefined;
      cur = (cur as Record<string, unknown>)[k];
    }
    return cur;
  };
  const add = (path: string, value: unknown): string | null => {
    if (path === '') {
      root = value;
      return null;
    }
    const at = parentOf(path);
    if (!at) return `add operation does not apply: doc is missing path: "${path}": missing value`;
    if (Array.isArray(at.parent)) {
      const i = at.key === '-' ? at.parent.length : Number(at.key);
      if (!Number.isInteger(i) || i < 0 || i > at.parent.length)
        return `add operation does not apply: doc is missing path: "${path}": missing value`;
      at.parent.splice(i, 0, value);
    } else (at.parent as Record<string, unknown>)[at.key] = value;
    return null;
  };
  const remove = (path: string): string | null => {
    const at = parentOf(path);
    if (!at || get(path) === undefined)
      return `remove operation does not apply: doc is missing path: "${path}": missing value`;
    if (Array.isArray(at.parent)) at.parent.splice(Number(at.key), 1);
    else delete (at.parent as Record<string, unknown>)[at.key];
    return null;
  };
  for (const op of ops) {
    let err: string | null = null;
    switch (op.op) {
      case 'add':
        err = add(op.path, structuredClone(op.value));
        break;
      case 'remove':
        err = remove(op.path);
        break;
      case 'replace':
        err =
          get(op.path) === undefined
            ? `replace operation does not apply: doc is missing key: ${op.path}: missing value`
            : (remove(op.path), add(op.path, structuredClone(op.value)));
        break;
      case 'test':
        if (JSON.stringify(get(op.path)) !== JSON.stringify(op.value))
          err = `testing value ${op.path} failed: test failed`;
        break;
      case 'move':
      case 'copy': {
        const v = get(op.from ?? '');
        if (v === undefined)
          err = `${op.op} operation does not apply: doc is missing from path: ${op.from}: missing value`;
        else {
          if (op.op === 'move') remove(op.from ?? '');
          err = add(op.path, structuredClone(v));
        }
        break;
      }
    }
    if (err) return { ok: false, error: err };
  }
  return { ok: true, value: root as T };
}

/** A webhook's answer as the AdmissionReview response carries it. */
export interface ReviewResponse {
  uid: string;
  allowed: boolean;
  patch?: PatchOp[];
  status?: { code?: number; message?: string; reason?: string };
  warnings?: string[];
}

/** The request half of an AdmissionReview (admission.k8s.io/v1), as a webhook server reads it. */
export interface ReviewRequest {
  uid: string;
  kind: { group: string; version: string; kind: string };
  resource: { group: string; version: string; resource: string };
  name?: string;
  namespace?: string;
  operation: AdmissionAttributes['operation'];
  object: ApiObject;
  userInfo: { username: string };
  dryRun: boolean;
}
