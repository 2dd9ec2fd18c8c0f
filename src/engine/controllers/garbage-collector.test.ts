import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateScenario, simulateYaml } from '../../headless';
import { loadManifests } from '../../manifest/load';
import { deletionFinalizers, ownerReferenceDeletes } from '../apiserver/deletion-finalizers';
import { parseCommand } from '../kubectl/argv';
import { simulate, type ApiObject, type Step, type Trace } from '../index';
import type { KubectlDelete } from '../types';

const fixtures = resolve(import.meta.dirname, '../../../../shared/fixtures/real-manifests');
const manifests = (() => {
  const loaded = loadManifests(readFileSync(resolve(fixtures, 'nginx-deployment.yaml'), 'utf8'));
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.objects;
})();

const AT = 30_000;
function run(cascade?: KubectlDelete['cascade']): Trace {
  return simulate({
    manifests,
    seed: 1,
    deletes: [{ kind: 'Deployment', name: 'nginx-deployment', atMs: AT, ...(cascade ? { cascade } : {}) }],
  });
}

const after = (t: Trace) => t.steps.filter((s) => s.at >= AT);
const last = (t: Trace, prefix: string) => [...t.objectsAt(t.steps.length - 1, prefix).values()];
/** The first step at which `key` is removed from etcd. */
const removedAt = (t: Trace, key: string) =>
  t.steps.find((s) => s.changes.some((c) => c.key === key && c.before && !c.after))?.seq ?? Infinity;

/** The keys a run ever stored under a prefix. */
function everStored(t: Trace, prefix: string): string[] {
  const out = new Set<string>();
  for (const s of t.steps) for (const c of s.changes) if (c.key.startsWith(prefix)) out.add(c.key);
  return [...out];
}
const said = (steps: readonly Step[], key: string) => steps.filter((s) => s.say.key === key);

describe('garbage collector: kubectl delete deployment (background, kubectl’s default)', () => {
  const t = run();
  const rsKey = everStored(t, '/registry/replicasets/')[0]!;
  const podKeys = everStored(t, '/registry/pods/default/');

  it('deletes the Deployment at once, then the ReplicaSet, then its Pods, each through kube-apiserver', () => {
    const dep = removedAt(t, '/registry/deployments/default/nginx-deployment');
    const rs = removedAt(t, rsKey);
    const gcDeletes = said(after(t), 'gc-delete');
    expect(gcDeletes.map((s) => `${s.say.params.kind} ${s.say.params.policy}`)).toEqual([
      'ReplicaSet Background',
      'Pod Background',
      'Pod Background',
      'Pod Background',
    ]);
    for (const s of gcDeletes) expect(s).toMatchObject({ kind: 'request', verb: 'delete', to: 'kube-apiserver' });
    expect(dep).toBeLessThan(gcDeletes[0]!.seq);
    expect(gcDeletes[0]!.seq).toBeLessThan(rs);
    expect(rs).toBeLessThan(gcDeletes[1]!.seq);
  });

  it('the Pods go Terminating with their grace period, and then they are gone', () => {
    const graceful = said(after(t), 'apiserver-delete-graceful');
    expect(graceful.map((s) => s.say.params.grace)).toEqual([30, 30, 30]);
    expect(podKeys).toHaveLength(3);
    for (const k of podKeys) expect(removedAt(t, k)).toBeGreaterThan(graceful[2]!.seq);
    expect(last(t, '/registry/pods/default/')).toEqual([]);
    expect(last(t, '/registry/replicasets/')).toEqual([]);
  });

  it('no replacement Pod is created', () => {
    expect(said(after(t), 'replicaset-create-pod')).toEqual([]);
  });

  it('tells the GC’s deletes at standard, its graph bookkeeping and reads at deep', () => {
    const levels = new Map(
      after(t)
        .filter((s) => s.say.key.startsWith('gc-'))
        .map((s) => [s.say.key, s.level]),
    );
    expect(Object.fromEntries(levels)).toEqual({
      'gc-graph-owner-gone': 'deep',
      'gc-get': 'deep',
      'gc-delete': 'standard',
    });
  });
});

