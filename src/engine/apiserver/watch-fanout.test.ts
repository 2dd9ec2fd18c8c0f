import { describe, expect, it } from 'vitest';
import { Sim } from '../core/sim';
import type { Message, WatchSpec } from '../core/messages';
import { informerReceive, newInformers } from '../client/informer';
import { initEtcd } from '../etcd/etcd';
import type { ApiObject, ComponentId } from '../types';
import { cachePut, handleApiserver, initApiserver } from './apiserver';
import { USERS } from './authz';

const KEY = '/registry/pods/default/web-1';

const pod = (name: string, nodeName?: string, rv = '10'): ApiObject =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', resourceVersion: rv },
    spec: nodeName ? { nodeName } : {},
  }) as unknown as ApiObject;

/** kube-apiserver with the scheduler's watch of every Pod and two kubelets' watches of their node's. */
function apiserverWithWatches() {
  const sim = new Sim({ apiserver: initApiserver(), etcd: initEtcd() }, 1, {});
  const watches: [ComponentId, WatchSpec][] = [
    ['kube-scheduler', { resource: 'pods' }],
    ['kubelet/node-1', { resource: 'pods', nodeName: 'node-1' }],
    ['kubelet/node-2', { resource: 'pods', nodeName: 'node-2' }],
  ];
  for (const [component, spec] of watches) {
    const msg: Message = {
      type: 'http-request',
      id: sim.id(),
      req: { verb: 'watch', resource: 'pods', group: '', path: '/api/v1/pods', user: USERS.admin, watches: [spec] },
    };
    handleApiserver(sim, 'kube-apiserver', msg, component);
  }
  return sim;
}

describe('the watch cache fans a write out to the watches it concerns', () => {
  it.each<[string, ApiObject | null, ApiObject | null, Record<string, string>, string, string]>([
    [
      'a Pod bound to node-1',
      pod('web-1'),
      pod('web-1', 'node-1'),
      { 'kube-scheduler': 'MODIFIED', 'kubelet/node-1': 'ADDED' },
      'kube-scheduler (MODIFIED), kubelet/node-1 (ADDED)',
      'overview',
    ],
    [
      'a bound Pod deleted',
      pod('web-1', 'node-1'),
      null,
      { 'kube-scheduler': 'DELETED', 'kubelet/node-1': 'DELETED' },
      'kube-scheduler (DELETED), kubelet/node-1 (DELETED)',
      'standard',
    ],
    [
      'a new Pod, not bound yet',
      null,
      pod('web-1'),
      { 'kube-scheduler': 'ADDED' },
      'kube-scheduler (ADDED)',
      'overview',
    ],
  ])('%s', (_, prev, value, events, watchers, level) => {
    const sim = apiserverWithWatches();
    handleApiserver(sim, 'kube-apiserver', { type: 'etcd-watch', key: KEY, revision: 11, prev, value }, 'etcd');
    const sent = sim.agenda.pop()!.item;
    expect(sim.agenda.pop()).toBeUndefined();
    const [first, ...rest] = Object.keys(events);
    expect(sent.to).toBe(first);
    expect(sent.fanout).toEqual(rest.length ? rest : undefined);
    expect(sent.msg).toEqual({ type: 'watch-event', resource: 'pods', object: value ?? prev, events, key: KEY });
    expect(sent.meta).toMatchObject({
      level,
      say: { key: 'apiserver-watch-pod', params: { name: 'web-1', watchers } },
    });
  });

  it('gives the informers its key only where it is the one they would make from the object', () => {
    const sim = apiserverWithWatches();
    // A body naming another object than the key it was stored under.
    const odd = pod('other');
    handleApiserver(
      sim,
      'kube-apiserver',
      { type: 'etcd-watch', key: KEY, revision: 11, prev: null, value: odd },
      'etcd',
    );
    const msg = sim.agenda.pop()!.item.msg;
    expect(msg).toEqual({ type: 'watch-event', resource: 'pods', object: odd, events: { 'kube-scheduler': 'ADDED' } });
    // The informer keys its store by the object then, as before.
    const inf = newInformers();
    expect(informerReceive(inf, 'kube-scheduler', msg)).toEqual([
      { type: 'ADDED', object: odd, key: '/registry/pods/default/other' },
    ]);
    expect(Object.keys(inf.cache.objects)).toEqual(['/registry/pods/default/other']);
  });

  it('an informer stores the object under the key the event carries', () => {
    const inf = newInformers();
    const object = pod('web-1');
    const events = { 'kube-scheduler': 'ADDED' as const };
    informerReceive(inf, 'kube-scheduler', { type: 'watch-event', resource: 'pods', object, events, key: KEY });
    expect(inf.cache.objects).toEqual({ [KEY]: object });
    expect(
      informerReceive(inf, 'kube-scheduler', {
        type: 'watch-event',
        resource: 'pods',
        object,
        events: { 'kube-scheduler': 'DELETED' },
        key: KEY,
      }),
    ).toEqual([{ type: 'DELETED', object, key: KEY }]);
    expect(inf.cache.objects).toEqual({});
  });
});

