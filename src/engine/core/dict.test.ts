import { describe, expect, it } from 'vitest';
import { dict } from './dict';

describe('dict: a record in dictionary mode', () => {
  it.each([
    // keys written in this order → Object.keys order, as a `{}` gives it (integer-like keys first, ascending)
    [
      ['/registry/pods/default/b', '/registry/pods/default/a'],
      ['/registry/pods/default/b', '/registry/pods/default/a'],
    ],
    [
      ['kube-api-access-x1', '20', 'web', '3'],
      ['3', '20', 'kube-api-access-x1', 'web'],
    ],
    [
      ['constructor', 'toString', '__proto__'],
      ['constructor', 'toString', '__proto__'],
    ],
  ])('keys %j are listed as %j, as in a plain object', (keys, order) => {
    const d = dict<number>();
    keys.forEach((k, i) => (d[k] = i));
    expect(Object.keys(d)).toEqual(order);
    // A plain object agrees, except that its `__proto__` is the prototype, not a key.
    const plain: Record<string, number> = {};
    keys.filter((k) => k !== '__proto__').forEach((k, i) => (plain[k] = i));
    expect(Object.keys(d).filter((k) => k !== '__proto__')).toEqual(Object.keys(plain));
  });

  it('finds no member of Object.prototype, deletes and re-adds at the end, and writes the JSON of {}', () => {
    const d = dict<number>();
    expect(d['toString']).toBeUndefined();
    expect('hasOwnProperty' in d).toBe(false);
    d.a = 1;
    d.b = 2;
    delete d.a;
    d.a = 3;
    expect(Object.entries(d)).toEqual([
      ['b', 2],
      ['a', 3],
    ]);
    expect(JSON.stringify(d)).toBe(JSON.stringify({ b: 2, a: 3 }));
    expect({ ...d }).toEqual({ b: 2, a: 3 });
  });
});
