import { describe, expect, it } from 'vitest';
import { DEFAULT_CLUSTER, simulateToData, simulation } from './index';

const NGINX = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'nginx' },
  spec: { containers: [{ name: 'nginx', image: 'nginx:1.14.2' }] },
};

/** Runs the generator to its end; how many times it paused, and what it made. */
function drain(slice?: number) {
  const gen = simulation({ manifests: [NGINX], cluster: DEFAULT_CLUSTER, seed: 1 }, slice);
  let pauses = 0;
  for (;;) {
    const r = gen.next();
    if (r.done) return { pauses, data: r.value };
    pauses++;
  }
}

describe('simulation, in slices or in one go', () => {
  it('pauses every `slice` deliveries, and never with an infinite slice, for the same run', () => {
    const eight = drain(8);
    const sixteen = drain(16);
    const whole = drain(Infinity);
    expect(whole.pauses).toBe(0);
    expect(eight.pauses).toBeGreaterThan(10);
    // The same deliveries, paused half as often (give or take the last slice).
    expect(Math.abs(eight.pauses - 2 * sixteen.pauses)).toBeLessThanOrEqual(1);
    expect(eight.data.steps).toEqual(whole.data.steps);
    expect(simulateToData({ manifests: [NGINX], cluster: DEFAULT_CLUSTER, seed: 1 }).steps).toEqual(whole.data.steps);
  });
});
