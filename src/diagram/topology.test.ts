import { describe, expect, it } from 'vitest';
import { DEFAULT_CLUSTER, simulate } from '../engine';
import { DEFAULT_MANIFESTS } from '../store/default-scenario';
import { SCENARIOS, simulationInput } from '../scenarios';
import { buildTopology, edgeId, optionalPartsOf } from './topology';

describe('topology', () => {
  const topology = buildTopology(DEFAULT_CLUSTER.nodes);

  it('has every step travel along an edge of the diagram', () => {
    const edges = new Set(topology.edges.map((e) => e.id));
    const ids = new Set(topology.components.map((c) => c.id));
    const trace = simulate({ manifests: DEFAULT_MANIFESTS, seed: 1 });
    const unknown = trace.steps.flatMap((s) => [s.from, s.to, ...(s.fanout ?? [])]).filter((id) => !ids.has(id));
    const offEdge = trace.steps
      .flatMap((s) => [s.to, ...(s.fanout ?? [])].filter((to) => to !== s.from).map((to) => [s.from, to] as const))
      .filter(([a, b]) => !edges.has(edgeId(a, b)))
      .map(([a, b]) => `${a} → ${b}`);
    expect(unknown).toEqual([]);
    expect(offEdge).toEqual([]);
  });

  it('puts the control plane above the worker nodes, and no two components on top of each other', () => {
    const api = topology.components.find((c) => c.id === 'kube-apiserver')!;
    const kubelet = topology.components.find((c) => c.id === 'kubelet/node-1')!;
    expect(api.box.y + api.box.h).toBeLessThan(kubelet.box.y);
    const overlapping: string[] = [];
    topology.components.forEach((p, i) => {
      for (const q of topology.components.slice(i + 1)) {
        const [a, b] = [p.box, q.box];
        if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h)
          overlapping.push(`${p.id} / ${q.id}`);
      }
    });
    expect(overlapping).toEqual([]);
  });

  it('lays a big cluster out as a grid with no overlap', () => {
    const nodes = Array.from({ length: 50 }, (_, i) => ({
      name: `n${i}`,
      cpu: '4',
      memory: '8Gi',
      pods: 110,
      podCIDR: `10.244.${i}.0/24`,
    }));
    const big = buildTopology(nodes);
    const boxes = big.groups.filter((g) => g.kind === 'worker').map((g) => g.box);
    expect(boxes).toHaveLength(50);
    const overlaps = boxes.filter((a, i) =>
      boxes.some((b, j) => j !== i && a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h),
    );
    expect(overlaps).toEqual([]);
    expect(new Set(boxes.map((b) => b.y)).size).toBeGreaterThan(1);
    expect(big.bounds.w).toBeLessThan(big.bounds.h * 4);
  });

  it('gives each worker node its kubelet, runtime, CNI plugin and kube-proxy', () => {
    const expected = DEFAULT_CLUSTER.nodes.flatMap((n) =>
      ['kubelet', 'runtime', 'cni', 'kube-proxy'].map((p) => `${p}/${n.name}`),
    );
    const have = new Set(topology.components.map((c) => c.id as string));
    expect(expected.filter((id) => !have.has(id))).toEqual([]);
  });

  it('draws add-on parts only when a run uses them, and every step to or from one travels along an edge', () => {
    expect(optionalPartsOf(simulate({ manifests: DEFAULT_MANIFESTS, seed: 1 }).steps)).toBe('');
    const policyRun = simulate(simulationInput(SCENARIOS.find((s) => s.id === 'network-policy')!));
    expect(optionalPartsOf(policyRun.steps)).toBe('');
    expect(buildTopology(policyRun.nodes, '').bounds).toEqual(topology.bounds);
    expect(topology.components.some((c) => c.id === 'ingress-nginx')).toBe(false);
    for (const id of ['network-policy', 'deployment-service']) {
      const trace = simulate(simulationInput(SCENARIOS.find((s) => s.id === id)!));
      const top = buildTopology(trace.nodes, optionalPartsOf(trace.steps));
      const edges = new Set(top.edges.map((e) => e.id));
      const offEdge = trace.steps
        .flatMap((s) => [s.to, ...(s.fanout ?? [])].filter((to) => to !== s.from).map((to) => [s.from, to] as const))
        // Service traffic and Felix's watch (in the CNI box) draw as packets without an edge; ingress-nginx has edges.
        .filter(([a, b]) => [a, b].includes('ingress-nginx'))
        .filter(([a, b]) => !edges.has(edgeId(a, b)))
        .map(([a, b]) => `${a} → ${b}`);
      expect([id, offEdge]).toEqual([id, []]);
    }
  });
});
