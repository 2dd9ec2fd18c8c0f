import { describe, expect, it } from 'vitest';
import type { ApiObject } from '../types';
import { fieldSelectorMatches } from '../apiserver/apiserver';
import { simulateScenario, simulateYaml } from '../../headless';
import { listQuery, queryEscape, watchQuery } from './informer';

describe('a reflector’s LIST and WATCH query strings (reflector.go, url.Values.Encode)', () => {
  it.each<[string, Parameters<typeof listQuery>[0], string]>([
    ['a plain LIST', { resource: 'services' }, '?limit=500&resourceVersion=0'],
    [
      'the kubelet’s Pods',
      { resource: 'pods', nodeName: 'node-1' },
      '?fieldSelector=spec.nodeName%3Dnode-1&limit=500&resourceVersion=0',
    ],
    [
      'the scheduler’s Pods',
      { resource: 'pods', fieldSelector: 'status.phase!=Succeeded,status.phase!=Failed' },
      '?fieldSelector=status.phase%21%3DSucceeded%2Cstatus.phase%21%3DFailed&limit=500&resourceVersion=0',
    ],
  ])('%s', (_, spec, query) => {
    expect(listQuery(spec)).toBe(query);
  });

  it.each<[Parameters<typeof watchQuery>[0], string, number, string]>([
    [
      { resource: 'pods' },
      '1234',
      349,
      '?allowWatchBookmarks=true&resourceVersion=1234&timeout=5m49s&timeoutSeconds=349&watch=true',
    ],
    [
      { resource: 'pods', nodeName: 'node-2' },
      '25',
      600,
      '?allowWatchBookmarks=true&fieldSelector=spec.nodeName%3Dnode-2&resourceVersion=25&timeout=10m0s&timeoutSeconds=600&watch=true',
    ],
  ])('WATCH %j from %s, timeout %i s', (spec, rv, timeout, query) => {
    expect(watchQuery(spec, rv, timeout)).toBe(query);
  });

  it.each([
    ['spec.nodeName=node-1', 'spec.nodeName%3Dnode-1'],
    ["a!b*c'(d)", 'a%21b%2Ac%27%28d%29'],
    ['a b', 'a%20b'],
  ])('url.QueryEscape(%s)', (raw, escaped) => {
    expect(queryEscape(raw)).toBe(escaped);
  });
});

describe('field selectors as the watch cache applies them', () => {
  const pod = (phase: string, nodeName = 'node-1') =>
    ({ kind: 'Pod', metadata: { name: 'p' }, spec: { nodeName }, status: { phase } }) as unknown as ApiObject;
  it.each<[string, ApiObject, boolean]>([
    ['status.phase!=Succeeded,status.phase!=Failed', pod('Running'), true],
    ['status.phase!=Succeeded,status.phase!=Failed', pod('Succeeded'), false],
    ['status.phase!=Succeeded,status.phase!=Failed', pod('Failed'), false],
    ['spec.nodeName=node-1', pod('Running'), true],
    ['spec.nodeName=node-1', pod('Running', 'node-2'), false],
    ['spec.nodeName==node-2', pod('Running', 'node-2'), true],
  ])('%s on %j → %s', (selector, obj, ok) => {
    expect(fieldSelectorMatches(selector, obj)).toBe(ok);
  });
});

describe('the standing watches in a run (bare-pod)', () => {
  const run = simulateScenario('bare-pod');
  const steps = run.trace.steps;
  const kubectl = steps.findIndex((s) => s.say.key === 'kubectl-create');

  it('every reflector LISTs, then WATCHes from the LIST’s resourceVersion, before kubectl sends anything (deep level)', () => {
    const lists = steps.filter((s) => s.say.key === 'informer-list');
    const watches = steps.filter((s) => s.say.key === 'informer-watch');
    // kube-controller-manager 14, kube-scheduler 7, two kubelets 6 each, two kube-proxies 2 each, CoreDNS 3, csi-provisioner 2.
    expect(lists).toHaveLength(42);
    expect(watches).toHaveLength(42);
    for (const s of [...lists, ...watches]) {
      expect(s.level).toBe('deep');
      expect(s.to).toBe('kube-apiserver');
      expect(s.seq).toBeLessThan(kubectl);
    }
    for (const w of watches) {
      const list = lists.find((l) => l.from === w.from && l.say.params.resource === w.say.params.resource)!;
      expect(list.seq).toBeLessThan(w.seq);
      expect(w.path).toMatch(/[?&]allowWatchBookmarks=true&/);
      expect(w.path).toMatch(
        new RegExp(
          `resourceVersion=${w.say.params.resourceVersion}&timeout=\\d+m\\d+s&timeoutSeconds=\\d+&watch=true$`,
        ),
      );
    }
    expect(lists.filter((l) => l.from === 'kubelet/node-2').map((l) => l.path)).toContain(
      '/api/v1/pods?fieldSelector=spec.nodeName%3Dnode-2&limit=500&resourceVersion=0',
    );
    expect(lists.filter((l) => l.from === 'kube-scheduler').map((l) => l.path)).toContain(
      '/api/v1/pods?fieldSelector=status.phase%21%3DSucceeded%2Cstatus.phase%21%3DFailed&limit=500&resourceVersion=0',
    );
    expect(lists.filter((l) => l.from === 'kube-proxy/node-1').map((l) => l.path)).toEqual([
      '/api/v1/services?limit=500&resourceVersion=0',
      '/apis/discovery.k8s.io/v1/endpointslices?limit=500&resourceVersion=0',
    ]);
  });

  it('keeps one step per component at the standard level, none at overview but the summary', () => {
    expect(run.steps('standard').filter((s) => s.key === 'informer-list-watch')).toHaveLength(8);
    expect(run.steps('standard').filter((s) => s.key === 'informer-list' || s.key === 'informer-watch')).toEqual([]);
    expect(run.steps('overview').filter((s) => s.key.startsWith('informer-'))).toEqual([]);
  });
});

describe('the scheduler’s field selector in a run', () => {
  const yaml = `apiVersion: v1
kind: Pod
metadata:
  name: once
spec:
  restartPolicy: Never
  containers:
  - name: job
    image: busybox:1.28
    command: ["sh", "-c", "sleep 2; exit 0"]
`;
  const steps = simulateYaml(yaml).trace.steps;

  it('a Pod that has Succeeded leaves kube-scheduler’s informer (DELETED) while the kubelet sees it MODIFIED', () => {
    const watch = steps.filter(
      (s) => s.say.key === 'apiserver-watch-pod' && String(s.say.params.watchers).includes('kube-scheduler (DELETED)'),
    );
    expect(watch).toHaveLength(1);
    expect(String(watch[0]!.say.params.watchers)).toMatch(/kubelet\/node-\d \(MODIFIED\)/);
  });
});
