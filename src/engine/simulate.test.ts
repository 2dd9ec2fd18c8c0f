import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { loadManifests } from '../manifest/load';
import { DEFAULT_CLUSTER, printPod, simulate, type Step, type Trace } from './index';

const fixtures = resolve(import.meta.dirname, '../../../shared/fixtures/real-manifests');

const BARE_POD = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'nginx' },
  spec: { containers: [{ name: 'nginx', image: 'nginx:1.14.2', ports: [{ containerPort: 80 }] }] },
};
const POD_KEY = '/registry/pods/default/nginx';

function run(seed = 1): Trace {
  return simulate({ manifests: [BARE_POD], cluster: DEFAULT_CLUSTER, seed });
}

const overview = (t: Trace): Step[] => t.steps.filter((s) => s.level === 'overview');
const firstIndex = (t: Trace, key: string): number => t.steps.findIndex((s) => s.say.key === key);
const pod = (t: Trace, seq: number): Pod | undefined => t.objectAt(POD_KEY, seq) as unknown as Pod | undefined;

describe('the happy path of a bare Pod', () => {
  const trace = run();

  it('tells the story of the-story.md in order at the overview level', () => {
    expect(overview(trace).map((s) => s.say.key)).toEqual([
      'cluster-watching',
      'kubectl-create',
      'apiserver-checks',
      'apiserver-store-pod',
      'apiserver-watch-pod',
      'scheduler-score',
      'scheduler-bind',
      'apiserver-watch-pod',
      'kubelet-volumes',
      'kubelet-run-sandbox',
      'runtime-sandbox-status',
      'kubelet-pull',
      'kubelet-start',
      'kubelet-status-running',
      'apiserver-store-running',
      'cluster-steady',
    ]);
  });

  it('runs the apiserver pipeline in the real order: authn, authz, mutating admission, validation, validating admission, etcd', () => {
    const order = [
      'apiserver-authentication',
      'apiserver-authorization',
      'apiserver-mutating-admission',
      'apiserver-validation',
      'apiserver-validating-admission',
      'apiserver-store-pod',
    ].map((k) => firstIndex(trace, k));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('creates the sandbox with CNI and pause before any container, and pulls before create before start', () => {
    const keys = [
      'kubelet-run-sandbox',
      'runtime-cni-add',
      'cni-result',
      'runtime-pause',
      'runtime-sandbox-status',
      'kubelet-pull',
      'kubelet-create',
      'kubelet-start',
    ];
    const order = keys.map((k) => firstIndex(trace, k));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('opens every watch before kubectl sends anything', () => {
    const lastWatch = trace.steps.findLastIndex((s) => s.say.key === 'informer-list-watch');
    expect(lastWatch).toBeLessThan(firstIndex(trace, 'kubectl-create'));
    // Seven components and, since dynamic provisioning, the CSI external-provisioner.
    expect(trace.steps.filter((s) => s.say.key === 'informer-list-watch')).toHaveLength(8);
  });

  it('talks to etcd only through kube-apiserver', () => {
    const etcdPeers = new Set(
      trace.steps.filter((s) => s.from === 'etcd' || s.to === 'etcd').flatMap((s) => [s.from, s.to]),
    );
    expect([...etcdPeers].sort()).toEqual(['etcd', 'kube-apiserver']);
  });

  it('records the Kubernetes events with their real reasons and messages', () => {
    const events = trace.steps
      .filter((s) => s.kind === 'event')
      .map((s) => [s.say.params.reason, s.say.params.message]);
    const node = pod(trace, trace.steps.length - 1)!.spec!.nodeName!;
    expect(events).toEqual([
      ['Scheduled', `Successfully assigned default/nginx to ${node}`],
      ['Pulling', 'Pulling image "nginx:1.14.2"'],
      [
        'Pulled',
        expect.stringMatching(
          /^Successfully pulled image "nginx:1\.14\.2" in [\d.]+m?s \([\d.]+m?s including waiting\)\. Image size: 44710204 bytes\.$/,
        ),
      ],
      ['Created', 'Created container: nginx'],
      ['Started', 'Started container nginx'],
    ]);
  });

  it('ends settled, with the repetition folded into one last step', () => {
    expect(trace.end).toBe('settled');
    const last = trace.steps[trace.steps.length - 1]!;
    expect(last.say.key).toBe('cluster-steady');
    expect(Number(last.say.params.folded)).toBeGreaterThan(0);
  });
});

describe('object changes per step', () => {
  const trace = run();
  const at = (key: string) => trace.steps.find((s) => s.say.key === key)!.seq;

  it('does not exist before kube-apiserver stores it', () => {
    expect(pod(trace, at('apiserver-store-pod') - 1)).toBeUndefined();
  });

  it('is stored Pending, defaulted and admitted, with no node', () => {
    const p = pod(trace, at('apiserver-store-pod'))!;
    expect(p.status?.phase).toBe('Pending');
    expect(p.status?.qosClass).toBe('BestEffort');
    expect(p.spec?.nodeName).toBeUndefined();
    expect(p.spec?.restartPolicy).toBe('Always');
    expect(p.spec?.schedulerName).toBe('default-scheduler');
    expect(p.spec?.containers[0]?.imagePullPolicy).toBe('IfNotPresent');
    expect(p.spec?.serviceAccountName).toBe('default');
    expect(p.spec?.volumes?.[0]?.name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(p.spec?.tolerations?.map((t) => t.key)).toEqual([
      'node.kubernetes.io/not-ready',
      'node.kubernetes.io/unreachable',
    ]);
    expect(p.metadata?.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('gets spec.nodeName and PodScheduled=True in the binding write', () => {
    const seq = at('apiserver-store-binding');
    expect(pod(trace, seq - 1)!.spec?.nodeName).toBeUndefined();
    const p = pod(trace, seq)!;
    expect(['node-1', 'node-2']).toContain(p.spec?.nodeName);
    expect(p.status?.conditions?.find((c) => c.type === 'PodScheduled')?.status).toBe('True');
  });

  it('is ContainerCreating after the kubelet’s first status and Running with an IP after the last', () => {
    const first = pod(
      trace,
      trace.steps.find((s) => s.say.key === 'apiserver-store-status' && s.say.params.phase === 'Pending')!.seq,
    )!;
    expect(first.status?.containerStatuses?.[0]?.state?.waiting?.reason).toBe('ContainerCreating');
    expect(first.status?.podIP).toBeUndefined();

    const final = pod(trace, trace.steps.length - 1)!;
    const cidr = final.spec?.nodeName === 'node-1' ? '10.244.1.' : '10.244.2.';
    expect(final.status?.phase).toBe('Running');
    expect(final.status?.podIP).toBe(`${cidr}2`);
    expect(final.status?.containerStatuses?.[0]?.ready).toBe(true);
    expect(final.status?.containerStatuses?.[0]?.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(final.status?.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
      'PodScheduled=True',
    ]);
  });

  it('bumps resourceVersion with every write, as the etcd revision', () => {
    const revisions = trace.steps.flatMap((s) => s.changes.filter((c) => c.key === POD_KEY).map((c) => c.revision));
    expect(revisions.length).toBe(4); // create, bind, two status patches
    expect([...revisions].sort((a, b) => a - b)).toEqual(revisions);
    const writes = trace.steps.flatMap((s) => s.changes.filter((c) => c.after));
    expect(writes.length).toBeGreaterThan(4);
    expect(writes.filter((c) => c.after!.metadata.resourceVersion !== String(c.revision))).toEqual([]);
  });
});

describe('determinism', () => {
  it('gives a byte-identical trace for the same input and seed', () => {
    expect(JSON.stringify(run(7).steps)).toBe(JSON.stringify(run(7).steps));
  });

  it('gives a different run for another seed', () => {
    const a = pod(run(1), 1e9)!.metadata!.uid;
    const b = pod(run(2), 1e9)!.metadata!.uid;
    expect(a).not.toBe(b);
  });

  it('does not drift with the seed in what it tells', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      expect(overview(run(seed)).map((s) => s.say.key)).toEqual(overview(run(1)).map((s) => s.say.key));
    }
  });
});

describe('the end of a run', () => {
  it('stops at the hard cap', () => {
    const t = simulate({ manifests: [BARE_POD], seed: 1, maxSteps: 25 });
    expect(t.end).toBe('cap');
    expect(t.steps.length).toBe(25);
  });
});

describe('failures the skeleton already tells', () => {
  it('rejects an invalid Pod with the apiserver’s own message and stores nothing', () => {
    const bad = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec: { containers: [{ name: 'x' }] } };
    const t = simulate({ manifests: [bad], seed: 1 });
    const err = t.steps.find((s) => s.say.key === 'apiserver-error')!;
    expect(err.status).toBe(422);
    expect(err.say.params.message).toBe('Pod "x" is invalid: spec.containers[0].image: Required value');
    expect(t.objectAt('/registry/pods/default/x', t.steps.length - 1)).toBeUndefined();
  });

  it('leaves a Pod Pending with the real FailedScheduling message when no node has the cpu', () => {
    const big = structuredClone(BARE_POD);
    (big.spec.containers[0] as Record<string, unknown>).resources = { requests: { cpu: '8' } };
    const t = simulate({ manifests: [big], seed: 1 });
    const failed = t.steps.find((s) => s.kind === 'event' && s.say.params.reason === 'FailedScheduling')!;
    expect(failed.say.params.message).toBe(
      '0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.',
    );
    const p = pod(t, t.steps.length - 1)!;
    expect(p.status?.phase).toBe('Pending');
    expect(p.status?.conditions?.find((c) => c.type === 'PodScheduled')?.reason).toBe('Unschedulable');
  });

  it('schedules a Pod that did not fit once a deletion makes room', () => {
    const big = (name: string) => {
      const p = structuredClone(BARE_POD);
      p.metadata.name = name;
      (p.spec.containers[0] as Record<string, unknown>).resources = { requests: { cpu: '3' } };
      return p;
    };
    const t = simulate({
      manifests: [big('a'), big('b'), big('c')],
      seed: 1,
      deletes: [{ kind: 'Pod', name: 'a', atMs: 10_000 }],
    });
    const failed = t.steps.find((s) => s.kind === 'event' && s.say.params.reason === 'FailedScheduling')!;
    expect(failed.say.params.message).toBe(
      '0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.',
    );
    const c = t.objectAt('/registry/pods/default/c', 1e9) as unknown as Pod;
    expect(c.status?.phase).toBe('Running');
    const aNode = (t.objectAt('/registry/pods/default/a', failed.seq) as unknown as Pod).spec?.nodeName;
    expect(c.spec?.nodeName).toBe(aNode);
    expect(t.objectAt('/registry/pods/default/a', 1e9)).toBeUndefined();
  });

  it('places a Pod by its nodeSelector, and leaves it Pending when no node matches', () => {
    const onTwo = structuredClone(BARE_POD) as typeof BARE_POD & { spec: { nodeSelector?: Record<string, string> } };
    onTwo.spec.nodeSelector = { 'kubernetes.io/hostname': 'node-2' };
    for (const seed of [1, 2, 3])
      expect(pod(simulate({ manifests: [onTwo], seed }), 1e9)?.spec?.nodeName).toBe('node-2');
    onTwo.spec.nodeSelector = { disktype: 'ssd' };
    const t = simulate({ manifests: [onTwo], seed: 1 });
    expect(t.steps.find((s) => s.say.params.reason === 'FailedScheduling')?.say.params.message).toBe(
      "0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
    );
  });

  it('refuses a Pod in a namespace that does not exist (NamespaceLifecycle), and runs it once the namespace is there', () => {
    const inProd = { ...BARE_POD, metadata: { name: 'nginx', namespace: 'prod' } };
    const t = simulate({ manifests: [inProd], seed: 1 });
    const err = t.steps.find((s) => s.say.key === 'apiserver-error')!;
    expect([err.status, err.say.params.message]).toEqual([404, 'namespaces "prod" not found']);
    const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'prod' } };
    const ok = simulate({ manifests: [ns, inProd], seed: 1 });
    expect((ok.objectAt('/registry/pods/prod/nginx', 1e9) as unknown as Pod | undefined)?.status?.phase).toBe(
      'Running',
    );
  });

  it('skips a kind kubectl cannot map, and goes on with the next object', () => {
    const t = simulate({
      manifests: [{ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } }, BARE_POD],
      seed: 1,
    });
    expect(t.steps.some((s) => s.say.key === 'kubectl-no-mapping')).toBe(true);
    expect(pod(t, t.steps.length - 1)?.status?.phase).toBe('Running');
  });
});

describe('what the review found', () => {
  it('tells a create that etcd refuses as a conflict, not as stored', () => {
    const t = simulate({ manifests: [BARE_POD, BARE_POD], seed: 1 });
    expect(t.steps.filter((s) => s.say.key === 'apiserver-store-pod')).toHaveLength(1);
    expect(t.steps.some((s) => s.say.key === 'etcd-conflict')).toBe(true);
    const err = t.steps.filter((s) => s.say.key === 'apiserver-error').map((s) => [s.status, s.say.params.message]);
    expect(err).toEqual([[409, 'pods "nginx" already exists']]);
  });

  it('answers 400 for a body that is not a Pod, instead of crashing', () => {
    const t = simulate({
      manifests: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec: { containers: 'nginx' } }],
      seed: 1,
    });
    const err = t.steps.find((s) => s.say.key === 'apiserver-error')!;
    expect(err.status).toBe(400);
    expect(err.say.params.message).toMatch(
      /^Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string/,
    );
  });

  it('answers 422 for an object with no name, and goes on', () => {
    const t = simulate({ manifests: [{ apiVersion: 'v1', kind: 'Namespace' }, BARE_POD], seed: 1 });
    expect(t.steps.find((s) => s.status === 422)?.say.params.message).toBe(
      'Namespace "" is invalid: metadata.name: Required value: name or generateName is required',
    );
    expect(pod(t, t.steps.length - 1)?.status?.phase).toBe('Running');
  });

  it('never pulls an absent image with imagePullPolicy Never', () => {
    const never = structuredClone(BARE_POD);
    (never.spec.containers[0] as Record<string, unknown>).imagePullPolicy = 'Never';
    const t = simulate({ manifests: [never], seed: 1 });
    expect(t.steps.some((s) => s.verb === 'PullImage')).toBe(false);
    const events = t.steps.filter((s) => s.kind === 'event').map((s) => s.say.params.reason);
    expect(events).toContain('ErrImageNeverPull');
    expect(pod(t, t.steps.length - 1)?.status?.containerStatuses?.[0]?.state?.waiting?.reason).toBe(
      'ErrImageNeverPull',
    );
  });

  it('lets kubectl send only after every component of a big cluster is listening', () => {
    const nodes = Array.from({ length: 40 }, (_, i) => ({
      name: `n${i}`,
      cpu: '4',
      memory: '8Gi',
      pods: 110,
      podCIDR: `10.244.${i}.0/24`,
    }));
    const t = simulate({ manifests: [BARE_POD], cluster: { nodes }, seed: 1 });
    const lastWatch = t.steps.findLastIndex((s) => s.say.key === 'informer-list-watch');
    const summary = t.steps.findIndex((s) => s.say.key === 'cluster-watching');
    expect(summary).toBeGreaterThan(lastWatch);
    expect(t.steps.findIndex((s) => s.say.key === 'kubectl-create')).toBeGreaterThan(summary);
  });

  it('waits for the volumes before it asks for a sandbox, whatever the seed', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const t = simulate({ manifests: [BARE_POD], seed });
      const mounted = t.steps.findIndex((s) => s.say.key === 'kubelet-volumes');
      const sandbox = t.steps.findIndex((s) => s.say.key === 'kubelet-run-sandbox');
      expect(t.steps[sandbox]!.at - t.steps[mounted]!.at).toBeGreaterThanOrEqual(5);
    }
  });
});

