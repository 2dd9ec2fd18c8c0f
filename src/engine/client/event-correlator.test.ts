import { describe, expect, it } from 'vitest';
import {
  AGGREGATE_MAX_EVENTS,
  aggregateKey,
  COMBINED_PREFIX,
  correlate,
  eventKey,
  spamKey,
  SPAM_BURST,
  type CorrelatedEvent,
  type EventCorrelatorState,
} from './event-correlator';

const base: CorrelatedEvent = {
  component: 'kubelet',
  host: 'node-1',
  kind: 'Pod',
  namespace: 'default',
  name: 'web',
  fieldPath: 'spec.containers{app}',
  uid: 'u-1',
  apiVersion: 'v1',
  type: 'Warning',
  reason: 'BackOff',
  message: 'Back-off restarting failed container app in pod web_default(u-1)',
};

/** Feed events at the given times; name the n-th created Event `web.<n>`. */
function feed(events: [number, Partial<CorrelatedEvent>][], st: EventCorrelatorState = {}) {
  let n = 0;
  return events.map(([at, e]) =>
    correlate(st, { ...base, ...e }, at, () => ({ name: `web.${n++}`, namespace: 'default' })),
  );
}

describe('the eventLogger: the same Event again is a PATCH of the first (count + 1)', () => {
  it.each<[string, [number, Partial<CorrelatedEvent>][], [string, string, number, number][]]>([
    [
      'three identical Events',
      [
        [0, {}],
        [10_000, {}],
        [30_000, {}],
      ],
      [
        ['create', 'web.0', 1, 0],
        ['patch', 'web.0', 2, 0],
        ['patch', 'web.0', 3, 0],
      ],
    ],
    [
      'a different fieldPath is a different Event',
      [
        [0, {}],
        [1_000, { fieldPath: 'spec.containers{sidecar}' }],
        [2_000, {}],
      ],
      [
        ['create', 'web.0', 1, 0],
        ['create', 'web.1', 1, 1_000],
        ['patch', 'web.0', 2, 0],
      ],
    ],
    [
      'a different message is a different Event (below the aggregation threshold)',
      [
        [0, { message: 'a' }],
        [1_000, { message: 'b' }],
        [2_000, { message: 'a' }],
      ],
      [
        ['create', 'web.0', 1, 0],
        ['create', 'web.1', 1, 1_000],
        ['patch', 'web.0', 2, 0],
      ],
    ],
  ])('%s', (_, events, expected) => {
    const results = feed(events);
    expect(results.map((r) => (r.action === 'skip' ? ['skip'] : [r.action, r.name, r.count, r.first]))).toEqual(
      expected,
    );
  });
});

describe('the EventAggregator: ten different messages for one reason within 10 minutes are combined', () => {
  const distinct = (n: number, every = 1_000) =>
    Array.from({ length: n }, (_, i): [number, Partial<CorrelatedEvent>] => [i * every, { message: `m${i}` }]);

  it.each<[string, [number, Partial<CorrelatedEvent>][], string[]]>([
    ['nine distinct messages stay nine Events', distinct(9), Array.from({ length: 9 }, (_, i) => `create m${i}`)],
    [
      'the tenth is a new Event with the combined message',
      distinct(10),
      [...Array.from({ length: 9 }, (_, i) => `create m${i}`), `create ${COMBINED_PREFIX}m9`],
    ],
    [
      'the eleventh PATCHes the combined Event: count 2 and its own message',
      distinct(11),
      [
        ...Array.from({ length: 9 }, (_, i) => `create m${i}`),
        `create ${COMBINED_PREFIX}m9`,
        `patch ${COMBINED_PREFIX}m10 x2`,
      ],
    ],
    [
      'more than 10 minutes since the last similar one starts the group over',
      distinct(11, 601_000),
      Array.from({ length: 11 }, (_, i) => `create m${i}`),
    ],
    [
      'one a minute is within the rolling 10 minutes: the tenth is combined',
      distinct(10, 60_000),
      [...Array.from({ length: 9 }, (_, i) => `create m${i}`), `create ${COMBINED_PREFIX}m9`],
    ],
    [
      'a message seen before counts once in the group',
      [...distinct(9), [9_000, { message: 'm0' }]],
      [...Array.from({ length: 9 }, (_, i) => `create m${i}`), 'patch m0 x2'],
    ],
  ])('%s', (_, events, expected) => {
    const results = feed(events);
    expect(
      results.map((r) =>
        r.action === 'skip' ? 'skip' : `${r.action} ${r.message}${r.action === 'patch' ? ` x${r.count}` : ''}`,
      ),
    ).toEqual(expected);
  });

  it('groups by type and reason: another reason does not count towards BackOff', () => {
    const events: [number, Partial<CorrelatedEvent>][] = Array.from({ length: AGGREGATE_MAX_EVENTS }, (_, i) => [
      i,
      { message: `m${i}`, reason: i % 2 ? 'BackOff' : 'Failed' },
    ]);
    expect(feed(events).every((r) => r.action === 'create' && !r.aggregated)).toBe(true);
  });
});

