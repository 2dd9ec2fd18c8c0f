/**
 * Authentication and authorization, as kube-apiserver decides them for the
 * callers in a kubeadm cluster: x509 client certificates for kubectl, the
 * scheduler, the controller-manager and kubelets; ServiceAccount tokens for
 * add-ons. Authorizers run in kubeadm's order: Node, then RBAC.
 */
import type { ApiRequest, UserInfo } from '../core/messages';
import { aggregate, EMPTY_STORE, visitRulesFor, type RbacStore } from './rbac/resolver';
import { ruleAllows, type Attributes } from './rbac/rules';

export const USERS = {
  admin: { name: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'], via: 'x509' },
  scheduler: { name: 'system:kube-scheduler', groups: ['system:authenticated'], via: 'x509' },
  controllerManager: { name: 'system:kube-controller-manager', groups: ['system:authenticated'], via: 'x509' },
  kubeProxy: {
    name: 'system:serviceaccount:kube-system:kube-proxy',
    groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'],
    via: 'serviceaccount-token',
  },
  deploymentController: {
    name: 'system:serviceaccount:kube-system:deployment-controller',
    groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'],
    via: 'serviceaccount-token',
  },
  replicasetController: {
    name: 'system:serviceaccount:kube-system:replicaset-controller',
    groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'],
    via: 'serviceaccount-token',
  },
  // The node lifecycle and taint eviction controllers share it (cmd/kube-controller-manager/app/core.go).
  nodeController: {
    name: 'system:serviceaccount:kube-system:node-controller',
    groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'],
    via: 'serviceaccount-token',
  },
  serviceAccountController: {
    name: 'system:serviceaccount:kube-system:service-account-controller',
    groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'],
    via: 'serviceaccount-token',
  },
  resourceQuotaController: {
    name: 'system:serviceaccount:kube-system:resourcequota-controller',
    groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'],
    via: 'serviceaccount-token',
  },
  /** kube-apiserver's loopback client, which admission plugins write through. */
  apiserverLoopback: { name: 'system:apiserver', groups: ['system:authenticated', 'system:masters'], via: 'x509' },
  // Storage (issue #5): the root CA publisher, the PV controller, and the CSI driver's external-provisioner.
  rootCaCertPublisher: {
    name: 'system:serviceaccount:kube-system:root-ca-cert-publisher',
    groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'],
    via: 'serviceaccount-token',
  },
  persistentVolumeBinder: {
    name: 'system:serviceaccount:kube-system:persistent-volume-binder',
    groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'],
    via: 'serviceaccount-token',
  },
  // The garbage collector (cmd/kube-controller-manager/app/core.go startGarbageCollectorController).
  garbageCollector: {
    name: 'system:serviceaccount:kube-system:generic-garbage-collector',
    groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'],
    via: 'serviceaccount-token',
  },
  csiProvisioner: {
    name: 'system:serviceaccount:kube-system:csi-provisioner',
    groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'],
    via: 'serviceaccount-token',
  },
  endpointsliceController: {
    name: 'system:serviceaccount:kube-system:endpointslice-controller',
    groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'],
    via: 'serviceaccount-token',
  },
  coredns: {
    name: 'system:serviceaccount:kube-system:coredns',
    groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'],
    via: 'serviceaccount-token',
  },
  // Dynamic admission (issue #4/#5): the webhook servers' ServiceAccounts, as their charts make them.
  istiod: {
    name: 'system:serviceaccount:istio-system:istiod',
    groups: ['system:serviceaccounts', 'system:serviceaccounts:istio-system', 'system:authenticated'],
    via: 'serviceaccount-token',
  },
  kyverno: {
    name: 'system:serviceaccount:kyverno:kyverno-admission-controller',
    groups: ['system:serviceaccounts', 'system:serviceaccounts:kyverno', 'system:authenticated'],
    via: 'serviceaccount-token',
  },
  // Services and traffic (issue #5): Calico's calico-node (Felix) and the ingress-nginx controller.
  calicoNode: {
    name: 'system:serviceaccount:kube-system:calico-node',
    groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'],
    via: 'serviceaccount-token',
  },
  ingressNginx: {
    name: 'system:serviceaccount:ingress-nginx:ingress-nginx',
    groups: ['system:serviceaccounts', 'system:serviceaccounts:ingress-nginx', 'system:authenticated'],
    via: 'serviceaccount-token',
  },
} satisfies Record<string, UserInfo>;

export function kubeletUser(node: string): UserInfo {
  // One per node, shared (users are never changed): a kubelet asks for its own on every request and Event.
  let user = KUBELET_USERS.get(node);
  if (!user) {
    user = { name: `system:node:${node}`, groups: ['system:nodes', 'system:authenticated'], via: 'x509' };
    KUBELET_USERS.set(node, user);
  }
  return user;
}
const KUBELET_USERS = new Map<string, UserInfo>();

export interface Decision {
  allowed: boolean;
  /** `Node` or `RBAC`, with the binding that allowed it. */
  reason: string;
}

interface Grant {
  binding: string;
  role: string;
  subject: string;
  allows: (req: ApiRequest) => boolean;
}

const ANY = (): boolean => true;
const READ = (r: ApiRequest): boolean => ['get', 'list', 'watch'].includes(r.verb);

/** The bootstrap ClusterRoleBindings a kubeadm cluster has, reduced to what podflow sends. */
const GRANTS: readonly Grant[] = [
  { binding: 'kubeadm:cluster-admins', role: 'cluster-admin', subject: 'Group "kubeadm:cluster-admins"', allows: ANY },
  { binding: 'cluster-admin', role: 'cluster-admin', subject: 'Group "system:masters"', allows: ANY },
  {
    binding: 'system:kube-scheduler',
    role: 'system:kube-scheduler',
    subject: 'User "system:kube-scheduler"',
    allows: (r) =>
      // VolumeBinding's PreBind writes the selected node on the claims it provisions for.
      (r.resource === 'persistentvolumeclaims' && (r.verb === 'update' || r.verb === 'patch')) ||
      READ(r) ||
      (r.resource === 'pods' && (r.subresource === 'binding' || r.subresource === 'status')) ||
      r.resource === 'events',
  },
  {
    binding: 'system:kube-controller-manager',
    role: 'system:kube-controller-manager',
    subject: 'User "system:kube-controller-manager"',
    allows: (r) => READ(r) || r.resource === 'events',
  },
  {
    binding: 'kubeadm:node-proxier',
    role: 'system:node-proxier',
    subject: 'ServiceAccount "kube-proxy/kube-system"',
    allows: (r) => READ(r) || r.resource === 'events',
  },
  {
    binding: 'system:controller:deployment-controller',
    role: 'system:controller:deployment-controller',
    subject: 'ServiceAccount "deployment-controller/kube-system"',
    allows: (r) => READ(r) || r.resource === 'replicasets' || r.resource === 'deployments' || r.resource === 'events',
  },
  {
    binding: 'system:controller:replicaset-controller',
    role: 'system:controller:replicaset-controller',
    subject: 'ServiceAccount "replicaset-controller/kube-system"',
    allows: (r) => READ(r) || r.resource === 'pods' || r.resource === 'replicasets' || r.resource === 'events',
  },
  {
    // plugin/pkg/auth/authorizer/rbac/bootstrappolicy/controller_policy.go: nodes, nodes/status, pods/status, delete pods.
    binding: 'system:controller:node-controller',
    role: 'system:controller:node-controller',
    subject: 'ServiceAccount "node-controller/kube-system"',
    allows: (r) =>
      READ(r) ||
      r.resource === 'nodes' ||
      (r.resource === 'pods' && (r.subresource === 'status' || (r.verb === 'delete' && !r.subresource))) ||
      r.resource === 'events',
  },
  {
    binding: 'system:controller:service-account-controller',
    role: 'system:controller:service-account-controller',
    subject: 'ServiceAccount "service-account-controller/kube-system"',
    allows: (r) => READ(r) || (r.resource === 'serviceaccounts' && r.verb === 'create') || r.resource === 'events',
  },
  {
    binding: 'system:controller:resourcequota-controller',
    role: 'system:controller:resourcequota-controller',
    subject: 'ServiceAccount "resourcequota-controller/kube-system"',
    allows: (r) =>
      READ(r) || (r.resource === 'resourcequotas' && r.subresource === 'status') || r.resource === 'events',
  },
  {
    binding: 'system:controller:endpointslice-controller',
    role: 'system:controller:endpointslice-controller',
    subject: 'ServiceAccount "endpointslice-controller/kube-system"',
    allows: (r) => READ(r) || r.resource === 'endpointslices' || r.resource === 'events',
  },
  {
    binding: 'system:controller:root-ca-cert-publisher',
    role: 'system:controller:root-ca-cert-publisher',
    subject: 'ServiceAccount "root-ca-cert-publisher/kube-system"',
    allows: (r) => READ(r) || r.resource === 'configmaps' || r.resource === 'events',
  },
  {
    // controller_policy.go: get, list, watch, patch, update, delete on every resource.
    binding: 'system:controller:generic-garbage-collector',
    role: 'system:controller:generic-garbage-collector',
    subject: 'ServiceAccount "generic-garbage-collector/kube-system"',
    allows: (r) => READ(r) || r.verb === 'patch' || r.verb === 'update' || r.verb === 'delete',
  },
  {
    binding: 'system:controller:persistent-volume-binder',
    role: 'system:controller:persistent-volume-binder',
    subject: 'ServiceAccount "persistent-volume-binder/kube-system"',
    allows: (r) =>
      READ(r) ||
      r.resource === 'persistentvolumes' ||
      r.resource === 'persistentvolumeclaims' ||
      r.resource === 'events',
  },
  {
    binding: 'csi-provisioner-role',
    role: 'external-provisioner-runner',
    subject: 'ServiceAccount "csi-provisioner/kube-system"',
    allows: (r) =>
      READ(r) ||
      r.resource === 'persistentvolumes' ||
      (r.resource === 'persistentvolumeclaims' && r.verb !== 'delete') ||
      r.resource === 'events',
  },
  {
    binding: 'system:coredns',
    role: 'system:coredns',
    subject: 'ServiceAccount "coredns/kube-system"',
    allows: READ,
  },
  {
    // istio-discovery chart: reads the cluster; configmaps for the namespace controller's istio-ca-root-cert.
    binding: 'istiod-clusterrole-istio-system',
    role: 'istiod-clusterrole-istio-system',
    subject: 'ServiceAccount "istiod/istio-system"',
    allows: (r) => READ(r) || r.resource === 'configmaps' || r.resource === 'events',
  },
  {
    binding: 'kyverno:admission-controller',
    role: 'kyverno:admission-controller',
    subject: 'ServiceAccount "kyverno-admission-controller/kyverno"',
    allows: (r) => READ(r) || r.resource === 'events',
  },
  // Services and traffic (issue #5): calico.yaml's calico-node ClusterRole reads what Felix follows;
  // ingress-nginx's deploy.yaml ClusterRole also updates ingresses/status and records Events.
  {
    binding: 'calico-node',
    role: 'calico-node',
    subject: 'ServiceAccount "calico-node/kube-system"',
    allows: READ,
  },
  {
    binding: 'ingress-nginx',
    role: 'ingress-nginx',
    subject: 'ServiceAccount "ingress-nginx/ingress-nginx"',
    allows: (r) => READ(r) || (r.resource === 'ingresses' && r.subresource === 'status') || r.resource === 'events',
  },
];

function subjectMatches(subject: string, user: UserInfo): boolean {
  const s = parsedSubject(subject);
  return s.group !== undefined ? user.groups.includes(s.group) : user.name === s.user;
}

/** What each bootstrap grant's allow says, written once rather than for every request it allows. */
const GRANT_REASONS: readonly string[] = GRANTS.map(
  (g) => `RBAC: allowed by ClusterRoleBinding "${g.binding}" of ClusterRole "${g.role}" to ${g.subject}`,
);

/** A grant's subject as the group or user name it matches, parsed once (every request walks the grants). */
function parsedSubject(subject: string): { group?: string; user?: string } {
  let parsed = SUBJECTS.get(subject);
  if (!parsed) {
    if (subject.startsWith('Group ')) parsed = { group: subject.slice(7, -1) };
    else if (subject.startsWith('User ')) parsed = { user: subject.slice(6, -1) };
    else {
      // describeSubject prints a ServiceAccount as name/namespace (rule.go), and so do these.
      const sa = /^ServiceAccount "(.+)\/(.+)"$/.exec(subject);
      parsed = sa ? { user: `system:serviceaccount:${sa[2]}:${sa[1]}` } : {};
    }
    SUBJECTS.set(subject, parsed);
  }
  return parsed;
}
const SUBJECTS = new Map<string, { group?: string; user?: string }>();

/** Models plugin/pkg/auth/authorizer/node: a kubelet may touch what belongs to its node. */
function nodeAuthorizer(req: ApiRequest, user: UserInfo): boolean {
  if (!user.groups.includes('system:nodes')) return false;
  const node = user.name.slice('system:node:'.length);
  if (READ(req)) return true;
  if (req.resource === 'events') return true;
  if (req.resource === 'leases') return req.name === node && req.namespace === 'kube-node-lease';
  if (req.resource === 'nodes') return req.name === node;
  // Its own Pods' status, and the final delete once it has stopped them.
  // The system:node rules allow pods create for mirror Pods; NodeRestriction admits only a mirror Pod
  // bound to the node itself (both folded in here).
  if (req.resource === 'pods' && req.verb === 'create' && !req.subresource) {
    const body = req.body as { metadata?: { annotations?: Record<string, string> }; spec?: { nodeName?: string } };
    return !!body?.metadata?.annotations?.['kubernetes.io/config.mirror'] && body.spec?.nodeName === node;
  }
  return req.resource === 'pods' && (req.subresource === 'status' || (req.verb === 'delete' && !req.subresource));
}

/**
 * `store` holds the learner's Roles and bindings from kube-apiserver's watch
 * cache (rbac/resolver.ts); the bootstrap ClusterRoleBindings above come first,
 * as the real resolver visits ClusterRoleBindings before RoleBindings.
 */
export function authorize(req: ApiRequest, store: RbacStore = EMPTY_STORE): Decision {
  const user = req.user;
  if (nodeAuthorizer(req, user)) return { allowed: true, reason: 'Node' };
  // The request is its own attributes (verb, resource, group, subresource, name, namespace, path): not copied.
  const rbac = rbacAuthorize(req, user, store);
  if (rbac.allowed) return rbac;
  // The 403 carries the authorizer's reason when the resolver met errors (a binding to a missing Role).
  const message = forbiddenMessage(req);
  return { allowed: false, reason: rbac.reason ? `${message}: ${rbac.reason}` : message };
}

/** The RBAC authorizer alone, for any verb (`escalate`, `bind` included): the registry asks it too. */
export function rbacAuthorize(attrs: Attributes, user: UserInfo, store: RbacStore): Decision {
  for (let i = 0; i < GRANTS.length; i++) {
    const g = GRANTS[i]!;
    if (subjectMatches(g.subject, user) && g.allows(attrs as unknown as ApiRequest)) {
      return { allowed: true, reason: GRANT_REASONS[i]! };
    }
  }
  let reason = '';
  const errors: string[] = [];
  visitRulesFor(store, user, attrs.namespace ?? '', (source, rule, err) => {
    if (rule && source && ruleAllows(attrs, rule)) {
      reason = `RBAC: allowed by ${source}`;
      return false;
    }
    if (err) errors.push(err);
    return true;
  });
  if (reason) return { allowed: true, reason };
  return { allowed: false, reason: errors.length ? `RBAC: ${aggregate(errors)}` : '' };
}

/** `pods is forbidden: User "x" cannot create resource "pods" in API group "" in the namespace "default"`. */
export function forbiddenMessage(req: ApiRequest): string {
  const what = req.name && req.verb !== 'create' ? `${req.resource} "${req.name}"` : req.resource;
  const resource = req.subresource ? `${req.resource}/${req.subresource}` : req.resource;
  const scope = req.namespace ? ` in the namespace "${req.namespace}"` : ' at the cluster scope';
  return `${what} is forbidden: User "${req.user.name}" cannot ${req.verb} resource "${resource}" in API group "${req.group}"${scope}`;
}
