import type { Container, ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { EPOCH } from '../apiserver/names';
import { humanDuration, printPod } from '../kubectl/print-pod';
import { simulate } from '../simulate';
import type { Trace } from '../types';
import { containerFate, probeAnswer, stopFate, stressBytes } from '../runtime/app';
import { goDuration } from '../runtime/images';
import { backoffGet, backoffNext, isInBackOffSince, isInBackOffSinceUpdate, jitter, newBackoff } from './backoff';
import { getPhase } from './status';

describe('flowcontrol.Backoff as the kubelet sets it up (10 s, doubling, 300 s cap)', () => {
  it('doubles from 10 s to the 5 min cap, one failure at a time', () => {
    const b = newBackoff();
    const seen: number[] = [];
    let t = 0;
    for (let i = 0; i < 8; i++) {
      backoffNext(b, 'k', t, t);
      seen.push(backoffGet(b, 'k'));
      t += 1_000;
    }
    expect(seen).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000]);
    // As `back-off %s` prints them (Go time.Duration.String()).
    expect(seen.map(goDuration)).toEqual(['10s', '20s', '40s', '1m20s', '2m40s', '5m0s', '5m0s', '5m0s']);
  });

  it('starts over after the key was quiet for more than 2 × MaxContainerBackOff (10 min)', () => {
    const b = newBackoff();
    backoffNext(b, 'k', 0, 0);
    backoffNext(b, 'k', 1_000, 1_000);
    expect(backoffGet(b, 'k')).toBe(20_000);
    backoffNext(b, 'k', 1_000 + 600_001, 1_000 + 600_001);
    expect(backoffGet(b, 'k')).toBe(10_000);
  });

  it.each([
    // [finishedAt, now, in back-off?] with a 10 s back-off counted at t = 0
    [0, 5_000, true],
    [0, 9_999, true],
    [0, 10_000, false],
    [8_000, 15_000, true],
    [8_000, 18_000, false],
  ])('IsInBackOffSince(finishedAt %d) at %d → %s', (finishedAt, now, expected) => {
    const b = newBackoff();
    backoffNext(b, 'k', 0, 0);
    expect(isInBackOffSince(b, 'k', finishedAt, now)).toBe(expected);
  });

  it('IsInBackOffSinceUpdate counts from the last failure', () => {
    const b = newBackoff();
    expect(isInBackOffSinceUpdate(b, 'img', 0)).toBe(false);
    backoffNext(b, 'img', 1_000, 1_000);
    expect(isInBackOffSinceUpdate(b, 'img', 10_999)).toBe(true);
    expect(isInBackOffSinceUpdate(b, 'img', 11_000)).toBe(false);
  });

  it.each([
    [10_000, 0, 10_000],
    [10_000, 1, 15_000],
    [40_000, 0.5, 50_000],
  ])('wait.Jitter(%d, 0.5) with random %d → %d', (d, r, out) => {
    expect(jitter(d, 0.5, r)).toBe(out);
  });
});

