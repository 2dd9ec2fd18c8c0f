import { describe, expect, it } from 'vitest';
import { Agenda } from './agenda';
import { nextFloat, seedPrng } from './prng';
import { NO_CHANGES, TraceRecorder } from './recorder';
import { lastAtOrBefore, traceFromData } from './trace';
import { Sim, type Delivery } from './sim';
import type { ComponentId } from '../types';

describe('Agenda', () => {
  it('delivers by time, and in scheduling order at the same time', () => {
    const a = new Agenda<string>();
    a.push(5, 'late');
    a.push(1, 'first');
    a.push(3, 'tie-1');
    a.push(3, 'tie-2');
    a.push(0, 'zero');
    const out: string[] = [];
    for (let s = a.pop(); s; s = a.pop()) out.push(s.item);
    expect(out).toEqual(['zero', 'first', 'tie-1', 'tie-2', 'late']);
  });

  it('takes items in the order pop gives them, time and all', () => {
    const fill = (a: Agenda<number>) => [7, 2, 9, 2, 4, 0, 7, 1].forEach((at, i) => a.push(at, i));
    const popped = new Agenda<number>();
    const taken = new Agenda<number>();
    fill(popped);
    fill(taken);
    const byPop: [number, number][] = [];
    for (let s = popped.pop(); s; s = popped.pop()) byPop.push([s.at, s.item]);
    const byTake: [number, number][] = [];
    for (let at = taken.peekAt(); at !== undefined; at = taken.peekAt()) byTake.push([at, taken.take()!]);
    expect(byTake).toEqual(byPop);
    expect(taken.take()).toBeUndefined();
  });

  it('peeks at the next time without removing it', () => {
    const a = new Agenda<number>();
    expect(a.peekAt()).toBeUndefined();
    a.push(9, 1);
    a.push(4, 2);
    expect(a.peekAt()).toBe(4);
    expect(a.size).toBe(2);
  });
});

