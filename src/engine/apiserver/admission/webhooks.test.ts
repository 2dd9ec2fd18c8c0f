import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { simulateYaml } from '../../../headless';
import { injectPod, injectionPatch, PROXY_IMAGE } from '../../mesh/sidecar-injector';
import { blockedMessage, patternFailure, validateAgainstPolicies } from '../../policy/kyverno';
import type { ApiObject } from '../../types';
import {
  applyJsonPatch,
  callingErrorMessage,
  deniedMessage,
  matchingWebhooks,
  resolveService,
  ruleMatches,
  selectorMatches,
  shouldCall,
  webhookURL,
  type AdmissionAttributes,
  type Webhook,
} from './webhooks';

const pod = (labels: Record<string, string> = {}): ApiObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'nginx', labels },
  spec: { containers: [{ name: 'nginx', image: 'nginx:1.14.2' }] },
});
const attrs = (over: Partial<AdmissionAttributes> = {}): AdmissionAttributes => ({
  operation: 'CREATE',
  group: '',
  version: 'v1',
  resource: 'pods',
  namespace: 'default',
  object: pod(),
  ...over,
});
const podsRule = { operations: ['CREATE'], apiGroups: [''], apiVersions: ['v1'], resources: ['pods'] };

describe('rule matching (predicates/rules Matcher)', () => {
  it.each([
    ['pods CREATE', podsRule, attrs(), true],
    ['UPDATE only', { ...podsRule, operations: ['UPDATE'] }, attrs(), false],
    ['* operations', { ...podsRule, operations: ['*'] }, attrs(), true],
    ['apps group', { ...podsRule, apiGroups: ['apps'] }, attrs(), false],
    [
      'deployments in apps',
      { ...podsRule, apiGroups: ['apps'], resources: ['deployments'] },
      attrs({ group: 'apps', resource: 'deployments' }),
      true,
    ],
    ['* resources, no subresource', { ...podsRule, resources: ['*'] }, attrs(), true],
    ['* resources skip pods/status', { ...podsRule, resources: ['*'] }, attrs({ subresource: 'status' }), false],
    ['pods/* matches pods/status', { ...podsRule, resources: ['pods/*'] }, attrs({ subresource: 'status' }), true],
    ['*/* matches all', { ...podsRule, resources: ['*/*'] }, attrs({ subresource: 'binding' }), true],
    ['scope Cluster refuses a namespaced Pod', { ...podsRule, scope: 'Cluster' as const }, attrs(), false],
    ['scope Namespaced takes it', { ...podsRule, scope: 'Namespaced' as const }, attrs(), true],
  ])('%s', (_, rule, a, want) => {
    expect(ruleMatches(rule, a)).toBe(want);
  });
});

describe('selectors (namespaceSelector, objectSelector)', () => {
  const inject = { matchExpressions: [{ key: 'istio-injection', operator: 'In' as const, values: ['enabled'] }] };
  it.each([
    [inject, { 'istio-injection': 'enabled' }, true],
    [inject, { 'istio-injection': 'disabled' }, false],
    [inject, {}, false],
    [
      { matchExpressions: [{ key: 'sidecar.istio.io/inject', operator: 'NotIn' as const, values: ['false'] }] },
      {},
      true,
    ],
    [
      { matchExpressions: [{ key: 'istio.io/rev', operator: 'DoesNotExist' as const }] },
      { 'istio.io/rev': 'x' },
      false,
    ],
    [{ matchExpressions: [{ key: 'a', operator: 'Exists' as const }] }, { a: '' }, true],
    [{ matchLabels: { app: 'web' } }, { app: 'web', tier: 'x' }, true],
    [undefined, { anything: 'at all' }, true],
  ])('%j on %j → %s', (sel, labels, want) => {
    expect(selectorMatches(sel, labels)).toBe(want);
  });

  it('skips a webhook whose namespaceSelector does not fit, and one whose objectSelector does not', () => {
    const hook: Webhook = {
      name: 'x',
      clientConfig: {},
      rules: [podsRule],
      namespaceSelector: inject,
      objectSelector: { matchExpressions: [{ key: 'sidecar.istio.io/inject', operator: 'NotIn', values: ['false'] }] },
    };
    expect(shouldCall(hook, attrs(), { 'istio-injection': 'enabled' })).toBe(true);
    expect(shouldCall(hook, attrs(), {})).toBe(false);
    expect(
      shouldCall(hook, attrs({ object: pod({ 'sidecar.istio.io/inject': 'false' }) }), {
        'istio-injection': 'enabled',
      }),
    ).toBe(false);
  });
});