describe('what the program in a container does (runtime/app.ts conventions)', () => {
  const c = (extra: Partial<Container>): Container => ({ name: 'app', image: 'busybox:1.28', ...extra });

  it.each([
    ['sh -c exit 1 after sleeps', c({ command: ['sh', '-c', 'echo hi; sleep 5; exit 1'] }), 5_200, 1, 'Error'],
    ['a script that just ends', c({ command: ['/bin/sh', '-c', 'sleep 10 && echo done'] }), 10_200, 0, 'Completed'],
    ['args after sh -c', c({ command: ['sh'], args: ['-c', 'sleep 2; exit 3'] }), 2_200, 3, 'Error'],
    [
      'stress over the memory limit',
      c({ args: ['--vm', '1', '--vm-bytes', '250M'], resources: { limits: { memory: '100Mi' } } }),
      600,
      137,
      'OOMKilled',
    ],
  ])('%s', (_, container, afterMs, exitCode, reason) => {
    expect(containerFate(container)).toEqual({ afterMs, exitCode, reason });
  });

  it.each([
    ['a server', c({ image: 'nginx:1.14.2' })],
    ['sleep infinity', c({ command: ['sh', '-c', 'sleep infinity'] })],
    ['a loop', c({ command: ['sh', '-c', 'while true; do sleep 1; done'] })],
    ['stress under its limit', c({ args: ['--vm-bytes', '50M'], resources: { limits: { memory: '100Mi' } } })],
  ])('%s runs until stopped', (_, container) => {
    expect(containerFate(container)).toBeUndefined();
  });

  it.each([
    ['250M', 250 * 1024 * 1024],
    ['1G', 1024 ** 3],
    ['512k', 512 * 1024],
    ['100', 100],
  ])('stress reads --vm-bytes %s as %d bytes', (text, bytes) => {
    expect(stressBytes(text)).toBe(bytes);
  });

  it('nginx exits 0 on SIGTERM; a process without a handler dies of it (143)', () => {
    expect(stopFate(c({ image: 'nginx:1.14.2' }))).toEqual({ exitCode: 0, reason: 'Completed' });
    expect(stopFate(c({ image: 'k8s.gcr.io/liveness' }))).toEqual({ exitCode: 143, reason: 'Error' });
  });

  const liveness = c({
    image: 'k8s.gcr.io/liveness',
    args: ['/server'],
    ports: [{ containerPort: 8080 }],
    livenessProbe: { httpGet: { path: '/healthz', port: 8080 } },
  });
  it.each([
    ['the docs liveness server, 9 s in', liveness, 'liveness', 9_000, true, ''],
    [
      'the docs liveness server, 12 s in',
      liveness,
      'liveness',
      12_000,
      false,
      'HTTP probe failed with statuscode: 500',
    ],
    [
      'nginx on a path it does not serve',
      c({ image: 'nginx', readinessProbe: { httpGet: { path: '/healthz', port: 80 } } }),
      'readiness',
      1_000,
      false,
      'HTTP probe failed with statuscode: 404',
    ],
    [
      'nginx on /',
      c({ image: 'nginx', readinessProbe: { httpGet: { path: '/', port: 80 } } }),
      'readiness',
      1_000,
      true,
      '',
    ],
    [
      'a port the container does not declare (tcp)',
      c({ ports: [{ containerPort: 8080 }], readinessProbe: { tcpSocket: { port: 9090 } } }),
      'readiness',
      1_000,
      false,
      'dial tcp 10.244.1.2:9090: connect: connection refused',
    ],
    [
      'a port the container does not declare (http)',
      c({ ports: [{ containerPort: 8080 }], livenessProbe: { httpGet: { path: '/x', port: 9090 } } }),
      'liveness',
      1_000,
      false,
      'Get "http://10.244.1.2:9090/x": dial tcp 10.244.1.2:9090: connect: connection refused',
    ],
    [
      'the docs exec-liveness, after its 30 s',
      c({
        args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
        livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] } },
      }),
      'liveness',
      35_000,
      false,
      "cat: can't open '/tmp/healthy': No such file or directory",
    ],
    [
      'an exec probe that outlasts timeoutSeconds',
      c({ livenessProbe: { exec: { command: ['sh', '-c', 'sleep 5'] }, timeoutSeconds: 2 } }),
      'liveness',
      1_000,
      false,
      'command "sh -c sleep 5" timed out',
    ],
    [
      'an exec probe within timeoutSeconds',
      c({ livenessProbe: { exec: { command: ['sh', '-c', 'sleep 1'] }, timeoutSeconds: 3 } }),
      'liveness',
      1_000,
      true,
      '',
    ],
  ] as const)('%s', (_, container, kind, ranMs, ok, output) => {
    expect(probeAnswer(container, kind, ranMs, '10.244.1.2')).toEqual({ ok, output });
  });
});

