import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../headless';
import type { Step } from '../engine/types';
import { cursorForTime, formatDuration, podLifecycles, type PodLifecycle } from './lifecycle';

const lifeOf = (scenario: string): { life: PodLifecycle; steps: readonly Step[] } => {
  const { trace } = simulateScenario(scenario);
  const lives = podLifecycles(trace);
  expect(lives).toHaveLength(1);
  return { life: lives[0]!, steps: trace.steps };
};
const phases = (life: PodLifecycle): string[] => life.bands.map((b) => b.phase);
/** The time of the first step with this catalog key (and kind), after `after` ms. */
const atOf = (steps: readonly Step[], key: string, kind?: Step['kind'], after = -1): number =>
  steps.find((s) => s.say.key === key && (!kind || s.kind === kind) && s.at > after)!.at;

describe('Pod lifecycle bands', () => {
  it.each([
    ['bare-pod', ['pending', 'scheduled', 'sandbox', 'pulling', 'creating', 'running', 'ready']],
    [
      'init-containers',
      ['pending', 'scheduled', 'sandbox', 'pulling', 'creating', 'init', 'pulling', 'creating', 'running', 'ready'],
    ],
    ['delete', ['pending', 'scheduled', 'sandbox', 'pulling', 'creating', 'running', 'ready', 'terminating']],
  ])('%s goes through %j', (scenario, expected) => {
    expect(phases(lifeOf(scenario).life)).toEqual(expected);
  });

  it('a bare Pod: each band begins at the step that began it and ends where the next begins', () => {
    const { life, steps } = lifeOf('bare-pod');
    const band = (p: string) => life.bands.find((b) => b.phase === p)!;
    // Pending from the etcd write of the create; Scheduled from the binding's write.
    expect(band('pending').from).toBe(atOf(steps, 'apiserver-store-pod'));
    expect(band('pending').to).toBe(atOf(steps, 'apiserver-store-binding'));
    // The sandbox from RunPodSandbox until the first PullImage; the pull until CreateContainer.
    expect(band('sandbox').from).toBe(atOf(steps, 'kubelet-run-sandbox'));
    expect(band('pulling').from).toBe(atOf(steps, 'kubelet-pull'));
    expect(band('pulling').to).toBe(atOf(steps, 'kubelet-create'));
    // nginx's 72 MB pull is where the time goes: longer than everything before it together.
    const pull = band('pulling').to - band('pulling').from;
    expect(pull).toBeGreaterThan(band('pulling').from);
    // Running from StartContainer's answer; Ready with the status write that sets Ready=True; until the end.
    expect(band('running').from).toBe(atOf(steps, 'runtime-started'));
    expect(band('ready').from).toBe(atOf(steps, 'apiserver-store-running'));
    expect(band('ready').to).toBe(steps.at(-1)!.at);
    for (let i = 1; i < life.bands.length; i++) expect(life.bands[i]!.from).toBe(life.bands[i - 1]!.to);
    expect(life.node).toBe('node-1');
    expect(life.restarts).toEqual([]);
  });

  it('init containers: the init band lasts from StartContainer of the init container until the app image is pulled', () => {
    const { life, steps } = lifeOf('init-containers');
    const init = life.bands.find((b) => b.phase === 'init')!;
    expect(init.from).toBe(atOf(steps, 'kubelet-start-init'));
    // The init container `install` exits; the kubelet then pulls the app's image.
    expect(init.to).toBe(atOf(steps, 'kubelet-pull-always', 'request', init.from));
  });

  it('a crash loop: each death is a back-off band, each restart a mark, with the kubelet’s growing back-off between', () => {
    const { life } = lifeOf('crashloop');
    expect(life.restarts.map((r) => r.count)).toEqual([1, 2, 3]);
    const backoffs = life.bands.filter((b) => b.phase === 'backoff');
    expect(backoffs.length).toBeGreaterThanOrEqual(3);
    const lengths = backoffs.map((b) => b.to - b.from);
    // The first restart is at once; then the kubelet waits 10 s, then 20 s (MaxContainerBackOff doubling). The
    // restart comes with the pod worker's next sync once the back-off has passed: an errored sync is requeued
    // after backOffPeriod 10 s with jitter 0.5 (pod_workers.go), so up to 15 s later.
    expect(lengths[0]).toBeLessThan(100);
    expect(lengths[1]).toBeGreaterThanOrEqual(10_000);
    expect(lengths[1]).toBeLessThan(10_000 + 15_000);
    expect(lengths[2]).toBeGreaterThanOrEqual(20_000);
    expect(lengths[2]).toBeLessThan(20_000 + 15_000);
    // Every restart comes at the end of a back-off band, and the container runs again after it.
    for (const r of life.restarts) {
      const b = backoffs.find((x) => x.to >= r.at && x.from <= r.at);
      expect(b).toBeDefined();
    }
    expect(phases(life).filter((p) => p === 'ready').length).toBeGreaterThanOrEqual(3);
  });

  it('a deletion: terminating from deletionTimestamp until the key is removed, and nothing after', () => {
    const { life, steps } = lifeOf('delete');
    const term = life.bands.at(-1)!;
    expect(term.phase).toBe('terminating');
    expect(term.from).toBe(atOf(steps, 'apiserver-delete-graceful'));
    expect(life.deletedAt).toBe(atOf(steps, 'apiserver-delete'));
    expect(term.to).toBe(life.deletedAt);
  });

  it('a Deployment: one lifecycle per Pod, each bound to a node', () => {
    const lives = podLifecycles(simulateScenario('deployment').trace);
    expect(lives.length).toBe(3);
    for (const l of lives) {
      expect(l.node).toMatch(/^node-/);
      expect(l.bands.at(-1)!.phase).toBe('ready');
    }
  });
});

describe('formatDuration', () => {
  it.each([
    [3, '3 ms'],
    [999.6, '1000 ms'],
    [2203, '2.2 s'],
    [30_004, '30 s'],
    [65_000, '1 m 05 s'],
  ])('%d ms reads %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('cursorForTime', () => {
  const visible = [{ at: 10 }, { at: 20 }, { at: 20 }, { at: 35 }];
  it.each([
    [0, 0],
    [10, 1],
    [19, 1],
    [20, 3],
    [100, 4],
  ])('at %d ms shows cursor %d', (at, cursor) => {
    expect(cursorForTime(visible, at)).toBe(cursor);
  });
});
