import type { LimitRange, LimitRangeItem, Pod, PodSpec, ResourceQuota } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { ApiObject } from '../../types';
import {
  ADMISSION_PLUGINS,
  forbiddenMessage,
  mutatePod,
  validate,
  validateResourceQuota,
  type AdmissionLookup,
} from './chain';
import { defaultLimitRangeItem, limitRangerMutate, limitRangerValidate } from './limitranger';
import { evaluatePod, podSecurityForPod, podSecurityForTemplate, policyToEvaluate } from './podsecurity';
import { add, formatMilli, milli, prettyPrint, type ResourceList } from './resource-list';
import { calculateUsed, checkPodAgainstQuotas, podConstraints, podUsage } from './resourcequota';

const nginx = (resources: object = {}, securityContext?: object): Pod => ({
  metadata: { name: 'nginx' },
  spec: { containers: [{ name: 'nginx', image: 'nginx', resources, ...(securityContext ? { securityContext } : {}) }] },
});

const limitRange = (item: LimitRangeItem): LimitRange => ({ metadata: { name: 'lr' }, spec: { limits: [item] } });

describe('Quantity text, as resource.Quantity.String() writes it', () => {
  it.each([
    ['100m', '100m', '200m'],
    ['500m', '500m', '1'],
    ['1', '500m', '1500m'],
    ['128Mi', '128Mi', '256Mi'],
    ['512Mi', '512Mi', '1Gi'],
    ['1', '1', '2'],
    ['1G', '1G', '2G'],
  ])('%s + %s = %s', (a, b, sum) => {
    expect(add({ x: a }, { x: b }).x).toBe(sum);
  });

  it.each([
    [0, false, '0'],
    [1500, false, '1500m'],
    [2_000_000, false, '2k'],
    [1024 * 1000, true, '1Ki'],
    [1536 * 1024 * 1024 * 1000, true, '1536Mi'],
  ])('%d thousandths (binary %s) is %s', (m, binary, text) => {
    expect(formatMilli(m, binary)).toBe(text);
  });

  it('prettyPrint sorts names and joins with commas', () => {
    expect(prettyPrint({ pods: '1', 'requests.cpu': '500m', 'limits.memory': '1Gi' })).toBe(
      'limits.memory=1Gi,pods=1,requests.cpu=500m',
    );
    expect(milli('250m')).toBe(250);
  });
});

describe('LimitRanger', () => {
  it('defaults a LimitRange item as the API does: default from max, defaultRequest from default, then min', () => {
    const item: LimitRangeItem = { type: 'Container', max: { cpu: '1' }, min: { memory: '64Mi' } };
    defaultLimitRangeItem(item);
    expect(item).toMatchObject({ default: { cpu: '1' }, defaultRequest: { cpu: '1', memory: '64Mi' } });
  });

  it('sets the defaults and writes the kubernetes.io/limit-ranger annotation', () => {
    const pod = nginx();
    const lr = limitRange({
      type: 'Container',
      default: { cpu: '500m', memory: '512Mi' },
      defaultRequest: { cpu: '250m', memory: '256Mi' },
    });
    expect(limitRangerMutate(pod, [lr])).toBe(
      'LimitRanger plugin set: cpu, memory request for container nginx; cpu, memory limit for container nginx',
    );
    expect(pod.metadata?.annotations?.['kubernetes.io/limit-ranger']).toBeDefined();
    expect(pod.spec!.containers[0]!.resources).toEqual({
      limits: { cpu: '500m', memory: '512Mi' },
      requests: { cpu: '250m', memory: '256Mi' },
    });
  });

  it('leaves what the container set, and says only what it added', () => {
    const pod = nginx({ requests: { cpu: '100m' }, limits: { cpu: '200m' } });
    const lr = limitRange({
      type: 'Container',
      default: { cpu: '1', memory: '1Gi' },
      defaultRequest: { memory: '1Gi' },
    });
    expect(limitRangerMutate(pod, [lr])).toBe(
      'LimitRanger plugin set: memory request for container nginx; memory limit for container nginx',
    );
    expect(limitRangerMutate(nginx({ requests: { memory: '1Gi' }, limits: { memory: '1Gi' } }), [])).toBeNull();
  });

  it.each<[string, LimitRangeItem, object, string | null]>([
    [
      'min request',
      { type: 'Container', min: { cpu: '100m' } },
      { requests: { cpu: '50m' } },
      'minimum cpu usage per Container is 100m, but request is 50m',
    ],
    [
      'min, no request',
      { type: 'Container', min: { cpu: '100m' } },
      {},
      'minimum cpu usage per Container is 100m.  No request is specified',
    ],
    [
      'max limit',
      { type: 'Container', max: { memory: '1Gi' } },
      { requests: { memory: '512Mi' }, limits: { memory: '2Gi' } },
      'maximum memory usage per Container is 1Gi, but limit is 2Gi',
    ],
    [
      'max, no limit',
      { type: 'Container', max: { memory: '1Gi' } },
      { requests: { memory: '512Mi' } },
      'maximum memory usage per Container is 1Gi.  No limit is specified',
    ],
    [
      'ratio',
      { type: 'Container', maxLimitRequestRatio: { cpu: '2' } },
      { requests: { cpu: '250m' }, limits: { cpu: '1' } },
      'cpu max limit to request ratio per Container is 2, but provided ratio is 4.000000',
    ],
    [
      'two at once',
      { type: 'Container', min: { cpu: '100m' }, max: { cpu: '200m' } },
      { requests: { cpu: '50m' }, limits: { cpu: '300m' } },
      '[minimum cpu usage per Container is 100m, but request is 50m, maximum cpu usage per Container is 200m, but limit is 300m]',
    ],
    [
      'within',
      { type: 'Container', min: { cpu: '100m' }, max: { cpu: '1' } },
      { requests: { cpu: '100m' }, limits: { cpu: '1' } },
      null,
    ],
  ])('%s', (_, item, resources, message) => {
    expect(limitRangerValidate(nginx(resources), [limitRange(item)])).toBe(message);
  });
});

