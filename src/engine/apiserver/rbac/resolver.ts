/**
 * The RBAC rule resolver over the stored Roles, RoleBindings, ClusterRoles
 * and ClusterRoleBindings (pkg/registry/rbac/validation/rule.go
 * DefaultRuleResolver): ClusterRoleBindings first, then the RoleBindings of
 * the request's namespace; each binding that names the user (User, Group,
 * ServiceAccount) contributes its role's rules, described as the real
 * describers do for the authorizer's reason.
 */
import type { ApiObject } from '../../types';
import type { UserInfo } from '../../core/messages';
import type { PolicyRule } from './rules';

export interface Subject {
  kind: string;
  name: string;
  namespace?: string;
  apiGroup?: string;
}

export interface RoleRef {
  apiGroup: string;
  kind: string;
  name: string;
}

export interface Binding {
  metadata: { name: string; namespace?: string };
  subjects?: Subject[];
  roleRef: RoleRef;
}

/** The listers the authorizer reads: in kube-apiserver, informers over its own watch cache. */
export interface RbacStore {
  role(namespace: string, name: string): ApiObject | undefined;
  clusterRole(name: string): ApiObject | undefined;
  roleBindings(namespace: string): ApiObject[];
  clusterRoleBindings(): ApiObject[];
}

export const EMPTY_STORE: RbacStore = {
  role: () => undefined,
  clusterRole: () => undefined,
  roleBindings: () => [],
  clusterRoleBindings: () => [],
};

/** describeSubject: note the ServiceAccount is printed name/namespace, as rule.go does. */
export function describeSubject(s: Subject, bindingNamespace: string): string {
  if (s.kind === 'ServiceAccount') return `${s.kind} "${s.name}/${s.namespace || bindingNamespace}"`;
  return `${s.kind} "${s.name}"`;
}

export function describeBinding(b: Binding, s: Subject, clusterScoped: boolean): string {
  const ns = b.metadata.namespace ?? '';
  return clusterScoped
    ? `ClusterRoleBinding "${b.metadata.name}" of ${b.roleRef.kind} "${b.roleRef.name}" to ${describeSubject(s, '')}`
    : `RoleBinding "${b.metadata.name}/${ns}" of ${b.roleRef.kind} "${b.roleRef.name}" to ${describeSubject(s, ns)}`;
}

/** appliesToUser; a ServiceAccount subject without a namespace means the binding's. */
export function appliesToUser(user: UserInfo, s: Subject, namespace: string): boolean {
  switch (s.kind) {
    case 'User':
      return user.name === s.name;
    case 'Group':
      return user.groups.includes(s.name);
    case 'ServiceAccount': {
      const ns = s.namespace || namespace;
      return !!ns && user.name === `system:serviceaccount:${ns}:${s.name}`;
    }
    default:
      return false;
  }
}

/** The bootstrap ClusterRoles a binding may name that podflow does not store (bootstrappolicy/policy.go). */
const BOOTSTRAP_CLUSTER_ROLES: Record<string, PolicyRule[]> = {
  'cluster-admin': [
    { verbs: ['*'], apiGroups: ['*'], resources: ['*'] },
    { verbs: ['*'], nonResourceURLs: ['*'] },
  ],
};

/** GetRoleReferenceRules, with the listers' NotFound errors. */
export function roleReferenceRules(store: RbacStore, ref: RoleRef, namespace: string): PolicyRule[] | string {
  if (ref.kind === 'Role') {
    const role = store.role(namespace, ref.name);
    return role
      ? ((role as { rules?: PolicyRule[] }).rules ?? [])
      : `role.rbac.authorization.k8s.io "${ref.name}" not found`;
  }
  if (ref.kind === 'ClusterRole') {
    const role = store.clusterRole(ref.name);
    if (role) return (role as { rules?: PolicyRule[] }).rules ?? [];
    return BOOTSTRAP_CLUSTER_ROLES[ref.name] ?? `clusterrole.rbac.authorization.k8s.io "${ref.name}" not found`;
  }
  return `unsupported role reference kind: "${ref.kind}"`;
}

/**
 * VisitRulesFor: each rule that applies to the user in the namespace, with
 * its source; a string is a resolution error. The visitor returns false to stop.
 */
export function visitRulesFor(
  store: RbacStore,
  user: UserInfo,
  namespace: string,
  visit: (source: string | null, rule: PolicyRule | null, err: string | null) => boolean,
): void {
  const walk = (bindings: ApiObject[], ns: string, clusterScoped: boolean): boolean => {
    for (const o of bindings) {
      const b = o as unknown as Binding;
      const subject = (b.subjects ?? []).find((s) => appliesToUser(user, s, ns));
      if (!subject) continue;
      const rules = roleReferenceRules(store, b.roleRef, ns);
      if (typeof rules === 'string') {
        if (!visit(null, null, rules)) return false;
        continue;
      }
      const source = describeBinding(b, subject, clusterScoped);
      for (const r of rules) if (!visit(source, r, null)) return false;
    }
    return true;
  };
  if (!walk(store.clusterRoleBindings(), '', true)) return;
  if (namespace) walk(store.roleBindings(namespace), namespace, false);
}

/** RulesFor: every rule that applies, and the resolution errors. */
export function rulesFor(store: RbacStore, user: UserInfo, namespace: string): [PolicyRule[], string[]] {
  const rules: PolicyRule[] = [];
  const errors: string[] = [];
  visitRulesFor(store, user, namespace, (_s, r, e) => {
    if (r) rules.push(r);
    if (e) errors.push(e);
    return true;
  });
  return [rules, errors];
}

/** utilerrors.NewAggregate's message: one error alone, several in brackets. */
export const aggregate = (errs: readonly string[]): string => (errs.length === 1 ? errs[0]! : `[${errs.join(', ')}]`);
