import { describe, expect, it } from 'vitest';
import type { Sim } from '../../core/sim';
import type { ApiRequest, UserInfo } from '../../core/messages';
import type { ApiObject } from '../../types';
import { simulateScenario, simulateYaml } from '../../../headless';
import { loadManifests } from '../../../manifest/load';
import { authorize, USERS } from '../authz';
import { etcdKey, byKind } from '../resources';
import { ruleAllows, type Attributes, type PolicyRule } from './rules';
import { RBAC_STRATEGIES } from './strategies';
import { rbacStoreFromCache } from './store';

const RBAC = 'rbac.authorization.k8s.io';
const jane: UserInfo = { name: 'jane', groups: ['developers', 'system:authenticated'], via: 'x509' };

/** A watch cache holding these objects, as kube-apiserver's cachePut indexes them. */
function cacheOf(objects: object[]) {
  const cache: Record<string, ApiObject> = {};
  const dirs: Record<string, Record<string, true>> = {};
  for (const o of objects as ApiObject[]) {
    const info = byKind(o.kind)!;
    const key = etcdKey(info.resource, o.metadata.namespace, String(o.metadata.name));
    cache[key] = o;
    (dirs[key.slice(0, key.lastIndexOf('/') + 1)] ??= {})[key] = true;
  }
  return { cache, dirs };
}
const simOf = (objects: object[]) => ({ world: { apiserver: cacheOf(objects) } }) as unknown as Sim<unknown>;

const role = (name: string, rules: PolicyRule[], namespace = 'default') => ({
  apiVersion: `${RBAC}/v1`,
  kind: 'Role',
  metadata: { name, namespace },
  rules,
});
const clusterRole = (name: string, rules: PolicyRule[]) => ({
  apiVersion: `${RBAC}/v1`,
  kind: 'ClusterRole',
  metadata: { name },
  rules,
});
const binding = (name: string, subjects: object[], roleRef: object, namespace = 'default') => ({
  apiVersion: `${RBAC}/v1`,
  kind: 'RoleBinding',
  metadata: { name, namespace },
  subjects,
  roleRef: { apiGroup: RBAC, ...roleRef },
});
const clusterBinding = (name: string, subjects: object[], roleRef: object) => ({
  apiVersion: `${RBAC}/v1`,
  kind: 'ClusterRoleBinding',
  metadata: { name },
  subjects,
  roleRef: { apiGroup: RBAC, ...roleRef },
});

describe('RuleAllows (rbac.go, evaluation_helpers.go)', () => {
  const attrs = (a: Partial<Attributes>): Attributes => ({ verb: 'get', resource: 'pods', group: '', path: '', ...a });
  const cases: [string, PolicyRule, Partial<Attributes>, boolean][] = [
    [
      'exact verb, group, resource',
      { verbs: ['create'], apiGroups: [''], resources: ['pods'] },
      { verb: 'create' },
      true,
    ],
    ['other verb', { verbs: ['get'], apiGroups: [''], resources: ['pods'] }, { verb: 'delete' }, false],
    ['verb *', { verbs: ['*'], apiGroups: [''], resources: ['pods'] }, { verb: 'delete' }, true],
    [
      'other group',
      { verbs: ['*'], apiGroups: [''], resources: ['deployments'] },
      { resource: 'deployments', group: 'apps' },
      false,
    ],
    [
      'group *',
      { verbs: ['*'], apiGroups: ['*'], resources: ['deployments'] },
      { resource: 'deployments', group: 'apps' },
      true,
    ],
    [
      'pods does not cover pods/log',
      { verbs: ['get'], apiGroups: [''], resources: ['pods'] },
      { subresource: 'log' },
      false,
    ],
    ['pods/log', { verbs: ['get'], apiGroups: [''], resources: ['pods/log'] }, { subresource: 'log' }, true],
    ['*/log', { verbs: ['get'], apiGroups: [''], resources: ['*/log'] }, { subresource: 'log' }, true],
    ['*/log is not pods', { verbs: ['get'], apiGroups: [''], resources: ['*/log'] }, {}, false],
    ['resource *', { verbs: ['get'], apiGroups: [''], resources: ['*'] }, { subresource: 'status' }, true],
    [
      'resourceNames match',
      { verbs: ['get'], apiGroups: [''], resources: ['pods'], resourceNames: ['nginx'] },
      { name: 'nginx' },
      true,
    ],
    [
      'resourceNames other',
      { verbs: ['get'], apiGroups: [''], resources: ['pods'], resourceNames: ['nginx'] },
      { name: 'web' },
      false,
    ],
    [
      'resourceNames, create has no name',
      { verbs: ['create'], apiGroups: [''], resources: ['pods'], resourceNames: ['nginx'] },
      { verb: 'create' },
      false,
    ],
    [
      'nonResourceURL exact',
      { verbs: ['get'], nonResourceURLs: ['/healthz'] },
      { resource: '', path: '/healthz' },
      true,
    ],
    [
      'nonResourceURL prefix *',
      { verbs: ['get'], nonResourceURLs: ['/healthz/*'] },
      { resource: '', path: '/healthz/etcd' },
      true,
    ],
    [
      'nonResourceURL other',
      { verbs: ['get'], nonResourceURLs: ['/healthz'] },
      { resource: '', path: '/metrics' },
      false,
    ],
    ['nonResourceURLs never match a resource', { verbs: ['*'], nonResourceURLs: ['*'] }, {}, false],
  ];
  it.each(cases)('%s', (_, rule, a, want) => {
    expect(ruleAllows(attrs(a), rule)).toBe(want);
  });
});

