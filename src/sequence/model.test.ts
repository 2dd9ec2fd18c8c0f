import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../headless';
import { visibleSteps } from '../store/visible';
import type { DetailLevel } from '../engine/types';
import { sequenceModel, windowOf } from './model';

const run = simulateScenario('bare-pod');
const modelAt = (level: DetailLevel) => {
  const shown = visibleSteps(run.trace.steps, level);
  return { shown, model: sequenceModel(shown, run.trace.nodes) };
};

describe('sequence model', () => {
  it('gives one arrow per shown step, in order, at every level', () => {
    for (const level of ['overview', 'standard', 'deep'] as const) {
      const { shown, model } = modelAt(level);
      expect(model.arrows.map((a) => a.step.seq)).toEqual(shown.map((s) => s.seq));
      expect(model.arrows.map((a) => a.cursor)).toEqual(shown.map((_, i) => i + 1));
    }
  });

  it.each([
    [
      'overview',
      // The story: kubectl, the control plane, the node that runs the Pod, and everyone the first watch tells.
      [
        'kubectl',
        'kube-apiserver',
        'etcd',
        'kube-controller-manager',
        'kube-scheduler',
        'csi-provisioner',
        'coredns',
        'kubelet/node-1',
        'runtime/node-1',
        'kube-proxy/node-1',
        'kubelet/node-2',
        'kube-proxy/node-2',
      ],
    ],
    [
      'standard',
      [
        'kubectl',
        'kube-apiserver',
        'etcd',
        'kube-controller-manager',
        'kube-scheduler',
        'csi-provisioner',
        'coredns',
        'kubelet/node-1',
        'runtime/node-1',
        'cni/node-1',
        'kube-proxy/node-1',
        'kubelet/node-2',
        'kube-proxy/node-2',
      ],
    ],
  ])('at %s, lanes in the order a request travels, then each node’s parts: %j', (level, lanes) => {
    expect(modelAt(level as DetailLevel).model.lanes.map((l) => l.id)).toEqual(lanes);
  });

  it('uses only lanes the shown steps use: no CNI lane at the overview level (CNI ADD is a standard step)', () => {
    const ids = modelAt('overview').model.lanes.map((l) => l.id);
    expect(ids).not.toContain('cni/node-1');
    expect(ids).not.toContain('runtime/node-2');
  });

  it('draws requests, answers, watch notifications with their fan-out, and internal work as such', () => {
    const { model } = modelAt('standard');
    const lane = (id: string) => model.lanes.findIndex((l) => l.id === id);
    const byKey = (key: string) => model.arrows.find((a) => a.step.say.key === key)!;
    const create = byKey('kubectl-create');
    expect([create.kind, create.from, create.to, create.self]).toEqual([
      'request',
      lane('kubectl'),
      lane('kube-apiserver'),
      false,
    ]);
    const created = byKey('apiserver-created');
    expect([created.kind, created.from, created.to]).toEqual(['response', lane('kube-apiserver'), lane('kubectl')]);
    const watch = byKey('apiserver-watch-pod');
    expect(watch.kind).toBe('watch');
    expect(watch.fanout).toEqual([lane('kube-scheduler')]);
    const filter = byKey('scheduler-filter');
    expect([filter.kind, filter.self, filter.from, filter.to]).toEqual([
      'internal',
      true,
      lane('kube-scheduler'),
      lane('kube-scheduler'),
    ]);
  });

  it('shows more arrows the deeper the level', () => {
    const counts = (['overview', 'standard', 'deep'] as const).map((l) => modelAt(l).model.arrows.length);
    expect(counts[0]).toBeLessThan(counts[1]!);
    expect(counts[1]).toBeLessThan(counts[2]!);
  });
});

describe('windowOf (the rows a virtualized list renders)', () => {
  it.each([
    // count, row, scrollTop, height, overscan → rows
    [20_000, 30, 0, 600, 5, { start: 0, end: 25 }],
    [20_000, 30, 300_000, 600, 5, { start: 9995, end: 10_025 }],
    [20_000, 30, 600_000, 600, 5, { start: 19_995, end: 20_000 }],
    [10, 30, 0, 600, 5, { start: 0, end: 10 }],
    [0, 30, 0, 600, 5, { start: 0, end: 0 }],
  ])('%d rows of %d px at %d in %d px (+%d): %j', (count, row, top, height, overscan, expected) => {
    expect(windowOf(count, row, top, height, overscan)).toEqual(expected);
  });
});