describe('PodSecurity', () => {
  const spec = (over: Partial<PodSpec>, ctr: object = {}): PodSpec => ({
    containers: [{ name: 'nginx', image: 'nginx', ...ctr }],
    ...over,
  });
  const compliant = {
    securityContext: {
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      runAsNonRoot: true,
      seccompProfile: { type: 'RuntimeDefault' },
    },
  };

  it.each<[string, 'baseline' | 'restricted', PodSpec, string | null]>([
    ['plain Pod at baseline', 'baseline', spec({}), null],
    [
      'hostNetwork and hostPID',
      'baseline',
      spec({ hostNetwork: true, hostPID: true }),
      'host namespaces (hostNetwork=true, hostPID=true)',
    ],
    [
      'privileged',
      'baseline',
      spec({}, { securityContext: { privileged: true } }),
      'privileged (container "nginx" must not set securityContext.privileged=true)',
    ],
    [
      'hostPath',
      'baseline',
      spec({ volumes: [{ name: 'logs', hostPath: { path: '/var/log' } }] }),
      'hostPath volumes (volume "logs")',
    ],
    [
      'hostPort',
      'baseline',
      spec({}, { ports: [{ containerPort: 80, hostPort: 8080 }] }),
      'hostPort (container "nginx" uses hostPort 8080)',
    ],
    [
      'NET_ADMIN at baseline',
      'baseline',
      spec({}, { securityContext: { capabilities: { add: ['NET_ADMIN'] } } }),
      'non-default capabilities (container "nginx" must not include "NET_ADMIN" in securityContext.capabilities.add)',
    ],
    [
      'plain Pod at restricted',
      'restricted',
      spec({}),
      'allowPrivilegeEscalation != false (container "nginx" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "nginx" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "nginx" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "nginx" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
    ],
    ['compliant at restricted', 'restricted', spec({}, compliant), null],
    [
      'runAsUser 0 at restricted',
      'restricted',
      spec({ securityContext: { runAsUser: 0 } }, compliant),
      'runAsUser=0 (pod must not set runAsUser=0)',
    ],
    [
      'hostPath at restricted: baseline checks first, then restricted ones',
      'restricted',
      spec({ volumes: [{ name: 'logs', hostPath: { path: '/var/log' } }] }, compliant),
      'hostPath volumes (volume "logs"), restricted volume types (volume "logs" uses restricted volume type "hostPath")',
    ],
    [
      'runAsNonRoot false on the pod',
      'restricted',
      spec(
        { securityContext: { runAsNonRoot: false } },
        { securityContext: { ...compliant.securityContext, runAsNonRoot: undefined } },
      ),
      'runAsNonRoot != true (pod must not set securityContext.runAsNonRoot=false)',
    ],
  ])('%s', (_, level, podSpec, detail) => {
    expect(evaluatePod(level, podSpec)).toBe(detail);
  });

  it('reads the namespace labels: privileged unless set, latest unless a version is set', () => {
    expect(policyToEvaluate({})).toEqual({
      enforce: { level: 'privileged', version: 'latest' },
      audit: { level: 'privileged', version: 'latest' },
      warn: { level: 'privileged', version: 'latest' },
    });
    expect(
      policyToEvaluate({
        'pod-security.kubernetes.io/enforce': 'baseline',
        'pod-security.kubernetes.io/enforce-version': 'v1.33',
      }).enforce,
    ).toEqual({ level: 'baseline', version: 'v1.33' });
  });

  it('refuses a Pod on enforce, and only warns about a workload template', () => {
    const labels = {
      'pod-security.kubernetes.io/enforce': 'restricted',
      'pod-security.kubernetes.io/warn': 'restricted',
    };
    expect(podSecurityForPod(labels, spec({ hostIPC: true }, compliant)).denied).toBe(
      'violates PodSecurity "restricted:latest": host namespaces (hostIPC=true)',
    );
    expect(podSecurityForTemplate(labels, spec({ hostIPC: true }, compliant)).warnings).toEqual([
      'would violate PodSecurity "restricted:latest": host namespaces (hostIPC=true)',
    ]);
    // enforce alone: the workload is not even warned about (ValidatePodController short-circuits).
    expect(podSecurityForTemplate({ 'pod-security.kubernetes.io/enforce': 'restricted' }, spec({})).warnings).toEqual(
      [],
    );
  });
});

