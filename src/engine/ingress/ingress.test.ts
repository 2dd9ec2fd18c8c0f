/**
 * Ingress end to end with ingress-nginx: validation, the controller's
 * reload-or-dynamic decision, upstreams that follow ready and terminating
 * Pods, requests proxied straight to a Pod IP, and the status ADDRESS.
 */
import type { Ingress } from 'kubernetes-types/networking/v1';
import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../headless';
import { simulate, type Step, type Trace } from '../index';
import { takeSyncToken } from './ingress-nginx';

const find = (t: Trace, key: string, after = -1): Step | undefined =>
  t.steps.find((s) => s.say.key === key && s.seq > after);
const all = (t: Trace, key: string): Step[] => t.steps.filter((s) => s.say.key === key);

const pod = (name: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels: { app: 'web' } },
  spec: { containers: [{ name: 'nginx', image: 'nginx:1.14.2', ports: [{ containerPort: 80 }], ...extra }] },
});
const service = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web' },
  spec: { selector: { app: 'web' }, ports: [{ port: 80 }] },
};
const ingress = (paths: Record<string, unknown>[], host = 'foo.bar.com') => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name: 'web' },
  spec: { ingressClassName: 'nginx', rules: [{ host, http: { paths } }] },
});
const toWeb = (path: string, pathType: string) => ({
  path,
  pathType,
  backend: { service: { name: 'web', port: { number: 80 } } },
});

