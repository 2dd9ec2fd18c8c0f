import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { simulate, type Trace } from './index';

const ns = (name: string, labels?: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name, ...(labels ? { labels } : {}) },
});
const nginxPod = (namespace: string, spec: object = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'nginx', namespace },
  spec: { containers: [{ name: 'nginx', image: 'nginx:1.14.2' }], ...spec },
});
const events = (t: Trace, reason: string) =>
  t.steps.filter((s) => s.say.key === 'event' && s.say.params.reason === reason).map((s) => s.say.params.message);
const last = (t: Trace) => t.steps.length - 1;

describe('ServiceAccount admission and the ServiceAccount controller', () => {
  it('waits in a fresh namespace until the controller has made the default ServiceAccount, then admits the Pod', () => {
    // A race with the ServiceAccount controller: this seed has the Pod arrive first (as most seeds do).
    const t = simulate({ manifests: [ns('fresh'), nginxPod('fresh')], seed: 2 });
    const created = t.steps.findIndex((s) => s.say.key === 'serviceaccount-create');
    const retry = t.steps.findIndex((s) => s.say.key === 'apiserver-serviceaccount-retry');
    expect(created).toBeGreaterThan(0);
    expect(retry).toBeGreaterThan(0);
    const ms = Number(t.steps[retry]!.say.params.ms);
    expect(ms).toBeGreaterThanOrEqual(100);
    expect(ms).toBeLessThan(200);
    const p = t.objectAt('/registry/pods/fresh/nginx', last(t)) as unknown as Pod;
    expect([p.spec?.serviceAccountName, p.status?.phase]).toEqual(['default', 'Running']);
  });

  it('refuses a Pod that names a ServiceAccount that does not exist, at once', () => {
    const t = simulate({ manifests: [nginxPod('default', { serviceAccountName: 'builder' })], seed: 1 });
    const err = t.steps.find((s) => s.say.key === 'apiserver-error')!;
    expect([err.status, err.say.params.message]).toEqual([
      403,
      'pods "nginx" is forbidden: error looking up service account default/builder: serviceaccount "builder" not found',
    ]);
    expect(t.steps.some((s) => s.say.key === 'apiserver-serviceaccount-retry')).toBe(false);
  });
});

describe('PodSecurity on a workload', () => {
  const restricted = {
    'pod-security.kubernetes.io/enforce': 'restricted',
    'pod-security.kubernetes.io/warn': 'restricted',
  };
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'secure' },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
    },
  };
  const t = simulate({ manifests: [ns('secure', restricted), deployment], seed: 1 });
  const detail =
    'allowPrivilegeEscalation != false (container "nginx" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "nginx" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "nginx" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "nginx" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")';

  it('warns about the Deployment, which kubectl prints before “created”', () => {
    const created = t.steps.find(
      (s) => s.say.key === 'apiserver-created' && String(s.say.params.printed).includes('deployment'),
    )!;
    expect(created.say.params.printed).toBe(
      `Warning: would violate PodSecurity "restricted:latest": ${detail}\ndeployment.apps/web created`,
    );
  });

  it('refuses the ReplicaSet’s Pods, and the ReplicaSet controller records FailedCreate', () => {
    const failed = events(t, 'FailedCreate');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]).toMatch(
      new RegExp(`^Error creating: pods "web-\\w+-\\w{5}" is forbidden: violates PodSecurity "restricted:latest": `),
    );
    expect(String(failed[0]).endsWith(detail)).toBe(true);
    expect(t.objectsAt(last(t), '/registry/pods/secure/').size).toBe(0);
  });
});

/**
 * A quota with no status yet is passed over by admission (checkRequest reads status.hard), so a Pod
 * created the instant after its quota races the resource quota controller. One more kubectl create
 * in between (as a learner's file would have) lets the controller write status first.
 */
const settle = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'team' } };

describe('ResourceQuota', () => {
  const quota = (hard: Record<string, string>) => ({
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: { name: 'compute', namespace: 'team' },
    spec: { hard },
  });

  it('refuses a Pod without limits when the quota tracks them', () => {
    const t = simulate({
      manifests: [ns('team'), quota({ 'limits.cpu': '2', 'limits.memory': '2Gi' }), settle, nginxPod('team')],
      seed: 1,
    });
    expect(t.steps.find((s) => s.say.key === 'apiserver-error')?.say.params.message).toBe(
      'pods "nginx" is forbidden: failed quota: compute: must specify limits.cpu for: nginx; limits.memory for: nginx',
    );
  });

  it('charges requests to status.used as Pods are admitted, and the controller gives them back when a Pod goes', () => {
    const resources = { requests: { cpu: '250m', memory: '64Mi' } };
    const pod = (name: string) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'team' },
      spec: { containers: [{ name: 'c', image: 'nginx:1.14.2', resources }] },
    });
    const t = simulate({
      manifests: [
        ns('team'),
        quota({ pods: '4', 'requests.cpu': '1', 'requests.memory': '1Gi' }),
        settle,
        pod('a'),
        pod('b'),
      ],
      deletes: [{ kind: 'Pod', name: 'a', namespace: 'team', atMs: 10_000 }],
      seed: 1,
    });
    const used = (seq: number) =>
      (t.objectAt('/registry/resourcequotas/team/compute', seq)?.status as { used?: object } | undefined)?.used;
    const afterB = t.steps.findIndex((s) => s.say.key === 'apiserver-store-pod' && s.say.params.name === 'b');
    expect(used(afterB)).toEqual({ pods: '2', 'requests.cpu': '500m', 'requests.memory': '128Mi' });
    expect(used(last(t))).toEqual({ pods: '1', 'requests.cpu': '250m', 'requests.memory': '64Mi' });
  });
});
