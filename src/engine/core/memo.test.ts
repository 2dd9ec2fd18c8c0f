import { describe, expect, it } from 'vitest';
import { remembering } from './memo';

describe('remembering', () => {
  it('computes each key once and answers the same', () => {
    const calls: string[] = [];
    const upper = remembering((k) => (calls.push(k), k.toUpperCase()));
    expect([upper('a'), upper('b'), upper('a')]).toEqual(['A', 'B', 'A']);
    expect(calls).toEqual(['a', 'b']);
  });

  it('holds at most its limit: when full it starts over, with the same answers', () => {
    const calls: string[] = [];
    const twice = remembering((k) => (calls.push(k), k + k), 2);
    expect([twice('a'), twice('b'), twice('c'), twice('c'), twice('a')]).toEqual(['aa', 'bb', 'cc', 'cc', 'aa']);
    // c filled it past 2 (a, b forgotten); a is made again.
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });
});
