import { describe, expect, it } from 'vitest';
import { embedRange, embedSnippet, embedUrl, readEmbed } from './embed';

describe('embed options', () => {
  it('read the documented options', () => {
    const { options, rejected } = readEmbed(
      '?embed=1&from=3&to=12&autoplay=1&controls=0&origin=https://deck.example&origin=null',
    );
    expect(rejected).toEqual([]);
    expect(options).toEqual({
      embed: true,
      from: 3,
      to: 12,
      autoplay: true,
      controls: false,
      origins: ['https://deck.example', 'null'],
    });
    expect(embedRange(options)).toEqual({ from: 3, to: 12 });
  });

  it.each([
    ['from=-1', ['from']],
    ['to=1e3', ['to']],
    ['from=9&to=2', ['from', 'to']],
    ['autoplay=maybe', ['autoplay']],
    ['origin=javascript:alert(1)', ['origin']],
    ['origin=https://deck.example/path', ['origin']],
    ['origin=*', ['origin']],
    ['__proto__=1', ['__proto__']],
  ])('reject %s', (query, names) => {
    const { options, rejected } = readEmbed(`?embed=1&${query}`);
    expect(rejected).toEqual(names);
    expect(options.origins).toEqual([]);
    expect(embedRange(options)).toBeNull();
  });

  it('have no range outside embed mode, and an open end when only from is given', () => {
    expect(embedRange(readEmbed('?from=3').options)).toBeNull();
    expect(embedRange(readEmbed('?embed=1&from=3').options)).toEqual({ from: 3, to: Number.MAX_SAFE_INTEGER });
  });

  it('write the iframe with its options in the query and the view in the fragment, escaped', () => {
    const src = embedUrl(
      'https://example.org/podflow/',
      { from: 2, to: 9, autoplay: true, controls: false, title: '' },
      '#scenario=bare-pod&step=2&from=2&to=9',
    );
    expect(src).toBe('https://example.org/podflow/?embed=1&autoplay=1&controls=0#scenario=bare-pod&step=2&from=2&to=9');
    expect(embedSnippet(src, 'A "Pod" <b>')).toBe(
      '<iframe src="https://example.org/podflow/?embed=1&amp;autoplay=1&amp;controls=0#scenario=bare-pod&amp;step=2&amp;from=2&amp;to=9" title="A &quot;Pod&quot; &lt;b&gt;" width="960" height="540" style="border:0" loading="lazy"></iframe>',
    );
  });
});