describe('the order of calls', () => {
  it('takes configurations by name, then each one’s webhooks in order', () => {
    const config = (name: string, hooks: string[]): ApiObject =>
      ({
        apiVersion: 'admissionregistration.k8s.io/v1',
        kind: 'MutatingWebhookConfiguration',
        metadata: { name },
        webhooks: hooks.map((h) => ({ name: h, clientConfig: {}, rules: [podsRule] })),
      }) as unknown as ApiObject;
    const calls = matchingWebhooks([config('zeta', ['z1']), config('alpha', ['a2', 'a1'])], attrs(), {});
    expect(calls.map((c) => `${c.configuration}/${c.webhook.name}`)).toEqual(['alpha/a2', 'alpha/a1', 'zeta/z1']);
  });
});

describe('the apiserver’s error strings', () => {
  const hook: Webhook = {
    name: 'namespace.sidecar-injector.istio.io',
    clientConfig: { service: { name: 'istiod', namespace: 'istio-system', path: '/inject', port: 443 } },
  };
  it('builds the URL with the default timeout of 10 s', () => {
    expect(webhookURL(hook)).toBe('https://istiod.istio-system.svc:443/inject?timeout=10s');
    expect(webhookURL({ ...hook, timeoutSeconds: 3 })).toBe('https://istiod.istio-system.svc:443/inject?timeout=3s');
  });
  it('wraps a failed call as ErrCallingWebhook inside an internal error', () => {
    expect(callingErrorMessage(hook, 'context deadline exceeded')).toBe(
      'Internal error occurred: failed calling webhook "namespace.sidecar-injector.istio.io": failed to call webhook: Post "https://istiod.istio-system.svc:443/inject?timeout=10s": context deadline exceeded',
    );
  });
  it.each([
    [{ message: 'no' }, 500, 'admission webhook "v" denied the request: no'],
    [{ code: 403, reason: 'Forbidden' }, 403, 'admission webhook "v" denied the request: Forbidden'],
    [undefined, 500, 'admission webhook "v" denied the request without explanation'],
  ])('a denial with %j is %d: %s', (result, status, message) => {
    expect(deniedMessage('v', result)).toEqual({ status, message });
  });
  const svc = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'istiod' },
    spec: { clusterIP: '10.96.0.20', ports: [{ name: 'https-webhook', port: 443, targetPort: 15017 }] },
  } as ApiObject;
  const slice = (ready: boolean) =>
    ({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 's' },
      endpoints: [{ addresses: ['10.244.0.4'], conditions: { ready } }],
      ports: [{ name: 'https-webhook', port: 15017 }],
    }) as unknown as ApiObject;
  const ref = { namespace: 'istio-system', name: 'istiod', port: 443 };
  it.each([
    ['no Service', undefined, [], false, 'service "istiod" not found'],
    ['no such port', svc, [], false, 'no service port 8443 found for service "istiod"'],
    [
      'no ready endpoint (ClusterIP routing: kube-proxy rejects)',
      svc,
      [slice(false)],
      false,
      'dial tcp 10.96.0.20:443: connect: connection refused',
    ],
    [
      'no ready endpoint (aggregator routing)',
      svc,
      [slice(false)],
      true,
      'no endpoints available for service "istiod"',
    ],
  ])('%s', (name, service, slices, aggregator, error) => {
    const r = resolveService(
      service,
      slices,
      name === 'no such port' ? { ...ref, port: 8443 } : ref,
      () => 0,
      aggregator,
    );
    expect(r).toEqual({ ok: false, error });
  });
  it('dials the ClusterIP, or the endpoint itself with aggregator routing', () => {
    expect(resolveService(svc, [slice(true)], ref, () => 0)).toEqual({
      ok: true,
      dial: '10.96.0.20:443',
      endpointIP: '10.244.0.4',
    });
    expect(resolveService(svc, [slice(true)], ref, () => 0, true)).toEqual({
      ok: true,
      dial: '10.244.0.4:15017',
      endpointIP: '10.244.0.4',
    });
  });
});

