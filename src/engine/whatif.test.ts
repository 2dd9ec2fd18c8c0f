/**
 * What-if branches: a fault attached to a step. The branch replays the
 * original to that step — byte for byte — and then the fault strikes.
 */
import { describe, expect, it } from 'vitest';
import { simulateScenario, type Run } from '../headless';
import type { FaultSpec, Step, WhatIf } from './types';

const json = (steps: readonly Step[]): string => JSON.stringify(steps);
const branch = (id: string, whatIf: WhatIf): Run => simulateScenario(id, { whatIf });
const reasons = (run: Run): string[] => run.events(run.last).map((e) => e.reason);

describe('a branch shares the original prefix exactly', () => {
  const cases: [string, FaultSpec][] = [
    ['deployment', { kind: 'node-down', node: 'node-1' }],
    ['node-failure', { kind: 'etcd-slow' }],
    ['bare-pod', { kind: 'ips-exhausted', node: 'node-1' }],
  ];
  for (const [id, fault] of cases) {
    const original = simulateScenario(id);
    const n = original.trace.steps.length;
    // The first step, steps in quiet spells and busy ones, and the last (the fold that says the cluster is steady).
    // A fault strikes between deliveries: a step one handler run tells with more (same time, same
    // component: the scheduler's plugins, score, reserve) moves to the last of them.
    const boundary = (i: number): number => {
      const s = original.trace.steps;
      while (
        i + 1 < n - 1 &&
        s[i + 1]!.at === s[i]!.at &&
        s[i + 1]!.from === s[i]!.from &&
        s[i]!.from === 'kube-scheduler'
      )
        i++;
      return i;
    };
    const at = [0, 5, Math.floor(n / 4), Math.floor(n / 2), Math.floor((3 * n) / 4), n - 2, n - 1].map(boundary);
    it.each(at)(`${id}, ${fault.kind} after step %i`, (atStep) => {
      const b = branch(id, { atStep, fault });
      expect(json(b.trace.steps.slice(0, atStep + 1))).toBe(json(original.trace.steps.slice(0, atStep + 1)));
      expect(JSON.stringify([...b.trace.objectsAt(atStep)])).toBe(
        JSON.stringify([...original.trace.objectsAt(atStep)]),
      );
      expect(b.trace.steps[atStep + 1]?.say.key).toBe(`fault-${fault.kind}`);
    });
  }

  it('gives the same trace for the same branch twice', () => {
    const whatIf: WhatIf = { atStep: 40, fault: { kind: 'node-down', node: 'node-2' } };
    expect(json(branch('deployment', whatIf).trace.steps)).toBe(json(branch('deployment', whatIf).trace.steps));
  });

  it('ignores a fault for a node the cluster does not have', () => {
    const b = branch('bare-pod', { atStep: 10, fault: { kind: 'node-down', node: 'node-9' } });
    expect(json(b.trace.steps)).toBe(json(simulateScenario('bare-pod').trace.steps));
  });
});

describe('each fault does what it says', () => {
  it('node-down: the node lifecycle controller marks the node NotReady later', () => {
    const original = simulateScenario('deployment');
    const b = branch('deployment', { atStep: 40, fault: { kind: 'node-down', node: 'node-1' } });
    expect(reasons(original)).not.toContain('NodeNotReady');
    expect(reasons(b)).toContain('NodeNotReady');
    const node = b.objects('Node', b.last).find((o) => o.metadata.name === 'node-1') as unknown as {
      status: { conditions: { type: string; status: string }[] };
    };
    expect(node.status.conditions.find((c) => c.type === 'Ready')?.status).toBe('Unknown');
  });

  it('etcd-slow: every etcd answer after the fault takes the extra 500 ms, none before', () => {
    const original = simulateScenario('bare-pod');
    // Right after the first commit (the Pod's create): the Pod still has its whole way to go.
    const atStep = original.trace.steps.findIndex((s) => s.say.key === 'etcd-committed');
    const b = branch('bare-pod', { atStep, fault: { kind: 'etcd-slow' } });
    const gaps = (from: number, to: number): number[] => {
      const steps = b.trace.steps;
      const out: number[] = [];
      for (let i = from; i < to; i++) {
        const s = steps[i]!;
        if (s.from !== 'etcd' || s.say.key !== 'etcd-committed') continue;
        // The request for the same key that this commit answers: the latest one sent to etcd before it.
        const req = steps.slice(0, i).findLast((r) => r.to === 'etcd' && r.path === s.say.params.key);
        if (req) out.push(s.at - req.at);
      }
      return out;
    };
    const before = gaps(0, atStep + 1);
    const after = gaps(atStep + 2, b.trace.steps.length);
    expect(before.length).toBeGreaterThan(0);
    expect(after.length).toBeGreaterThan(3);
    expect(Math.max(...before)).toBeLessThan(2);
    expect(Math.min(...after)).toBeGreaterThanOrEqual(500);
    // And the story ends later: the Pod's Running status is stored later than in the original.
    const running = (r: Run): number =>
      r.trace.steps.find((s) =>
        s.changes.some((c) => (c.after as { status?: { phase?: string } } | null)?.status?.phase === 'Running'),
      )!.at;
    expect(running(b)).toBeGreaterThan(running(original));
  });

  it('ips-exhausted: the sandbox cannot get an address: FailedCreatePodSandBox', () => {
    const original = simulateScenario('bare-pod');
    // Before the Pod is bound: its node will have no address left for it.
    const atStep = original.trace.steps.findIndex((s) => s.say.key === 'kubectl-create');
    const node = original.getPods(original.last)[0]!.node;
    const b = branch('bare-pod', { atStep, fault: { kind: 'ips-exhausted', node } });
    const failed = b.events(b.last).find((e) => e.reason === 'FailedCreatePodSandBox');
    expect(failed?.type).toBe('Warning');
    expect(failed?.message).toMatch(
      /^Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox ".*": plugin type="bridge" name="podflow" failed \(add\): failed to allocate for range 0: no IP addresses available in range set: /,
    );
    expect(reasons(original)).not.toContain('FailedCreatePodSandBox');
    expect(b.getPods(b.last)[0]?.status).toBe('ContainerCreating');
  });
});
