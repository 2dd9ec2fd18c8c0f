import { describe, expect, it } from 'vitest';
import { expandedValues, loadManifests } from './load';

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

  it('refuses an alias bomb that stays under the alias limit (the billion laughs)', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 9; i++) {
      const prev = String.fromCharCode(97 + i);
      const name = String.fromCharCode(98 + i);
      lines.push(`${name}: &${name} [${Array.from({ length: 9 }, () => `*${prev}`).join(',')}]`);
    }
    const started = performance.now();
    const result = loadManifests(lines.join('\n'));
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('alias bomb') });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('refuses a document that refers to itself', () => {
    expect(loadManifests('a: &a [*a]\n').ok).toBe(false);
  });

  it('counts aliases unfolded, and only up to its limit', () => {
    const shared = [1, 2, 3];
    expect(expandedValues([{ x: shared, y: shared }])).toBe(9);
    expect(expandedValues([Array.from({ length: 50 }, () => shared)], 10)).toBe(11);
  });
});
