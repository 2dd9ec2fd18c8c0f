import { describe, expect, it } from 'vitest';
import { sameJson } from './same-json';

describe('sameJson answers as JSON.stringify(a) === JSON.stringify(b)', () => {
  const endpoint = (ready: boolean, extra: Record<string, unknown> = {}) => ({
    addresses: ['10.244.1.2'],
    conditions: { ready, serving: ready, terminating: false },
    nodeName: 'node-1',
    targetRef: { kind: 'Pod', namespace: 'default', name: 'web-1', uid: 'u1' },
    ...extra,
  });
  const cases: [string, unknown, unknown][] = [
    ['equal endpoints', [endpoint(true)], [endpoint(true)]],
    ['a changed condition', [endpoint(true)], [endpoint(false)]],
    ['one endpoint more', [endpoint(true)], [endpoint(true), endpoint(true)]],
    ['the same keys in another order', { a: 1, b: 2 }, { b: 2, a: 1 }],
    ['an undefined property is left out', { a: 1, b: undefined }, { a: 1 }],
    ['an undefined property in the middle', { a: 1, b: undefined, c: 3 }, { a: 1, c: 3 }],
    ['a function property is left out', { a: 1, f: () => 1 }, { a: 1 }],
    ['an undefined array element is null', [1, undefined], [1, null]],
    ['a hole is null', [1, , 3], [1, null, 3]], // eslint-disable-line no-sparse-arrays
    ['NaN is null', { n: NaN }, { n: null }],
    ['Infinity is null', [Infinity], [null]],
    ['-0 is 0', { n: -0 }, { n: 0 }],
    ['a number is not its string', { n: 1 }, { n: '1' }],
    ['true is not 1', [true], [1]],
    ['null is not {}', null, {}],
    ['[] is not {}', [], {}],
    ['{} is {}', {}, {}],
    ['null is null', null, null],
    ['undefined is undefined', undefined, undefined],
    ['undefined is not null', undefined, null],
    ['nested arrays', { a: [[1, 2], [3]] }, { a: [[1, 2], [3]] }],
    ['nested arrays differ', { a: [[1, 2], [3]] }, { a: [[1, 2], [4]] }],
    ['a Date by its toJSON', { t: new Date(0) }, { t: '1970-01-01T00:00:00.000Z' }],
    ['extra keys on an array are ignored', Object.assign([1], { x: 1 }), [1]],
    ['a missing key', { a: 1, b: 2 }, { a: 1 }],
    ['strings', 'x', 'x'],
    ['different strings', 'x', 'y'],
  ];
  it.each(cases)('%s', (_, a, b) => {
    expect(sameJson(a, b)).toBe(JSON.stringify(a) === JSON.stringify(b));
    expect(sameJson(b, a)).toBe(JSON.stringify(b) === JSON.stringify(a));
  });
});
