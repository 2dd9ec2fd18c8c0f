import { describe, expect, it } from 'vitest';
import { simulateScenario, simulateYaml } from '../headless';
import { ISTIO_SIDECAR_INJECTOR } from './webhooks';

describe('istio-sidecar', () => {
  const run = simulateScenario('istio-sidecar');
  const steps = run.steps('deep');
  it('injects istio-init and istio-proxy into both Pods, which end READY 2/2', () => {
    expect(steps.filter((s) => s.key === 'istiod-inject')).toHaveLength(2);
    expect(run.getPods().map((p) => [p.namespace, p.ready, p.status])).toEqual([
      ['shop', '2/2', 'Running'],
      ['shop', '2/2', 'Running'],
    ]);
    const call = steps.find((s) => s.key === 'apiserver-webhook-call');
    expect([call?.from, call?.to, call?.path]).toEqual([
      'kube-apiserver',
      'istiod',
      'https://istiod.istio-system.svc:443/inject?timeout=10s',
    ]);
  });
  it('calls the injector after the built-in mutating plugins and before validation', () => {
    // The first Pod's request: its mutating-admission step, the webhook's answer, then the Pod's validation.
    const m = steps.findIndex((s) => s.key === 'apiserver-mutating-admission');
    const after = (test: (s: (typeof steps)[number]) => boolean): number => steps.findIndex((s, i) => i > m && test(s));
    expect(m).toBeGreaterThan(-1);
    expect(after((s) => s.key === 'istiod-inject')).toBeLessThan(
      after((s) => s.key === 'apiserver-validation' && s.body.startsWith('The Pod')),
    );
  });
  it('pushes the ready endpoints to both proxies (EDS) once the Pods are ready', () => {
    const pushes = steps.filter((s) => s.key === 'istiod-eds-push');
    expect(pushes.length).toBeGreaterThanOrEqual(2);
    const last = pushes[pushes.length - 1]!;
    expect(last.title).toMatch(/^EDS: PUSH for node:nginx-\S+\.shop resources:1$/);
    expect(last.body).toContain('outbound|80||nginx.shop.svc.cluster.local');
    expect(last.body).toMatch(/10\.244\.1\.\d+:80, 10\.244\.2\.\d+:80/);
  });
  it('gives the new namespace the mesh’s root certificate', () => {
    expect(steps.some((s) => s.key === 'istiod-ca-configmap' && s.title.includes('shop'))).toBe(true);
  });
});

describe('webhook-denied', () => {
  const run = simulateScenario('webhook-denied');
  it('Kyverno blocks nginx:latest, and kubectl gets the webhook’s denial', () => {
    const refused = run.steps('overview').find((s) => s.key === 'apiserver-error');
    expect(refused?.status).toBe(500);
    expect(refused?.body).toContain(
      "admission webhook \"validate.kyverno.svc-fail\" denied the request: \n\nresource Pod/default/nginx was blocked due to the following policies \n\ndisallow-latest-tag:\n  validate-image-tag: 'validation error: Using a mutable image tag e.g. ''latest''\n    is not allowed. rule validate-image-tag failed at path /spec/containers/0/image/'",
    );
    expect(run.getPods()).toEqual([]);
  });
  it('runs the built-in validating plugins first, and stores nothing', () => {
    const steps = run.steps('deep');
    const call = steps.find((s) => s.key === 'apiserver-validating-webhook-call');
    expect([call?.to, call?.path]).toEqual([
      'kyverno',
      'https://kyverno-svc.kyverno.svc:443/validate/fail?timeout=10s',
    ]);
    // LimitRanger, ServiceAccount and PodSecurity ran first (their verdicts come before the call).
    expect(steps.findIndex((s) => s.key === 'apiserver-validation')).toBeLessThan(steps.indexOf(call!));
    expect(steps.some((s) => s.key === 'apiserver-store-pod')).toBe(false);
  });
});

describe('the injector’s webhook without istiod', () => {
  // The configuration applied to a cluster that does not run istiod: failurePolicy Fail stops every Pod.
  const yaml = `${ISTIO_SIDECAR_INJECTOR}---
apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    istio-injection: enabled
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 1
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.14.2
`;
  it('the ReplicaSet controller records FailedCreate with the apiserver’s message', () => {
    const failed = simulateYaml(yaml)
      .events()
      .find((e) => e.reason === 'FailedCreate');
    expect(failed?.message).toBe(
      'Error creating: Internal error occurred: failed calling webhook "namespace.sidecar-injector.istio.io": failed to call webhook: Post "https://istiod.istio-system.svc:443/inject?timeout=10s": service "istiod" not found',
    );
  });
});
