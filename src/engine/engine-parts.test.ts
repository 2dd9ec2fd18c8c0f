import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { hostRange, ipString } from './cni/cni';
import { printPod } from './kubectl/print-pod';
import { milliCpu, parseQuantity } from './quantity';
import { goDuration, imageId } from './runtime/images';

describe('quantities', () => {
  it.each([
    ['500m', 0.5],
    ['2', 2],
    ['128Mi', 128 * 2 ** 20],
    ['1Gi', 2 ** 30],
    ['1G', 1e9],
    ['1.5', 1.5],
  ])('%s is %d', (q, v) => {
    expect(parseQuantity(q)).toBe(v);
  });
  it('rejects what is not a quantity', () => {
    expect(parseQuantity('lots')).toBeNaN();
    expect(milliCpu('250m')).toBe(250);
  });
});

describe('host-local IPAM range', () => {
  it('hands out .2 to .254 of a /24 (the gateway is .1)', () => {
    const r = hostRange('10.244.1.0/24');
    expect(ipString(r.first)).toBe('10.244.1.2');
    expect(ipString(r.last)).toBe('10.244.1.254');
  });
});

describe('Go durations as the kubelet prints them', () => {
  it.each([
    [550, '550ms'],
    [4211, '4.211s'],
    [30680, '30.68s'],
    [65200, '1m5.2s'],
  ])('%i ms is %s', (ms, text) => {
    expect(goDuration(ms)).toBe(text);
  });
  it('gives an image a stable digest', () => {
    expect(imageId('nginx:1.14.2')).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(imageId('nginx:1.14.2')).toBe(imageId('docker.io/library/nginx:1.14.2'));
  });
});

describe('kubectl get pods STATUS and READY', () => {
  const base: Pod = {
    metadata: { name: 'p', namespace: 'default' },
    spec: { containers: [{ name: 'c' }], nodeName: 'node-1' },
  };
  it.each<[string, Pod['status'], string, string]>([
    ['no status yet', { phase: 'Pending' }, 'Pending', '0/1'],
    [
      'waiting to be created',
      {
        phase: 'Pending',
        containerStatuses: [
          {
            name: 'c',
            image: '',
            imageID: '',
            ready: false,
            restartCount: 0,
            state: { waiting: { reason: 'ContainerCreating' } },
          },
        ],
      },
      'ContainerCreating',
      '0/1',
    ],
    [
      'running and ready',
      {
        phase: 'Running',
        containerStatuses: [
          { name: 'c', image: '', imageID: '', ready: true, restartCount: 0, state: { running: {} } },
        ],
      },
      'Running',
      '1/1',
    ],
    [
      'running, not ready',
      {
        phase: 'Running',
        containerStatuses: [
          { name: 'c', image: '', imageID: '', ready: false, restartCount: 0, state: { running: {} } },
        ],
      },
      'Running',
      '0/1',
    ],
    [
      'in back-off',
      {
        phase: 'Running',
        containerStatuses: [
          {
            name: 'c',
            image: '',
            imageID: '',
            ready: false,
            restartCount: 3,
            state: { waiting: { reason: 'CrashLoopBackOff' } },
          },
        ],
      },
      'CrashLoopBackOff',
      '0/1',
    ],
  ])('%s', (_, status, printed, ready) => {
    const row = printPod({ ...base, status });
    expect(row.status).toBe(printed);
    expect(row.ready).toBe(ready);
  });
  it('prints Terminating once deletionTimestamp is set', () => {
    expect(
      printPod({
        ...base,
        metadata: { ...base.metadata, deletionTimestamp: '2026-01-01T00:00:00Z' },
        status: { phase: 'Running' },
      }).status,
    ).toBe('Terminating');
  });
  it('prints Init:0/1 while the first init container runs', () => {
    const pod: Pod = { ...base, spec: { ...base.spec!, initContainers: [{ name: 'i' }] } };
    const row = printPod({
      ...pod,
      status: {
        phase: 'Pending',
        initContainerStatuses: [
          { name: 'i', image: '', imageID: '', ready: false, restartCount: 0, state: { running: {} } },
        ],
      },
    });
    expect(row.status).toBe('Init:0/1');
  });
});
