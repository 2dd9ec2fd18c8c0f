import { describe, expect, it } from 'vitest';
import { addContainer, findContainer, newContainerStore, removeContainer } from './containers';

const POD = '/registry/pods/default/web-1';
const OTHER = '/registry/pods/default/web-2';

describe("containerd's container store, by Pod", () => {
  it('finds a container by Pod and name among that Pod’s containers only', () => {
    const s = newContainerStore();
    addContainer(s, 'a1', { podKey: POD, name: 'web', state: 'created' });
    addContainer(s, 'b1', { podKey: OTHER, name: 'web', state: 'created' });
    addContainer(s, 'a2', { podKey: POD, name: 'sidecar', state: 'created' });
    expect(findContainer(s, POD, 'web')).toBe('a1');
    expect(findContainer(s, OTHER, 'web')).toBe('b1');
    expect(findContainer(s, POD, 'sidecar')).toBe('a2');
    expect(findContainer(s, OTHER, 'sidecar')).toBeUndefined();
    expect(findContainer(s, POD, undefined)).toBeUndefined();
  });

  it('gives the oldest of two instances, or the one with the id asked for', () => {
    const s = newContainerStore();
    addContainer(s, 'old', { podKey: POD, name: 'web', state: 'running' });
    addContainer(s, 'new', { podKey: POD, name: 'web', state: 'created' });
    expect(findContainer(s, POD, 'web')).toBe('old');
    expect(findContainer(s, POD, 'web', 'new')).toBe('new');
    expect(findContainer(s, POD, 'web', 'gone')).toBeUndefined();
  });

  it('forgets a removed container, so a restart finds the new instance', () => {
    const s = newContainerStore();
    addContainer(s, 'first', { podKey: POD, name: 'web', state: 'running' });
    removeContainer(s, 'first');
    expect(findContainer(s, POD, 'web')).toBeUndefined();
    expect(s.byPod[POD]).toBeUndefined();
    addContainer(s, 'second', { podKey: POD, name: 'web', state: 'created' });
    expect(findContainer(s, POD, 'web')).toBe('second');
    expect(Object.keys(s.byId)).toEqual(['second']);
    // Removing what is not there changes nothing.
    removeContainer(s, 'first');
    expect(s.byPod[POD]).toEqual(['second']);
  });
});