describe('the RBAC authorizer over stored bindings', () => {
  const podCreator = role('pod-creator', [{ apiGroups: [''], resources: ['pods'], verbs: ['create'] }]);
  const req = (user: UserInfo, o: Partial<ApiRequest>): ApiRequest => ({
    verb: 'create',
    resource: 'pods',
    group: '',
    namespace: 'default',
    user,
    path: '/api/v1/namespaces/default/pods',
    ...o,
  });
  const sa: UserInfo = {
    name: 'system:serviceaccount:default:builder',
    groups: ['system:serviceaccounts', 'system:serviceaccounts:default', 'system:authenticated'],
    via: 'serviceaccount-token',
  };
  const cases: [string, object[], ApiRequest, boolean, string][] = [
    [
      'RoleBinding of a Role to a User',
      [
        podCreator,
        binding('jane-pods', [{ kind: 'User', name: 'jane', apiGroup: RBAC }], { kind: 'Role', name: 'pod-creator' }),
      ],
      req(jane, {}),
      true,
      'RBAC: allowed by RoleBinding "jane-pods/default" of Role "pod-creator" to User "jane"',
    ],
    [
      'a RoleBinding grants only in its namespace',
      [
        podCreator,
        binding('jane-pods', [{ kind: 'User', name: 'jane', apiGroup: RBAC }], { kind: 'Role', name: 'pod-creator' }),
      ],
      req(jane, { namespace: 'prod' }),
      false,
      'pods is forbidden: User "jane" cannot create resource "pods" in API group "" in the namespace "prod"',
    ],
    [
      'RoleBinding of a ClusterRole to a Group: a namespaced grant',
      [
        clusterRole('deployer', [{ apiGroups: ['apps'], resources: ['deployments'], verbs: ['*'] }]),
        binding('devs', [{ kind: 'Group', name: 'developers', apiGroup: RBAC }], {
          kind: 'ClusterRole',
          name: 'deployer',
        }),
      ],
      req(jane, { resource: 'deployments', group: 'apps' }),
      true,
      'RBAC: allowed by RoleBinding "devs/default" of ClusterRole "deployer" to Group "developers"',
    ],
    [
      'ClusterRoleBinding to a ServiceAccount: name/namespace in the reason, as describeSubject prints it',
      [
        clusterRole('pod-reader', [{ apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list'] }]),
        clusterBinding('builder-reads', [{ kind: 'ServiceAccount', name: 'builder', namespace: 'default' }], {
          kind: 'ClusterRole',
          name: 'pod-reader',
        }),
      ],
      req(sa, { verb: 'get', name: 'nginx', subresource: 'log', namespace: 'kube-system' }),
      true,
      'RBAC: allowed by ClusterRoleBinding "builder-reads" of ClusterRole "pod-reader" to ServiceAccount "builder/default"',
    ],
    [
      'a ServiceAccount subject without a namespace means the binding’s',
      [
        podCreator,
        binding('builder', [{ kind: 'ServiceAccount', name: 'builder' }], { kind: 'Role', name: 'pod-creator' }),
      ],
      req(sa, {}),
      true,
      'RBAC: allowed by RoleBinding "builder/default" of Role "pod-creator" to ServiceAccount "builder/default"',
    ],
    [
      'a binding to a missing Role: the 403 carries the resolver’s error',
      [binding('jane-pods', [{ kind: 'User', name: 'jane', apiGroup: RBAC }], { kind: 'Role', name: 'gone' })],
      req(jane, {}),
      false,
      'pods is forbidden: User "jane" cannot create resource "pods" in API group "" in the namespace "default": RBAC: role.rbac.authorization.k8s.io "gone" not found',
    ],
    [
      'a bootstrap binding to a ServiceAccount is described name/namespace too',
      [],
      req(USERS.kubeProxy, { verb: 'list', resource: 'services', namespace: undefined }),
      true,
      'RBAC: allowed by ClusterRoleBinding "kubeadm:node-proxier" of ClusterRole "system:node-proxier" to ServiceAccount "kube-proxy/kube-system"',
    ],
    [
      'the bootstrap bindings come first',
      [
        podCreator,
        binding('admin-pods', [{ kind: 'User', name: 'kubernetes-admin', apiGroup: RBAC }], {
          kind: 'Role',
          name: 'pod-creator',
        }),
      ],
      req(USERS.admin, {}),
      true,
      'RBAC: allowed by ClusterRoleBinding "kubeadm:cluster-admins" of ClusterRole "cluster-admin" to Group "kubeadm:cluster-admins"',
    ],
  ];
  it.each(cases)('%s', (_, objects, request, allowed, reason) => {
    expect(authorize(request, rbacStoreFromCache(cacheOf(objects)))).toEqual({ allowed, reason });
  });
});

describe('validation (pkg/apis/rbac/validation)', () => {
  const cases: [string, string, object, string[]][] = [
    [
      'a RoleBinding with no roleRef',
      'rolebindings',
      { kind: 'RoleBinding', metadata: { name: 'b', namespace: 'default' }, roleRef: {} },
      [
        'roleRef.apiGroup: Unsupported value: "": supported values: "rbac.authorization.k8s.io"',
        'roleRef.kind: Unsupported value: "": supported values: "Role", "ClusterRole"',
        'roleRef.name: Required value',
      ],
    ],
    [
      'an unknown subject kind',
      'rolebindings',
      binding('b', [{ kind: 'Robot', name: 'r2d2' }], { kind: 'Role', name: 'x' }),
      ['subjects[0].kind: Unsupported value: "Robot": supported values: "ServiceAccount", "User", "Group"'],
    ],
    [
      'a ClusterRoleBinding may not name a Role, and needs the ServiceAccount’s namespace',
      'clusterrolebindings',
      clusterBinding('b', [{ kind: 'ServiceAccount', name: 'builder' }], { kind: 'Role', name: 'x' }),
      [
        'roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"',
        'subjects[0].namespace: Required value',
      ],
    ],
    [
      'a Role rule without verbs or resources',
      'roles',
      role('r', [{ verbs: [], apiGroups: [''] }]),
      [
        'rules[0].verbs: Required value: verbs must contain at least one value',
        'rules[0].resources: Required value: resource rules must supply at least one resource',
      ],
    ],
    [
      'a Role may not name non-resource URLs',
      'roles',
      role('r', [{ verbs: ['get'], nonResourceURLs: ['/healthz'] }]),
      [
        'rules[0].nonResourceURLs: Invalid value: []string{"/healthz"}: namespaced rules cannot apply to non-resource URLs',
      ],
    ],
    ['a ClusterRole may', 'clusterroles', clusterRole('r', [{ verbs: ['get'], nonResourceURLs: ['/healthz'] }]), []],
    ['a name with a slash', 'roles', role('a/b', []), [`metadata.name: Invalid value: "a/b": may not contain '/'`]],
  ];
  it.each(cases)('%s', (_, resource, obj, want) => {
    const errs = RBAC_STRATEGIES[resource]!.validate!(structuredClone(obj) as unknown as ApiObject);
    expect(errs.map((e) => `${e.field}: ${e.detail}`)).toEqual(want);
  });

  it('defaults roleRef.apiGroup and the User subject’s apiGroup', () => {
    const obj = {
      kind: 'RoleBinding',
      metadata: { name: 'b' },
      subjects: [
        { kind: 'User', name: 'jane' },
        { kind: 'ServiceAccount', name: 'sa' },
      ],
      roleRef: { kind: 'Role', name: 'x' },
    } as unknown as ApiObject;
    const m = RBAC_STRATEGIES.rolebindings!.mutate!(obj, simOf([]));
    expect(m.defaulted).toEqual(['roleRef.apiGroup', 'subjects[0].apiGroup']);
    expect(RBAC_STRATEGIES.rolebindings!.validate!(obj)).toEqual([]);
  });

  it('roleRef is immutable on update', () => {
    const old = binding('b', [], { kind: 'Role', name: 'x' }) as unknown as ApiObject;
    const changed = binding('b', [], { kind: 'Role', name: 'y' }) as unknown as ApiObject;
    expect(RBAC_STRATEGIES.rolebindings!.validateUpdate!(changed, old)).toEqual([
      {
        field: 'roleRef',
        detail:
          'Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"Role", Name:"y"}: cannot change roleRef',
      },
    ]);
    expect(RBAC_STRATEGIES.rolebindings!.validateUpdate!(old, old)).toEqual([]);
  });
});

describe('the escalation check (policybased storage, ConfirmNoEscalation)', () => {
  const janePods = [
    role('pod-creator', [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'create'] }]),
    binding('jane-pods', [{ kind: 'User', name: 'jane', apiGroup: RBAC }], { kind: 'Role', name: 'pod-creator' }),
  ];
  const cases: [string, string, UserInfo, object[], object, { status: number; message: string } | null][] = [
    [
      'jane may make a Role within what she holds',
      'roles',
      jane,
      janePods,
      role('mine', [{ apiGroups: [''], resources: ['pods'], verbs: ['create'] }]),
      null,
    ],
    [
      'jane may not grant what she lacks: the missing rights, compacted and sorted',
      'roles',
      jane,
      janePods,
      role('more', [
        { apiGroups: [''], resources: ['pods'], verbs: ['get', 'delete'] },
        { apiGroups: ['apps'], resources: ['deployments'], verbs: ['create', 'update'] },
      ]),
      {
        status: 403,
        message:
          'roles.rbac.authorization.k8s.io "more" is forbidden: user "jane" (groups=["developers" "system:authenticated"]) is attempting to grant RBAC permissions not currently held:\n' +
          '{APIGroups:[""], Resources:["pods"], Verbs:["delete"]}\n' +
          '{APIGroups:["apps"], Resources:["deployments"], Verbs:["create" "update"]}',
      },
    ],
    [
      'nor bind a ClusterRole beyond her rights',
      'rolebindings',
      jane,
      [...janePods, clusterRole('deployer', [{ apiGroups: ['apps'], resources: ['deployments'], verbs: ['create'] }])],
      binding('me', [{ kind: 'User', name: 'jane', apiGroup: RBAC }], { kind: 'ClusterRole', name: 'deployer' }),
      {
        status: 403,
        message:
          'rolebindings.rbac.authorization.k8s.io "me" is forbidden: user "jane" (groups=["developers" "system:authenticated"]) is attempting to grant RBAC permissions not currently held:\n' +
          '{APIGroups:["apps"], Resources:["deployments"], Verbs:["create"]}',
      },
    ],
    [
      'a binding to a Role that does not exist: the lister’s 404',
      'rolebindings',
      jane,
      janePods,
      binding('me', [{ kind: 'User', name: 'jane', apiGroup: RBAC }], { kind: 'Role', name: 'gone' }),
      { status: 404, message: 'role.rbac.authorization.k8s.io "gone" not found' },
    ],
    [
      'a binding without a roleRef, even by the admin: the resolver’s plain error, a 500',
      'rolebindings',
      USERS.admin,
      [],
      { kind: 'RoleBinding', metadata: { name: 'b', namespace: 'default' }, subjects: [] },
      { status: 500, message: 'unsupported role reference kind: ""' },
    ],
    [
      'the admin may bind any Role (bind on roles via cluster-admin)',
      'rolebindings',
      USERS.admin,
      janePods,
      binding('x', [{ kind: 'User', name: 'bob', apiGroup: RBAC }], { kind: 'Role', name: 'pod-creator' }),
      null,
    ],
    [
      'cluster-admin may escalate',
      'clusterroles',
      USERS.admin,
      [],
      clusterRole('all', [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }]),
      null,
    ],
    [
      'system:masters is always allowed (EscalationAllowed)',
      'clusterrolebindings',
      USERS.apiserverLoopback,
      [],
      clusterBinding('x', [{ kind: 'User', name: 'jane', apiGroup: RBAC }], {
        kind: 'ClusterRole',
        name: 'cluster-admin',
      }),
      null,
    ],
  ];
  it.each(cases)('%s', (_, resource, user, stored, obj, want) => {
    const o = structuredClone(obj) as unknown as ApiObject;
    const ns = o.metadata.namespace ?? '';
    expect(RBAC_STRATEGIES[resource]!.authorizeWrite!(o, user, ns, simOf(stored))).toEqual(want);
  });
});

