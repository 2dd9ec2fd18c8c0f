import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { ignoresSigterm } from '../runtime/containerd';
import { printPod } from '../kubectl/print-pod';
import { hookDurationMs, mayStop, stopTimeoutSeconds } from './lifecycle';

describe('killContainer’s grace period for StopContainer', () => {
  it.each([
    // grace s, ms already spent (preStop, waiting for its turn), timeout s
    [30, 0, 30],
    [30, 5_000, 25],
    [10, 1_999, 9],
    [10, 9_500, 2],
    [10, 20_000, 2],
    [0, 0, 2],
  ])('grace %i s after %i ms gives %i s', (grace, elapsed, timeout) => {
    expect(stopTimeoutSeconds(grace, elapsed)).toBe(timeout);
  });
});

describe('how long a hook runs', () => {
  it.each([
    [{ sleep: { seconds: 5 } }, 5_000],
    [{ exec: { command: ['/bin/sh', '-c', 'nginx -s quit; while killall -0 nginx; do sleep 1; done'] } }, 1_000],
    [{ exec: { command: ['/bin/sh', '-c', 'echo hi'] } }, 150],
    [{ httpGet: { port: 8080, path: '/shutdown' } }, 150],
  ])('%j takes %i ms', (hook, ms) => {
    expect(hookDurationMs(hook)).toBe(ms);
  });
});

describe('which processes outlive SIGTERM', () => {
  it.each<[string[] | undefined, boolean]>([
    [undefined, false], // the image's entrypoint (nginx) handles SIGTERM
    [['nginx', '-g', 'daemon off;'], false],
    [['sh', '-c', "trap '' TERM; while true; do sleep 1; done"], true],
    [['sh', '-c', 'tail -F /opt/logs.txt'], true], // a shell as PID 1 without a TERM handler
    [['sh', '-c', "trap 'exit 0' TERM; sleep 3600 & wait"], false],
    [['sh', '-c', 'exec sleep 3600'], false],
    [['/app/server', '--trap', "''", 'TERM'], false],
  ])('%j → %s', (command, ignores) => {
    expect(ignoresSigterm(command)).toBe(ignores);
  });
});

describe('termination order (termination_order.go)', () => {
  const pod = {
    spec: {
      initContainers: [
        { name: 'init', image: 'x' },
        { name: 'side-a', image: 'x', restartPolicy: 'Always' },
        { name: 'side-b', image: 'x', restartPolicy: 'Always' },
      ],
      containers: [
        { name: 'app', image: 'x' },
        { name: 'web', image: 'x' },
      ],
    },
  } as Pod;
  it.each<[string, string[], boolean]>([
    ['app', [], true],
    ['web', [], true],
    ['side-b', ['app'], false],
    ['side-b', ['app', 'web'], true],
    ['side-a', ['app', 'web'], false],
    ['side-a', ['app', 'web', 'side-b'], true],
  ])('%s may stop once %j have exited: %s', (container, exited, may) => {
    expect(mayStop(pod, container, (n) => exited.includes(n))).toBe(may);
  });
});

describe('kubectl get pods counts sidecars in READY', () => {
  const running = { running: { startedAt: '' } };
  it.each<[string, Pod, string, string]>([
    [
      'a started, ready sidecar and a ready app',
      {
        spec: { initContainers: [{ name: 's', restartPolicy: 'Always' }], containers: [{ name: 'a' }] },
        status: {
          phase: 'Running',
          initContainerStatuses: [
            { name: 's', image: '', imageID: '', ready: true, started: true, restartCount: 0, state: running },
          ],
          containerStatuses: [{ name: 'a', image: '', imageID: '', ready: true, restartCount: 0, state: running }],
        },
      } as Pod,
      '2/2',
      'Running',
    ],
    [
      'a sidecar not started yet',
      {
        spec: { initContainers: [{ name: 's', restartPolicy: 'Always' }], containers: [{ name: 'a' }] },
        status: {
          phase: 'Pending',
          initContainerStatuses: [
            {
              name: 's',
              image: '',
              imageID: '',
              ready: false,
              started: false,
              restartCount: 0,
              state: { waiting: { reason: 'PodInitializing' } },
            },
          ],
          containerStatuses: [
            {
              name: 'a',
              image: '',
              imageID: '',
              ready: false,
              restartCount: 0,
              state: { waiting: { reason: 'PodInitializing' } },
            },
          ],
        },
      } as Pod,
      '0/2',
      'Init:0/1',
    ],
  ])('%s', (_, pod, ready, status) => {
    expect(printPod(pod)).toMatchObject({ ready, status });
  });
});