describe('kubectl get pods: STATUS, READY and RESTARTS as printers.go printPod computes them', () => {
  const base: Pod = {
    metadata: { name: 'p', namespace: 'default' },
    spec: { containers: [{ name: 'app' }] },
  };
  const cs = (state: ContainerStatus['state'], extra: Partial<ContainerStatus> = {}): ContainerStatus => ({
    name: 'app',
    image: 'x',
    imageID: '',
    ready: false,
    restartCount: 0,
    state,
    ...extra,
  });
  const at = (s: number) => new Date(EPOCH + s * 1000).toISOString();
  const crashed = { terminated: { exitCode: 1, reason: 'Error', finishedAt: at(50) } };
  it.each([
    ['ErrImagePull', cs({ waiting: { reason: 'ErrImagePull', message: 'rpc error' } }), 'ErrImagePull', '0/1', '0'],
    ['ImagePullBackOff', cs({ waiting: { reason: 'ImagePullBackOff' } }), 'ImagePullBackOff', '0/1', '0'],
    ['Error', cs({ terminated: { exitCode: 1, reason: 'Error' } }), 'Error', '0/1', '0'],
    ['OOMKilled', cs({ terminated: { exitCode: 137, reason: 'OOMKilled' } }), 'OOMKilled', '0/1', '0'],
    ['ExitCode without a reason', cs({ terminated: { exitCode: 2 } }), 'ExitCode:2', '0/1', '0'],
    ['Signal without a reason', cs({ terminated: { exitCode: 137, signal: 9 } }), 'Signal:9', '0/1', '0'],
    [
      'CrashLoopBackOff with a last termination 10 s ago',
      cs({ waiting: { reason: 'CrashLoopBackOff' } }, { restartCount: 3, lastState: crashed }),
      'CrashLoopBackOff',
      '0/1',
      '3 (10s ago)',
    ],
    [
      'running again after a restart',
      cs({ running: {} }, { ready: true, restartCount: 1, lastState: crashed }),
      'Running',
      '1/1',
      '1 (10s ago)',
    ],
    ['running but not ready', cs({ running: {} }), 'Running', '0/1', '0'],
  ])('%s', (_, status, printed, ready, restarts) => {
    const row = printPod({ ...base, status: { phase: 'Running', containerStatuses: [status] } }, 60_000);
    expect([row.status, row.ready, row.restartsText]).toEqual([printed, ready, restarts]);
  });

  it('without a time to print at, RESTARTS is the count alone', () => {
    const row = printPod({
      ...base,
      status: {
        containerStatuses: [cs({ waiting: { reason: 'CrashLoopBackOff' } }, { restartCount: 2, lastState: crashed })],
      },
    });
    expect([row.restarts, row.restartsText]).toEqual([2, '2']);
  });

  it.each([
    [0, '0s'],
    [59_000, '59s'],
    [119_000, '119s'],
    [120_000, '2m'],
    [125_000, '2m5s'],
    [600_000, '10m'],
    [3 * 3600_000, '3h'],
    [3 * 3600_000 + 60_000, '3h1m'],
    [50 * 3600_000, '2d2h'],
    [-500, '0s'],
    [-3000, '<invalid>'],
  ])('HumanDuration(%d ms) = %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});

describe('getPhase for a Pod whose init containers are done', () => {
  const pod = (restartPolicy?: 'Always' | 'OnFailure' | 'Never'): Pod => ({
    metadata: { name: 'p' },
    spec: { containers: [{ name: 'app' }], ...(restartPolicy ? { restartPolicy } : {}) },
  });
  const s = (state: ContainerStatus['state'], lastState: ContainerStatus['lastState'] = {}): ContainerStatus => ({
    name: 'app',
    image: 'x',
    imageID: '',
    ready: false,
    restartCount: 0,
    state,
    lastState,
  });
  const failed = { terminated: { exitCode: 1, reason: 'Error' } };
  it.each([
    ['waiting, never ran (ImagePullBackOff)', undefined, s({ waiting: { reason: 'ImagePullBackOff' } }), 'Pending'],
    [
      'waiting to restart (CrashLoopBackOff)',
      undefined,
      s({ waiting: { reason: 'CrashLoopBackOff' } }, failed),
      'Running',
    ],
    ['exited, Always', 'Always', s(failed), 'Running'],
    ['exited 1, Never', 'Never', s(failed), 'Failed'],
    ['exited 0, Never', 'Never', s({ terminated: { exitCode: 0, reason: 'Completed' } }), 'Succeeded'],
    ['exited 1, OnFailure', 'OnFailure', s(failed), 'Running'],
    ['running', undefined, s({ running: {} }), 'Running'],
  ] as const)('%s → %s', (_, policy, status, phase) => {
    expect(getPhase(pod(policy), [status])).toBe(phase);
  });
});

describe('the kubelet with these failures, end to end', () => {
  const podWith = (container: Container, restartPolicy?: string): unknown => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p' },
    spec: { containers: [container], ...(restartPolicy ? { restartPolicy } : {}) },
  });
  const last = (t: Trace) => t.objectAt('/registry/pods/default/p', t.steps.length - 1) as unknown as Pod;
  const eventsOf = (t: Trace, reason: string) =>
    t.steps.filter((s) => s.say.key === 'event' && s.say.params.reason === reason).map((s) => s.say.params.message);

  it('holds liveness and readiness probes off until the startup probe passes', () => {
    const t = simulate({
      manifests: [
        podWith({
          name: 'web',
          image: 'nginx:1.14.2',
          ports: [{ containerPort: 80 }],
          startupProbe: { httpGet: { path: '/', port: 80 }, initialDelaySeconds: 6, periodSeconds: 2 },
          livenessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 1 },
          readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 1 },
        }),
      ],
      seed: 1,
    });
    const started = t.steps.findIndex((s) => s.say.key === 'kubelet-probe-started');
    expect(started).toBeGreaterThan(-1);
    const first = t.steps.findIndex((s) => s.say.key === 'kubelet-probe' || s.say.key === 'kubelet-probe-ready');
    expect(first).toBeGreaterThan(started);
    const pod = last(t);
    expect(pod.status?.containerStatuses?.[0]).toMatchObject({ started: true, ready: true });
  });

  it('kills a container whose startup probe fails failureThreshold times', () => {
    const t = simulate({
      manifests: [
        podWith({
          name: 'web',
          image: 'nginx:1.14.2',
          startupProbe: { httpGet: { path: '/ready', port: 80 }, periodSeconds: 2, failureThreshold: 2 },
        }),
      ],
      seed: 1,
    });
    expect(eventsOf(t, 'Unhealthy')[0]).toBe('Startup probe failed: HTTP probe failed with statuscode: 404');
    expect(eventsOf(t, 'Killing')[0]).toBe('Container web failed startup probe, will be restarted');
    expect(last(t).status?.containerStatuses?.[0]?.restartCount).toBeGreaterThanOrEqual(1);
  });

  it.each([
    ['Never', 'exit 1', 'Failed', 'Error', 0],
    ['Never', 'exit 0', 'Succeeded', 'Completed', 0],
    ['OnFailure', 'exit 0', 'Succeeded', 'Completed', 0],
  ])('restartPolicy %s and `%s`: phase %s, STATUS %s, %d restarts', (policy, exit, phase, status, restarts) => {
    const t = simulate({
      manifests: [podWith({ name: 'job', image: 'busybox:1.28', command: ['sh', '-c', `sleep 1; ${exit}`] }, policy)],
      seed: 1,
    });
    expect(t.end).toBe('settled');
    const pod = last(t);
    expect([pod.status?.phase, printPod(pod).status, printPod(pod).restarts]).toEqual([phase, status, restarts]);
  });

  it('tells the failure and the back-off at the overview level, probe ticks only at deep', () => {
    const t = simulate({
      manifests: [podWith({ name: 'app', image: 'busybox:1.28', command: ['sh', '-c', 'sleep 2; exit 1'] })],
      seed: 1,
    });
    const overview = t.steps.filter((s) => s.level === 'overview').map((s) => s.say.key);
    for (const key of [
      'kubelet-container-exited',
      'kubelet-restart',
      'kubelet-crash-backoff',
      'kubelet-status-failing',
    ])
      expect(overview).toContain(key);
  });
});