describe('ResourceQuota', () => {
  const quota = (hard: Record<string, string>, used?: Record<string, string>): ResourceQuota => ({
    metadata: { name: 'compute' },
    spec: { hard },
    ...(used ? { status: { hard, used } } : {}),
  });

  it.each<[string, Pod, ResourceQuota, string | null]>([
    [
      'the third Pod over pods: 2',
      nginx(),
      quota({ pods: '2' }, { pods: '2' }),
      'exceeded quota: compute, requested: pods=1, used: pods=2, limited: pods=2',
    ],
    [
      'requests.cpu over, only the exceeded name is shown',
      nginx({ requests: { cpu: '600m', memory: '64Mi' } }),
      quota(
        { pods: '10', 'requests.cpu': '1', 'requests.memory': '1Gi' },
        { pods: '1', 'requests.cpu': '500m', 'requests.memory': '128Mi' },
      ),
      'exceeded quota: compute, requested: requests.cpu=600m, used: requests.cpu=500m, limited: requests.cpu=1',
    ],
    [
      'a quota tracking limits, and a Pod with none',
      nginx(),
      quota({ 'limits.cpu': '2', 'limits.memory': '2Gi' }, { 'limits.cpu': '0', 'limits.memory': '0' }),
      'failed quota: compute: must specify limits.cpu for: nginx; limits.memory for: nginx',
    ],
    ['a quota the controller has not counted yet is passed over', nginx(), quota({ pods: '0' }), null],
    ['within', nginx(), quota({ pods: '2' }, { pods: '1' }), null],
  ])('%s', (_, pod, q, message) => {
    expect(checkPodAgainstQuotas(pod, [q]).denied ?? null).toBe(message);
  });

  it.each<[string, ResourceQuota[]]>([
    ['no quota', []],
    ['a quota on what Pods do not use', [quota({ secrets: '5' }, { secrets: '1' })]],
  ])('%s: nothing denied, nothing charged', (_, quotas) => {
    expect(checkPodAgainstQuotas(nginx({ requests: { cpu: '250m' } }), quotas)).toEqual({ charged: [] });
  });

  it('charges the new usage to the quota', () => {
    const d = checkPodAgainstQuotas(nginx({ requests: { cpu: '250m', memory: '64Mi' } }), [
      quota(
        { pods: '4', 'requests.cpu': '2', 'requests.memory': '1Gi' },
        { pods: '1', 'requests.cpu': '250m', 'requests.memory': '64Mi' },
      ),
    ]);
    expect(d.charged).toEqual([
      { name: 'compute', used: { pods: '2', 'requests.cpu': '500m', 'requests.memory': '128Mi' } },
    ]);
  });

  it('counts a Pod as the pod evaluator does: init containers as a floor, terminal Pods only by count/pods', () => {
    const pod: Pod = {
      spec: {
        initContainers: [{ name: 'init', resources: { requests: { cpu: '1' } } }],
        containers: [
          { name: 'a', resources: { requests: { cpu: '200m' }, limits: { memory: '128Mi' } } },
          { name: 'b', resources: { requests: { cpu: '300m' }, limits: { memory: '128Mi' } } },
        ],
      },
    };
    expect(podUsage(pod)).toEqual({
      'count/pods': '1',
      pods: '1',
      cpu: '1',
      'requests.cpu': '1',
      'limits.memory': '256Mi',
    });
    expect(podUsage({ ...pod, status: { phase: 'Succeeded' } })).toEqual({ 'count/pods': '1' });
    expect(podConstraints(pod, ['requests.memory'])).toBe('must specify requests.memory for: a,b,init');
    expect(calculateUsed({ pods: '5', 'count/pods': '5' }, [pod, pod])).toEqual({ pods: '2', 'count/pods': '2' });
  });
});

