import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { printPod, simulate, type Trace } from '../engine';
import { simulateScenario } from '../headless';
import { SCENARIOS, simulationInput } from './index';

const run = (scenario: (typeof SCENARIOS)[number]) => simulate(simulationInput(scenario));

describe('every scenario', () => {
  // The container-failure scenarios end with Pods that are not (all) Running and ready: tested below.
  const failures = [
    'image-pull-backoff',
    'crashloop',
    'liveness-restart',
    'readiness-failing',
    'oom-killed',
    'cni-out-of-ips',
    'unschedulable-cpu',
    'unschedulable-selector',
    'unschedulable-taint',
    'invalid-pod',
  ];
  const happy = SCENARIOS.filter(
    (s) =>
      ![...failures, 'forbidden', 'delete', 'pod-security', 'graceful-termination', 'webhook-denied'].includes(s.id),
  );
  it.each(happy.map((s) => [s.id, s] as const))('%s runs to its end with every Pod Running', (_, scenario) => {
    const t = run(scenario);
    expect(t.end).toBe('settled');
    const pods = [...t.objectsAt(t.steps.length - 1, '/registry/pods/').values()] as unknown as Pod[];
    expect(pods.length).toBeGreaterThan(0);
    expect(pods.filter((p) => p.status?.phase !== 'Running')).toEqual([]);
  });

  it('delete: the story runs backwards, and the object goes last', () => {
    const t = run(SCENARIOS.find((s) => s.id === 'delete')!);
    expect(t.end).toBe('settled');
    const keys = t.steps.map((s) => s.say.key);
    const order = [
      'kubectl-delete',
      'apiserver-delete-graceful',
      'kubelet-terminate',
      'kubelet-stop-container',
      'runtime-stopped',
      'kubelet-stop-sandbox',
      'runtime-cni-del',
      'cni-released',
      'kubelet-delete-final',
      'apiserver-delete',
    ].map((k) => keys.indexOf(k));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);

    const key = '/registry/pods/default/nginx';
    const graceful = t.steps[order[1]!]!.seq;
    const marked = t.objectAt(key, graceful) as unknown as Pod;
    expect(marked.metadata?.deletionTimestamp).toBeDefined();
    expect(marked.metadata?.deletionGracePeriodSeconds).toBe(30);
    const ip = t.objectAt(key, graceful - 1) as unknown as Pod;
    expect(t.steps[order[7]!]!.say.params.ip).toBe(ip.status?.podIP);
    const killing = t.steps.find((s) => s.kind === 'event' && s.say.params.reason === 'Killing');
    expect(killing?.say.params.message).toBe('Stopping container nginx');
    const terminal = t.objectAt(key, t.steps[order[8]!]!.seq) as unknown as Pod;
    expect(terminal.status?.phase).toBe('Succeeded');
    expect(terminal.status?.containerStatuses?.[0]?.state?.terminated).toMatchObject({
      exitCode: 0,
      reason: 'Completed',
    });
    expect(t.objectAt(key, t.steps.length - 1)).toBeUndefined();
    expect(t.steps.some((s) => s.kind === 'response' && s.say.params.printed === 'pod "nginx" deleted')).toBe(true);
  });

  it('forbidden: RBAC refuses jane with the real message, and nothing is stored', () => {
    const t = run(SCENARIOS.find((s) => s.id === 'forbidden')!);
    const err = t.steps.find((s) => s.say.key === 'apiserver-error')!;
    expect(err.status).toBe(403);
    expect(err.level).toBe('overview');
    // The overview shows where it failed, then the answer.
    expect(t.steps.filter((s) => s.level === 'overview').map((s) => s.say.key)).toEqual([
      'cluster-watching',
      'kubectl-create',
      'apiserver-forbidden',
      'apiserver-error',
      'cluster-steady',
    ]);
    expect(err.say.params.message).toBe(
      'pods is forbidden: User "jane" cannot create resource "pods" in API group "" in the namespace "default"',
    );
    expect(t.steps.some((s) => s.to === 'etcd' && s.say.key === 'apiserver-store-pod')).toBe(false);
    expect(t.objectsAt(t.steps.length - 1, '/registry/pods/').size).toBe(0);
  });

  it('spreads the 200 replicas over all 50 nodes, within their capacity', () => {
    const scale = SCENARIOS.find((s) => s.id === 'scale')!;
    const t = run(scale);
    const pods = [...t.objectsAt(t.steps.length - 1, '/registry/pods/').values()] as unknown as Pod[];
    const perNode = new Map<string, number>();
    for (const p of pods) perNode.set(p.spec!.nodeName!, (perNode.get(p.spec!.nodeName!) ?? 0) + 1);
    expect(pods).toHaveLength(200);
    expect(perNode.size).toBe(50);
    expect(Math.max(...perNode.values()) - Math.min(...perNode.values())).toBeLessThanOrEqual(2);
  });
});

