import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { ApiRequest } from '../core/messages';
import { authorize, kubeletUser, USERS } from './authz';
import { applyPodDefaults, defaultPullPolicy, qosClass } from './pod-defaults';
import { invalidMessage, validatePod } from './pod-validation';
import { apiPath, etcdKey } from './resources';

describe('default imagePullPolicy', () => {
  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.14.2', 'IfNotPresent'],
    ['registry.k8s.io/pause:3.10', 'IfNotPresent'],
    ['localhost:5000/app', 'Always'],
    ['nginx@sha256:abc', 'IfNotPresent'],
  ])('%s → %s', (image, policy) => {
    expect(defaultPullPolicy(image)).toBe(policy);
  });
});

describe('Pod defaulting', () => {
  it('sets requests from limits, as API defaulting does', () => {
    const pod: Pod = {
      spec: { containers: [{ name: 'c', image: 'nginx', resources: { limits: { cpu: '500m', memory: '128Mi' } } }] },
    };
    applyPodDefaults(pod);
    expect(pod.spec!.containers[0]!.resources!.requests).toEqual({ cpu: '500m', memory: '128Mi' });
    expect(qosClass(pod)).toBe('Guaranteed');
  });

  it.each([
    [{}, 'BestEffort'],
    [{ requests: { cpu: '100m' } }, 'Burstable'],
    [{ requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } }, 'Guaranteed'],
  ])('QoS of %j is %s', (resources, qos) => {
    expect(qosClass({ spec: { containers: [{ name: 'c', resources }] } })).toBe(qos);
  });
});

describe('Pod validation messages', () => {
  const msg = (pod: Pod) => invalidMessage('Pod', pod.metadata?.name ?? '', validatePod(pod));

  it('words one error as the apiserver does', () => {
    expect(msg({ metadata: { name: 'web' }, spec: { containers: [{ name: 'web' }] } })).toBe(
      'Pod "web" is invalid: spec.containers[0].image: Required value',
    );
  });

  it('lists several errors in brackets', () => {
    expect(msg({ metadata: { name: 'web' }, spec: { containers: [{ name: 'Web' }] } })).toMatch(
      /^Pod "web" is invalid: \[spec\.containers\[0\]\.name: Invalid value: "Web": a lowercase RFC 1123 label must consist of .*, spec\.containers\[0\]\.image: Required value\]$/,
    );
  });

  it('rejects duplicate container names and a Pod with no containers', () => {
    expect(validatePod({ metadata: { name: 'a' }, spec: { containers: [] } })).toEqual([
      { field: 'spec.containers', detail: 'Required value' },
    ]);
    const dup = validatePod({
      metadata: { name: 'a' },
      spec: {
        containers: [
          { name: 'c', image: 'x' },
          { name: 'c', image: 'x' },
        ],
      },
    });
    expect(dup).toEqual([{ field: 'spec.containers[1].name', detail: 'Duplicate value: "c"' }]);
  });

  it('checks containers, then initContainers (uniqueness after the common checks), then restartPolicy, as ValidatePodSpec does', () => {
    const errs = validatePod({
      metadata: { name: 'a' },
      spec: {
        restartPolicy: 'always',
        initContainers: [{ name: 'init' }],
        containers: [{ name: 'init' }],
      },
    });
    expect(errs.map((e) => `${e.field}: ${e.detail}`)).toEqual([
      'spec.containers[0].image: Required value',
      'spec.initContainers[0].image: Required value',
      'spec.initContainers[0].name: Duplicate value: "init"',
      'spec.restartPolicy: Unsupported value: "always": supported values: "Always", "OnFailure", "Never"',
    ]);
  });
});

describe('authorization', () => {
  const req = (over: Partial<ApiRequest>): ApiRequest => ({
    verb: 'create',
    resource: 'pods',
    group: '',
    namespace: 'default',
    path: '/api/v1/namespaces/default/pods',
    user: USERS.admin,
    ...over,
  });

  it('lets the kubeadm admin do anything through RBAC', () => {
    expect(authorize(req({})).reason).toBe(
      'RBAC: allowed by ClusterRoleBinding "kubeadm:cluster-admins" of ClusterRole "cluster-admin" to Group "kubeadm:cluster-admins"',
    );
  });

  it('lets a kubelet patch Pod status through the Node authorizer, but not create Pods', () => {
    expect(authorize(req({ verb: 'patch', name: 'p', subresource: 'status', user: kubeletUser('node-1') }))).toEqual({
      allowed: true,
      reason: 'Node',
    });
    expect(authorize(req({ user: kubeletUser('node-1') })).allowed).toBe(false);
  });

  it('forbids with the apiserver’s message', () => {
    const alice = { name: 'alice', groups: ['system:authenticated'], via: 'x509' as const };
    expect(authorize(req({ user: alice }))).toEqual({
      allowed: false,
      reason:
        'pods is forbidden: User "alice" cannot create resource "pods" in API group "" in the namespace "default"',
    });
  });
});

describe('paths and keys', () => {
  it.each([
    [['pods', 'default', 'nginx', 'binding'], '/api/v1/namespaces/default/pods/nginx/binding'],
    [['leases', 'kube-node-lease', 'node-1'], '/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/node-1'],
    [['nodes', undefined, 'node-1'], '/api/v1/nodes/node-1'],
    // The collection paths are remembered per resource and namespace: these come after the same resources above.
    [['pods', 'kube-system', 'coredns-1'], '/api/v1/namespaces/kube-system/pods/coredns-1'],
    [['pods', 'default'], '/api/v1/namespaces/default/pods'],
    [['pods', undefined], '/api/v1/pods'],
    [['pods', ''], '/api/v1/pods'],
    [['nodes', 'default', 'node-2', 'status'], '/api/v1/nodes/node-2/status'],
    [['events', 'default', 'e1', undefined, 'events.k8s.io'], '/apis/events.k8s.io/v1/namespaces/default/events/e1'],
    [['events', 'default', 'e1'], '/api/v1/namespaces/default/events/e1'],
    [['events', 'default', 'e1', undefined, ''], '/api/v1/namespaces/default/events/e1'],
  ] as const)('apiPath(%j) is %s', (args, path) => {
    expect(apiPath(...(args as unknown as Parameters<typeof apiPath>))).toBe(path);
    // Asked again, after others: the same.
    expect(apiPath(...(args as unknown as Parameters<typeof apiPath>))).toBe(path);
  });

  it('stores Pods, Nodes and Services where kube-apiserver does', () => {
    expect(etcdKey('pods', 'default', 'nginx')).toBe('/registry/pods/default/nginx');
    expect(etcdKey('nodes', undefined, 'node-1')).toBe('/registry/minions/node-1');
    expect(etcdKey('services', 'default', 'kubernetes')).toBe('/registry/services/specs/default/kubernetes');
  });
});