describe('the deployment-service scenario’s Ingress (issue #6)', () => {
  const run = simulateScenario('deployment-service');
  const t = run.trace;

  it('reloads nginx once for the new Ingress, then updates upstreams dynamically as Pods become ready', () => {
    const reloads = all(t, 'ingress-nginx-reload');
    expect(reloads).toHaveLength(1);
    expect(reloads[0]!.say.params.servers).toBe('hello-world.example: / (Prefix) → default-nginx-80');
    const dynamic = all(t, 'ingress-nginx-backends').filter((s) => s.say.params.reload === 0);
    expect(dynamic.length).toBeGreaterThan(0);
    expect(dynamic.every((s) => s.level === 'overview' && s.seq > reloads[0]!.seq)).toBe(true);
    const firstRunning = find(t, 'apiserver-store-running')!.seq;
    expect(dynamic[0]!.seq).toBeGreaterThan(firstRunning);
    expect(
      run
        .events()
        .filter((e) => e.reason === 'RELOAD')
        .map((e) => [e.object, e.message]),
    ).toEqual([
      ['pod/ingress-nginx-controller-7d56585cd6-kjwqh', 'NGINX reload triggered due to a change in configuration'],
    ]);
  });

  it('takes the deleted Pod out of the upstream while it terminates, without a reload', () => {
    const victim = String(find(t, 'kubectl-delete')!.say.params.name);
    const graceful = find(t, 'apiserver-delete-graceful')!.seq;
    const update = find(t, 'ingress-nginx-backends', graceful)!;
    expect(update.say.params.reload).toBe(0);
    const slice = t.steps.find(
      (s) =>
        s.seq > graceful &&
        s.say.key === 'endpointslice-update' &&
        String(s.say.params.endpoints).includes(`${victim}: ready=false`),
    )!;
    const victimIp = /([\d.]+) \(/.exec(
      String(slice.say.params.endpoints)
        .split('; ')
        .find((e) => e.includes(victim))!,
    )![1];
    expect(String(update.say.params.backends)).not.toContain(`${victimIp}:80`);
    expect(all(t, 'ingress-nginx-reload').every((s) => s.seq < graceful)).toBe(true);
  });

  it('proxies each request to a ready Pod IP directly, never through the ClusterIP', () => {
    const proxied = all(t, 'ingress-nginx-proxy');
    expect(proxied).toHaveLength(2);
    const clusterIP = String(
      (t.objectAt('/registry/services/specs/default/nginx', t.steps.length - 1)!.spec as { clusterIP: string })
        .clusterIP,
    );
    for (const p of proxied) {
      expect(p.from).toBe('ingress-nginx');
      expect(String(p.say.params.endpoint)).toMatch(/^10\.244\.\d+\.\d+:80$/);
      expect(String(p.say.params.endpoint)).not.toContain(clusterIP);
      const backend = t.objectAt(`/registry/pods/default/${String(p.say.params.pod)}`, p.seq) as unknown as {
        spec: { nodeName: string };
        status: { conditions: { type: string; status: string }[] };
      };
      expect(p.to).toBe(`kube-proxy/${backend.spec.nodeName}`);
      expect(backend.status.conditions.find((c) => c.type === 'Ready')!.status).toBe('True');
      const answer = find(t, 'ingress-nginx-answer', p.seq)!;
      expect([answer.from, answer.to, answer.status]).toEqual(['ingress-nginx', 'kube-proxy/node-1', 200]);
      // The Service's iptables path is not on the way.
      const before = t.steps.filter((s) => s.seq > p.seq - 3 && s.seq < answer.seq).map((s) => s.say.key);
      expect(before).not.toContain('request-dnat');
    }
    // The two Service curls still get their own answers.
    expect(all(t, 'request-answer')).toHaveLength(2);
  });

  it('writes the ADDRESS at the 60 s status sync, and Sync “Scheduled for sync” twice (create, then status)', () => {
    const status = find(t, 'ingress-nginx-status')!;
    expect(status.at).toBeGreaterThanOrEqual(60_000);
    expect(status.path).toBe('/apis/networking.k8s.io/v1/namespaces/default/ingresses/nginx/status');
    const ing = run.objects('Ingress')[0] as unknown as Ingress;
    expect(ing.status?.loadBalancer?.ingress).toEqual([{ ip: '172.18.0.2' }]);
    const sync = run.events().find((e) => e.reason === 'Sync')!;
    expect([sync.object, sync.message, sync.count]).toEqual(['ingress/nginx', 'Scheduled for sync', 2]);
    expect(t.end).toBe('settled');
  });
});

describe('requests through an Ingress', () => {
  it.each([
    ['a matching Prefix path', [toWeb('/app', 'Prefix')], 'http://foo.bar.com/app/x', 'ingress-nginx-answer', 200],
    [
      'a Prefix that only matches as a string',
      [toWeb('/app', 'Prefix')],
      'http://foo.bar.com/application',
      'ingress-nginx-default-backend',
      404,
    ],
    [
      'an Exact path with a trailing slash',
      [toWeb('/app', 'Exact')],
      'http://foo.bar.com/app/',
      'ingress-nginx-default-backend',
      404,
    ],
    ['another host', [toWeb('/', 'Prefix')], 'http://other.example/', 'ingress-nginx-default-backend', 404],
  ] as const)('%s → %s (%i)', (_, paths, url, key, status) => {
    const t = simulate({
      manifests: [pod('a'), service, ingress([...paths])],
      seed: 1,
      requests: [{ url, atMs: 9_000, via: 'ingress' }],
    });
    const answer = t.steps.find((s) => s.kind === 'response' && s.from === 'ingress-nginx' && s.verb === 'HTTP')!;
    expect([answer.say.key, answer.status]).toEqual([key, status]);
  });

  it('answers 503 while the upstream has no ready endpoint, then 200 once the Pod is ready', () => {
    const t = simulate({
      manifests: [
        pod('slow', { readinessProbe: { tcpSocket: { port: 80 }, initialDelaySeconds: 12 } }),
        service,
        ingress([toWeb('/', 'Prefix')]),
      ],
      seed: 1,
      requests: [
        { url: 'http://foo.bar.com/', atMs: 8_000, via: 'ingress' },
        { url: 'http://foo.bar.com/', atMs: 20_000, via: 'ingress' },
      ],
    });
    const answers = t.steps.filter((s) => s.from === 'ingress-nginx' && s.kind === 'response').map((s) => s.status);
    expect(answers).toEqual([503, 200]);
    // The upstream got the Pod only when its endpoint turned ready (no reload for it).
    const ready = t.steps.find(
      (s) => s.say.key === 'endpointslice-update' && String(s.say.params.endpoints).includes('slow: ready=true'),
    )!;
    const update = t.steps.find(
      (s) =>
        s.say.key === 'ingress-nginx-backends' && String(s.say.params.backends).includes(':80]') && s.seq > ready.seq,
    )!;
    expect(update.say.params.reload).toBe(0);
    expect(
      t.steps
        .filter((s) => s.say.key === 'ingress-nginx-backends' && s.seq < ready.seq)
        .every((s) => String(s.say.params.backends).endsWith('[—]')),
    ).toBe(true);
  });

  it.each([
    ['a default-deny policy on the backend', { podSelector: {}, policyTypes: ['Ingress'] }, [504]],
    [
      'a policy that admits the ingress-nginx namespace',
      {
        podSelector: {},
        policyTypes: ['Ingress'],
        ingress: [
          { from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }] },
        ],
      },
      [200],
    ],
  ])('under %s the controller answers %j', (_, spec, statuses) => {
    const t = simulate({
      manifests: [
        pod('a'),
        service,
        ingress([toWeb('/', 'Prefix')]),
        { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'p' }, spec },
      ],
      seed: 1,
      requests: [{ url: 'http://foo.bar.com/', atMs: 9_000, via: 'ingress' }],
    });
    const answers = t.steps.filter((s) => s.from === 'ingress-nginx' && s.kind === 'response');
    expect(answers.map((s) => s.status)).toEqual(statuses);
    // A 504 comes after nginx's 5 s connect timeout; a 200 at once.
    expect(answers[0]!.at - 9_000 >= 5_000).toBe(statuses[0] === 504);
  });

  it('cannot resolve an Ingress host when no ingress controller is installed', () => {
    const t = simulate({
      manifests: [pod('a'), service],
      seed: 1,
      requests: [{ url: 'http://foo.bar.com/', atMs: 8_000, via: 'ingress' }],
    });
    expect(find(t, 'request-unresolved')!.say.params.message).toBe('curl: (6) Could not resolve host: foo.bar.com');
  });

  it('ignores an Ingress of another class', () => {
    const other = {
      ...ingress([toWeb('/', 'Prefix')]),
      spec: { ...ingress([toWeb('/', 'Prefix')]).spec, ingressClassName: 'traefik' },
    };
    const t = simulate({
      manifests: [pod('a'), service, other],
      seed: 1,
      requests: [{ url: 'http://foo.bar.com/', atMs: 8_000, via: 'ingress' }],
    });
    expect(all(t, 'ingress-nginx-reload')).toHaveLength(0);
    expect(find(t, 'ingress-nginx-default-backend')!.status).toBe(404);
    expect(all(t, 'ingress-nginx-status')).toHaveLength(0);
  });
});

