import { describe, expect, it } from 'vitest';
import { allowedOrigin, parseCommand } from './useEmbedApi';

describe('the postMessage API', () => {
  it.each([
    [{ podflow: 'next' }, { podflow: 'next' }],
    [
      { podflow: 'goto', step: 4 },
      { podflow: 'goto', step: 4 },
    ],
    [
      { podflow: 'goto', step: 4, extra: '<script>' },
      { podflow: 'goto', step: 4 },
    ],
    [{ podflow: 'goto', step: -1 }, null],
    [{ podflow: 'goto', step: 1.5 }, null],
    [{ podflow: 'goto', step: '4' }, null],
    [{ podflow: 'eval' }, null],
    [['next'], null],
    ['next', null],
    [null, null],
  ])('parse %j as %j', (data, command) => {
    expect(parseCommand(data)).toEqual(command);
  });

  it('take commands from any parent, or only the named ones', () => {
    expect(allowedOrigin('https://a.example', [])).toBe(true);
    expect(allowedOrigin('https://a.example', ['https://b.example'])).toBe(false);
    expect(allowedOrigin('null', ['null'])).toBe(true);
  });
});