describe('seeded PRNG', () => {
  it('repeats for a seed and differs between seeds', () => {
    const draw = (seed: number) => {
      const st = seedPrng(seed);
      return Array.from({ length: 5 }, () => nextFloat(st));
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    for (const x of draw(1)) expect(x >= 0 && x < 1).toBe(true);
  });

  it('resumes exactly from a copy of its state', () => {
    const st = seedPrng(3);
    nextFloat(st);
    const copy = [...st] as typeof st;
    expect(nextFloat(copy)).toBe(nextFloat(st));
  });
});

describe('TraceRecorder', () => {
  const obj = (rv: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', resourceVersion: rv } });

  it('answers the object at any step by binary search', () => {
    const r = new TraceRecorder();
    r.seed('/k', obj('1'));
    const base = {
      at: 0,
      from: 'etcd',
      to: 'etcd',
      kind: 'internal',
      level: 'deep',
      say: { key: 'x', params: {} },
      changes: [],
    } as const;
    r.add({ ...base, changes: [] });
    r.add({ ...base, changes: [] });
    r.change('/k', obj('1'), obj('2'), 2);
    r.add({ ...base, changes: [] });
    r.change('/k', obj('2'), null, 3);
    const t = traceFromData(r.finish({ kubernetesVersion: 'v1.33', nodes: [], end: 'settled' }));
    expect(t.objectAt('/k', -1)?.metadata.resourceVersion).toBe('1');
    expect(t.objectAt('/k', 0)?.metadata.resourceVersion).toBe('1');
    expect(t.objectAt('/k', 1)?.metadata.resourceVersion).toBe('2');
    expect(t.objectAt('/k', 2)).toBeUndefined();
    expect(t.objectsAt(1).size).toBe(1);
    expect(t.objectsAt(1, '/k').size).toBe(1);
    expect(t.objectsAt(1, '/other').size).toBe(0);
    expect(t.objectsAt(2).size).toBe(0);
  });

  it('survives a structured clone, as a Worker posts it', () => {
    const r = new TraceRecorder();
    r.seed('/k', obj('1'));
    const t = traceFromData(structuredClone(r.finish({ kubernetesVersion: 'v1.33', nodes: [], end: 'settled' })));
    expect(t.objectAt('/k', 0)?.metadata.resourceVersion).toBe('1');
  });

  it('forgets the writes of truncated steps', () => {
    const r = new TraceRecorder();
    const base = {
      at: 0,
      from: 'etcd',
      to: 'etcd',
      kind: 'internal',
      level: 'deep',
      say: { key: 'x', params: {} },
    } as const;
    r.add({ ...base, changes: [] });
    r.change('/k', null, obj('2'), 2);
    r.add({ ...base, changes: [] });
    r.change('/k', obj('2'), obj('3'), 3);
    r.truncate(1);
    const t = traceFromData(r.finish({ kubernetesVersion: 'v1.33', nodes: [], end: 'settled' }));
    expect(t.steps).toHaveLength(1);
    expect(t.objectAt('/k', 5)?.metadata.resourceVersion).toBe('2');
  });

  it.each([
    [[1, 3, 5], 0, -1],
    [[1, 3, 5], 1, 0],
    [[1, 3, 5], 4, 1],
    [[1, 3, 5], 9, 2],
    [[], 3, -1],
  ])('lastAtOrBefore(%j, %i) is %i', (arr, target, expected) => {
    expect(lastAtOrBefore(arr, target)).toBe(expected);
  });
});

describe('Sim: the request and Pod a step belongs to', () => {
  // A toy world: a client asks a server, which notes its work and answers with the same id.
  const run = () => {
    const sim = new Sim<object>({}, 1, {
      client: () => undefined,
      server: (s, self, msg, from) => {
        if (msg.type !== 'cri-request') return;
        s.note(self, { kind: 'internal', level: 'deep', say: { key: 'work', params: {} } });
        s.send(
          {
            from: self,
            to: from,
            msg: { type: 'cri-response', id: msg.id, method: msg.method, podKey: msg.podKey, ok: true },
            meta: { kind: 'response', level: 'standard', say: { key: 'answer', params: {} } },
          },
          1,
        );
      },
    });
    for (const podKey of ['/registry/pods/default/a', '/registry/pods/default/b'])
      sim.send(
        {
          from: 'client' as ComponentId,
          to: 'server' as ComponentId,
          msg: { type: 'cri-request', id: sim.id(), method: 'RunPodSandbox', podKey },
          meta: { kind: 'request', level: 'standard', say: { key: 'ask', params: {} } },
        },
        1,
      );
    sim.send({ from: 'client' as ComponentId, to: 'client' as ComponentId, msg: { type: 'lease-renew' } }, 5);
    while (sim.deliverNext());
    sim.note('client' as ComponentId, { kind: 'internal', level: 'deep', say: { key: 'alone', params: {} } });
    return sim.recorder.steps;
  };

  it('stamps a request, the work done for it and its answer with one id, and the Pod they are for', () => {
    const rows = run().map((s) => [s.say.key, s.requestId, s.pod]);
    expect(rows).toEqual([
      ['ask', 1, '/registry/pods/default/a'],
      ['work', 1, '/registry/pods/default/a'],
      ['ask', 2, '/registry/pods/default/b'],
      ['work', 2, '/registry/pods/default/b'],
      ['answer', 1, '/registry/pods/default/a'],
      ['answer', 2, '/registry/pods/default/b'],
      // Work outside any message belongs to no request.
      ['alone', undefined, undefined],
    ]);
  });
});

describe('Sim: the steps it records', () => {
  const run = () => {
    const sim = new Sim<object>({}, 1, {
      server: (s, self, msg) => {
        if (msg.type !== 'cri-request') return;
        s.note(self, { kind: 'internal', level: 'deep', say: { key: 'work', params: {} } });
        if (msg.podKey.endsWith('b')) s.change('/k', null, { apiVersion: 'v1', kind: 'Pod', metadata: {} }, 2);
      },
    });
    for (const podKey of ['/registry/pods/default/a', '/registry/pods/default/b'])
      sim.send(
        {
          from: 'server' as ComponentId,
          to: 'server' as ComponentId,
          fanout: podKey.endsWith('b') ? ['server' as ComponentId] : undefined,
          msg: { type: 'cri-request', id: sim.id(), method: 'RunPodSandbox', podKey },
          meta: {
            kind: 'request',
            level: 'standard',
            verb: 'RunPodSandbox',
            status: 200,
            say: { key: 'ask', params: {} },
          },
        },
        1,
      );
    while (sim.deliverNext());
    sim.note('server' as ComponentId, {
      kind: 'event',
      level: 'overview',
      summary: true,
      say: { key: 'alone', params: {} },
    });
    return sim.recorder.steps;
  };

  it('builds every step with the same fields in the same order, whatever its meta names', () => {
    const steps = run();
    const shapes = new Set(steps.map((s) => Object.keys(s).join()));
    expect([...shapes]).toEqual([
      'seq,at,from,to,fanout,kind,verb,path,status,level,summary,say,source,changes,requestId,pod',
    ]);
  });

  it('leaves out of the JSON what the meta and the message did not say', () => {
    const [ask, work] = run().map((s) => JSON.parse(JSON.stringify(s)) as Record<string, unknown>);
    expect(Object.keys(ask!).sort()).toEqual(
      ['at', 'changes', 'from', 'kind', 'level', 'pod', 'requestId', 'say', 'seq', 'status', 'to', 'verb'].sort(),
    );
    expect(Object.keys(work!).sort()).toEqual(
      ['at', 'changes', 'from', 'kind', 'level', 'pod', 'requestId', 'say', 'seq', 'to'].sort(),
    );
  });

  it('shares one frozen empty list of writes until a step makes its first, which goes in its own list', () => {
    const steps = run();
    const written = steps.filter((s) => s.changes.length > 0);
    expect(written.map((s) => [s.say.key, s.pod, s.changes.length])).toEqual([
      ['work', '/registry/pods/default/b', 1],
      // The fan-out's second delivery of the same message notes and writes again.
      ['work', '/registry/pods/default/b', 1],
    ]);
    expect(new Set(written.map((s) => s.changes)).size).toBe(2);
    expect(NO_CHANGES).toHaveLength(0);
    expect(Object.isFrozen(NO_CHANGES)).toBe(true);
    expect(steps.filter((s) => !written.includes(s)).every((s) => s.changes === NO_CHANGES)).toBe(true);
  });
});

describe('Sim.hex', () => {
  it.each([1, 2, 3, 4, 8, 16, 63, 64])(
    'draws %i digits one at a time, in order, as single-digit draws would',
    (length) => {
      const sim = new Sim<object>({}, 7, {});
      const bySingleDigits = new Sim<object>({}, 7, {});
      const hex = sim.hex(length);
      const digits = Array.from({ length }, () => bySingleDigits.int(0, 15).toString(16)).join('');
      expect(hex).toBe(digits);
      expect(sim.prng).toEqual(bySingleDigits.prng);
    },
  );
});

describe('Sim: periodic work', () => {
  // A lease renews itself forever; each renewal asks the server, whose answer inherits the periodic mark.
  const world = () => {
    const sent: Delivery[] = [];
    const sim = new Sim<object>({}, 1, {
      lease: (s, self, msg) => {
        if (msg.type !== 'lease-renew') return;
        const ask: Delivery = { from: self, to: 'server' as ComponentId, msg: { type: 'note' } };
        sent.push(ask);
        s.send(ask, 1);
        s.send({ from: self, to: self, msg: { type: 'lease-renew' }, periodic: true }, 10);
      },
      server: () => undefined,
    });
    return { sim, sent };
  };

  it('marks what periodic work sends as periodic, on a copy, so it does not keep the run going', () => {
    const { sim, sent } = world();
    sim.send(
      { from: 'lease' as ComponentId, to: 'lease' as ComponentId, msg: { type: 'lease-renew' }, periodic: true },
      0,
    );
    expect(sim.onlyPeriodicLeft()).toBe(true);
    sim.deliverNext();
    expect(sim.onlyPeriodicLeft()).toBe(true);
    expect(sim.agenda.items().map((s) => s.item.periodic)).toEqual([true, true]);
    // The sender's own delivery is left as it was.
    expect(sent[0]!.periodic).toBeUndefined();
    expect(sim.agenda.items().some((s) => s.item === sent[0])).toBe(false);
  });

  it('counts work sent outside periodic work until it is delivered', () => {
    const { sim } = world();
    sim.send({ from: 'lease' as ComponentId, to: 'server' as ComponentId, msg: { type: 'note' } }, 0);
    expect(sim.onlyPeriodicLeft()).toBe(false);
    sim.deliverNext();
    expect(sim.onlyPeriodicLeft()).toBe(true);
  });
});