describe('JSONPatch (RFC 6902)', () => {
  it.each([
    [
      'add a member',
      [{ op: 'add' as const, path: '/metadata/labels/a~1b', value: 'x' }],
      { metadata: { labels: { 'a/b': 'x' } }, spec: { c: [1, 2] } },
    ],
    [
      'append to a list',
      [{ op: 'add' as const, path: '/spec/c/-', value: 3 }],
      { metadata: { labels: {} }, spec: { c: [1, 2, 3] } },
    ],
    [
      'insert at an index',
      [{ op: 'add' as const, path: '/spec/c/0', value: 0 }],
      { metadata: { labels: {} }, spec: { c: [0, 1, 2] } },
    ],
    ['remove', [{ op: 'remove' as const, path: '/spec/c/1' }], { metadata: { labels: {} }, spec: { c: [1] } }],
    [
      'replace',
      [{ op: 'replace' as const, path: '/spec/c', value: [] }],
      { metadata: { labels: {} }, spec: { c: [] } },
    ],
  ])('%s', (_, ops, want) => {
    const doc = { metadata: { labels: {} }, spec: { c: [1, 2] } };
    expect(applyJsonPatch(doc, ops)).toEqual({ ok: true, value: want });
    expect(doc.spec.c).toEqual([1, 2]);
  });
  it('refuses an operation on a path that is not there', () => {
    expect(applyJsonPatch({ a: {} }, [{ op: 'remove', path: '/a/b' }]).ok).toBe(false);
  });
});

describe('istiod’s injection', () => {
  const p = pod({ app: 'nginx' }) as unknown as Pod;
  const injected = injectPod(p);
  it('adds istio-init, then istio-proxy as a native sidecar (Istio 1.27 on Kubernetes 1.33)', () => {
    expect(injected.spec!.initContainers!.map((c) => [c.name, c.image, c.restartPolicy ?? ''])).toEqual([
      ['istio-init', PROXY_IMAGE, ''],
      ['istio-proxy', PROXY_IMAGE, 'Always'],
    ]);
    expect(PROXY_IMAGE).toBe('docker.io/istio/proxyv2:1.27.3');
    const proxy = injected.spec!.initContainers![1]!;
    expect(proxy.startupProbe?.httpGet).toEqual({ path: '/healthz/ready', port: 15021 });
    expect(injected.spec!.containers.map((c) => c.name)).toEqual(['nginx']);
    expect(injected.spec!.volumes!.map((v) => v.name)).toContain('istiod-ca-cert');
    expect(injected.metadata!.labels).toMatchObject({
      'security.istio.io/tlsMode': 'istio',
      'service.istio.io/canonical-name': 'nginx',
      'service.istio.io/canonical-revision': 'latest',
    });
  });
  it('answers a JSONPatch that gives the injected Pod', () => {
    expect(applyJsonPatch(p, injectionPatch(p))).toEqual({ ok: true, value: injected });
  });
});

describe('Kyverno’s pattern check and message', () => {
  const obj = { spec: { containers: [{ image: 'nginx:1.14.2' }, { image: 'nginx:latest' }] } };
  it.each([
    [{ spec: { containers: [{ image: '!*:latest' }] } }, '/spec/containers/1/image/'],
    [{ spec: { containers: [{ image: '*:*' }] } }, null],
    [{ spec: { containers: [{ image: 'nginx:*' }] } }, null],
  ])('%j → %s', (pattern, want) => {
    expect(patternFailure(pattern, obj)).toBe(want);
  });
  it('lists the failed rules by policy as YAML, folded past column 80', () => {
    expect(
      blockedMessage('Pod/default/nginx', [
        {
          policy: 'disallow-latest-tag',
          rule: 'validate-image-tag',
          message:
            "validation error: Using a mutable image tag e.g. 'latest' is not allowed. rule validate-image-tag failed at path /spec/containers/0/image/",
        },
      ]),
    ).toBe(
      "\n\nresource Pod/default/nginx was blocked due to the following policies \n\ndisallow-latest-tag:\n  validate-image-tag: 'validation error: Using a mutable image tag e.g. ''latest''\n    is not allowed. rule validate-image-tag failed at path /spec/containers/0/image/'\n",
    );
  });
});