describe('the rbac-granted scenario', () => {
  it('jane’s Pod is allowed by the RoleBinding, her Deployment gets the real 403', () => {
    const run = simulateScenario('rbac-granted');
    const steps = run.steps('deep');
    const allowed = steps.find((s) => s.key === 'apiserver-authorization' && s.body.includes('jane may create pods'));
    expect(allowed?.body).toContain(
      'RBAC: allowed by RoleBinding "jane-pod-creator/default" of Role "pod-creator" to User "jane"',
    );
    const denied = steps.filter((s) => s.key === 'apiserver-forbidden').map((s) => s.body);
    expect(denied).toEqual([
      'deployments is forbidden: User "jane" cannot create resource "deployments" in API group "apps" in the namespace "default"',
    ]);
    expect(steps.filter((s) => s.key === 'kubectl-create-admin').length).toBe(2);
    expect(run.getPods(run.last).map((p) => `${p.name} ${p.status}`)).toEqual(['nginx Running']);
  });
});

describe('through kube-apiserver', () => {
  const manifests = (yaml: string): unknown[] => {
    const l = loadManifests(yaml);
    if (!l.ok) throw new Error(l.message);
    return l.objects;
  };
  const ROLE = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: pod-creator, namespace: default}
rules:
- {apiGroups: [""], resources: ["pods"], verbs: ["create"]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: jane-pods, namespace: default}
subjects: [{kind: User, name: jane}]
roleRef: {kind: Role, name: pod-creator}
`;

  it('jane’s Role beyond her rights is refused by the escalation check, after authorization allowed the create', () => {
    const grant = `${ROLE}---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: role-maker, namespace: default}
