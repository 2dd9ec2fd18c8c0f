import { describe, expect, it, vi } from 'vitest';
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
    // Before the simulator is loaded: the run is made elsewhere (the Worker, here in Node once loaded).
    usePlayer.getState().applyManifests(mine(), 'mine');
    const s = usePlayer.getState;
    await made;
    await vi.waitFor(() => expect(s().custom).toBe(true));
    expect(s().simulating).toBe(false);
    const trace = s().trace;
    expect([...trace.objectsAt(trace.steps.length - 1, '/registry/pods/').keys()]).toEqual([
      '/registry/pods/default/mine',
    ]);
    // The first run landed before or after it: either way the learner's run is on screen.
    await firstRun();
    expect(s().trace).toBe(trace);
  });
});