describe('garbage collector: --cascade=foreground', () => {
  const t = run('Foreground');
  const depKey = '/registry/deployments/default/nginx-deployment';
  const rsKey = everStored(t, '/registry/replicasets/')[0]!;
  const podKeys = everStored(t, '/registry/pods/default/');

  it('keeps the Deployment, with deletionTimestamp and the foregroundDeletion finalizer, until its dependents are gone', () => {
    const marked = said(after(t), 'apiserver-delete-finalizers');
    expect(marked.map((s) => `${s.say.params.kind} ${s.say.params.finalizers}`)).toEqual([
      'Deployment foregroundDeletion',
      'ReplicaSet foregroundDeletion',
    ]);
    const d = t.objectsAt(marked[0]!.seq, '/registry/deployments/').get(depKey)!;
    expect(d.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(d.metadata.deletionTimestamp).toBeTruthy();
    expect(d.metadata.deletionGracePeriodSeconds).toBe(0);
  });

  it('removes the Pods first, then the ReplicaSet, then the Deployment', () => {
    const pods = Math.max(...podKeys.map((k) => removedAt(t, k)));
    expect(pods).toBeLessThan(removedAt(t, rsKey));
    expect(removedAt(t, rsKey)).toBeLessThan(removedAt(t, depKey));
    expect(removedAt(t, depKey)).toBeLessThan(Infinity);
  });

  it('deletes the ReplicaSet in Foreground (it has dependents) and the Pods in Background', () => {
    expect(said(after(t), 'gc-delete-foreground').map((s) => `${s.say.params.kind} ${s.say.params.policy}`)).toEqual([
      'ReplicaSet Foreground',
      'Pod Background',
      'Pod Background',
      'Pod Background',
    ]);
    expect(said(after(t), 'gc-remove-finalizer').map((s) => s.say.params.kind)).toEqual(['ReplicaSet', 'Deployment']);
    expect(said(after(t), 'apiserver-delete-finalized')).toHaveLength(2);
    expect(said(after(t), 'replicaset-create-pod')).toEqual([]);
  });
});

describe('garbage collector: --cascade=orphan', () => {
  const t = run('Orphan');

  it('removes the ownerReference from the ReplicaSet, then the orphan finalizer, then the Deployment', () => {
    expect(said(after(t), 'apiserver-delete-finalizers').map((s) => s.say.params.finalizers)).toEqual(['orphan']);
    expect(said(after(t), 'gc-orphan').map((s) => s.say.params.kind)).toEqual(['ReplicaSet']);
    expect(said(after(t), 'gc-remove-finalizer').map((s) => s.say.params.finalizer)).toEqual(['orphan']);
    expect(last(t, '/registry/deployments/')).toEqual([]);
  });

  it('leaves the ReplicaSet, without owner, and its Pods running', () => {
    const [rs] = last(t, '/registry/replicasets/');
    expect(rs!.metadata.ownerReferences).toBeUndefined();
    const pods = last(t, '/registry/pods/default/');
    expect(pods).toHaveLength(3);
    for (const p of pods) expect(p.metadata.deletionTimestamp).toBeUndefined();
    expect(said(after(t), 'gc-delete')).toEqual([]);
  });
});

describe('kube-apiserver: the finalizers a DELETE adds (deletionFinalizersForGarbageCollection)', () => {
  const obj = (finalizers?: string[]): ApiObject =>
    ({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'x', ...(finalizers ? { finalizers } : {}) },
    }) as ApiObject;
  it.each([
    [undefined, {}, false, []],
    [undefined, { propagationPolicy: 'Background' as const }, false, []],
    [undefined, { propagationPolicy: 'Foreground' as const }, true, ['foregroundDeletion']],
    [undefined, { propagationPolicy: 'Orphan' as const }, true, ['orphan']],
    [undefined, { orphanDependents: true }, true, ['orphan']],
    [['foregroundDeletion'], {}, false, ['foregroundDeletion']],
    [['orphan'], { propagationPolicy: 'Background' as const }, true, []],
    [['example.com/keep'], { propagationPolicy: 'Orphan' as const }, true, ['example.com/keep', 'orphan']],
  ])('finalizers %j, options %j → changed %s, %j', (finalizers, options, changed, want) => {
    expect(deletionFinalizers(obj(finalizers), options)).toEqual({ changed, finalizers: want });
  });

  it('a strategic `$patch: delete` drops the ownerReference with that uid', () => {
    const current = {
      ...obj(),
      metadata: { name: 'x', ownerReferences: [{ uid: 'a' }, { uid: 'b' }] },
    } as unknown as ApiObject;
    const patch = {
      metadata: { ownerReferences: [{ $patch: 'delete', uid: 'a' }], uid: 'x-uid' },
    } as unknown as ApiObject;
    expect(ownerReferenceDeletes(current, patch).metadata).toEqual({ ownerReferences: [{ uid: 'b' }] });
    const all = {
      metadata: {
        ownerReferences: [
          { $patch: 'delete', uid: 'a' },
          { $patch: 'delete', uid: 'b' },
        ],
      },
    };
    expect(ownerReferenceDeletes(current, all as unknown as ApiObject).metadata).toEqual({ ownerReferences: null });
  });
});

