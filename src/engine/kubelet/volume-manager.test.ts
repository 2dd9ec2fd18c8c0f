import type { Pod, Volume } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { ApiObject } from '../types';
import { durationBeforeRetry, setUpVolume } from './volume-manager';

const pod = { metadata: { name: 'p', namespace: 'default', uid: 'u' } } as Pod;
const store: Record<string, object> = {
  '/registry/configmaps/default/there': { kind: 'ConfigMap' },
  '/registry/secrets/default/creds': { kind: 'Secret' },
  '/registry/persistentvolumeclaims/default/pending': { status: { phase: 'Pending' }, spec: {} },
  '/registry/persistentvolumeclaims/default/bound': {
    status: { phase: 'Bound' },
    spec: { volumeName: 'pvc-1' },
  },
  '/registry/persistentvolumes/pvc-1': {
    spec: { csi: { driver: 'hostpath.csi.k8s.io', volumeHandle: 'h-1' } },
  },
};
const lookup = (key: string) => store[key] as ApiObject | undefined;

describe('the volume manager sets up a volume', () => {
  it.each<[string, Volume, ReturnType<typeof setUpVolume>]>([
    ['emptyDir', { name: 'cache', emptyDir: {} }, { ok: true, plugin: 'kubernetes.io/empty-dir' }],
    [
      'a ConfigMap that is there',
      { name: 'cfg', configMap: { name: 'there' } },
      { ok: true, plugin: 'kubernetes.io/configmap' },
    ],
    [
      'a ConfigMap that is not',
      { name: 'config-volume', configMap: { name: 'special-config' } },
      {
        ok: false,
        failedMount: 'MountVolume.SetUp failed for volume "config-volume" : configmap "special-config" not found',
      },
    ],
    [
      'an optional ConfigMap that is not',
      { name: 'c', configMap: { name: 'nope', optional: true } },
      { ok: true, plugin: 'kubernetes.io/configmap' },
    ],
    [
      'a Secret that is not',
      { name: 'secret-volume', secret: { secretName: 'test-secret' } },
      {
        ok: false,
        failedMount: 'MountVolume.SetUp failed for volume "secret-volume" : secret "test-secret" not found',
      },
    ],
    [
      'a Secret that is there',
      { name: 's', secret: { secretName: 'creds' } },
      { ok: true, plugin: 'kubernetes.io/secret' },
    ],
    [
      'a projected volume missing its ConfigMap',
      {
        name: 'kube-api-access-x',
        projected: {
          sources: [{ serviceAccountToken: { path: 'token' } }, { configMap: { name: 'kube-root-ca.crt' } }],
        },
      },
      {
        ok: false,
        failedMount: 'MountVolume.SetUp failed for volume "kube-api-access-x" : configmap "kube-root-ca.crt" not found',
      },
    ],
    [
      'a claim that does not exist',
      { name: 'data', persistentVolumeClaim: { claimName: 'none' } },
      {
        ok: false,
        populator:
          'error processing PVC default/none: failed to fetch PVC from API server: persistentvolumeclaims "none" not found',
      },
    ],
    [
      'a claim not bound yet',
      { name: 'data', persistentVolumeClaim: { claimName: 'pending' } },
      { ok: false, populator: 'error processing PVC default/pending: PVC is not bound' },
    ],
    [
      'a bound claim on a CSI volume',
      { name: 'data', persistentVolumeClaim: { claimName: 'bound' } },
      {
        ok: true,
        plugin: 'kubernetes.io/csi',
        csi: { driver: 'hostpath.csi.k8s.io', volumeHandle: 'h-1', pv: 'pvc-1' },
      },
    ],
  ])('%s', (_, volume, expected) => {
    expect(setUpVolume(pod, volume, lookup)).toEqual(expected);
  });
});

describe('nestedpendingoperations back-off', () => {
  it.each([
    [1, 500],
    [2, 1000],
    [3, 2000],
    [8, 64_000],
    [9, 122_000],
    [20, 122_000],
  ])('after %i failures the next try waits %i ms', (failures, ms) => {
    expect(durationBeforeRetry(failures)).toBe(ms);
  });
});