rules:
- {apiGroups: ["rbac.authorization.k8s.io"], resources: ["roles"], verbs: ["create"]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: jane-roles, namespace: default}
subjects: [{kind: User, name: jane}]
roleRef: {kind: Role, name: role-maker}
`;
    const run = simulateYaml(
      `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: deployer}
rules:
- {apiGroups: ["apps"], resources: ["deployments"], verbs: ["create", "delete"]}
`,
      { adminManifests: manifests(grant), user: { name: 'jane', groups: ['system:authenticated'] } },
    );
    const steps = run.steps('deep');
    expect(
      steps.find((x) => x.key === 'apiserver-authorization' && x.body.includes('jane may create roles'))?.body,
    ).toContain('RBAC: allowed by RoleBinding "jane-roles/default" of Role "role-maker" to User "jane"');
    expect(steps.filter((x) => x.key === 'apiserver-rbac-escalation').map((x) => x.body)).toEqual([
      'roles.rbac.authorization.k8s.io "deployer" is forbidden: user "jane" (groups=["system:authenticated"]) is attempting to grant RBAC permissions not currently held:\n' +
        '{APIGroups:["apps"], Resources:["deployments"], Verbs:["create" "delete"]}. Nobody can grant, by a Role or a binding, permissions they do not hold themselves, unless they may escalate or bind.',
    ]);
    expect(run.objects('Role').map((o) => o.metadata.name)).toEqual(['pod-creator', 'role-maker']);
  });

  it('an update that escalates is refused too (policybased Update)', () => {
    const grant = `${ROLE}---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: role-editor, namespace: default}
