import type { Node, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import {
  cycleState,
  FILTERS,
  fitErrorMessage,
  nodeInfoOf,
  normalizeImage,
  runScorePlugins,
  type NodeInfo,
} from './plugins';

const node = (name: string, cpu = '4', memory = '8Gi', extra: Partial<Node> = {}): Node => ({
  metadata: { name },
  status: { allocatable: { cpu, memory, pods: '110' } },
  ...extra,
});
const pod = (cpu?: string, memory?: string): Pod => ({
  metadata: { name: 'p' },
  spec: {
    containers: [{ name: 'c', resources: { requests: { ...(cpu ? { cpu } : {}), ...(memory ? { memory } : {}) } } }],
  },
});
const filter = (p: Pod, info: NodeInfo) => {
  for (const f of FILTERS) {
    const r = f.filter(p, info, cycleState(p, [info]));
    if (!r.fit) return r.reasons;
  }
  return [];
};
const score = (name: string, p: Pod, info: NodeInfo) =>
  runScorePlugins(p, [info], cycleState(p, [info])).find((s) => s.plugin === name)!.scores[0];

describe('filter plugins', () => {
  it('fits a Pod whose requests fit', () => {
    expect(filter(pod('1', '1Gi'), nodeInfoOf(node('n'), []))).toEqual([]);
  });

  it('reports Insufficient cpu and memory with the real strings', () => {
    expect(filter(pod('5', '9Gi'), nodeInfoOf(node('n'), []))).toEqual(['Insufficient cpu', 'Insufficient memory']);
  });

  it('counts the Pods already on the node', () => {
    expect(filter(pod('3'), nodeInfoOf(node('n'), [pod('2')]))).toEqual(['Insufficient cpu']);
  });

  it('rejects an untolerated NoSchedule taint', () => {
    const tainted = node('n', '4', '8Gi', {
      spec: { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] },
    });
    expect(filter(pod(), nodeInfoOf(tainted, []))).toEqual(['node(s) had untolerated taint {dedicated: gpu}']);
  });
});

describe('score plugins', () => {
  it('LeastAllocated: (allocatable − requested) × 100 / allocatable, averaged over cpu and memory', () => {
    // cpu: (4000 − 1000) × 100 / 4000 = 75; memory: (8Gi − 2Gi) × 100 / 8Gi = 75
    expect(score('NodeResourcesFit', pod('1', '2Gi'), nodeInfoOf(node('n'), []))).toBe(75);
  });

  it('LeastAllocated counts unset requests as 100m and 200Mi', () => {
    // cpu: (4000 − 100) × 100 / 4000 = 97; memory: (8192 − 200) × 100 / 8192 = 97
    expect(score('NodeResourcesFit', pod(), nodeInfoOf(node('n'), []))).toBe(97);
  });

  it('BalancedAllocation: 100 when cpu and memory are used alike', () => {
    expect(score('NodeResourcesBalancedAllocation', pod('2', '4Gi'), nodeInfoOf(node('n'), []))).toBe(100);
    expect(score('NodeResourcesBalancedAllocation', pod('4', '0'), nodeInfoOf(node('n'), []))).toBe(50);
  });
});

describe('TaintToleration scoring', () => {
  it('gives 100 to the node with fewest untolerated PreferNoSchedule taints, after normalizing', () => {
    const soft = (n: number) =>
      node(`n${n}`, '4', '8Gi', {
        spec: { taints: Array.from({ length: n }, (_, i) => ({ key: `k${i}`, effect: 'PreferNoSchedule' })) },
      });
    const infos = [0, 1, 2].map((n) => nodeInfoOf(soft(n), []));
    const p = pod();
    const taint = runScorePlugins(p, infos, cycleState(p, infos)).find((s) => s.plugin === 'TaintToleration')!;
    expect(taint.scores).toEqual([100, 50, 0]);
  });
});

describe('FitError', () => {
  const v = (reason: string, unresolvable = false) => ({ reasons: [reason], unresolvable });

  it('counts and sorts the reasons as strings, then gives the preemption verdict per node', () => {
    expect(
      fitErrorMessage(3, [
        v('Insufficient cpu'),
        v('node(s) had untolerated taint {a: }', true),
        v('Insufficient cpu'),
      ]),
    ).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {a: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
  });

  it('says preemption is not eligible with preemptionPolicy Never', () => {
    expect(fitErrorMessage(2, [v('Insufficient cpu'), v('Insufficient cpu')], 'Never')).toBe(
      '0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 Preemption is not eligible due to preemptionPolicy=Never.',
    );
  });
});

describe('NodeAffinity', () => {
  const labelled = node('n', '4', '8Gi', { metadata: { name: 'n', labels: { disktype: 'ssd', zone: 'a' } } });
  const withSpec = (spec: Partial<NonNullable<Pod['spec']>>): Pod => ({ ...pod(), spec: { ...pod().spec!, ...spec } });
  it.each([
    ['a matching nodeSelector', withSpec({ nodeSelector: { disktype: 'ssd' } }), []],
    [
      'a nodeSelector no label matches',
      withSpec({ nodeSelector: { disktype: 'hdd' } }),
      ["node(s) didn't match Pod's node affinity/selector"],
    ],
    [
      'a required affinity term that matches (In)',
      withSpec({
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a', 'b'] }] }],
            },
          },
        },
      }),
      [],
    ],
    [
      'a required affinity term that does not (DoesNotExist)',
      withSpec({
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'DoesNotExist' }] }],
            },
          },
        },
      }),
      ["node(s) didn't match Pod's node affinity/selector"],
    ],
  ] as const)('%s', (_, p, reasons) => {
    expect(filter(p, nodeInfoOf(labelled, []))).toEqual(reasons);
  });
});

describe('image references', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx:latest'],
    ['nginx:1.14.2', 'docker.io/library/nginx:1.14.2'],
    ['bitnami/redis', 'docker.io/bitnami/redis:latest'],
    ['registry.k8s.io/pause:3.10', 'registry.k8s.io/pause:3.10'],
  ])('%s is %s', (ref, full) => {
    expect(normalizeImage(ref)).toBe(full);
  });
});
