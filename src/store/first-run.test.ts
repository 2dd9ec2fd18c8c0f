import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, SCENARIOS } from '../scenarios';
import { scenarioInput, simulateInSlices, simulateNow, simulatorLoaded } from './simulation';
import { firstRun, holdFirstRun, usePlayer } from './store';

describe('the page’s first run', () => {
  it('is not made before the page asks: the store opens with the cluster’s nodes and no steps', () => {
    const s = usePlayer.getState();
    expect(s.simulating).toBe(true);
    expect(s.trace.steps).toHaveLength(0);
    expect(s.visible).toHaveLength(0);
    expect(s.trace.nodes.map((n) => n.name)).toEqual(DEFAULT_SCENARIO.cluster.nodes.map((n) => n.name));
  });

  it('waits while the page holds it (until the first diagram is drawn), then is made once', async () => {
    let draw!: () => void;
    holdFirstRun(new Promise<void>((done) => (draw = done)));
    const made = firstRun();
    await new Promise((later) => setTimeout(later, 50));
    expect(usePlayer.getState().simulating).toBe(true);
    expect(usePlayer.getState().trace.steps).toHaveLength(0);
    expect(simulatorLoaded()).toBe(false);
    draw();
    await made;
    expect(usePlayer.getState().trace.steps.length).toBeGreaterThan(0);
    expect(usePlayer.getState().stepTexts).toBe(true);
  });

  it('is made once, in slices, and is the same run as one made at once', async () => {
    const made = firstRun();
    expect(firstRun()).toBe(made);
    await made;
    const s = usePlayer.getState();
    const whole = simulateNow(DEFAULT_SCENARIO);
    expect(s.simulating).toBe(false);
    expect(s.trace.steps).toEqual(whole.steps);
    expect(s.visible.length).toBeGreaterThan(0);
    expect(s.cursor).toBe(0);
  });

  it.each(SCENARIOS.slice(0, 4).map((sc) => [sc.id, sc] as const))(
    '%s: sliced, the run has the same steps and objects',
    async (_id, scenario) => {
      const sliced = await simulateInSlices(scenarioInput(scenario));
      const whole = simulateNow(scenario);
      expect(sliced.steps).toEqual(whole.steps);
      const last = whole.steps.length - 1;
      expect(sliced.objectsAt(last)).toEqual(whole.objectsAt(last));
    },
  );
});