describe('the spam filter: 25 Events per source and object, then one every 5 minutes', () => {
  it.each<[string, number[], number]>([
    ['25 at once pass', Array.from({ length: SPAM_BURST }, () => 0), 0],
    ['the 26th at once is dropped', Array.from({ length: SPAM_BURST + 1 }, () => 0), 1],
    ['the 26th after 300 s passes', [...Array.from({ length: SPAM_BURST }, () => 0), 300_000], 0],
    ['two more after 300 s: one passes', [...Array.from({ length: SPAM_BURST }, () => 0), 300_000, 300_000], 1],
  ])('%s', (_, times, skipped) => {
    const results = feed(times.map((t) => [t, {}]));
    expect(results.filter((r) => r.action === 'skip')).toHaveLength(skipped);
  });

  it('counts a dropped Event: the next one that passes PATCHes the count past it', () => {
    const st: EventCorrelatorState = {};
    const times = [...Array.from({ length: SPAM_BURST + 1 }, () => 0), 300_000];
    const results = feed(
      times.map((t) => [t, {}]),
      st,
    );
    const last = results.at(-1)!;
    expect(last).toMatchObject({ action: 'patch', count: SPAM_BURST + 2 });
  });

  it('an object whose first Event was dropped gets it created later, with the count so far', () => {
    const st: EventCorrelatorState = {};
    // 25 different objects' worth of tokens are separate; exhaust this object's bucket with other reasons.
    const others = Array.from({ length: SPAM_BURST }, (_, i): [number, Partial<CorrelatedEvent>] => [
      0,
      { reason: `R${i}` },
    ]);
    const results = feed([...others, [0, { reason: 'Late' }], [300_000, { reason: 'Late' }]], st);
    expect(results.at(-2)).toEqual({ action: 'skip' });
    expect(results.at(-1)).toMatchObject({ action: 'create', count: 2, first: 0 });
  });
});

describe('the correlator keys are the parts joined with "" (events_cache.go)', () => {
  const join = (e: CorrelatedEvent, fields: (keyof CorrelatedEvent)[]) => fields.map((f) => e[f]).join('');
  const SPAM: (keyof CorrelatedEvent)[] = ['component', 'host', 'kind', 'namespace', 'name', 'uid', 'apiVersion'];
  const GROUP: (keyof CorrelatedEvent)[] = [...SPAM, 'type', 'reason'];
  const EVENT: (keyof CorrelatedEvent)[] = [
    'component',
    'host',
    'kind',
    'namespace',
    'name',
    'fieldPath',
    'uid',
    'apiVersion',
    'type',
    'reason',
    'message',
  ];
  it.each<[string, Partial<CorrelatedEvent>]>([
    ['a container Event (fieldPath)', {}],
    ['an Event about the Pod itself (no fieldPath)', { fieldPath: '' }],
    ['no host, no uid', { fieldPath: '', host: '', uid: '' }],
  ])('%s', (_, change) => {
    const e = { ...base, ...change };
    expect(spamKey(e)).toBe(join(e, SPAM));
    expect(aggregateKey(e)).toBe(join(e, GROUP));
    expect(aggregateKey(e, spamKey(e))).toBe(join(e, GROUP));
    expect(eventKey(e)).toBe(join(e, EVENT));
    expect(eventKey(e, aggregateKey(e))).toBe(join(e, EVENT));
  });
});