describe('Kyverno’s policy check', () => {
  const policy = {
    apiVersion: 'kyverno.io/v1',
    kind: 'ClusterPolicy',
    metadata: { name: 'require-tag' },
    spec: {
      validationFailureAction: 'Enforce',
      rules: [
        {
          name: 'tagged',
          match: { any: [{ resources: { kinds: ['Pod'] } }] },
          validate: { message: 'An image tag is required', pattern: { spec: { containers: [{ image: '*:*' }] } } },
        },
      ],
    },
  } as unknown as ApiObject;
  const review = (image: string) => ({
    kind: { group: '', version: 'v1', kind: 'Pod' },
    namespace: 'default',
    name: 'web',
    object: { ...pod(), spec: { containers: [{ name: 'web', image }] } } as ApiObject,
  });
  it('allows a tagged image', () => {
    expect(validateAgainstPolicies([policy], review('nginx:1.14.2'))).toEqual({
      allowed: true,
      checked: ['require-tag/tagged'],
    });
  });
  it('blocks an untagged one: the rule’s message ends in a period, the YAML folds past column 80', () => {
    const r = validateAgainstPolicies([policy], review('nginx'));
    expect(r.allowed).toBe(false);
    expect(!r.allowed && r.message).toBe(
      "\n\nresource Pod/default/web was blocked due to the following policies \n\nrequire-tag:\n  tagged: 'validation error: An image tag is required. rule tagged failed at path\n    /spec/containers/0/image/'\n",
    );
  });
  it('only reports under Audit', () => {
    const audit = { ...policy, spec: { ...(policy.spec as object), validationFailureAction: 'Audit' } } as ApiObject;
    expect(validateAgainstPolicies([audit], review('nginx')).allowed).toBe(true);
  });
});

/** A validating webhook behind a Service that has no ready endpoint. */
const NO_ENDPOINTS = (policy: 'Fail' | 'Ignore') => `apiVersion: v1
kind: Service
metadata:
  name: policy
spec:
  selector:
    app: policy-server
  ports:
  - port: 443
    targetPort: 8443
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata:
  name: policy
webhooks:
- name: validate.policy.example.com
  clientConfig:
    service:
      name: policy
      namespace: default
      path: /validate
  rules:
  - operations: ["CREATE"]
    apiGroups: [""]
    apiVersions: ["v1"]
    resources: ["pods"]
  failurePolicy: ${policy}
  sideEffects: None
  admissionReviewVersions: ["v1"]
---
apiVersion: v1
kind: Pod
metadata:
  name: nginx
spec:
  containers:
  - name: nginx
    image: nginx:1.14.2
`;

describe('failurePolicy with no ready endpoints', () => {
  it('Fail: the Pod is refused with a 500 and the apiserver’s message', () => {
    const run = simulateYaml(NO_ENDPOINTS('Fail'));
    const refused = run.steps('overview').find((s) => s.key === 'apiserver-error');
    expect(refused?.status).toBe(500);
    // The Service's ClusterIP, which kube-proxy rejects while it has no endpoint.
    expect(refused?.body).toMatch(
      /Internal error occurred: failed calling webhook "validate\.policy\.example\.com": failed to call webhook: Post "https:\/\/policy\.default\.svc:443\/validate\?timeout=10s": dial tcp 10\.\d+\.\d+\.\d+:443: connect: connection refused$/,
    );
    expect(run.getPods()).toEqual([]);
  });
  it('Ignore: the apiserver fails open and the Pod runs', () => {
    const run = simulateYaml(NO_ENDPOINTS('Ignore'));
    expect(run.steps('standard').some((s) => s.key === 'apiserver-webhook-fail-open')).toBe(true);
    expect(run.getPods().map((p) => [p.name, p.status])).toEqual([['nginx', 'Running']]);
  });
});
