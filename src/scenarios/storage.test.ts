import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { simulate } from '../engine';
import { SCENARIOS, simulationInput } from './index';

const run = (id: string) => simulate(simulationInput(SCENARIOS.find((s) => s.id === id)!));
const podAt = (t: ReturnType<typeof run>, name: string, seq: number) =>
  t.objectAt(`/registry/pods/default/${name}`, seq) as unknown as Pod | undefined;

describe('missing-configmap', () => {
  const t = run('missing-configmap');
  const events = t.steps.filter((s) => s.kind === 'event');
  const failed = events.filter((s) => s.say.params.reason === 'FailedMount');

  it('records FailedMount Warnings with the kubelet’s message, retried with a doubling back-off', () => {
    expect(failed.length).toBeGreaterThanOrEqual(5);
    for (const f of failed) {
      expect(f.say.params.type).toBe('Warning');
      expect(f.say.params.message).toBe(
        'MountVolume.SetUp failed for volume "config-volume" : configmap "special-config" not found',
      );
    }
    const retries = t.steps.filter((s) => s.say.key === 'kubelet-mount-failed').map((s) => s.say.params.retryMs);
    expect(retries.slice(0, 5)).toEqual([500, 1000, 2000, 4000, 8000]);
  });

  it('keeps the Pod ContainerCreating until the ConfigMap exists, then starts it', () => {
    const lastFail = failed[failed.length - 1]!;
    const waiting = podAt(t, 'dapi-test-pod', lastFail.seq)!;
    expect(waiting.status?.phase).toBe('Pending');
    expect(waiting.status?.containerStatuses?.[0]?.state?.waiting?.reason).toBe('ContainerCreating');
    const created = t.steps.find((s) => s.say.key === 'kubectl-create' && s.say.params.kind === 'ConfigMap')!;
    expect(created.at).toBeGreaterThanOrEqual(20_000);
    expect(lastFail.at).toBeLessThan(created.at);
    const mounted = t.steps.find(
      (s) => s.say.key === 'kubelet-volume-mounted' && s.say.params.volume === 'config-volume',
    )!;
    expect(mounted.at).toBeGreaterThan(created.at);
    const started = events.find((s) => s.say.params.reason === 'Started')!;
    expect(started.seq).toBeGreaterThan(mounted.seq);
    expect(podAt(t, 'dapi-test-pod', t.steps.length - 1)?.status?.phase).toBe('Running');
  });
});
