import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { printPod, simulate } from '../engine';
import { simulateYaml } from '../headless';
import { SCENARIOS, simulationInput } from './index';

const t = simulate(simulationInput(SCENARIOS.find((s) => s.id === 'poststart-hook-failed')!));
const key = '/registry/pods/default/lifecycle-demo';
const events = (reason: string) =>
  t.steps.filter((s) => s.kind === 'event' && s.say.params.reason === reason).map((s) => s.say.params.message);

describe('poststart-hook-failed', () => {
  const pod = t.objectAt(key, t.steps.length - 1) as unknown as Pod;
  const uid = pod.metadata!.uid!;

  it('records FailedPostStartHook without the handler’s message, and Killing "FailedPostStartHook"', () => {
    expect(t.end).toBe('settled');
    expect(events('FailedPostStartHook')[0]).toBe('PostStartHook failed');
    expect(events('Killing')[0]).toBe('FailedPostStartHook');
    const warning = t.steps.find((s) => s.kind === 'event' && s.say.params.reason === 'FailedPostStartHook')!;
    expect(warning.say.params.type).toBe('Warning');
  });

  it('reports the container waiting as PostStartHookError with the handler’s message', () => {
    const failing = t.steps.find(
      (s) => s.say.key === 'kubelet-status-failing' && s.say.params.status === 'PostStartHookError',
    )!;
    const stored = t.steps.find((s) => s.seq > failing.seq && s.changes.some((c) => c.key === key))!;
    const cs = (t.objectAt(key, stored.seq) as unknown as Pod).status!.containerStatuses![0]!;
    expect(cs.state?.waiting).toEqual({
      reason: 'PostStartHookError',
      message: `Exec lifecycle hook ([/bin/sh -c echo Registering with the load balancer; exit 1]) for Container "lifecycle-demo-container" in Pod "lifecycle-demo_default(${uid})" failed - error: command '/bin/sh -c echo Registering with the load balancer; exit 1' exited with 1: , message: ""`,
    });
  });

  // The hook runs inside startContainer, so no status of these syncs shows the container running; a
  // restart's status keeps the reasonCache's last failure until its start succeeds.
  it('STATUS goes ContainerCreating → PostStartHookError → (restart at once) … → CrashLoopBackOff, never Running, with back-offs 10 s, 20 s, 40 s', () => {
    const seen: string[] = [];
    for (const s of t.steps.filter((x) => x.changes.some((c) => c.key === key))) {
      const p = t.objectAt(key, s.seq) as unknown as Pod | undefined;
      const status = p?.status?.containerStatuses ? printPod(p).status : undefined;
      if (status && seen.at(-1) !== status) seen.push(status);
    }
    expect(seen.slice(0, 5)).toEqual([
      'ContainerCreating',
      'PostStartHookError',
      'CrashLoopBackOff',
      'PostStartHookError',
      'CrashLoopBackOff',
    ]);
    expect(seen).not.toContain('Running');
    const backoffs = t.steps.filter((s) => s.say.key === 'kubelet-crash-backoff').map((s) => s.say.params.backoff);
    expect(backoffs).toEqual(['10s', '20s', '40s']);
    expect(printPod(pod).status).toBe('CrashLoopBackOff');
    expect(pod.status?.containerStatuses?.[0]?.restartCount).toBe(3);
    expect(pod.status?.phase).toBe('Running');
  });
});

