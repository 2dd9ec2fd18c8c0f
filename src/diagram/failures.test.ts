import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { simulate, type Trace } from '../engine';
import { SCENARIOS, simulationInput } from '../scenarios';
import { failureOfStep, failuresAt, failureTimeline, latestFailure, podFailuresIn } from './failures';
import { podsAt } from './pods';

const traces = new Map<string, Trace>();
const run = (id: string): Trace => {
  let t = traces.get(id);
  if (!t) {
    t = simulate(simulationInput(SCENARIOS.find((s) => s.id === id)!));
    traces.set(id, t);
  }
  return t;
};

const KUBELET_OF_POD = 'the kubelet of the Pod’s node';
/** The node the run's one Pod is bound to. */
function onlyPodNode(t: Trace, seq: number): string {
  const pods = [...t.objectsAt(seq, '/registry/pods/').values()] as unknown as Pod[];
  expect(pods).toHaveLength(1);
  return pods[0]!.spec!.nodeName!;
}

describe('where the flow stops', () => {
  // Scenario → the component that refused or failed, its short reason and the start of the real message, at the end.
  it.each([
    [
      'invalid-pod',
      'kube-apiserver',
      '422 Invalid',
      'Pod "nginx" is invalid: [spec.containers[0].image: Required value',
    ],
    ['forbidden', 'kube-apiserver', '403 Forbidden', 'pods is forbidden: User "jane" cannot create resource "pods"'],
    [
      'pod-security',
      'kube-apiserver',
      '403 Forbidden',
      'pods "nginx" is forbidden: violates PodSecurity "restricted:latest"',
    ],
    ['quota-exceeded', 'kube-apiserver', '403 Forbidden', 'pods "pod-quota-demo-'],
    ['unschedulable-cpu', 'kube-scheduler', 'FailedScheduling', '0/3 nodes are available: 3 Insufficient cpu.'],
    ['unschedulable-selector', 'kube-scheduler', 'FailedScheduling', "0/3 nodes are available: 3 node(s) didn't match"],
    ['unschedulable-taint', 'kube-scheduler', 'FailedScheduling', '0/3 nodes are available: 3 node(s) had untolerated'],
    [
      'image-pull-backoff',
      'kubelet/node-1',
      'ImagePullBackOff',
      'Back-off pulling image "nginx:1.142": ErrImagePull: rpc error',
    ],
    [
      'crashloop',
      'kubelet/node-1',
      'CrashLoopBackOff',
      'back-off 40s restarting failed container=app pod=crashloop_default(',
    ],
    // The scheduler's tie-break between the two empty nodes is the run's seeded choice: the kubelet of the Pod's node.
    ['oom-killed', KUBELET_OF_POD, 'CrashLoopBackOff', 'back-off 40s restarting failed container=memory-demo-2-ctr'],
    [
      'readiness-failing',
      'kubelet/node-1',
      'Unhealthy',
      'Readiness probe failed: HTTP probe failed with statuscode: 404',
    ],
    [
      'cni-out-of-ips',
      'kubelet/node-1',
      'FailedCreatePodSandBox',
      'Failed to create pod sandbox: rpc error: code = Unknown',
    ],
    ['node-failure', 'kubelet/node-1', 'NodeStatusUnknown', 'Kubelet stopped posting node status.'],
  ])('%s: %s, %s', (id, wanted, reason, message) => {
    const t = run(id);
    const end = t.steps.length - 1;
    const component = wanted === KUBELET_OF_POD ? `kubelet/${onlyPodNode(t, end)}` : wanted;
    const f = failuresAt(t, end).get(component as never)!;
    expect(f).toMatchObject({ component, reason });
    expect(f.message.startsWith(message)).toBe(true);
    // It follows the cursor: one step before it happened, it is not there.
    expect(failuresAt(t, f.seq).get(component as never)).toBe(f);
    expect(failuresAt(t, f.seq - 1).get(component as never)).not.toBe(f);
    expect(failureOfStep(t, f.seq)).toBe(f);
  });

  it('the happy scenarios have no failure at any step', () => {
    for (const id of ['bare-pod', 'deployment', 'rolling-update', 'delete', 'taints', 'limit-range', 'init-containers'])
      expect(failureTimeline(run(id)).all).toEqual([]);
  });

  it('invalid-pod: validation refuses, the 422 goes from kube-apiserver to kubectl and holds to the end', () => {
    const t = run('invalid-pod');
    const [stage, f] = failureTimeline(t).all;
    // The refusal shows from the validation stage on; the answer to kubectl takes its place.
    expect(t.steps[stage!.seq]!.say.key).toBe('apiserver-invalid');
    expect(stage).toMatchObject({ component: 'kube-apiserver', reason: '422 Invalid', until: f!.seq });
    expect(stage!.message).toBe(f!.message);
    const step = t.steps[f!.seq]!;
    expect([step.from, step.to, step.status]).toEqual(['kube-apiserver', 'kubectl', 422]);
    expect(f!.until).toBe(Infinity);
    expect(latestFailure(t, t.steps.length - 1)).toBe(f);
    expect(latestFailure(t, f!.seq - 1)).toBe(stage);
    expect(latestFailure(t, stage!.seq - 1)).toBeUndefined();
  });

  it('unschedulable: the card of the Pod says Unschedulable from the moment the scheduler writes it', () => {
    const t = run('unschedulable-selector');
    const end = t.steps.length - 1;
    const [card] = podsAt(t, end).get('') ?? [];
    expect(card).toMatchObject({ status: 'Pending', blocked: 'Unschedulable', health: 'failed' });
    const f = failureTimeline(t).all[0]!;
    expect(podsAt(t, f.seq - 1).get('')?.[0]?.blocked).toBeUndefined();
  });

  it('crashloop: the kubelet’s failure goes while the restarted container runs and comes back when it fails', () => {
    const t = run('crashloop');
    const all = failureTimeline(t).all;
    expect(all.map((f) => f.reason)).toEqual(expect.arrayContaining(['Error', 'CrashLoopBackOff']));
    const first = all[0]!;
    expect(first.message).toBe('Terminated: Error, Exit Code: 1');
    expect(first.until).toBeLessThan(Infinity);
    // Cleared by a running and ready report for the same Pod.
    expect(t.steps[first.until]!.say.key).toBe('kubelet-status-running');
    expect(failuresAt(t, first.until).get('kubelet/node-1')).toBeUndefined();
  });

  it('quota-exceeded: each retry of the ReplicaSet controller ends the last refusal, the next refusal starts anew', () => {
    const t = run('quota-exceeded');
    // The answers (each preceded by ResourceQuota's refusal inside kube-apiserver, which the answer replaces).
    const all = failureTimeline(t).all.filter((f) => t.steps[f.seq]!.kind === 'response');
    expect(all.length).toBeGreaterThan(1);
    for (const f of all.slice(0, -1)) {
      const retry = t.steps[f.until]!;
      expect([retry.kind, retry.from, retry.path]).toEqual([
        'request',
        'kube-controller-manager',
        t.steps[f.seq]!.path,
      ]);
    }
  });

  it('missing-configmap: kubectl apply’s 404 ends when kubectl creates the ConfigMap, and FailedMount ends once the Pod runs', () => {
    const t = run('missing-configmap');
    expect(failuresAt(t, t.steps.length - 1).size).toBe(0);
    const notFound = failureTimeline(t).all.find((f) => f.reason === '404 NotFound')!;
    expect(t.steps[notFound.until]!.say.key).toBe('kubectl-create');
  });

  it('cni-out-of-ips: both Pods without an address are marked on node-1, by name, while the kubelet shows the latest', () => {
    const t = run('cni-out-of-ips');
    const end = t.steps.length - 1;
    const lines = podFailuresIn(t, end, 'node-1').split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => /^nginx-deployment-\w+-\w{5}=FailedCreatePodSandBox$/.test(l))).toBe(true);
    const stuck = (podsAt(t, end).get('node-1') ?? [])
      .filter((p) => p.status === 'ContainerCreating')
      .map((p) => p.name);
    expect(lines.map((l) => l.split('=')[0]).sort()).toEqual(stuck.sort());
    expect(podFailuresIn(t, end, 'node-2')).toBe('');
    expect(failuresAt(t, end).get('kubelet/node-1')?.reason).toBe('FailedCreatePodSandBox');
  });
});