describe('the quota evaluator’s own record of what it charged', () => {
  const QUOTA = '/registry/resourcequotas/default/q';
  const quota = (used: Record<string, string>, rv: string) =>
    ({
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'q', namespace: 'default', resourceVersion: rv },
      status: { hard: { pods: '5' }, used },
    }) as unknown as ApiObject;
  it.each<[string, ApiObject | null, boolean]>([
    ['an older count: kept, newer than the cache', quota({ pods: '1' }, '11'), true],
    ['the count it charged: forgotten, the cache has caught up', quota({ pods: '2' }, '12'), false],
    ['the quota deleted: forgotten', null, false],
  ])('%s', (_, value, kept) => {
    const sim = apiserverWithWatches();
    sim.world.apiserver.quotaUsed[QUOTA] = { pods: '2' };
    const prev = quota({ pods: '1' }, '10');
    handleApiserver(sim, 'kube-apiserver', { type: 'etcd-watch', key: QUOTA, revision: 12, prev, value }, 'etcd');
    expect(QUOTA in sim.world.apiserver.quotaUsed).toBe(kept);
  });
});

describe('the watch cache’s indexes follow creates, updates and deletes', () => {
  const key = (name: string) => `/registry/pods/default/${name}`;
  /** A LIST of Pods as kube-apiserver answers it from the watch cache: names and resourceVersions. */
  function list(sim: ReturnType<typeof apiserverWithWatches>): string[] {
    const msg: Message = {
      type: 'http-request',
      id: sim.id(),
      req: {
        verb: 'list',
        resource: 'pods',
        group: '',
        path: '/api/v1/pods',
        user: USERS.admin,
        watches: [{ resource: 'pods' }],
      },
    };
    handleApiserver(sim, 'kube-apiserver', msg, 'kube-scheduler');
    const answer = sim.agenda.pop()!.item.msg as { items: ApiObject[] };
    return answer.items.map((o) => `${o.metadata.name}@${o.metadata.resourceVersion}`);
  }

  it.each<[string, [string, string | null][], string[]]>([
    [
      'two creates',
      [
        ['a', '1'],
        ['b', '2'],
      ],
      ['a@1', 'b@2'],
    ],
    [
      'an update keeps its place and shows the new version',
      [
        ['a', '1'],
        ['b', '2'],
        ['a', '3'],
      ],
      ['a@3', 'b@2'],
    ],
    [
      'a delete',
      [
        ['a', '1'],
        ['b', '2'],
        ['a', null],
      ],
      ['b@2'],
    ],
    [
      'deleted and created again: last',
      [
        ['a', '1'],
        ['b', '2'],
        ['a', null],
        ['a', '4'],
      ],
      ['b@2', 'a@4'],
    ],
  ])('%s', (_, writes, listed) => {
    const sim = apiserverWithWatches();
    const st = sim.world.apiserver;
    for (const [name, rv] of writes) cachePut(st, key(name), rv ? pod(name, undefined, rv) : null);
    expect(list(sim)).toEqual(listed);
    // The admission plugins' lister (by directory) sees the same objects.
    expect(Object.keys(st.dirs['/registry/pods/default/'] ?? {})).toEqual(listed.map((n) => key(n.split('@')[0]!)));
  });
});
