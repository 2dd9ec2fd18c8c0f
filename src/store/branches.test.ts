import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CLUSTER } from '../engine';
import { draftOf, newNodeDraft } from './cluster-edit';
import { currentSeq, currentStep, usePlayer } from './store';

const s = usePlayer.getState;

describe('what-if branches in the store', () => {
  beforeEach(async () => {
    await s().setScenario('deployment');
    // The same scenario again keeps its branches: start each test from the original alone.
    s().load(s().original);
    s().setLevel('standard');
    s().seek(30);
  });

  it('makes a branch at the current step and shows it there; switching keeps the step', async () => {
    const seq = currentSeq(s());
    const step = currentStep(s());
    await s().whatIf({ kind: 'node-down', node: 'node-1' });
    expect(s().branches).toHaveLength(1);
    expect(s().branch).toBe(0);
    expect(s().branches[0]!.whatIf).toEqual({ atStep: seq, fault: { kind: 'node-down', node: 'node-1' } });
    expect(s().cursor).toBe(30);
    expect(currentStep(s())).toEqual(step);
    // The step after is the fault.
    s().next();
    expect(currentStep(s())!.say.key).toBe('fault-node-down');
    s().prev();
    s().switchBranch(-1);
    expect(s().branch).toBe(-1);
    expect(s().cursor).toBe(30);
    expect(s().trace).toBe(s().original);
    expect(s().trace.steps.some((x) => x.say.key === 'fault-node-down')).toBe(false);
    // A second branch sits beside the first; the same fault at the same step is the same branch.
    await s().whatIf({ kind: 'etcd-slow' });
    expect(s().branches).toHaveLength(2);
    await s().whatIf({ kind: 'node-down', node: 'node-1' });
    expect(s().branches).toHaveLength(2);
    expect(s().branch).toBe(0);
    expect(s().cursor).toBe(30);
  });

  it('a later step than the branch has keeps its seq where it can, the end where it cannot', async () => {
    await s().whatIf({ kind: 'ips-exhausted', node: 'node-2' });
    s().end();
    const endSeq = currentSeq(s());
    s().switchBranch(-1);
    expect(currentSeq(s())).toBeLessThanOrEqual(endSeq);
    expect(s().cursor).toBeGreaterThan(0);
  });

  it('a step past the end (a hand-made link) branches from the last step', async () => {
    await s().addBranch({ atStep: 9_999_999, fault: { kind: 'etcd-slow' } });
    expect(s().branches[0]!.whatIf.atStep).toBe(s().original.steps.length - 1);
  });

  it('a new scenario drops the branches', async () => {
    await s().whatIf({ kind: 'etcd-slow' });
    await s().setScenario('bare-pod');
    expect(s().branches).toEqual([]);
    expect(s().branch).toBe(-1);
  });
});

describe('the cluster editor in the store', () => {
  beforeEach(async () => {
    await s().setScenario('bare-pod');
    s().setCluster(null);
  });

  it('re-runs on the edited cluster, keeping the place, and drops the branches', async () => {
    s().seek(5);
    await s().whatIf({ kind: 'etcd-slow' });
    const rows = [...draftOf(DEFAULT_CLUSTER), newNodeDraft(draftOf(DEFAULT_CLUSTER))];
    const result = s().setCluster(rows);
    expect(result?.ok).toBe(true);
    expect(s().trace.nodes.map((n) => n.name)).toEqual(['node-1', 'node-2', 'node-3']);
    expect(s().branches).toEqual([]);
    expect(s().clusterDraft).toEqual(rows);
    expect(s().cursor).toBe(5);
  });

  it('refuses a bad row and changes nothing', () => {
    const before = s().trace;
    const rows = draftOf(DEFAULT_CLUSTER);
    rows[0] = { ...rows[0]!, taints: 'a=b:Never' };
    const result = s().setCluster(rows);
    expect(result).toEqual({
      ok: false,
      errors: [
        { node: 0, field: 'taints', key: 'cluster.error.taintEffect', params: { value: 'Never', taint: 'a=b:Never' } },
      ],
    });
    expect(s().trace).toBe(before);
    expect(s().clusterDraft).toBeNull();
  });
});
