import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../headless';
import {
  apiserverAt,
  apiserverRequests,
  writesTo,
  cniAt,
  controllerManagerAt,
  corednsAt,
  etcdAt,
  kubeletAt,
  runtimeAt,
  schedulerAt,
  verdictList,
} from './components';
import { yamlWithChanges } from './yaml-diff';
import type { Step, Trace } from '../engine/types';

const run = simulateScenario('deployment-service');
const { trace } = run;
const seqOf = (key: string, from = 0): number => trace.steps.findIndex((s) => s.seq >= from && s.say.key === key);

describe('component state reconstructed from the trace', () => {
  it('kube-apiserver: the request at a step, its stages so far, and its response once answered', () => {
    const admission = seqOf('apiserver-validating-admission');
    const during = apiserverAt(trace, admission)!;
    expect(during.request.from).toBe('kubectl');
    expect(during.stages.map((s) => s.key)).toContain('apiserver-authorization');
    expect(during.response).toBeUndefined();
    const created = seqOf('apiserver-created');
    const after = apiserverAt(trace, created)!;
    expect(after.request.seq).toBe(during.request.seq);
    expect(after.response?.status).toBe(201);
    expect(after.writes[0]?.key).toBe('/registry/deployments/default/nginx-deployment');
  });

  it('pairs interleaved requests with their own stages, etcd writes and responses', () => {
    const deployment = simulateScenario('deployment');
    const all = apiserverRequests(deployment.trace, deployment.last).filter((v) => v.request.verb !== 'watch');
    expect(all.length).toBeGreaterThan(20);
    for (const v of all) {
      expect(v.response, `${v.request.verb} ${v.request.path}`).toBeDefined();
      // The informers' LISTs are answered from the watch cache, without the filter chain's steps.
      expect(v.stages.filter((x) => x.key === 'apiserver-authentication')).toHaveLength(
        v.request.verb === 'list' ? 0 : 1,
      );
      for (const w of v.writes) expect(writesTo(w.key, v.request.path!), `${v.request.path} → ${w.key}`).toBeTruthy();
    }
    // Each of the three Pods the ReplicaSet creates gets one write of its own.
    const creates = all.filter(
      (v) => v.request.verb === 'create' && v.request.path === '/api/v1/namespaces/default/pods',
    );
    expect(creates.map((v) => v.writes.length)).toEqual([1, 1, 1]);
  });

  it.each([
    ['/registry/pods/default/nginx', '/api/v1/namespaces/default/pods/nginx/binding', 'object'],
    ['/registry/pods/default/nginx', '/api/v1/namespaces/default/pods', 'collection'],
    ['/registry/minions/node-1', '/api/v1/nodes/node-1/status', 'object'],
    ['/registry/services/specs/default/nginx', '/api/v1/namespaces/default/services', 'collection'],
    ['/registry/deployments/default/web', '/apis/apps/v1/namespaces/default/deployments/web', 'object'],
    ['/registry/pods/default/other', '/api/v1/namespaces/default/pods/nginx', false],
  ] as const)('the etcd key %s is what %s names: %s', (key, path, expected) => {
    expect(writesTo(key, path)).toBe(expected);
  });

  it('reads admission verdict lines', () => {
    expect(verdictList('PodSecurity: warn=privileged:latest · ResourceQuota: none')).toEqual([
      { plugin: 'PodSecurity', verdict: 'warn=privileged:latest' },
      { plugin: 'ResourceQuota', verdict: 'none' },
    ]);
    expect(verdictList('—')).toEqual([]);
  });

  it('etcd: the keys at a step with their revisions, the one written now flagged', () => {
    const store = seqOf('apiserver-store');
    const written = trace.steps[store]!.changes[0]!;
    const view = etcdAt(trace, store);
    const row = view.rows.find((r) => r.key === written.key)!;
    expect(row.written).toBe(true);
    expect(row.revision).toBe(written.revision);
    expect(view.rows.filter((r) => r.written)).toHaveLength(1);
    expect(view.revision).toBe(written.revision);
    expect(etcdAt(trace, store - 1).rows.some((r) => r.key === written.key)).toBe(false);
  });

  it('kube-scheduler: the cycle under way, matching the headless API numbers', () => {
    const cycles = run.scheduling();
    const first = cycles[0]!;
    const atFilter = schedulerAt(trace, first.seq)!;
    expect(atFilter.pod).toBe(first.pod);
    expect(atFilter.scores).toBeUndefined();
    const done = schedulerAt(trace, first.endSeq!)!;
    expect(done.node).toBe(first.node);
    expect(done.scores?.totals).toEqual(first.scores?.totals);
    expect(schedulerAt(trace, 0)).toBeNull();
  });

  it('kubelet, runtime and CNI: the Pods on a node, their sandboxes and IPs', () => {
    const pods = kubeletAt(trace, 'node-1', run.last);
    expect(pods.length).toBeGreaterThan(0);
    expect(pods.every((p) => p.containers[0]!.state === 'running')).toBe(true);
    const rt = runtimeAt(trace, 'node-1', run.last);
    expect(rt.images).toContain('registry.k8s.io/pause:3.10');
    for (const p of pods) expect(rt.sandboxes.map((s) => s.pod)).toContain(p.name);
    const cni = cniAt(trace, 'node-1', run.last);
    expect(cni.cidr).toBe('10.244.1.0/24');
    expect(cni.allocations.map((a) => a.ip).sort()).toEqual(pods.map((p) => p.ip).sort());
    expect(runtimeAt(trace, 'node-1', 0).sandboxes).toEqual([]);
  });

  it('controller-manager and CoreDNS', () => {
    const groups = controllerManagerAt(trace, run.last).map((g) => g.controller);
    expect(groups).toEqual(expect.arrayContaining(['deployment', 'replicaset', 'endpointslice']));
    const names = corednsAt(trace, run.last).map((r) => r.name);
    expect(names).toContain('nginx.default.svc.cluster.local');
  });

  it('marks the YAML lines a write changed', () => {
    const step = trace.steps.find((s) =>
      s.changes.some((c) => c.before && c.after && c.key.startsWith('/registry/pods/')),
    )!;
    const change = step.changes.find((c) => c.key.startsWith('/registry/pods/'))!;
    const lines = yamlWithChanges(change.after!, change.before);
    expect(lines.some((l) => l.changed)).toBe(true);
    expect(lines.some((l) => l.changed && l.text.includes('resourceVersion'))).toBe(true);
    expect(yamlWithChanges(change.after!, null).every((l) => l.changed)).toBe(true);
  });
});