describe('a failing init container', () => {
  const withInit = (restartPolicy?: string): unknown => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p' },
    spec: {
      ...(restartPolicy ? { restartPolicy } : {}),
      initContainers: [{ name: 'setup', image: 'busybox:1.28', command: ['sh', '-c', 'sleep 1; exit 2'] }],
      containers: [{ name: 'app', image: 'nginx:1.14.2' }],
    },
  });
  const seen = (t: Trace) => {
    const out: string[] = [];
    for (const s of t.steps.filter((x) => x.changes.some((c) => c.key === '/registry/pods/default/p'))) {
      const p = t.objectAt('/registry/pods/default/p', s.seq) as unknown as Pod | undefined;
      if (!p?.status?.initContainerStatuses) continue;
      const st = printPod(p).status;
      if (out.at(-1) !== st) out.push(st);
    }
    return out;
  };

  it('runs again with the crash back-off: Init:Error, then Init:CrashLoopBackOff; the app never starts', () => {
    const t = simulate({ manifests: [withInit()], seed: 1 });
    expect(t.end).toBe('settled');
    expect(seen(t)).toEqual(expect.arrayContaining(['Init:0/1', 'Init:Error', 'Init:CrashLoopBackOff']));
    const pod = t.objectAt('/registry/pods/default/p', t.steps.length - 1) as unknown as Pod;
    expect(pod.status?.phase).toBe('Pending');
    expect(pod.status?.initContainerStatuses?.[0]?.lastState?.terminated).toMatchObject({
      exitCode: 2,
      reason: 'Error',
    });
    expect(printPod(pod).restarts).toBeGreaterThanOrEqual(2);
    expect(t.steps.some((s) => s.say.key === 'kubelet-start' && s.say.params.container === 'app')).toBe(false);
  });

  it('fails the Pod under restartPolicy Never', () => {
    const t = simulate({ manifests: [withInit('Never')], seed: 1 });
    const pod = t.objectAt('/registry/pods/default/p', t.steps.length - 1) as unknown as Pod;
    expect([pod.status?.phase, printPod(pod).status]).toEqual(['Failed', 'Init:Error']);
  });
});
