import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { cloneData } from './clone';

/** Which parts of a copy are the same object, by path: aliasing is part of what a clone gives. */
function sharing(root: unknown): string[] {
  const firstPath = new Map<object, string>();
  const out: string[] = [];
  const walk = (v: unknown, path: string) => {
    if (!v || typeof v !== 'object') return;
    const seen = firstPath.get(v);
    if (seen !== undefined) return void out.push(`${path}=${seen}`);
    firstPath.set(v, path);
    for (const k of Object.keys(v)) walk((v as Record<string, unknown>)[k], `${path}.${k}`);
  };
  walk(root, '$');
  return out;
}

const aliased = load(`
base: &b {app: web, tier: [a, b]}
one: *b
two: {labels: *b}
`);
const cyclic: Record<string, unknown> = { name: 'loop' };
cyclic.self = cyclic;
const withProto = JSON.parse('{"__proto__": {"x": 1}, "y": 2}');
const sparse = [1, , 3]; // eslint-disable-line no-sparse-arrays
const extra = Object.assign([1, 2], { note: 'kept' });

describe('cloneData gives what structuredClone gives', () => {
  it.each<[string, object]>([
    [
      'a Pod body',
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p', labels: { a: 'b' } },
        spec: { containers: [{ name: 'c', image: 'nginx', args: ['-g', 'daemon off;'] }] },
      },
    ],
    ['YAML aliases (shared objects)', aliased],
    ['a cycle', cyclic],
    ['a Date from a YAML timestamp', load('at: 2024-01-02T03:04:05Z\nn: 1')],
    ['an own __proto__ key', withProto],
    ['a sparse array', { xs: sparse }],
    ['an array with an extra property', { xs: extra }],
    ['undefined values and -0', { a: undefined, b: -0, c: null, d: [undefined] }],
    ['a Map', { m: new Map([['k', { v: 1 }]]) }],
    ['integer-like keys', { b: 1, 2: 'two', a: 3, 1: 'one' }],
  ])('%s', (_, input) => {
    const mine = cloneData(input);
    const theirs = structuredClone(input);
    expect(mine).toStrictEqual(theirs);
    expect(mine).not.toBe(input);
    expect(sharing(mine)).toEqual(sharing(theirs));
    expect(Object.keys(mine)).toEqual(Object.keys(theirs));
  });

  it.each(['text', 3, null, undefined])('gives the primitive %s back', (v) => {
    expect(cloneData(v)).toBe(structuredClone(v));
  });

  it('keeps an alias shared in the copy, not with the original', () => {
    const copy = cloneData(aliased) as { base: object; one: object; two: { labels: object } };
    expect(copy.one).toBe(copy.base);
    expect(copy.two.labels).toBe(copy.base);
    expect(copy.base).not.toBe((aliased as { base: object }).base);
  });

  it('throws where structuredClone throws', () => {
    expect(() => cloneData({ f: () => 1 })).toThrow(/could not be cloned/);
    expect(() => cloneData({ s: Symbol('x') })).toThrow(/could not be cloned/);
  });
});
