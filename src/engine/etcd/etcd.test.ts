import { describe, expect, it } from 'vitest';
import { Sim } from '../core/sim';
import type { Message } from '../core/messages';
import { DEFAULT_CLUSTER, simulate } from '../index';
import type { ApiObject } from '../types';
import { handleEtcd, initEtcd, type EtcdState } from './etcd';

const POD_KEY = '/registry/pods/default/web';

function txn(sim: Sim<{ etcd: EtcdState }>, value: ApiObject | null, mustNotExist = false): void {
  sim.note('kube-apiserver', { kind: 'request', level: 'deep', say: { key: 'test', params: {} } }, 'etcd');
  const msg: Message = {
    type: 'etcd-txn',
    id: sim.id(),
    key: POD_KEY,
    value,
    ...(mustNotExist ? { mustNotExist } : {}),
  };
  handleEtcd(sim, 'etcd', msg, 'kube-apiserver');
}

/** What etcd sent back: the txn's answer and the watch event, in the order they were sent. */
function sent(sim: Sim<{ etcd: EtcdState }>): Message[] {
  const out: Message[] = [];
  for (let d = sim.agenda.pop(); d; d = sim.agenda.pop()) out.push(d.item.msg);
  return out;
}

describe('etcd keeps the object a write carries', () => {
  it('stores, answers and watches with the one object, its revision written in', () => {
    const sim = new Sim({ etcd: initEtcd() }, 1, {});
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' } } as ApiObject;
    txn(sim, pod, true);
    const stored = sim.world.etcd.kv[POD_KEY]!;
    expect(stored.value).toBe(pod);
    expect(pod.metadata).toEqual({ name: 'web', namespace: 'default', resourceVersion: '2' });
    expect(stored).toMatchObject({ createRevision: 2, modRevision: 2 });
    const [result, watch] = sent(sim);
    expect(result).toMatchObject({ type: 'etcd-txn-result', ok: true, revision: 2 });
    expect(result?.type === 'etcd-txn-result' && result.value).toBe(pod);
    expect(watch?.type === 'etcd-watch' && watch.value).toBe(pod);
    expect(sim.recorder.steps[0]!.changes[0]!.after).toBe(pod);
  });

  it('keeps an update where the resourceVersion was, and leaves the stored version as it was', () => {
    const sim = new Sim({ etcd: initEtcd() }, 1, {});
    const first = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', uid: 'u' }, spec: {} } as ApiObject;
    txn(sim, first, true);
    const second = { ...first, metadata: { ...first.metadata, labels: { a: 'b' } }, status: { phase: 'Pending' } };
    txn(sim, second);
    expect(Object.keys(second.metadata)).toEqual(['name', 'uid', 'resourceVersion', 'labels']);
    expect(second.metadata.resourceVersion).toBe('3');
    expect(first.metadata.resourceVersion).toBe('2');
    expect(sim.world.etcd.kv[POD_KEY]).toMatchObject({ value: second, createRevision: 2, modRevision: 3 });
  });

  it('refuses a create of a key that exists without touching either object', () => {
    const sim = new Sim({ etcd: initEtcd() }, 1, {});
    const first = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' } } as ApiObject;
    txn(sim, first, true);
    sent(sim);
    const again = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' } } as ApiObject;
    txn(sim, again, true);
    expect(again.metadata).toEqual({ name: 'web' });
    expect(sim.world.etcd.kv[POD_KEY]!.value).toBe(first);
    expect(sent(sim)).toMatchObject([{ type: 'etcd-txn-result', ok: false, value: first }]);
  });
});

describe('every write of a run is a new object', () => {
  // If kube-apiserver handed etcd an object sharing its metadata with a stored version (a binding,
  // a status write spread from the current Pod), writing the revision in would change that
  // version too: each version in the history keeps the revision of its own write.
  const deployment = (image: string) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image }] } },
    },
  });
  // A rollout (apply: a PATCH), then a foreground delete (finalizers, graceful Pod deletions).
  const trace = simulate({
    manifests: [deployment('nginx:1.14.2')],
    updates: [{ manifest: deployment('nginx:1.16.1'), atMs: 12_000 }],
    deletes: [{ kind: 'Deployment', name: 'web', cascade: 'Foreground', atMs: 40_000 }],
    cluster: DEFAULT_CLUSTER,
    seed: 1,
  });
  const writes = trace.steps.flatMap((s) => s.changes).filter((c) => c.after);

  it('writes through every path: creates, bindings, status, patches, deletions, Events', () => {
    // A write is recorded on kube-apiserver's transaction step, which names the path it took.
    const paths = new Set(trace.steps.filter((s) => s.changes.some((c) => c.after)).map((s) => s.say.key));
    for (const key of [
      'apiserver-store-pod',
      'apiserver-store-binding',
      'apiserver-store-status',
      'apiserver-store-running',
      'apiserver-store',
      'apiserver-delete-graceful',
      'apiserver-delete-finalizers',
    ])
      expect(paths).toContain(key);
  });

  it('each stored version keeps the resourceVersion of its own write', () => {
    const wrong = writes.filter((c) => c.after!.metadata.resourceVersion !== String(c.revision));
    expect(wrong.map((c) => `${c.key}@${c.revision}: ${c.after!.metadata.resourceVersion}`)).toEqual([]);
  });

  it('no two versions share their metadata', () => {
    const metas = new Set(writes.map((c) => c.after!.metadata));
    expect(metas.size).toBe(writes.length);
  });
});
