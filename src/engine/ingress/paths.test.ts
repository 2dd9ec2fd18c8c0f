/** Ingress path matching, from the table in the Ingress docs ("Examples" under "Path types"). */
import type { HTTPIngressPath, IngressRule } from 'kubernetes-types/networking/v1';
import { describe, expect, it } from 'vitest';
import { hostMatches, matchIngressPath } from './paths';

const rule = (paths: [string, 'Prefix' | 'Exact'][], host?: string): IngressRule => ({
  ...(host ? { host } : {}),
  http: {
    paths: paths.map(([path, pathType]): HTTPIngressPath => ({
      path,
      pathType,
      backend: { service: { name: `svc${path.replaceAll('/', '-')}-${pathType}`, port: { number: 80 } } },
    })),
  },
});

describe('the Ingress docs’ path examples', () => {
  it.each([
    ['Prefix', ['/'], '/anything/at/all', '/'],
    ['Exact', ['/foo'], '/foo', '/foo'],
    ['Exact', ['/foo'], '/bar', null],
    ['Exact', ['/foo'], '/foo/', null],
    ['Exact', ['/foo/'], '/foo', null],
    ['Prefix', ['/foo'], '/foo', '/foo'],
    ['Prefix', ['/foo'], '/foo/', '/foo'],
    ['Prefix', ['/foo/'], '/foo', '/foo/'],
    ['Prefix', ['/foo/'], '/foo/', '/foo/'],
    ['Prefix', ['/aaa/bb'], '/aaa/bbb', null],
    ['Prefix', ['/aaa/bbb'], '/aaa/bbb', '/aaa/bbb'],
    ['Prefix', ['/aaa/bbb/'], '/aaa/bbb', '/aaa/bbb/'],
    ['Prefix', ['/aaa/bbb'], '/aaa/bbb/', '/aaa/bbb'],
    ['Prefix', ['/aaa/bbb'], '/aaa/bbb/ccc', '/aaa/bbb'],
    ['Prefix', ['/aaa/bbb'], '/aaa/bbbxyz', null],
    ['Prefix', ['/', '/aaa'], '/aaa/ccc', '/aaa'],
    ['Prefix', ['/', '/aaa', '/aaa/bbb'], '/aaa/bbb', '/aaa/bbb'],
    ['Prefix', ['/', '/aaa', '/aaa/bbb'], '/ccc', '/'],
    ['Prefix', ['/aaa'], '/ccc', null],
  ] as const)('%s %j, request %s → %s', (type, paths, request, want) => {
    const got = matchIngressPath([rule(paths.map((p) => [p, type]))], 'foo.bar.com', request);
    expect(got?.path.path ?? null).toBe(want);
  });

  it('prefers Exact over Prefix for the same path (the docs’ Mixed example)', () => {
    const got = matchIngressPath(
      [
        rule([
          ['/foo', 'Prefix'],
          ['/foo', 'Exact'],
        ]),
      ],
      'x',
      '/foo',
    );
    expect(got?.path.pathType).toBe('Exact');
  });
});

describe('hosts', () => {
  it.each([
    ['foo.bar.com', 'foo.bar.com', true],
    ['*.foo.com', 'bar.foo.com', true],
    ['*.foo.com', 'baz.bar.foo.com', false],
    ['*.foo.com', 'foo.com', false],
    [undefined, 'anything.example', true],
  ])('rule host %s serves %s: %s', (ruleHost, host, want) => {
    expect(hostMatches(ruleHost, host)).toBe(want);
  });

  it('sends a host with its own rule there, and any other host to the host-less rule', () => {
    const rules = [rule([['/', 'Prefix']], 'foo.bar.com'), rule([['/other', 'Prefix']])];
    expect(matchIngressPath(rules, 'foo.bar.com', '/other')?.rule.host).toBe('foo.bar.com');
    expect(matchIngressPath(rules, 'x.example', '/other')?.path.path).toBe('/other');
    expect(matchIngressPath(rules, 'x.example', '/')).toBeUndefined();
  });
});