describe('Ingress validation', () => {
  it.each([
    [
      'a path without pathType',
      { path: '/', backend: { service: { name: 'web', port: { number: 80 } } } },
      'spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified',
    ],
    [
      'a relative Prefix path',
      toWeb('app', 'Prefix'),
      'spec.rules[0].http.paths[0].path: Invalid value: "app": must be an absolute path',
    ],
    [
      'an unknown pathType',
      toWeb('/', 'Regex'),
      'spec.rules[0].http.paths[0].pathType: Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix"',
    ],
  ])('refuses %s with 422', (_, path, detail) => {
    const t = simulate({ manifests: [ingress([path])], seed: 1 });
    expect(String(find(t, 'apiserver-invalid')!.say.params.message)).toContain(detail);
  });
});

describe('the sync rate limiter (--sync-rate-limit 0.3)', () => {
  it.each([
    [[0], [0]],
    [
      [0, 0],
      [0, 3333],
    ],
    [
      [0, 1000],
      [0, 2333],
    ],
    [
      [0, 4000],
      [0, 0],
    ],
  ])('takes tokens at %j ms and waits %j ms', (times, waits) => {
    const st = { tokens: 1, tokensAt: 0 };
    expect(times.map((at) => Math.round(takeSyncToken(st, at)))).toEqual(waits);
  });
});
