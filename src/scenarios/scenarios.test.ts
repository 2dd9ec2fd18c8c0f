import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { simulate } from '../engine';
import { manifestsOf, SCENARIOS } from './index';

describe('every scenario', () => {
  it.each(SCENARIOS.map((s) => [s.id, s] as const))('%s runs to its end with every Pod Running', (_, scenario) => {
    const t = simulate({
      manifests: manifestsOf(scenario),
      cluster: scenario.cluster,
      seed: 1,
      ...(scenario.maxSteps ? { maxSteps: scenario.maxSteps } : {}),
    });
    expect(t.end).toBe('settled');
    const pods = [...t.objectsAt(t.steps.length - 1, '/registry/pods/').values()] as unknown as Pod[];
    expect(pods.length).toBeGreaterThan(0);
    expect(pods.filter((p) => p.status?.phase !== 'Running')).toEqual([]);
  });

  it('spreads the 200 replicas over all 50 nodes, within their capacity', () => {
    const scale = SCENARIOS.find((s) => s.id === 'scale')!;
    const t = simulate({ manifests: manifestsOf(scale), cluster: scale.cluster, seed: 1, maxSteps: scale.maxSteps! });
    const pods = [...t.objectsAt(t.steps.length - 1, '/registry/pods/').values()] as unknown as Pod[];
    const perNode = new Map<string, number>();
    for (const p of pods) perNode.set(p.spec!.nodeName!, (perNode.get(p.spec!.nodeName!) ?? 0) + 1);
    expect(pods).toHaveLength(200);
    expect(perNode.size).toBe(50);
    expect(Math.max(...perNode.values()) - Math.min(...perNode.values())).toBeLessThanOrEqual(2);
  });
});
