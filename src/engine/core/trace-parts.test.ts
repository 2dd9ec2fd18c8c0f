import { describe, expect, it } from 'vitest';
import { scenarioById, simulationInput } from '../../scenarios';
import { simulateToData } from '../simulate';
import type { ApiObject, TraceData } from '../types';
import { TraceAssembler, traceParts, type TracePart } from './trace-parts';

/** Through the structured clone a Worker's message goes through, part by part. */
function postAndRead(data: TraceData, size: number): { parts: TracePart[]; read: TraceData } {
  const parts = [...traceParts(data, size)].map((p) => structuredClone(p));
  const assembler = new TraceAssembler();
  let read: TraceData | undefined;
  for (const p of parts) {
    expect(read).toBeUndefined();
    read = assembler.add(p);
  }
  return { parts, read: read! };
}

describe('a run posted in parts', () => {
  // Pods, a Deployment, a Service: object versions written and rewritten across many keys.
  const data = simulateToData(simulationInput(scenarioById('deployment-service')!));

  it('is read back the same, in many messages', () => {
    const { parts, read } = postAndRead(data, 20);
    expect(parts.filter((p) => p.part === 'steps').length).toBe(Math.ceil(data.steps.length / 20));
    expect(parts.filter((p) => p.part === 'history').length).toBeGreaterThan(1);
    expect(read.steps).toEqual(data.steps);
    expect(read.history).toEqual(data.history);
    expect([read.kubernetesVersion, read.nodes, read.end]).toEqual([data.kubernetesVersion, data.nodes, data.end]);
  });

  it("shares the versions as the Worker had them: a write's objects are the history's, not copies", () => {
    const { read } = postAndRead(data, 100);
    const written = read.steps.flatMap((s) => s.changes);
    const versions = written.flatMap((c) =>
      [c.before, c.after].filter((v) => v !== null).map((v) => [c.key, v] as const),
    );
    expect(versions.filter(([key, v]) => !read.history.get(key)!.values.includes(v))).toEqual([]);
    const shared = versions.length;
    expect(shared).toBeGreaterThan(30);
  });

  it('sends whole a version its key no longer holds (a key written twice in one step)', () => {
    const only = { kind: 'ConfigMap', metadata: { name: 'a', resourceVersion: '7' } } as unknown as ApiObject;
    const gone = { kind: 'ConfigMap', metadata: { name: 'a', resourceVersion: '6' } } as unknown as ApiObject;
    const twice: TraceData = {
      ...data,
      steps: [
        {
          ...data.steps[0]!,
          changes: [{ key: '/registry/configmaps/default/a', before: gone, after: only, revision: 7 }],
        },
      ],
      history: new Map([['/registry/configmaps/default/a', { seqs: [0], values: [only] }]]),
    };
    const { read } = postAndRead(twice, 100);
    const [change] = read.steps[0]!.changes;
    expect(change!.before).toEqual(gone);
    expect(change!.after).toBe(read.history.get('/registry/configmaps/default/a')!.values[0]);
  });
});
