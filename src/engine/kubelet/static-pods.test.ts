import { describe, expect, it } from 'vitest';
import { isMirrorPod, mirrorPodOf, staticPodFrom } from './static-pods';

const manifest = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'static-web', labels: { role: 'myrole' } },
  spec: { containers: [{ name: 'web', image: 'nginx' }] },
};

describe('the file source and the mirror client', () => {
  const p = staticPodFrom(manifest, 'node-1', 0);

  it.each<[string, unknown, unknown]>([
    ['name: the manifest’s, a dash, the node’s', p.metadata?.name, 'static-web-node-1'],
    ['namespace defaults to default', p.metadata?.namespace, 'default'],
    ['bound to its node without a scheduler', p.spec?.nodeName, 'node-1'],
    ['config.source', p.metadata?.annotations?.['kubernetes.io/config.source'], 'file'],
    ['tolerates every NoExecute taint', p.spec?.tolerations, [{ operator: 'Exists', effect: 'NoExecute' }]],
  ])('%s', (_, got, want) => {
    expect(got).toEqual(want);
  });

  it('hashes the manifest: the same file gives the same uid, another node another', () => {
    expect(staticPodFrom(manifest, 'node-1', 5).metadata?.uid).toBe(p.metadata?.uid);
    expect(staticPodFrom(manifest, 'node-2', 0).metadata?.uid).not.toBe(p.metadata?.uid);
    expect(p.metadata?.annotations?.['kubernetes.io/config.hash']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('makes a mirror Pod owned by the Node, marked with config.mirror = the hash', () => {
    const m = mirrorPodOf(p, 'node-uid');
    expect(isMirrorPod(m as never)).toBe(true);
    expect(m.metadata?.annotations?.['kubernetes.io/config.mirror']).toBe(
      p.metadata?.annotations?.['kubernetes.io/config.hash'],
    );
    expect(m.metadata?.ownerReferences).toEqual([
      { apiVersion: 'v1', kind: 'Node', name: 'node-1', uid: 'node-uid', controller: true },
    ]);
    expect(m.metadata?.uid).toBeUndefined();
    expect(m.spec).toEqual(p.spec);
  });
});
