import { describe, expect, it } from 'vitest';
import { MAX_LINK_CHARS, MAX_LINK_YAML_CHARS, readLink, writeLink, type View } from './link';

describe('links to a view', () => {
  it('round-trip every field', () => {
    const view: View = {
      scenario: 'rolling-update',
      step: 12,
      level: 'deep',
      speed: 0.5,
      language: 'zh',
      theme: 'dark',
      loop: true,
    };
    const hash = writeLink(view);
    expect(hash).toBe('#scenario=rolling-update&step=12&level=deep&speed=0.5&language=zh&theme=dark&loop=1');
    expect(readLink(hash)).toEqual({ view, rejected: [] });
  });

  it('carry the main view when it is the sequence diagram or the timeline', () => {
    expect(writeLink({ step: 3, main: 'timeline' })).toBe('#step=3&main=timeline');
    expect(readLink('#main=sequence')).toEqual({ view: { main: 'sequence' }, rejected: [] });
  });

  it('read a partial link and leave the rest to the defaults', () => {
    expect(readLink('#scenario=delete')).toEqual({ view: { scenario: 'delete' }, rejected: [] });
    expect(readLink('')).toEqual({ view: {}, rejected: [] });
  });

  it.each([
    ['an unknown scenario', 'scenario=rm-rf', 'scenario'],
    ['a negative step', 'step=-3', 'step'],
    ['a fractional step', 'step=1.5', 'step'],
    ['an absurd step', 'step=99999999999', 'step'],
    ['script in a field', 'level=<script>alert(1)</script>', 'level'],
    ['an unknown speed', 'speed=3', 'speed'],
    ['a speed written as hex', 'speed=0x1', 'speed'],
    ['an unknown language', 'language=fr', 'language'],
    ['a prototype key', '__proto__=x', '__proto__'],
    ['a constructor key', 'constructor=x', 'constructor'],
    ['an unknown field', 'eval=1', 'eval'],
    ['a loop that is not 0 or 1', 'loop=yes', 'loop'],
    ['an unknown main view', 'main=diagram', 'main'],
    ['a main view in other case', 'main=Sequence', 'main'],
  ])('reject %s and name it', (_, fragment, name) => {
    const read = readLink(`#${fragment}&theme=light`);
    expect(read.rejected).toEqual([name]);
    expect(read.view).toEqual({ theme: 'light' });
    expect(Object.getPrototypeOf(read.view)).toBe(Object.prototype);
  });

  it('refuse a fragment past the limit, whole', () => {
    const read = readLink(`#theme=dark&pad=${'x'.repeat(MAX_LINK_CHARS)}`);
    expect(read).toEqual({ view: {}, rejected: [], tooLong: true });
  });

  it('decode percent-escapes once and never more', () => {
    expect(readLink('#scenario=bare%2Dpod').view).toEqual({ scenario: 'bare-pod' });
    expect(readLink('#scenario=bare%252Dpod').rejected).toEqual(['scenario']);
  });

  it("carry the learner's YAML compressed, and give it back whole", () => {
    const yaml = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web # é 中文 <script>\n';
    const hash = writeLink({ scenario: 'bare-pod', yaml });
    expect(hash).toMatch(/^#scenario=bare-pod&yaml=[\w%-]+$/);
    expect(readLink(hash)).toEqual({ view: { scenario: 'bare-pod', yaml }, rejected: [] });
  });

  it.each([
    ['not lz-string at all', '%%%'],
    ['an empty value', ''],
  ])('reject YAML that does not unpack: %s', (_, raw) => {
    expect(readLink(`#yaml=${raw}`).rejected).toEqual(['yaml']);
  });

  it('reject YAML that unpacks past the limit (a compression bomb)', () => {
    const hash = writeLink({ yaml: 'a'.repeat(MAX_LINK_YAML_CHARS + 1) });
    expect(hash.length).toBeLessThan(MAX_LINK_CHARS);
    expect(readLink(hash).rejected).toEqual(['yaml']);
  });

  it.each([
    ['kubectl', true],
    ['transcript', true],
    ['inspector:kube-scheduler', true],
    ['inspector:kubelet/node-1', true],
    ['inspector:/registry/pods/default/nginx', true],
    ['narration', false],
    ['inspector:kubelet/Node_1', false],
    ['inspector:/etc/passwd', false],
    ['inspector:<img src=x>', false],
    ['inspector:javascript:alert(1)', false],
  ])('read the side column %s: %s', (raw, ok) => {
    const read = readLink(`#inspect=${encodeURIComponent(raw)}`);
    expect(read.view.inspect).toBe(ok ? raw : undefined);
    expect(read.rejected).toEqual(ok ? [] : ['inspect']);
  });

  it.each([
    ['7', 7],
    ['2147483647', 2147483647],
    ['0', undefined],
    ['2147483648', undefined],
    ['07', undefined],
    ['1e3', undefined],
    ['-1', undefined],
  ])('read the seed %s as %s', (raw, seed) => {
    expect(readLink(`#seed=${raw}`).view.seed).toBe(seed);
  });
});
