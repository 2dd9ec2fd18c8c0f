import { describe, expect, it, vi } from 'vitest';
import { linkCarriesYaml } from './reader';

describe('the YAML reader, loaded on demand', () => {
  it('refuses to read before it is loaded, then reads as load.ts does', async () => {
    vi.resetModules();
    const fresh = await import('./reader');
    expect(fresh.yamlReaderLoaded()).toBe(false);
    expect(() => fresh.readManifests('kind: Pod')).toThrow(/not loaded yet/);
    const first = fresh.loadYamlReader();
    expect(fresh.loadYamlReader()).toBe(first);
    await first;
    expect(fresh.yamlReaderLoaded()).toBe(true);
    expect(fresh.readManifests('a: 0644\nb: yes\n---\nkind: Pod')).toEqual({
      ok: true,
      objects: [{ a: 420, b: true }, { kind: 'Pod' }],
    });
    expect(fresh.readManifests('a: [')).toMatchObject({ ok: false, line: 1, column: 5 });
  });

  it.each([
    ['#yaml=N4Ig', true],
    ['cmds=%5B%5D&level=deep', true],
    ['#scenario=deployment&step=4&level=deep', false],
    ['#yamlish=1', false],
    ['', false],
  ])('knows whether a link carries YAML to read as the page starts: %s → %s', (hash, carries) => {
    expect(linkCarriesYaml(hash)).toBe(carries);
  });
});
