/**
 * Models pkg/apis/core/validation ValidatePodCreate, for the fields podflow
 * simulates, with the apiserver's own error strings: each error is
 * `<field path>: <type>` and the whole reads `Pod "x" is invalid: …`.
 */
import type { Pod } from 'kubernetes-types/core/v1';

export interface FieldError {
  field: string;
  detail: string;
}

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

export function validatePod(pod: Pod): FieldError[] {
  const errs: FieldError[] = [];
  const name = pod.metadata?.name ?? '';
  if (!name) errs.push({ field: 'metadata.name', detail: 'Required value: name or generateName is required' });
  else if (name.length > 253 || !DNS1123_SUBDOMAIN.test(name))
    errs.push({ field: 'metadata.name', detail: `Invalid value: ${JSON.stringify(name)}: ${SUBDOMAIN_MSG}` });
  const spec = pod.spec;
  if (!spec?.containers?.length) {
    errs.push({ field: 'spec.containers', detail: 'Required value' });
    return errs;
  }
  const seen = new Set<string>();
  const check = (list: typeof spec.containers, path: string): void => {
    list.forEach((c, i) => {
      const at = `${path}[${i}]`;
      if (!c.name) errs.push({ field: `${at}.name`, detail: 'Required value' });
      else if (c.name.length > 63 || !DNS1123_LABEL.test(c.name))
        errs.push({ field: `${at}.name`, detail: `Invalid value: ${JSON.stringify(c.name)}: ${LABEL_MSG}` });
      if (!c.image) errs.push({ field: `${at}.image`, detail: 'Required value' });
      if (c.imagePullPolicy && !['Always', 'IfNotPresent', 'Never'].includes(c.imagePullPolicy))
        errs.push({
          field: `${at}.imagePullPolicy`,
          detail: `Unsupported value: ${JSON.stringify(c.imagePullPolicy)}: supported values: "Always", "IfNotPresent", "Never"`,
        });
      // validateContainerCommon runs first; the uniqueness check comes after it.
      if (c.name && seen.has(c.name))
        errs.push({ field: `${at}.name`, detail: `Duplicate value: ${JSON.stringify(c.name)}` });
      if (c.name) seen.add(c.name);
    });
  };
  // ValidatePodSpec's order: containers, then initContainers (their names checked against the containers'), then restartPolicy.
  check(spec.containers, 'spec.containers');
  check(spec.initContainers ?? [], 'spec.initContainers');
  if (spec.restartPolicy && !['Always', 'OnFailure', 'Never'].includes(spec.restartPolicy))
    errs.push({
      field: 'spec.restartPolicy',
      detail: `Unsupported value: ${JSON.stringify(spec.restartPolicy)}: supported values: "Always", "OnFailure", "Never"`,
    });
  return errs;
}

/** `Pod "nginx" is invalid: spec.containers[0].image: Required value` (brackets when several). */
export function invalidMessage(kind: string, name: string, errs: FieldError[]): string {
  const parts = errs.map((e) => `${e.field}: ${e.detail}`);
  const list = parts.length === 1 ? parts[0] : `[${parts.join(', ')}]`;
  return `${kind} "${name}" is invalid: ${list}`;
}

/**
 * The shape check decoding does: JSON that does not fit the Pod type is a
 * 400 Bad Request, worded as the apiserver's decoder words it.
 */
export function decodePod(body: unknown): string | null {
  const prefix = 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal';
  const kindOf = (v: unknown): string =>
    Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v === 'object' ? 'object' : typeof v;
  const b = body as { metadata?: unknown; spec?: unknown };
  if (b.metadata !== undefined && kindOf(b.metadata) !== 'object')
    return `${prefix} ${kindOf(b.metadata)} into Go struct field Pod.metadata of type v1.ObjectMeta`;
  if (b.spec !== undefined && kindOf(b.spec) !== 'object')
    return `${prefix} ${kindOf(b.spec)} into Go struct field Pod.spec of type v1.PodSpec`;
  const spec = (b.spec ?? {}) as Record<string, unknown>;
  for (const field of ['containers', 'initContainers'] as const) {
    const list = spec[field];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list))
      return `${prefix} ${kindOf(list)} into Go struct field PodSpec.spec.${field} of type []v1.Container`;
    for (const c of list) {
      if (kindOf(c) !== 'object')
        return `${prefix} ${kindOf(c)} into Go struct field PodSpec.spec.${field} of type v1.Container`;
    }
  }
  return null;
}

/**
 * ValidateObjectMeta's name check for other kinds: Namespaces are RFC 1123
 * labels (ValidateNamespaceName), most others subdomains (NameIsDNSSubdomain).
 */
export function validateObjectName(name: string | undefined, rule: 'label' | 'subdomain'): FieldError[] {
  if (!name) return [{ field: 'metadata.name', detail: 'Required value: name or generateName is required' }];
  const ok =
    rule === 'label'
      ? name.length <= 63 && DNS1123_LABEL.test(name)
      : name.length <= 253 && DNS1123_SUBDOMAIN.test(name);
  if (ok) return [];
  return [
    {
      field: 'metadata.name',
      detail: `Invalid value: ${JSON.stringify(name)}: ${rule === 'label' ? LABEL_MSG : SUBDOMAIN_MSG}`,
    },
  ];
}