describe('real manifests from the Kubernetes docs', () => {
  it('runs init-containers.yaml: Init:0/1 → PodInitializing → Running, install done before nginx starts', () => {
    const loaded = loadManifests(readFileSync(resolve(fixtures, 'init-containers.yaml'), 'utf8'));
    if (!loaded.ok) throw new Error(loaded.message);
    const t = simulate({ manifests: loaded.objects, seed: 1 });
    const key = '/registry/pods/default/init-demo';
    const seen: string[] = [];
    for (const s of t.steps) {
      const p = t.objectAt(key, s.seq) as unknown as Pod | undefined;
      if (!p) continue;
      const status = printPod(p).status;
      if (seen[seen.length - 1] !== status) seen.push(status);
    }
    expect(seen).toEqual(['Pending', 'Init:0/1', 'PodInitializing', 'Running']);
    const exited = t.steps.find((s) => s.say.key === 'runtime-container-exited')!;
    const startNginx = t.steps.find((s) => s.say.key === 'kubelet-start')!;
    expect(exited.say.params.container).toBe('install');
    expect(startNginx.seq).toBeGreaterThan(exited.seq);
    const final = t.objectAt(key, 1e9) as unknown as Pod;
    expect(final.status?.initContainerStatuses?.[0]?.state?.terminated).toMatchObject({
      exitCode: 0,
      reason: 'Completed',
    });
    expect(final.status?.conditions?.find((c) => c.type === 'Initialized')?.status).toBe('True');
    const events = t.steps
      .filter((s) => s.kind === 'event' && s.say.params.reason === 'Started')
      .map((s) => s.say.params.message);
    expect(events).toEqual(['Started container install', 'Started container nginx']);
  });

  it('runs tcp-liveness-readiness.yaml: Running at once, Ready only after the readiness probe (initialDelaySeconds 15)', () => {
    const loaded = loadManifests(readFileSync(resolve(fixtures, 'tcp-liveness-readiness.yaml'), 'utf8'));
    if (!loaded.ok) throw new Error(loaded.message);
    const t = simulate({ manifests: loaded.objects, seed: 1 });
    expect(t.end).toBe('settled');
    const key = '/registry/pods/default/goproxy';
    const unready = t.steps.find((s) => s.say.key === 'apiserver-store-running-unready')!;
    const ready = t.steps.find((s) => s.say.key === 'apiserver-store-running')!;
    const atUnready = t.objectAt(key, unready.seq) as unknown as Pod;
    expect(atUnready.status?.phase).toBe('Running');
    expect(atUnready.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('False');
    const started = t.steps.find((s) => s.say.key === 'runtime-started')!;
    const probe = t.steps.find((s) => s.say.key === 'kubelet-probe-ready')!;
    expect(probe.at - started.at).toBeGreaterThanOrEqual(15_000 - 1e-6);
    expect(probe.say.params.target).toBe('tcp-socket :8080');
    expect(ready.seq).toBeGreaterThan(probe.seq);
    expect(
      (t.objectAt(key, t.steps.length - 1) as unknown as Pod).status?.conditions?.find((c) => c.type === 'Ready')
        ?.status,
    ).toBe('True');
  });

  it('runs simple-pod.yaml (flow style) to Running, 1/1 ready', () => {
    const loaded = loadManifests(readFileSync(resolve(fixtures, 'simple-pod.yaml'), 'utf8'));
    if (!loaded.ok) throw new Error(loaded.message);
    const t = simulate({ manifests: loaded.objects, seed: 1 });
    const p = pod(t, t.steps.length - 1)!;
    expect(p.status?.phase).toBe('Running');
    expect(p.status?.containerStatuses?.every((c) => c.ready)).toBe(true);
  });
});