describe('a failing preStop hook', () => {
  const yaml = `apiVersion: v1
kind: Pod
metadata:
  name: drain
spec:
  terminationGracePeriodSeconds: 10
  containers:
  - name: web
    image: nginx
    ports:
    - containerPort: 80
    lifecycle:
      preStop:
        httpGet:
          port: 8080
          path: /drain
`;
  const run = simulateYaml(yaml, { deletes: [{ kind: 'Pod', name: 'drain', atMs: 10_000 }] });
  const steps = run.trace.steps;

  it('records FailedPreStopHook and the termination goes on to the final delete', () => {
    const warning = steps.find((s) => s.kind === 'event' && s.say.params.reason === 'FailedPreStopHook')!;
    expect(warning.say.params).toMatchObject({ type: 'Warning', message: 'PreStopHook failed' });
    const failed = steps.find((s) => s.say.key === 'kubelet-hook-prestop-failed')!;
    expect(failed.say.params.message).toMatch(
      /^HTTP lifecycle hook \(\/drain\) for Container "web" in Pod "drain_default\(.*\)" failed - error: Get "http:\/\/10\.244\.\d+\.\d+:8080\/drain": dial tcp 10\.244\.\d+\.\d+:8080: connect: connection refused$/,
    );
    const stop = steps.find((s) => s.say.key === 'kubelet-stop-container')!;
    expect(stop.seq).toBeGreaterThan(warning.seq);
    expect(steps.some((s) => s.say.key === 'kubelet-delete-final')).toBe(true);
  });
});

describe('a failing postStart hook with a preStop hook', () => {
  const yaml = `apiVersion: v1
kind: Pod
metadata:
  name: both
spec:
  terminationGracePeriodSeconds: 10
  containers:
  - name: web
    image: nginx
    lifecycle:
      postStart:
        exec:
          command: ["/bin/sh", "-c", "exit 2"]
      preStop:
        sleep:
          seconds: 3
`;
  const steps = simulateYaml(yaml).trace.steps;

  it('killContainer runs preStop first, then StopContainer with what is left of the grace period', () => {
    const failed = steps.find((s) => s.say.key === 'kubelet-hook-poststart-failed')!;
    expect(failed.say.params.message).toMatch(
      /failed - error: command '\/bin\/sh -c exit 2' exited with 2: , message: ""$/,
    );
    const preStop = steps.find((s) => s.seq > failed.seq && s.say.key === 'kubelet-hook-prestop')!;
    const stop = steps.find((s) => s.seq > failed.seq && s.say.key === 'kubelet-stop-container')!;
    expect(stop.seq).toBeGreaterThan(preStop.seq);
    expect(stop.at - preStop.at).toBeGreaterThanOrEqual(3000);
    expect(stop.say.params.grace).toBe(7);
  });
});

describe('a postStart hook that takes a while (startContainer runs it before the sync ends)', () => {
  const yaml = `apiVersion: v1
kind: Pod
metadata:
  name: warm
spec:
  containers:
  - name: web
    image: nginx
    lifecycle:
      postStart:
        sleep:
          seconds: 5
`;
  const run = simulateYaml(yaml, { seed: 3 });
  const steps = run.trace.steps;
  const podKey = '/registry/pods/default/warm';
  const stored = (from: number, to: number) =>
    steps
      .filter((s) => s.at >= from && s.at < to && s.changes.some((c) => c.key === podKey))
      .map((s) => (run.trace.objectAt(podKey, s.seq) as unknown as Pod).status!.containerStatuses?.[0]);

  it('the Pod stays ContainerCreating while the hook runs, and shows Running after it', () => {
    const started = steps.find((s) => s.say.key === 'kubelet-hook-poststart')!;
    const done = steps.find((s) => s.say.key === 'kubelet-hook-done' && s.say.params.hook === 'postStart')!;
    expect(Math.round(done.at - started.at)).toBeGreaterThanOrEqual(5_000);
    const during = stored(started.at, done.at);
    expect(during.length).toBeGreaterThan(0);
    for (const cs of during) expect(cs?.state).toEqual({ waiting: { reason: 'ContainerCreating' } });
    const after = stored(done.at, Infinity);
    expect(after[0]?.state?.running).toBeTruthy();
    expect(printPod(run.trace.objectAt(podKey, steps.length - 1) as unknown as Pod).status).toBe('Running');
  });
});
