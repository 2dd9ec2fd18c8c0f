/**
 * The rbac.authorization.k8s.io/v1 registry: Role, RoleBinding, ClusterRole,
 * ClusterRoleBinding. Defaults from pkg/apis/rbac/v1/defaults.go, validation
 * from pkg/apis/rbac/validation/validation.go, and the policy-based storage's
 * escalation check (pkg/registry/rbac/{role,rolebinding,clusterrole,
 * clusterrolebinding}/policybased/storage.go): nobody grants, by a Role or by
 * binding one, rights they do not hold themselves, unless they may
 * `escalate` (roles) or `bind` (the role a binding names).
 */
import type { UserInfo } from '../../core/messages';
import type { ApiObject } from '../../types';
import { rbacAuthorize } from '../authz';
import { validateObjectName, type FieldError } from '../pod-validation';
import type { Mutation, Strategy } from '../strategy';
import {
  aggregate,
  roleReferenceRules,
  rulesFor,
  type Binding,
  type Subject,
  type RbacStore,
  type RoleRef,
} from './resolver';
import { compactRules, compactString, covers, goQuoted, type PolicyRule } from './rules';
import { rbacStoreOf } from './store';

export const RBAC_GROUP = 'rbac.authorization.k8s.io';

const kindOf = (v: unknown): string =>
  Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v === 'object' ? 'object' : typeof v;

/** Go's %#v of an internal rbac.RoleRef, as field.Invalid prints a struct value. */
const roleRefValue = (r: Partial<RoleRef>): string =>
  `rbac.RoleRef{APIGroup:${JSON.stringify(r.apiGroup ?? '')}, Kind:${JSON.stringify(r.kind ?? '')}, Name:${JSON.stringify(r.name ?? '')}}`;

const notSupported = (field: string, value: string, supported: string[]): FieldError => ({
  field,
  detail: `Unsupported value: ${JSON.stringify(value)}: supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}`,
});

/** minimalNameRequirements: path.IsValidPathSegmentName. */
function pathSegmentErrors(name: string): string[] {
  if (name === '.' || name === '..') return [`may not be '${name}'`];
  const errs: string[] = [];
  for (const c of ['/', '%']) if (name.includes(c)) errs.push(`may not contain '${c}'`);
  return errs;
}

function validateMetaName(obj: ApiObject): FieldError[] {
  const name = obj.metadata.name;
  if (!name) return [{ field: 'metadata.name', detail: 'Required value: name or generateName is required' }];
  return pathSegmentErrors(name).map((m) => ({
    field: 'metadata.name',
    detail: `Invalid value: ${JSON.stringify(name)}: ${m}`,
  }));
}

function validatePolicyRule(rule: PolicyRule, namespaced: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!rule.verbs?.length)
    errs.push({ field: `${path}.verbs`, detail: 'Required value: verbs must contain at least one value' });
  if (rule.nonResourceURLs?.length) {
    const value = `[]string{${rule.nonResourceURLs.map((u) => JSON.stringify(u)).join(', ')}}`;
    if (namespaced)
      errs.push({
        field: `${path}.nonResourceURLs`,
        detail: `Invalid value: ${value}: namespaced rules cannot apply to non-resource URLs`,
      });
    if (rule.apiGroups?.length || rule.resources?.length || rule.resourceNames?.length)
      errs.push({
        field: `${path}.nonResourceURLs`,
        detail: `Invalid value: ${value}: rules cannot apply to both regular resources and non-resource URLs`,
      });
    return errs;
  }
  if (!rule.apiGroups?.length)
    errs.push({
      field: `${path}.apiGroups`,
      detail: 'Required value: resource rules must supply at least one api group',
    });
  if (!rule.resources?.length)
    errs.push({
      field: `${path}.resources`,
      detail: 'Required value: resource rules must supply at least one resource',
    });
  if (rule.resourceNames?.length && (rule.resources?.length ?? 0) > 1)
    errs.push({
      field: `${path}.resourceNames`,
      detail: 'Required value: resource names cannot apply to multiple resources',
    });
  return errs;
}

