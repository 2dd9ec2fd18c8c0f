import { describe, expect, it } from 'vitest';
import { loadManifests } from './load';

describe('loadManifests', () => {
  it('reads YAML 1.1 scalars as kubectl does', () => {
    const r = loadManifests('a: 0644\nb: yes\nc: on\n');
    expect(r).toEqual({ ok: true, objects: [{ a: 420, b: true, c: true }] });
  });

  it('reads several documents and skips empty ones', () => {
    const r = loadManifests('---\nkind: Pod\n---\n---\nkind: Service\n');
    expect(r.ok && r.objects).toEqual([{ kind: 'Pod' }, { kind: 'Service' }]);
  });

  it('reports a syntax error with a 1-based line and column', () => {
    const r = loadManifests('kind: Pod\nmetadata:\n  name: [unclosed\n');
    expect(r).toMatchObject({
      ok: false,
      message: expect.stringMatching(/./),
      line: expect.any(Number),
      column: expect.any(Number),
    });
    const { line } = r as { line: number };
    expect(line).toBeGreaterThanOrEqual(3);
  });

  it('refuses an alias bomb', () => {
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x,x]', ...Array.from({ length: 120 }, (_, i) => `k${i}: *a`)].join('\n');
    expect(loadManifests(bomb).ok).toBe(false);
  });
});
