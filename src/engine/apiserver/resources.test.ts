import { describe, expect, it } from 'vitest';
import { etcdKey, resourceOfDir, resourceOfKey } from './resources';

describe('the resource of an etcd key, remembered by directory', () => {
  it.each<[string, string | undefined]>([
    ['/registry/pods/default/web-1', 'pods'],
    ['/registry/minions/node-1', 'nodes'],
    ['/registry/services/specs/default/nginx', 'services'],
    ['/registry/kyverno.io/clusterpolicies/require-labels', 'clusterpolicies'],
    ['/registry/no-such-thing/default/x', undefined],
  ])('%s → %s, the first time and again', (key, resource) => {
    expect(resourceOfKey(key)?.resource).toBe(resource);
    expect(resourceOfKey(key)?.resource).toBe(resource);
    expect(resourceOfDir(key.slice(0, key.lastIndexOf('/') + 1))?.resource).toBe(resource);
  });

  it('agrees with the keys etcdKey makes', () => {
    for (const [resource, ns] of [
      ['pods', 'default'],
      ['events', 'kube-system'],
      ['nodes', undefined],
      ['replicasets', 'team'],
    ] as const)
      expect(resourceOfKey(etcdKey(resource, ns, 'x'))?.resource).toBe(resource);
  });
});
