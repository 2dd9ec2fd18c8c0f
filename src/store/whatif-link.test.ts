import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLUSTER } from '../engine';
import { draftOf } from './cluster-edit';
import { readLink, writeLink, type View } from './link';

const lz = (value: unknown): string => compressToEncodedURIComponent(JSON.stringify(value));

describe('links carry the what-if branch and the edited cluster', () => {
  it('round-trip a branch and a cluster', () => {
    const cluster = [
      ...draftOf(DEFAULT_CLUSTER),
      { ...draftOf(DEFAULT_CLUSTER)[0]!, name: 'node-3', taints: 'gpu=true:NoSchedule' },
    ];
    for (const whatIf of [
      { atStep: 40, fault: { kind: 'node-down', node: 'node-1' } },
      { atStep: 0, fault: { kind: 'etcd-slow' } },
      { atStep: 7, fault: { kind: 'ips-exhausted', node: 'worker.example' } },
    ] as View['whatIf'][]) {
      const view: View = { scenario: 'deployment', step: 3, cluster, whatIf };
      expect(readLink(writeLink(view))).toEqual({ view, rejected: [] });
    }
    expect(writeLink({ whatIf: { atStep: 40, fault: { kind: 'node-down', node: 'node-1' } } })).toBe(
      '#whatIf=node-down%3Anode-1%3A40',
    );
  });

  it.each([
    ['an unknown fault', 'whatIf=rm-rf:node-1:4'],
    ['a fault without its node', 'whatIf=node-down::4'],
    ['a node where none belongs', 'whatIf=etcd-slow:node-1:4'],
    ['a node name Kubernetes refuses', 'whatIf=node-down:Node_1:4'],
    ['script as the node', 'whatIf=node-down:<script>:4'],
    ['a negative step', 'whatIf=node-down:node-1:-4'],
    ['an absurd step', 'whatIf=node-down:node-1:99999999999'],
    ['too many parts', 'whatIf=node-down:node-1:4:5'],
    ['a prototype key as the kind', 'whatIf=__proto__:node-1:4'],
    ['a cluster that is not compressed JSON', 'cluster=hello'],
    ['a cluster that is not a list', `cluster=${lz({ nodes: [] })}`],
    ['an empty cluster', `cluster=${lz([])}`],
    ['a node row with a number', `cluster=${lz([{ ...draftOf(DEFAULT_CLUSTER)[0]!, pods: 110 }])}`],
    ['a node row with an extra field', `cluster=${lz([{ ...draftOf(DEFAULT_CLUSTER)[0]!, __proto__x: '1' }])}`],
    ['a bad taint effect', `cluster=${lz([{ ...draftOf(DEFAULT_CLUSTER)[0]!, taints: 'a=b:Sometimes' }])}`],
    ['a bad quantity', `cluster=${lz([{ ...draftOf(DEFAULT_CLUSTER)[0]!, cpu: 'lots' }])}`],
    [
      'too many nodes',
      `cluster=${lz(Array.from({ length: 17 }, (_, i) => ({ ...draftOf(DEFAULT_CLUSTER)[0]!, name: `n${i}` })))}`,
    ],
  ])('reject %s and name it', (_, fragment) => {
    const read = readLink(`#${fragment}&theme=light`);
    expect(read.rejected).toEqual([fragment.slice(0, fragment.indexOf('='))]);
    expect(read.view).toEqual({ theme: 'light' });
  });
});
