import { describe, expect, it } from 'vitest';
import { simulate } from '../engine';
import { en } from '../i18n/en';
import { SCENARIOS, simulationInput } from '../scenarios';
import { mythOf, MYTHS } from './myths';

describe('the common mistakes', () => {
  const shown = new Set<string>();
  const keys = new Set<string>();
  for (const scenario of SCENARIOS.filter((s) => s.id !== 'scale')) {
    for (const step of simulate(simulationInput(scenario)).steps) {
      keys.add(step.say.key);
      const myth = mythOf(step);
      if (myth) shown.add(myth);
    }
  }

  it.each(MYTHS)('%s is corrected where it would be made', (myth) => {
    expect(shown).toContain(myth);
  });

  it('each have both sides in the catalog', () => {
    for (const myth of MYTHS) expect(en.myth[myth]).toEqual({ wrong: expect.any(String), right: expect.any(String) });
  });
});