describe('a rolling update', () => {
  const t = run(SCENARIOS.find((s) => s.id === 'rolling-update')!);
  const last = t.steps.length - 1;
  const pods = () => [...t.objectsAt(last, '/registry/pods/').values()] as unknown as Pod[];

  it('ends with three Pods of the new template, the old ReplicaSet at 0 and the new at 3', () => {
    expect(t.end).toBe('settled');
    expect(pods().map((p) => p.spec!.containers[0]!.image)).toEqual(['nginx:1.16.1', 'nginx:1.16.1', 'nginx:1.16.1']);
    const sets = [...t.objectsAt(last, '/registry/replicasets/').values()] as unknown as {
      spec: { replicas: number };
      metadata: { annotations: Record<string, string> };
    }[];
    expect(
      sets.map((rs) => [rs.metadata.annotations['deployment.kubernetes.io/revision'], rs.spec.replicas]).sort(),
    ).toEqual([
      ['1', 0],
      ['2', 3],
    ]);
  });

  it('goes one Pod at a time, with the real ScalingReplicaSet messages', () => {
    const scaling = t.steps
      .filter((s) => s.kind === 'event' && s.say.params.reason === 'ScalingReplicaSet')
      .map((s) => String(s.say.params.message));
    expect(scaling[0]).toMatch(/^Scaled up replica set nginx-deployment-\w+ to 3$/);
    expect(scaling[1]).toMatch(/^Scaled up replica set nginx-deployment-\w+ to 1$/);
    expect(scaling).toContainEqual(expect.stringMatching(/^Scaled down replica set nginx-deployment-\w+ to 2 from 3$/));
    expect(scaling).toContainEqual(expect.stringMatching(/^Scaled up replica set nginx-deployment-\w+ to 3 from 2$/));
    expect(scaling.at(-1)).toMatch(/^Scaled down replica set nginx-deployment-\w+ to 0 from 1$/);
  });

  it('never has fewer than three ready Pods once the first rollout is done (maxUnavailable 0)', () => {
    const apply = t.steps.find((s) => s.say.key === 'kubectl-apply')!.seq;
    for (const s of t.steps.filter((x) => x.seq >= apply && x.changes.length)) {
      const ready = ([...t.objectsAt(s.seq, '/registry/pods/').values()] as unknown as Pod[]).filter(
        (p) =>
          !p.metadata?.deletionTimestamp &&
          p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'),
      );
      expect(ready.length).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('a node failure', () => {
  const t = run(SCENARIOS.find((s) => s.id === 'node-failure')!);
  const pods = [...t.objectsAt(t.steps.length - 1, '/registry/pods/').values()] as unknown as Pod[];

  it('ends with the Pods of node-1 Terminating there and three Pods Running on the other nodes', () => {
    expect(t.end).toBe('settled');
    const lost = pods.filter((p) => p.spec?.nodeName === 'node-1');
    expect(lost.length).toBeGreaterThan(0);
    expect(lost.every((p) => !!p.metadata?.deletionTimestamp)).toBe(true);
    const live = pods.filter((p) => !p.metadata?.deletionTimestamp);
    expect(live).toHaveLength(3);
    expect(live.every((p) => p.spec?.nodeName !== 'node-1' && p.status?.phase === 'Running')).toBe(true);
  });

  it('tells NotReady, the taint and the eviction at the overview level, in that order', () => {
    const overview = t.steps.filter((s) => s.level === 'overview').map((s) => s.say.key);
    const order = [
      'fault-node-down',
      'node-lifecycle-unknown',
      'node-lifecycle-pod-not-ready',
      'node-lifecycle-taint-noexecute',
      'taint-eviction-scheduled',
      'taint-eviction-fire',
      'taint-eviction-delete',
    ].map((k) => overview.indexOf(k));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

describe('admission scenarios', () => {
  const byId = (id: string) => run(SCENARIOS.find((s) => s.id === id)!);

  it('quota-exceeded: two Pods run, the third is refused by ResourceQuota and the ReplicaSet records FailedCreate', () => {
    const t = byId('quota-exceeded');
    const last = t.steps.length - 1;
    const pods = [...t.objectsAt(last, '/registry/pods/quota-pod-example/').values()] as unknown as Pod[];
    expect(pods.map((p) => p.status?.phase)).toEqual(['Running', 'Running']);
    const failed = t.steps.filter((s) => s.say.key === 'event' && s.say.params.reason === 'FailedCreate');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]!.say.params.message).toMatch(
      /^Error creating: pods "pod-quota-demo-\w+-\w{5}" is forbidden: exceeded quota: pod-demo, requested: pods=1, used: pods=2, limited: pods=2$/,
    );
    const quota = t.objectAt('/registry/resourcequotas/quota-pod-example/pod-demo', last) as {
      status?: { hard?: object; used?: object };
    };
    expect(quota.status).toEqual({ hard: { pods: '2' }, used: { pods: '2' } });
    // The namespace got its default ServiceAccount from the ServiceAccount controller.
    expect(t.objectAt('/registry/serviceaccounts/quota-pod-example/default', last)).toBeDefined();
  });

  it('pod-security: the restricted namespace refuses the plain nginx Pod with the real message', () => {
    const t = byId('pod-security');
    const err = t.steps.find((s) => s.say.key === 'apiserver-error')!;
    expect(err.status).toBe(403);
    expect(err.level).toBe('overview');
    expect(err.say.params.message).toBe(
      'pods "nginx" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "nginx" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "nginx" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "nginx" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "nginx" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
    );
    expect(t.objectsAt(t.steps.length - 1, '/registry/pods/').size).toBe(0);
  });

  it('limit-range: the Pod gets the LimitRange defaults and the limit-ranger annotation', () => {
    const t = byId('limit-range');
    const pod = t.objectAt('/registry/pods/default-mem-example/default-mem-demo', t.steps.length - 1) as unknown as Pod;
    expect(pod.metadata?.annotations?.['kubernetes.io/limit-ranger']).toBe(
      'LimitRanger plugin set: memory request for container default-mem-demo-ctr; memory limit for container default-mem-demo-ctr',
    );
    expect(pod.spec?.containers[0]?.resources).toEqual({ requests: { memory: '256Mi' }, limits: { memory: '512Mi' } });
    expect(pod.status?.qosClass).toBe('Burstable');
    expect(pod.status?.phase).toBe('Running');
  });
});

describe('taints (issue #4)', () => {
  it('keeps the web replicas off the full node and spreads them over the other two', () => {
    const t = run(SCENARIOS.find((s) => s.id === 'taints')!);
    const web = [...t.objectsAt(t.steps.length - 1, '/registry/pods/default/web-').values()] as unknown as Pod[];
    const nodes = web.map((p) => p.spec?.nodeName);
    expect(nodes).toHaveLength(3);
    expect(nodes).not.toContain('node-2');
    expect(new Set(nodes)).toEqual(new Set(['node-1', 'node-3']));
  });
});

describe('container failures (issues #5 and #6)', () => {
  const byId = (id: string) => run(SCENARIOS.find((s) => s.id === id)!);
  const podsOf = (t: Trace, seq = t.steps.length - 1) =>
    [...t.objectsAt(seq, '/registry/pods/').values()] as unknown as Pod[];
  const events = (t: Trace, reason: string) =>
    t.steps
      .filter((s) => s.say.key === 'event' && s.say.params.reason === reason)
      .map((s) => String(s.say.params.message));
  /** Every STATUS kubectl get pods would have printed for the first Pod, in order, without repeats. */
  const statuses = (t: Trace) => {
    const out: string[] = [];
    for (const s of t.steps.filter((x) => x.changes.some((c) => c.key.startsWith('/registry/pods/')))) {
      const p = podsOf(t, s.seq)[0];
      if (!p?.status?.containerStatuses) continue;
      const st = printPod(p).status;
      if (out.at(-1) !== st) out.push(st);
    }
    return out;
  };

  it('image-pull-backoff: Pulling → Failed (ErrImagePull) → BackOff, STATUS ErrImagePull then ImagePullBackOff, pulls 10 s then 20 s apart', () => {
    const t = byId('image-pull-backoff');
    expect(t.end).toBe('settled');
    const failed = events(t, 'Failed');
    // The recorder's requests race each other to kube-apiserver, so the three Failed Events may land in any order.
    expect(failed).toContain(
      'Failed to pull image "nginx:1.142": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.142": failed to resolve reference "docker.io/library/nginx:1.142": docker.io/library/nginx:1.142: not found',
    );
    expect(failed).toContain('Error: ErrImagePull');
    expect(failed).toContain('Error: ImagePullBackOff');
    expect(events(t, 'BackOff')[0]).toBe('Back-off pulling image "nginx:1.142"');
    expect(statuses(t).slice(0, 3)).toEqual(['ContainerCreating', 'ErrImagePull', 'ImagePullBackOff']);
    const [pod] = podsOf(t);
    expect(printPod(pod!).status).toBe('ImagePullBackOff');
    expect(pod!.status?.phase).toBe('Pending');
    expect(pod!.status?.containerStatuses?.[0]?.state?.waiting?.message).toMatch(
      /^Back-off pulling image "nginx:1.142": ErrImagePull: rpc error: code = NotFound/,
    );
    // The image back-off: each new pull waits at least twice as long as the one before.
    const pulls = t.steps.filter((s) => s.say.key === 'kubelet-pull').map((s) => s.at);
    expect(pulls.length).toBeGreaterThanOrEqual(3);
    const gaps = pulls.slice(1).map((at, i) => at - pulls[i]!);
    expect(gaps[0]).toBeGreaterThanOrEqual(10_000);
    expect(gaps[0]).toBeLessThan(20_000);
    expect(gaps[1]).toBeGreaterThanOrEqual(20_000);
  });

  it('crashloop: Error then CrashLoopBackOff, RESTARTS ≥ 2, lastState exit code 1, back-offs 10 s and 20 s, then the run folds', () => {
    const t = byId('crashloop');
    expect(t.end).toBe('settled');
    expect(t.steps.at(-1)!.say.key).toBe('cluster-steady');
    const [pod] = podsOf(t);
    const row = printPod(pod!, t.steps.at(-1)!.at);
    expect(row.status).toBe('CrashLoopBackOff');
    expect(row.restarts).toBeGreaterThanOrEqual(2);
    expect(row.restartsText).toMatch(/^\d+ \(\d+s ago\)$/);
    const cs = pod!.status!.containerStatuses![0]!;
    expect(cs.lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(cs.state?.waiting?.message).toBe(
      `back-off 40s restarting failed container=app pod=crashloop_default(${pod!.metadata!.uid})`,
    );
    expect(pod!.status?.phase).toBe('Running');
    expect(events(t, 'BackOff')[0]).toBe(
      `Back-off restarting failed container app in pod crashloop_default(${pod!.metadata!.uid})`,
    );
    expect(statuses(t)).toEqual(expect.arrayContaining(['Running', 'Error', 'CrashLoopBackOff']));
    expect(statuses(t).indexOf('Error')).toBeLessThan(statuses(t).indexOf('CrashLoopBackOff'));
    const backoffs = t.steps.filter((s) => s.say.key === 'kubelet-crash-backoff').map((s) => s.say.params.backoff);
    expect(backoffs).toEqual(['10s', '20s', '40s']);
  });

  it('liveness-restart (http-liveness.yaml): /healthz fails after 10 s, three Unhealthy, Killing, restarted', () => {
    const t = byId('liveness-restart');
    expect(t.end).toBe('settled');
    const unhealthy = events(t, 'Unhealthy');
    expect(unhealthy[0]).toBe('Liveness probe failed: HTTP probe failed with statuscode: 500');
    expect(events(t, 'Killing')[0]).toBe('Container liveness failed liveness probe, will be restarted');
    const started = t.steps.find((s) => s.say.key === 'event' && s.say.params.reason === 'Started')!.at;
    const firstKill = t.steps.find((s) => s.say.key === 'kubelet-probe-kill')!;
    // Probes at 3, 6, 9 s pass; 12, 15, 18 s fail (failureThreshold 3, periodSeconds 3).
    expect(firstKill.at - started).toBeGreaterThan(17_000);
    expect(firstKill.at - started).toBeLessThan(20_000);
    const [pod] = podsOf(t);
    expect(pod!.status!.containerStatuses![0]!.restartCount).toBeGreaterThanOrEqual(2);
    expect(pod!.status!.containerStatuses![0]!.lastState?.terminated?.exitCode).toBe(143);
    // The event correlator: one Unhealthy Event whose count goes up, as describe's `(x6 over …)`.
    const stored = [
      ...t.objectsAt(t.steps.length - 1, '/registry/events/default/liveness-http.').values(),
    ] as unknown as {
      reason: string;
      count: number;
    }[];
    const unhealthyEvents = stored.filter((e) => e.reason === 'Unhealthy');
    expect(unhealthyEvents).toHaveLength(1);
    expect(unhealthyEvents[0]!.count).toBeGreaterThanOrEqual(6);
  });

  it('readiness-failing: Running 0/1 to the end, never Ready, endpoints not ready, the curl finds no ready Pod', () => {
    const t = byId('readiness-failing');
    expect(t.end).toBe('settled');
    for (const s of t.steps.filter((x) => x.changes.length))
      for (const p of podsOf(t, s.seq))
        expect(p.status?.conditions?.find((c) => c.type === 'Ready')?.status ?? 'False').toBe('False');
    const rows = podsOf(t).map((p) => printPod(p));
    expect(rows.map((r) => [r.status, r.ready])).toEqual([
      ['Running', '0/1'],
      ['Running', '0/1'],
      ['Running', '0/1'],
    ]);
    expect(events(t, 'Unhealthy')[0]).toBe('Readiness probe failed: HTTP probe failed with statuscode: 404');
    const slices = [
      ...t.objectsAt(t.steps.length - 1, '/registry/endpointslices/default/nginx-').values(),
    ] as unknown as {
      endpoints?: { conditions?: { ready?: boolean } }[];
    }[];
    const endpoints = slices.flatMap((s) => s.endpoints ?? []);
    expect(endpoints.length).toBe(3);
    expect(endpoints.every((e) => e.conditions?.ready === false)).toBe(true);
    // kube-proxy writes no KUBE-SEP for a Pod that is not ready: the connection is refused.
    expect(t.steps.some((s) => s.say.key === 'request-answer')).toBe(false);
    expect(t.steps.some((s) => s.say.key === 'request-refused')).toBe(true);
  });

  it('oom-killed: lastState OOMKilled with exit code 137, STATUS OOMKilled then CrashLoopBackOff', () => {
    const t = byId('oom-killed');
    expect(t.end).toBe('settled');
    const [pod] = podsOf(t);
    expect(pod!.status!.containerStatuses![0]!.lastState?.terminated).toMatchObject({
      exitCode: 137,
      reason: 'OOMKilled',
    });
    const seen = statuses(t);
    expect(seen.indexOf('OOMKilled')).toBeGreaterThan(-1);
    expect(seen.indexOf('OOMKilled')).toBeLessThan(seen.indexOf('CrashLoopBackOff'));
    expect(printPod(pod!).status).toBe('CrashLoopBackOff');
  });

  it('cni-out-of-ips: five Pods get the /29’s addresses, two stay ContainerCreating with FailedCreatePodSandBox', () => {
    const t = byId('cni-out-of-ips');
    expect(t.end).toBe('settled');
    const rows = podsOf(t).map((p) => printPod(p));
    expect(
      rows
        .filter((r) => r.status === 'Running')
        .map((r) => r.ip)
        .sort(),
    ).toEqual(['10.244.1.2', '10.244.1.3', '10.244.1.4', '10.244.1.5', '10.244.1.6']);
    expect(rows.filter((r) => r.status === 'ContainerCreating').map((r) => r.ip)).toEqual(['<none>', '<none>']);
    const failed = events(t, 'FailedCreatePodSandBox');
    expect(failed.length).toBeGreaterThanOrEqual(4);
    expect(failed[0]).toMatch(
      /^Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "[0-9a-f]{64}": plugin type="bridge" name="podflow" failed \(add\): failed to allocate for range 0: no IP addresses available in range set: 10\.244\.1\.1-10\.244\.1\.6$/,
    );
  });
});

describe('refusals (issue #6), through the headless API', () => {
  // kube-scheduler v1.33's FailedScheduling: the filter reasons, then what PostFilter (DefaultPreemption) found.
  it.each([
    [
      'unschedulable-cpu',
      'cpu-demo-2',
      '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.',
    ],
    [
      'unschedulable-selector',
      'nginx',
      "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    ],
    [
      'unschedulable-taint',
      'nginx',
      '0/3 nodes are available: 3 node(s) had untolerated taint {key1: value1}. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    ],
  ])('%s: the Pod is stored, stays Pending, and kube-scheduler says why', (id, pod, message) => {
    const r = simulateScenario(id);
    expect(r.trace.end).toBe('settled');
    expect(r.getPods().map((p) => [p.name, p.status, p.node])).toEqual([[pod, 'Pending', '<none>']]);
    const failed = r.events().filter((e) => e.reason === 'FailedScheduling');
    expect(failed).toEqual([
      {
        type: 'Warning',
        reason: 'FailedScheduling',
        object: `pod/${pod}`,
        message,
        source: 'default-scheduler, default-scheduler-control-plane',
        count: 1,
      },
    ]);
    const [stored] = r.objects('Pod') as unknown as Pod[];
    expect(stored!.status?.conditions?.find((c) => c.type === 'PodScheduled')).toMatchObject({
      status: 'False',
      reason: 'Unschedulable',
      message,
    });
    // The overview ends at the scheduler: nothing is bound, no kubelet starts anything.
    const overview = r.steps('overview').map((s) => s.key);
    expect(overview.at(-2)).toBe('scheduler-unschedulable');
    // The diagram shows kube-scheduler as where it fails, with the same message.
    expect(r.failures()).toEqual([
      { component: 'kube-scheduler', reason: 'FailedScheduling', message, seq: expect.any(Number) },
    ]);
    const keys = r.steps('deep').map((s) => s.key);
    expect(keys).not.toContain('scheduler-bind');
    expect(keys).not.toContain('kubelet-run-sandbox');
  });

  it('invalid-pod: validation refuses the Pod with both field errors in brackets, and nothing is stored', () => {
    const r = simulateScenario('invalid-pod');
    const message =
      'Pod "nginx" is invalid: [spec.containers[0].image: Required value, spec.restartPolicy: Unsupported value: "always": supported values: "Always", "OnFailure", "Never"]';
    const error = r.steps('overview').find((s) => s.key === 'apiserver-error')!;
    expect(error).toMatchObject({ from: 'kube-apiserver', to: 'kubectl', status: 422 });
    expect(error.body).toContain(message);
    // The request passed authentication, authorization and mutating admission, and stopped at validation.
    const stages = r.steps('deep').map((s) => s.key);
    const order = [
      'apiserver-authentication',
      'apiserver-authorization',
      'apiserver-mutating-admission',
      'apiserver-invalid',
    ];
    expect(order.map((k) => stages.indexOf(k)).every((i, n, all) => i >= 0 && (n === 0 || i > all[n - 1]!))).toBe(true);
    expect(stages).not.toContain('apiserver-validating-admission');
    expect(r.trace.steps.some((s) => s.to === 'etcd')).toBe(false);
    expect(r.objects('Pod')).toEqual([]);
    expect(r.getPods()).toEqual([]);
    expect(r.failures()).toEqual([{ component: 'kube-apiserver', reason: '422 Invalid', message, seq: error.seq }]);
  });
});