rules:
- {apiGroups: ["rbac.authorization.k8s.io"], resources: ["roles"], verbs: ["get", "patch"]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: jane-role-editor, namespace: default}
subjects: [{kind: User, name: jane}]
roleRef: {kind: Role, name: role-editor}
`;
    const wider = structuredClone(manifests(ROLE)[0]) as { rules: PolicyRule[] };
    wider.rules.push({ apiGroups: [''], resources: ['secrets'], verbs: ['get'] });
    const run = simulateYaml('', {
      adminManifests: manifests(grant),
      user: { name: 'jane', groups: ['system:authenticated'] },
      updates: [{ manifest: wider, atMs: 2_000 }],
    });
    const refused = run.steps('deep').filter((x) => x.key === 'apiserver-rbac-escalation');
    expect(refused.map((x) => x.body.split('. Nobody')[0])).toEqual([
      'roles.rbac.authorization.k8s.io "pod-creator" is forbidden: user "jane" (groups=["system:authenticated"]) is attempting to grant RBAC permissions not currently held:\n{APIGroups:[""], Resources:["secrets"], Verbs:["get"]}',
    ]);
  });

  it('a kubectl apply that changes roleRef is a 422', () => {
    const changed = manifests(ROLE)[1] as { roleRef: { name: string } };
    changed.roleRef.name = 'other';
    const run = simulateYaml(ROLE, { updates: [{ manifest: changed, atMs: 2_000 }] });
    const invalid = run.steps('deep').filter((x) => x.status === 422);
    expect(invalid.map((x) => x.body)).toEqual([
      expect.stringContaining(
        'RoleBinding "jane-pods" is invalid: roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"Role", Name:"other"}: cannot change roleRef',
      ),
    ]);
  });
});
