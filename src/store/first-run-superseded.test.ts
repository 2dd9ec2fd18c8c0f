import { describe, expect, it } from 'vitest';
import { loadManifests } from '../manifest/load';
import { firstRun, usePlayer } from './store';

const mine = (): unknown[] => {
  const r = loadManifests(
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: mine\nspec:\n  containers:\n  - name: app\n    image: nginx\n',
  );
  if (!r.ok) throw new Error(r.message);
  return r.objects;
};

describe('a run asked for while the page’s first run is being made', () => {
  it('wins: the first run is dropped when it lands, and the page is no longer busy', async () => {
    const made = firstRun();
    usePlayer.getState().applyManifests(mine(), 'mine');
    const s = usePlayer.getState;
    expect(s().simulating).toBe(false);
    expect(s().custom).toBe(true);
    const trace = s().trace;
    await made;
    expect(s().trace).toBe(trace);
    expect(s().simulating).toBe(false);
    expect([...trace.objectsAt(trace.steps.length - 1, '/registry/pods/').keys()]).toEqual([
      '/registry/pods/default/mine',
    ]);
  });
});
