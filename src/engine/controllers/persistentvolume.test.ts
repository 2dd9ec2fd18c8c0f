import type { Node, PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { describe, expect, it } from 'vitest';
import {
  ERR_NODE_CONFLICT,
  ERR_UNBOUND_IMMEDIATE,
  volumeBindingFilter,
  volumeBindingPreFilter,
} from '../scheduler/volume-binding';
import { externalProvisioningMessage, nextForClaim, type ClaimAction } from './persistentvolume';

const wffc = {
  metadata: { name: 'csi-hostpath-sc' },
  provisioner: 'hostpath.csi.k8s.io',
  volumeBindingMode: 'WaitForFirstConsumer',
} as StorageClass;
const immediate = {
  metadata: { name: 'fast' },
  provisioner: 'hostpath.csi.k8s.io',
  volumeBindingMode: 'Immediate',
} as StorageClass;
const claim = (className: string, annotations: Record<string, string> = {}): PersistentVolumeClaim => ({
  metadata: { name: 'data', namespace: 'default', uid: 'u-1', annotations },
  spec: { storageClassName: className, accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
  status: { phase: 'Pending' },
});
const pv = (name: string, size: string, className: string, claimRef?: object): PersistentVolume => ({
  metadata: { name },
  spec: {
    capacity: { storage: size },
    accessModes: ['ReadWriteOnce'],
    storageClassName: className,
    ...(claimRef ? { claimRef } : {}),
  },
  status: { phase: 'Available' },
});

describe('the PV controller’s next step for an unbound claim (syncUnboundClaim)', () => {
  it.each<[string, PersistentVolumeClaim, PersistentVolume[], ClaimAction]>([
    ['WaitForFirstConsumer, no node yet', claim('csi-hostpath-sc'), [], { do: 'wait-for-first-consumer' }],
    [
      'WaitForFirstConsumer, node selected',
      claim('csi-hostpath-sc', { 'volume.kubernetes.io/selected-node': 'node-1' }),
      [],
      { do: 'external-provisioning', provisioner: 'hostpath.csi.k8s.io' },
    ],
    [
      'already handed to the provisioner',
      claim('csi-hostpath-sc', {
        'volume.kubernetes.io/selected-node': 'node-1',
        'volume.kubernetes.io/storage-provisioner': 'hostpath.csi.k8s.io',
      }),
      [],
      { do: 'wait-provisioner', provisioner: 'hostpath.csi.k8s.io' },
    ],
    [
      'a provisioned volume pre-bound to it',
      claim('csi-hostpath-sc'),
      [pv('pvc-u-1', '1Gi', 'csi-hostpath-sc', { namespace: 'default', name: 'data', uid: 'u-1' })],
      { do: 'bind', volume: 'pvc-u-1' },
    ],
    [
      'Immediate: the smallest Available volume that fits',
      claim('fast'),
      [pv('big', '10Gi', 'fast'), pv('small', '2Gi', 'fast'), pv('tiny', '500Mi', 'fast')],
      { do: 'bind', volume: 'small' },
    ],
    [
      'Immediate, nothing fits: provision',
      claim('fast'),
      [pv('tiny', '500Mi', 'fast')],
      { do: 'external-provisioning', provisioner: 'hostpath.csi.k8s.io' },
    ],
  ])('%s', (_, pvc, volumes, action) => {
    expect(nextForClaim(pvc, volumes, [wffc, immediate])).toEqual(action);
  });

  it('tells ExternalProvisioning with the controller’s words', () => {
    expect(externalProvisioningMessage('hostpath.csi.k8s.io')).toBe(
      "Waiting for a volume to be created either by the external provisioner 'hostpath.csi.k8s.io' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.",
    );
  });
});

describe('the scheduler’s VolumeBinding plugin', () => {
  const pod = {
    metadata: { name: 'p', namespace: 'default' },
    spec: { containers: [], volumes: [{ name: 'v', persistentVolumeClaim: { claimName: 'data' } }] },
  } as unknown as Pod;
  const node = (name: string) => ({ metadata: { name, labels: {} } }) as Node;
  const store = (objs: Record<string, unknown>) => (key: string) => objs[key] as never;
  const boundPv = {
    metadata: { name: 'pvc-1' },
    spec: {
      nodeAffinity: {
        required: {
          nodeSelectorTerms: [
            { matchExpressions: [{ key: 'topology.hostpath.csi/node', operator: 'In', values: ['node-1'] }] },
          ],
        },
      },
    },
  };
  it.each<[string, Record<string, unknown>, string, string[]]>([
    ['a claim that does not exist', {}, 'node-1', ['persistentvolumeclaim "data" not found']],
    [
      'an unbound claim of an Immediate class',
      { '/registry/persistentvolumeclaims/default/data': claim('fast'), '/registry/storageclasses/fast': immediate },
      'node-1',
      [ERR_UNBOUND_IMMEDIATE],
    ],
    [
      'an unbound WaitForFirstConsumer claim',
      {
        '/registry/persistentvolumeclaims/default/data': claim('csi-hostpath-sc'),
        '/registry/storageclasses/csi-hostpath-sc': wffc,
      },
      'node-2',
      [],
    ],
    [
      'a bound volume on this node',
      {
        '/registry/persistentvolumeclaims/default/data': { ...claim('x'), spec: { volumeName: 'pvc-1' } },
        '/registry/persistentvolumes/pvc-1': boundPv,
      },
      'node-1',
      [],
    ],
    [
      'a bound volume on another node',
      {
        '/registry/persistentvolumeclaims/default/data': { ...claim('x'), spec: { volumeName: 'pvc-1' } },
        '/registry/persistentvolumes/pvc-1': boundPv,
      },
      'node-2',
      [ERR_NODE_CONFLICT],
    ],
  ])('%s on %s', (_, objs, nodeName, reasons) => {
    const r = volumeBindingFilter(volumeBindingPreFilter(pod, store(objs)), node(nodeName));
    expect(r.fit ? [] : r.reasons).toEqual(reasons);
  });
});
