import { describe, expect, it } from 'vitest';
import { simulate } from '../engine';
import { SCENARIOS, simulationInput } from '../scenarios';
import { nodeReadyAt, podsAt } from './pods';

describe('the diagram in the node-failure scenario', () => {
  const t = simulate(simulationInput(SCENARIOS.find((s) => s.id === 'node-failure')!));
  const unknown = t.steps.find((s) => s.say.key === 'node-lifecycle-unknown')!;
  const stored = t.steps.find(
    (s) => s.seq > unknown.seq && s.changes.some((c) => c.key === '/registry/minions/node-1'),
  )!;
  const end = t.steps.length - 1;

  it('shows node-1 Ready until the controller stores Ready=Unknown, NotReady after', () => {
    expect(nodeReadyAt(t, 'node-1', stored.seq - 1)).toBe(true);
    expect(nodeReadyAt(t, 'node-1', stored.seq)).toBe(false);
    expect(nodeReadyAt(t, 'node-1', end)).toBe(false);
    expect(nodeReadyAt(t, 'node-2', end)).toBe(true);
  });

  it('keeps the lost Pod on node-1 as Terminating and the replacement on another node', () => {
    const byNode = podsAt(t, end);
    expect(byNode.get('node-1')?.map((p) => p.status)).toEqual(['Terminating']);
    const others = [...(byNode.get('node-2') ?? []), ...(byNode.get('node-3') ?? [])];
    expect(others.filter((p) => p.status === 'Running')).toHaveLength(3);
  });
});