/** validateRoleBindingSubject. */
function validateSubject(s: Subject, namespaced: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!s.name) errs.push({ field: `${path}.name`, detail: 'Required value' });
  switch (s.kind) {
    case 'ServiceAccount':
      // ValidateServiceAccountName: a DNS-1123 subdomain.
      if (s.name)
        for (const e of validateObjectName(s.name, 'subdomain')) errs.push({ field: `${path}.name`, detail: e.detail });
      if (s.apiGroup) errs.push(notSupported(`${path}.apiGroup`, s.apiGroup, ['']));
      if (!namespaced && !s.namespace) errs.push({ field: `${path}.namespace`, detail: 'Required value' });
      break;
    case 'User':
    case 'Group':
      if (!s.name)
        errs.push({
          field: `${path}.name`,
          detail: `Invalid value: "": ${s.kind === 'User' ? 'user' : 'group'} name cannot be empty`,
        });
      if (s.apiGroup !== RBAC_GROUP) errs.push(notSupported(`${path}.apiGroup`, s.apiGroup ?? '', [RBAC_GROUP]));
      break;
    default:
      errs.push(notSupported(`${path}.kind`, s.kind ?? '', ['ServiceAccount', 'User', 'Group']));
  }
  return errs;
}

function validateBinding(obj: ApiObject, namespaced: boolean): FieldError[] {
  const b = obj as unknown as Binding;
  const ref: Partial<RoleRef> = b.roleRef ?? {};
  const errs = validateMetaName(obj);
  if (ref.apiGroup !== RBAC_GROUP) errs.push(notSupported('roleRef.apiGroup', ref.apiGroup ?? '', [RBAC_GROUP]));
  const kinds = namespaced ? ['Role', 'ClusterRole'] : ['ClusterRole'];
  if (!kinds.includes(ref.kind ?? '')) errs.push(notSupported('roleRef.kind', ref.kind ?? '', kinds));
  if (!ref.name) errs.push({ field: 'roleRef.name', detail: 'Required value' });
  else
    for (const m of pathSegmentErrors(ref.name))
      errs.push({ field: 'roleRef.name', detail: `Invalid value: ${JSON.stringify(ref.name)}: ${m}` });
  (b.subjects ?? []).forEach((s, i) => errs.push(...validateSubject(s, namespaced, `subjects[${i}]`)));
  return errs;
}

/** SetDefaults_RoleBinding / _ClusterRoleBinding / _Subject. */
function defaultBinding(obj: ApiObject): Mutation {
  const b = obj as unknown as Binding;
  const defaulted: string[] = [];
  if (b.roleRef && typeof b.roleRef === 'object' && !b.roleRef.apiGroup) {
    b.roleRef.apiGroup = RBAC_GROUP;
    defaulted.push('roleRef.apiGroup');
  }
  (b.subjects ?? []).forEach((s, i) => {
    if (!s.apiGroup && (s.kind === 'User' || s.kind === 'Group')) {
      s.apiGroup = RBAC_GROUP;
      defaulted.push(`subjects[${i}].apiGroup`);
    }
  });
  return { defaulted, admitted: [], plugins: [] };
}

function decoder(kind: string, field: 'rules' | 'subjects'): (body: unknown) => string | null {
  return (body) => {
    const v = (body as Record<string, unknown>)[field];
    if (v === undefined || v === null || Array.isArray(v)) return null;
    const type = field === 'rules' ? '[]v1.PolicyRule' : '[]v1.Subject';
    return `${kind} in version "v1" cannot be handled as a ${kind}: json: cannot unmarshal ${kindOf(v)} into Go struct field ${kind}.${field} of type ${type}`;
  };
}

export interface Refusal {
  status: number;
  message: string;
}

/** ConfirmNoEscalation's error, wrapped by errors.NewForbidden. */
function escalation(
  store: RbacStore,
  user: UserInfo,
  namespace: string,
  rules: readonly PolicyRule[],
  qualifiedResource: string,
  name: string,
): Refusal | null {
  const [owner, errors] = rulesFor(store, user, namespace);
  const [ok, missing] = covers(owner, rules);
  if (ok) return null;
  const lines = [...new Set(compactRules(missing).map(compactString))].sort();
  let msg = `user "${user.name}" (groups=${goQuoted(user.groups)}) is attempting to grant RBAC permissions not currently held:\n${lines.join('\n')}`;
  if (errors.length) msg += `; resolution errors: [${aggregate(errors)}]`;
  return { status: 403, message: `${qualifiedResource} "${name}" is forbidden: ${msg}` };
}

