import { describe, expect, it } from 'vitest';
import { EPOCH } from '../apiserver/names';
import { simulateScenario } from '../../headless';
import { describePod } from '../../inspect/kubectl-describe';

/** Repeated kubelet Events in whole runs: one stored Event per repetition, its count grown by PATCH steps. */
describe.each<[string, string, string]>([
  [
    'missing-configmap',
    'FailedMount',
    'MountVolume.SetUp failed for volume "config-volume" : configmap "special-config" not found',
  ],
  ['crashloop', 'BackOff', 'Back-off restarting failed container app in pod crashloop_default('],
  ['poststart-hook-failed', 'FailedPostStartHook', 'PostStartHook failed'],
  ['liveness-restart', 'Unhealthy', 'Liveness probe failed: HTTP probe failed with statuscode: 500'],
])('%s: %s', (id, reason, message) => {
  const run = simulateScenario(id);
  const steps = run.trace.steps.filter((s) => s.kind === 'event' && s.say.params.reason === reason);
  const events = run
    .objects('Event')
    .filter((e) => (e as unknown as { reason: string }).reason === reason) as unknown as {
    count: number;
    message: string;
    firstTimestamp: string;
    lastTimestamp: string;
    metadata: { name: string };
  }[];

  it('is one Event: a POST, then PATCHes of it with count + 1 and lastTimestamp', () => {
    const stored = events.filter((e) => e.message.startsWith(message));
    expect(stored).toHaveLength(1);
    const [event] = stored;
    const writes = steps.filter((s) => String(s.say.params.message).startsWith(message));
    expect(writes.length).toBeGreaterThanOrEqual(2);
    expect(writes[0]!.verb).toBe('create');
    expect(
      writes.slice(1).every((s) => s.verb === 'patch' && s.path?.endsWith(`/events/${event!.metadata.name}`)),
    ).toBe(true);
    expect(writes.slice(1).map((s) => s.say.params.count)).toEqual(writes.slice(1).map((_, i) => i + 2));
    expect(event!.count).toBe(writes.length);
    // lastTimestamp is the last PATCH's second; firstTimestamp the POST's.
    const second = (at: number) => new Date(EPOCH + Math.floor(at / 1000) * 1000).toISOString().replace('.000Z', 'Z');
    expect(event!.lastTimestamp).toBe(second(writes.at(-1)!.at));
    expect(event!.firstTimestamp).toBe(second(writes[0]!.at));
  });

  it('kubectl describe pod prints its Age as `<last> (x<count> over <first>)`', () => {
    const pod = run.objects('Pod')[0]!;
    const text = describePod(pod, run.objects('Event'), EPOCH + run.trace.steps.at(-1)!.at);
    const row = text.split('\n').find((l) => l.includes(`  ${reason} `) && l.includes(message))!;
    expect(row).toMatch(
      new RegExp(`  ${reason} +\\d+[sm]\\d*s? \\(x${events[0]!.count} over \\d+[sm]\\d*s?\\) +kubelet +`),
    );
  });
});