describe('kubectl delete --cascade (GetCascadingStrategy)', () => {
  it.each([
    ['kubectl delete deployment web', undefined],
    ['kubectl delete deployment web --cascade', 'Background'],
    ['kubectl delete deployment web --cascade=background', 'Background'],
    ['kubectl delete deployment web --cascade=foreground', 'Foreground'],
    ['kubectl delete deployment web --cascade=orphan', 'Orphan'],
    ['kubectl delete deployment web --cascade=false', 'Orphan'],
    ['kubectl delete deployment web --cascade=1', 'Background'],
  ])('%s → %s', (line, cascade) => {
    const parsed = parseCommand(line);
    expect(parsed.ok && parsed.cmd.verb === 'delete' ? parsed.cmd.cascade : 'not parsed').toBe(cascade);
  });

  it('refuses another value', () => {
    expect(parseCommand('kubectl delete deployment web --cascade=all')).toEqual({
      ok: false,
      error: 'error: invalid cascade value (all). Must be "background", "foreground", or "orphan"',
    });
  });

  it('warns of a boolean value', () => {
    const parsed = parseCommand('kubectl delete deployment web --cascade=false');
    expect(parsed.ok && parsed.cmd.verb === 'delete' && parsed.cmd.warning).toBe(
      'warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\n',
    );
  });
});

describe('garbage collector: kubectl delete at the prompt', () => {
  const base = simulateScenario('deployment');
  const typed = (argv: string[]) =>
    simulateScenario('deployment', { commands: [{ atStep: base.trace.steps.length - 1, argv }] }).trace;

  it.each<[string[], string, number, number]>([
    // argv, what kubectl prints, ReplicaSets and Pods left at the end
    [['delete', 'deployment', 'nginx-deployment'], 'deployment.apps "nginx-deployment" deleted', 0, 0],
    [
      ['delete', 'deployment', 'nginx-deployment', '--cascade=foreground'],
      'deployment.apps "nginx-deployment" deleted',
      0,
      0,
    ],
    [
      ['delete', 'deployment', 'nginx-deployment', '--cascade=false'],
      'warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\ndeployment.apps "nginx-deployment" deleted',
      1,
      3,
    ],
  ])('kubectl %j', (argv, out, replicaSets, pods) => {
    const t = typed(argv);
    const prints = t.steps.filter((s) => s.say.key === 'kubectl-prints').map((s) => String(s.say.params.printed));
    expect(prints.at(-1)).toBe(out);
    expect(last(t, '/registry/deployments/')).toEqual([]);
    expect(last(t, '/registry/replicasets/')).toHaveLength(replicaSets);
    expect(last(t, '/registry/pods/default/')).toHaveLength(pods);
  });
});

describe('a Pod deleted with --cascade=foreground (graceful deletion and a finalizer)', () => {
  const yaml = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  terminationGracePeriodSeconds: 5
  containers:
  - name: nginx
    image: nginx
`;
  const t = simulateYaml(yaml, {
    seed: 1,
    deletes: [{ kind: 'Pod', name: 'web', atMs: 20_000, cascade: 'Foreground' }],
  }).trace;

  it('goes Terminating with the finalizer; the GC removes it (no dependents); the kubelet’s final delete removes the Pod', () => {
    const graceful = said(t.steps, 'apiserver-delete-graceful')[0]!;
    const marked = t.objectAt('/registry/pods/default/web', graceful.seq)!;
    expect(marked.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(marked.metadata.deletionGracePeriodSeconds).toBe(5);
    expect(said(t.steps, 'gc-remove-finalizer').map((s) => s.say.params.finalizer)).toEqual(['foregroundDeletion']);
    expect(said(t.steps, 'kubelet-delete-final')).toHaveLength(1);
    expect(last(t, '/registry/pods/')).toEqual([]);
  });
});
