import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Step } from '../engine';
import { loadManifests } from '../manifest/load';
import { DEFAULT_SCENARIO } from '../scenarios';
import { placeAfterReplace } from './place';
import { isBigManifests, simulateNow } from './simulation';
import { firstRun, usePlayer } from './store';

const step = (key: string): Step => ({ say: { key, params: {} } }) as unknown as Step;

describe('the place kept when edited manifests replace the trace', () => {
  const before = ['a', 'b', 'c', 'd'].map(step);
  it.each([
    ['before the first step stays there', 0, ['a', 'b'], 0],
    ['the same kind of step, the one nearest the old position', 3, ['a', 'x', 'c', 'y', 'c'], 3],
    ['the same kind of step, later in a longer run', 2, ['a', 'x', 'y', 'b'], 4],
    ['no such step: the same number', 3, ['a', 'x', 'y', 'z'], 3],
    ['no such step: clamped to a shorter run', 4, ['a', 'x'], 2],
  ])('%s', (_name, cursor, after, expected) => {
    expect(placeAfterReplace(before, cursor, after.map(step))).toBe(expected);
  });
});

const pod = (name: string): unknown[] => {
  const r = loadManifests(`apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: app
    image: nginx
`);
  if (!r.ok) throw new Error(r.message);
  return r.objects;
};

describe('applying the learner’s manifests', () => {
  beforeAll(() => firstRun());
  afterEach(() => {
    usePlayer.getState().setScenario(DEFAULT_SCENARIO.id);
  });

  it('simulates them on the scenario’s cluster, marks the trace as custom and keeps the step', () => {
    const s = usePlayer.getState;
    s().seek(5);
    const key = s().visible[4]!.say.key;
    s().applyManifests(pod('mine'));
    expect(s().custom).toBe(true);
    expect(s().scenario).toBe(DEFAULT_SCENARIO.id);
    expect(s().visible[s().cursor - 1]!.say.key).toBe(key);
    const created = s().trace.steps.find((x) => x.say.key === 'kubectl-create')!;
    expect(created.say.params.name).toBe('mine');
  });

  it('picking the scenario again brings its own manifests back', () => {
    const s = usePlayer.getState;
    s().applyManifests(pod('mine'));
    s().setScenario(DEFAULT_SCENARIO.id);
    expect(s().custom).toBe(false);
    expect(s().trace.steps.length).toBe(simulateNow(DEFAULT_SCENARIO).steps.length);
    expect(s().trace.steps.find((x) => x.say.key === 'kubectl-create')!.say.params.name).toBe('nginx');
  });
});

describe('what runs off the main thread', () => {
  it.each([
    ['a bare Pod', [{ kind: 'Pod', spec: {} }], false],
    ['a Deployment of 3', [{ kind: 'Deployment', spec: { replicas: 3 } }], false],
    ['a Deployment of a million', [{ kind: 'Deployment', spec: { replicas: 1e6 } }], true],
    ['a hundred objects', Array.from({ length: 100 }, () => ({ kind: 'ConfigMap' })), true],
    ['not objects at all', [null, 'x', 3], false],
  ])('%s: big = %s', (_name, manifests, big) => {
    expect(isBigManifests(manifests)).toBe(big);
  });
});
