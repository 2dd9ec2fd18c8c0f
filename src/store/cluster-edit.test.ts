import { describe, expect, it } from 'vitest';
import { DEFAULT_CLUSTER } from '../engine';
import { clusterOfDraft, draftOf, newNodeDraft, type NodeDraft } from './cluster-edit';

const rows = (): NodeDraft[] => draftOf(DEFAULT_CLUSTER);

describe('the cluster editor', () => {
  it('turns the default cluster into rows and back unchanged', () => {
    expect(clusterOfDraft(rows(), DEFAULT_CLUSTER)).toEqual({ ok: true, cluster: DEFAULT_CLUSTER });
  });

  it('adds a node with the next free name and podCIDR, labels and taints', () => {
    const added = {
      ...newNodeDraft(rows()),
      labels: 'disktype=ssd, topology.kubernetes.io/zone=b',
      taints: 'gpu=true:NoSchedule, spot:PreferNoSchedule',
    };
    expect(added.name).toBe('node-3');
    const result = clusterOfDraft([...rows(), added], DEFAULT_CLUSTER);
    expect(result.ok && result.cluster.nodes[2]).toEqual({
      name: 'node-3',
      cpu: '4',
      memory: '8Gi',
      pods: 110,
      podCIDR: '10.244.3.0/24',
      labels: { disktype: 'ssd', 'topology.kubernetes.io/zone': 'b' },
      taints: [
        { key: 'gpu', value: 'true', effect: 'NoSchedule' },
        { key: 'spot', effect: 'PreferNoSchedule' },
      ],
    });
  });

  it.each([
    ['taints', 'gpu=true:NoRun', 'cluster.error.taintEffect', { value: 'NoRun', taint: 'gpu=true:NoRun' }],
    ['taints', 'gpu=true', 'cluster.error.taintForm', { value: 'gpu=true' }],
    ['taints', 'bad key=1:NoSchedule', 'cluster.error.labelKey', { value: 'bad key' }],
    ['cpu', 'four', 'cluster.error.quantity', { value: 'four' }],
    ['cpu', '0', 'cluster.error.quantity', { value: '0' }],
    ['cpu', '-1', 'cluster.error.quantity', { value: '-1' }],
    ['memory', '8GB', 'cluster.error.quantity', { value: '8GB' }],
    ['pods', '0', 'cluster.error.pods', { value: '0', max: 1000 }],
    ['pods', '1.5', 'cluster.error.pods', { value: '1.5', max: 1000 }],
    ['labels', 'ssd', 'cluster.error.label', { value: 'ssd' }],
    ['labels', 'a=-x', 'cluster.error.labelValue', { value: '-x' }],
    ['name', 'Node_1', 'cluster.error.name', { value: 'Node_1' }],
  ] as const)('refuses %s %j with a clear error', (field, value, key, params) => {
    const draft = rows();
    draft[0] = { ...draft[0]!, [field]: value };
    expect(clusterOfDraft(draft, DEFAULT_CLUSTER)).toEqual({ ok: false, errors: [{ node: 0, field, key, params }] });
  });

  it('accepts every quantity form Kubernetes writes', () => {
    for (const [cpu, memory] of [
      ['500m', '512Mi'],
      ['2', '1G'],
      ['1.5', '1e9'],
      ['.5', '128974848'],
    ] as const) {
      const draft = rows();
      draft[0] = { ...draft[0]!, cpu, memory };
      expect(clusterOfDraft(draft, DEFAULT_CLUSTER).ok).toBe(true);
    }
  });

  it('refuses a name twice, on the second row', () => {
    const draft = rows();
    draft[1] = { ...draft[1]!, name: 'node-1' };
    expect(clusterOfDraft(draft, DEFAULT_CLUSTER)).toEqual({
      ok: false,
      errors: [{ node: 1, field: 'name', key: 'cluster.error.duplicate', params: { value: 'node-1' } }],
    });
  });

  it('refuses an empty cluster', () => {
    expect(clusterOfDraft([], DEFAULT_CLUSTER).ok).toBe(false);
  });
});