/** EscalationAllowed: system:masters may grant anything. */
const escalationAllowed = (user: UserInfo): boolean => user.groups.includes('system:masters');

function roleStrategy(kind: 'Role' | 'ClusterRole', resource: string, namespaced: boolean): Strategy {
  return {
    decode: decoder(kind, 'rules'),
    validate(obj) {
      const errs = validateMetaName(obj);
      ((obj as { rules?: PolicyRule[] }).rules ?? []).forEach((r, i) =>
        errs.push(...validatePolicyRule(r, namespaced, `rules[${i}]`)),
      );
      return errs;
    },
    validateUpdate(obj) {
      return this.validate!(obj);
    },
    authorizeWrite(obj, user, namespace, sim) {
      if (escalationAllowed(user)) return null;
      const store = rbacStoreOf(sim);
      // RoleEscalationAuthorized: the `escalate` verb on this resource.
      const attrs = { verb: 'escalate', resource, group: RBAC_GROUP, namespace, path: '' };
      if (rbacAuthorize(attrs, user, store).allowed) return null;
      const rules = (obj as { rules?: PolicyRule[] }).rules ?? [];
      return escalation(store, user, namespace, rules, `${resource}.${RBAC_GROUP}`, String(obj.metadata.name));
    },
  };
}

function bindingStrategy(kind: 'RoleBinding' | 'ClusterRoleBinding', resource: string, namespaced: boolean): Strategy {
  return {
    decode: decoder(kind, 'subjects'),
    mutate: defaultBinding,
    validate: (obj) => validateBinding(obj, namespaced),
    validateUpdate(obj, old) {
      const errs = validateBinding(obj, namespaced);
      const a = (obj as unknown as Binding).roleRef ?? {};
      const b = (old as unknown as Binding).roleRef ?? {};
      if (a.apiGroup !== b.apiGroup || a.kind !== b.kind || a.name !== b.name)
        errs.push({ field: 'roleRef', detail: `Invalid value: ${roleRefValue(a)}: cannot change roleRef` });
      return errs;
    },
    authorizeWrite(obj, user, namespace, sim) {
      if (escalationAllowed(user)) return null;
      const store = rbacStoreOf(sim);
      // A missing roleRef decodes as the zero RoleRef (kind "").
      const given: Partial<RoleRef> = (obj as unknown as Binding).roleRef ?? {};
      const ref: RoleRef = { apiGroup: given.apiGroup ?? '', kind: given.kind ?? '', name: given.name ?? '' };
      // BindingAuthorized: the `bind` verb on the role it names (in roleRef's apiGroup); no other kind is bindable.
      const bindable: Record<string, string> = { Role: 'roles', ClusterRole: 'clusterroles' };
      const roleResource = bindable[ref.kind];
      if (roleResource) {
        const attrs = {
          verb: 'bind',
          resource: roleResource,
          group: ref.apiGroup,
          name: ref.name,
          namespace,
          path: '',
        };
        if (rbacAuthorize(attrs, user, store).allowed) return null;
      }
      const rules = roleReferenceRules(store, ref, namespace);
      // The lister's NotFound goes back as it is (404); an unsupported kind is a plain error, which
      // ErrorToAPIStatus makes a 500 with no reason: `Error from server: unsupported role reference kind: ""`.
      if (typeof rules === 'string') return { status: rules.startsWith('unsupported') ? 500 : 404, message: rules };
      return escalation(store, user, namespace, rules, `${resource}.${RBAC_GROUP}`, String(obj.metadata.name));
    },
  };
}

export const RBAC_STRATEGIES: Record<string, Strategy> = {
  roles: roleStrategy('Role', 'roles', true),
  clusterroles: roleStrategy('ClusterRole', 'clusterroles', false),
  rolebindings: bindingStrategy('RoleBinding', 'rolebindings', true),
  clusterrolebindings: bindingStrategy('ClusterRoleBinding', 'clusterrolebindings', false),
};