describe('kube-apiserver requests paired by request id', () => {
  const step = (seq: number, over: Partial<Step>): Step => ({
    seq,
    at: seq,
    from: 'kube-apiserver',
    to: 'kube-apiserver',
    kind: 'internal',
    level: 'standard',
    say: { key: 'x', params: {} },
    changes: [],
    ...over,
  });
  const path = '/api/v1/namespaces/default/pods/web/status';
  const pod = (rv: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', resourceVersion: rv } });
  // Two status patches from one kubelet to one path, served concurrently: the second is answered first.
  const steps: Step[] = [
    step(0, { from: 'kubelet/node-1', kind: 'request', verb: 'patch', path, requestId: 7 }),
    step(1, { from: 'kubelet/node-1', kind: 'request', verb: 'patch', path, requestId: 8 }),
    step(2, { say: { key: 'apiserver-authentication', params: {} }, requestId: 8 }),
    step(3, { say: { key: 'apiserver-authentication', params: {} }, requestId: 7 }),
    step(4, {
      to: 'etcd',
      kind: 'request',
      requestId: 8,
      changes: [{ key: '/registry/pods/default/web', before: null, after: pod('11'), revision: 11 }],
    }),
    step(5, { to: 'kubelet/node-1', kind: 'response', status: 200, path, requestId: 8 }),
    step(6, {
      to: 'etcd',
      kind: 'request',
      requestId: 7,
      changes: [{ key: '/registry/pods/default/web', before: pod('11'), after: pod('12'), revision: 12 }],
    }),
    step(7, { to: 'kubelet/node-1', kind: 'response', status: 200, path, requestId: 7 }),
  ];
  const concurrent = { steps } as unknown as Trace;

  it('gives each request its own stages, write and response, whatever the order', () => {
    const [first, second] = apiserverRequests(concurrent, 7);
    expect(first!.stages.map((s) => s.seq)).toEqual([3]);
    expect(first!.writes).toEqual([{ key: '/registry/pods/default/web', revision: 12 }]);
    expect(first!.response?.seq).toBe(7);
    expect(second!.stages.map((s) => s.seq)).toEqual([2]);
    expect(second!.writes).toEqual([{ key: '/registry/pods/default/web', revision: 11 }]);
    expect(second!.response?.seq).toBe(5);
    // At the step of the first answer, that answer's request is the one shown.
    expect(apiserverAt(concurrent, 5)!.request.seq).toBe(1);
  });

  it('without ids (an older trace) falls back to the heuristic, which pairs the oldest open request', () => {
    const bare = { steps: steps.map((s) => ({ ...s, requestId: undefined })) } as unknown as Trace;
    const [first] = apiserverRequests(bare, 7);
    expect(first!.response?.seq).toBe(5);
  });

  it('in a real run, every request’s stages, writes and response carry its id', () => {
    const deployment = simulateScenario('deployment');
    const bySeq = new Map(deployment.trace.steps.map((s) => [s.seq, s]));
    const all = apiserverRequests(deployment.trace, deployment.last).filter((v) => v.request.verb !== 'watch');
    for (const v of all) {
      const id = v.request.requestId;
      expect(id).toBeDefined();
      expect(v.response?.requestId).toBe(id);
      for (const st of v.stages) expect(bySeq.get(st.seq)!.requestId).toBe(id);
    }
  });
});
