/**
 * Which Ingress path serves a request, as the Ingress docs define it
 * (concepts/services-networking/ingress.md, "Path types" and "Examples"):
 * Exact matches the URL path exactly, case-sensitively; Prefix matches
 * element by element split by `/`, ignoring a trailing slash, so /foo
 * serves /foo, /foo/ and /foo/bar but not /foobar; among the paths that
 * match, the longest wins, and Exact wins over Prefix at equal length.
 * ImplementationSpecific is up to the IngressClass: ingress-nginx treats
 * it as an nginx prefix location (a plain string prefix).
 * Hosts: a rule without host serves every host; `*.foo.com` serves exactly
 * one more DNS label.
 */
import type { HTTPIngressPath, IngressRule } from 'kubernetes-types/networking/v1';

const elements = (path: string): string[] => path.split('/').filter(Boolean);

export function pathMatches(p: Pick<HTTPIngressPath, 'path' | 'pathType'>, urlPath: string): boolean {
  const path = p.path ?? '/';
  if (p.pathType === 'Exact') return path === urlPath;
  if (p.pathType === 'ImplementationSpecific') return urlPath.startsWith(path);
  const want = elements(path);
  const have = elements(urlPath);
  return want.length <= have.length && want.every((e, i) => have[i] === e);
}

export function hostMatches(ruleHost: string | undefined, host: string): boolean {
  if (!ruleHost) return true;
  if (ruleHost.startsWith('*.')) {
    const suffix = ruleHost.slice(1);
    return host.endsWith(suffix) && !host.slice(0, -suffix.length).includes('.') && host.length > suffix.length;
  }
  return ruleHost === host;
}

/** The path that serves host + urlPath among the rules, or undefined (the default backend answers). */
export function matchIngressPath(
  rules: IngressRule[],
  host: string,
  urlPath: string,
): { rule: IngressRule; path: HTTPIngressPath } | undefined {
  // A rule naming the host wins over host-less ones (a server block per host in nginx).
  const byHost = rules.filter((r) => r.host && hostMatches(r.host, host));
  const candidates = byHost.length ? byHost : rules.filter((r) => !r.host);
  let best: { rule: IngressRule; path: HTTPIngressPath } | undefined;
  for (const rule of candidates) {
    for (const path of rule.http?.paths ?? []) {
      if (!pathMatches(path, urlPath)) continue;
      const len = (path.path ?? '/').replace(/\/$/, '').length;
      const bestLen = best ? (best.path.path ?? '/').replace(/\/$/, '').length : -1;
      if (len > bestLen || (len === bestLen && path.pathType === 'Exact' && best?.path.pathType !== 'Exact'))
        best = { rule, path };
    }
  }
  return best;
}