describe('the admission chain', () => {
  const objects: Record<string, ApiObject[]> = {};
  const lookup: AdmissionLookup = {
    list: (resource, namespace) => objects[`${resource}/${namespace}`] ?? [],
    get: (resource, namespace, name) =>
      (objects[`${resource}/${namespace ?? ''}`] ?? []).find((o) => o.metadata.name === name),
  };

  it('keeps the order of pkg/kubeapiserver/options/plugins.go, ResourceQuota last', () => {
    expect(ADMISSION_PLUGINS.map((p) => p.name)).toEqual([
      'NamespaceLifecycle',
      'LimitRanger',
      'ServiceAccount',
      'PodSecurity',
      'Priority',
      'DefaultTolerationSeconds',
      'MutatingAdmissionWebhook',
      'ValidatingAdmissionPolicy',
      'ValidatingAdmissionWebhook',
      'ResourceQuota',
    ]);
  });

  it('waits for a default ServiceAccount, and after ten lookups refuses with the real message', () => {
    const pod = nginx() as unknown as ApiObject;
    expect(mutatePod(pod as unknown as Pod, 'fresh', lookup, 'abcde', false).retryServiceAccount).toBe(true);
    const last = mutatePod(pod as unknown as Pod, 'fresh', lookup, 'abcde', true);
    expect(forbiddenMessage('pods', pod, last.denied!)).toBe(
      'pods "nginx" is forbidden: error looking up service account fresh/default: serviceaccount "default" not found',
    );
  });

  it('names a generateName Pod by its prefix, as admission.NewForbidden does before a name exists', () => {
    const obj = { apiVersion: 'v1', kind: 'Pod', metadata: { generateName: 'web-7d4b9c-' } };
    expect(forbiddenMessage('pods', obj, 'x')).toBe('pods "web-7d4b9c-" is forbidden: x');
  });

  it('mutates in order and validates with each plugin’s verdict', () => {
    objects['serviceaccounts/team'] = [{ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default' } }];
    objects['resourcequotas/team'] = [
      {
        apiVersion: 'v1',
        kind: 'ResourceQuota',
        metadata: { name: 'q' },
        status: { hard: { pods: '3' }, used: { pods: '1' } },
      },
    ];
    const pod = nginx();
    const m = mutatePod(pod, 'team', lookup, 'abcde', false);
    expect(m.plugins).toEqual(['ServiceAccount', 'Priority', 'DefaultTolerationSeconds']);
    expect(pod.spec?.serviceAccountName).toBe('default');
    const v = validate('pods', pod as unknown as ApiObject, 'team', lookup, {});
    expect(v.denied).toBeUndefined();
    expect(v.charged).toEqual([{ name: 'q', used: { pods: '2' } }]);
    expect(v.verdicts.at(-1)).toEqual({ plugin: 'ResourceQuota', verdict: 'q: pods=2/3' });
    // What admission charged and has not seen come back counts, not the stale cache.
    expect(
      validate('pods', pod as unknown as ApiObject, 'team', lookup, {
        '/registry/resourcequotas/team/q': { pods: '3' },
      }).denied,
    ).toBe('exceeded quota: q, requested: pods=1, used: pods=3, limited: pods=3');
  });

  it('lists live when its informer has no LimitRange for the namespace yet', () => {
    const live: AdmissionLookup = {
      list: () => [],
      get: () => undefined,
      liveList: (resource) =>
        resource === 'limitranges'
          ? [
              {
                apiVersion: 'v1',
                kind: 'LimitRange',
                metadata: { name: 'lr' },
                spec: { limits: [{ type: 'Container', min: { cpu: '100m' } }] },
              },
            ]
          : [],
    };
    const pod = nginx({ requests: { cpu: '50m' } });
    expect(validate('pods', pod as unknown as ApiObject, 'team', live, {}).denied).toBe(
      'minimum cpu usage per Container is 100m, but request is 50m',
    );
  });

  it('mounts no token when the ServiceAccount says automountServiceAccountToken: false, unless the Pod asks', () => {
    const quiet: AdmissionLookup = {
      list: () => [],
      get: (resource) =>
        resource === 'serviceaccounts'
          ? {
              apiVersion: 'v1',
              kind: 'ServiceAccount',
              metadata: { name: 'default' },
              automountServiceAccountToken: false,
            }
          : undefined,
    };
    const plain = nginx();
    mutatePod(plain, 'team', quiet, 'abcde', false);
    expect(plain.spec?.volumes).toBeUndefined();
    const asks = nginx();
    asks.spec!.automountServiceAccountToken = true;
    mutatePod(asks, 'team', quiet, 'abcde', false);
    expect(asks.spec?.volumes?.map((v) => v.name)).toEqual(['kube-api-access-abcde']);
  });
});

describe('a Pod no validating webhook is called for goes on from ResourceQuota', () => {
  const quota = (hard: Record<string, string>, used: Record<string, string>) =>
    ({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q' }, status: { hard, used } }) as ApiObject;
  const restricted = {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'team', labels: { 'pod-security.kubernetes.io/warn': 'restricted' } },
  } as ApiObject;
  it.each<[string, ApiObject[], ApiObject[], ApiObject | undefined, Record<string, ResourceList>]>([
    ['no quota, no LimitRange', [], [], undefined, {}],
    ['a quota with room', [quota({ pods: '3' }, { pods: '1' })], [], undefined, {}],
    ['a quota that is full', [quota({ pods: '1' }, { pods: '1' })], [], undefined, {}],
    [
      'a charge admission made that the cache has not seen',
      [quota({ pods: '3' }, { pods: '1' })],
      [],
      undefined,
      { '/registry/resourcequotas/team/q': { pods: '3' } },
    ],
    [
      'a LimitRange and a quota on cpu',
      [quota({ 'requests.cpu': '1' }, { 'requests.cpu': '0' })],
      [limitRange({ type: 'Container', min: { cpu: '100m' } }) as unknown as ApiObject],
      undefined,
      {},
    ],
    ['a namespace that warns (PodSecurity restricted)', [quota({ pods: '3' }, { pods: '0' })], [], restricted, {}],
  ])('%s: the same result as the whole chain', (_, quotas, limitRanges, namespace, charged) => {
    const lookup: AdmissionLookup = {
      list: (resource) => (resource === 'resourcequotas' ? quotas : resource === 'limitranges' ? limitRanges : []),
      get: (resource) => (resource === 'namespaces' ? namespace : undefined),
    };
    const pod = nginx({ requests: { cpu: '200m' } });
    const obj = pod as unknown as ApiObject;
    const whole = validate('pods', obj, 'team', lookup, charged);
    const before = validate('pods', obj, 'team', lookup, charged, { stopAtWebhooks: true });
    expect(before.verdicts.at(-1)).toEqual({ plugin: 'ValidatingAdmissionWebhook', verdict: 'no webhooks' });
    expect(validateResourceQuota(before, pod, 'team', lookup, charged)).toEqual(whole);
  });
});
