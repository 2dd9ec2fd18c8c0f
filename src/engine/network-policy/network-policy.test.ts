/**
 * NetworkPolicies end to end: kube-apiserver defaults and validates them,
 * Felix programs the Pods they select, and the `requests` step is dropped
 * where a policy says so (curl's timeout) and answered otherwise.
 */
import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../headless';
import { simulate, type Step, type Trace } from '../index';

const keys = (t: Trace) => t.steps.map((s) => s.say.key);
const find = (t: Trace, key: string): Step | undefined => t.steps.find((s) => s.say.key === key);

const pod = (name: string, labels: Record<string, string> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels },
  spec: { containers: [{ name: 'c', image: 'nginx:1.14.2', ports: [{ containerPort: 80 }] }] },
});
const service = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web' },
  spec: { selector: { app: 'web' }, ports: [{ port: 80 }] },
};
const policy = (name: string, spec: Record<string, unknown>) => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name },
  spec,
});

describe('the network-policy scenario', () => {
  const run = simulateScenario('network-policy');
  const t = run.trace;

  it('stores both policies with policyTypes defaulted, and Felix programs each nginx Pod before the first curl', () => {
    const [deny, access] = ['default-deny-ingress', 'access-nginx'].map(
      (n) =>
        t.objectAt(`/registry/networkpolicies/default/${n}`, t.steps.length - 1) as unknown as {
          spec: { policyTypes: string[] };
        },
    );
    expect(deny!.spec.policyTypes).toEqual(['Ingress']);
    expect(access!.spec.policyTypes).toEqual(['Ingress']);
    const firstCurl = find(t, 'request-dns-query')!.seq;
    const programmed = t.steps.filter(
      (s) => s.say.key === 'felix-program' && String(s.say.params.pod).startsWith('nginx-') && s.seq < firstCurl,
    );
    expect(programmed).toHaveLength(2);
    for (const s of programmed) {
      expect(s.from).toMatch(/^cni\/node-\d$/);
      expect(s.say.params.ingress).toBe('knp.default.access-nginx, knp.default.default-deny-ingress');
      expect(String(s.say.params.iface)).toMatch(/^cali[0-9a-f]{11}$/);
    }
  });

  it('answers the labelled client and drops the other, whose curl times out after 5 s', () => {
    const answers = t.steps.filter((s) => s.say.key === 'request-answer');
    expect(answers).toHaveLength(1);
    expect(answers[0]!.status).toBe(200);
    const drop = find(t, 'request-dropped-ingress')!;
    expect(drop.level).toBe('overview');
    expect(String(drop.say.params.chain)).toMatch(/^cali-tw-cali[0-9a-f]{11}$/);
    const timeout = find(t, 'request-timeout')!;
    expect(timeout.say.params.message).toMatch(/^curl: \(28\) Connection timed out after 500[0-9] milliseconds$/);
    expect(timeout.at - 13_000).toBeGreaterThanOrEqual(5_000);
    // The client that timed out is client-other, on its own node.
    const other = t.objectAt('/registry/pods/default/client-other', t.steps.length - 1) as unknown as {
      spec: { nodeName: string };
    };
    expect(timeout.from).toBe(`kube-proxy/${other.spec.nodeName}`);
    expect(t.end).toBe('settled');
  });

  it('shows the policies through the headless API', () => {
    expect(
      run
        .objects('NetworkPolicy')
        .map((p) => String(p.metadata.name))
        .sort(),
    ).toEqual(['access-nginx', 'default-deny-ingress']);
  });
});

describe('requests under policies', () => {
  const base = [pod('a', { app: 'web' }), pod('client', { role: 'client' }), service];
  it.each([
    ['no policy', [], 'request-answer'],
    [
      'default deny ingress',
      [policy('deny', { podSelector: {}, policyTypes: ['Ingress'] })],
      'request-dropped-ingress',
    ],
    [
      'deny, plus an allow from role=client on port 80',
      [
        policy('deny', { podSelector: {}, policyTypes: ['Ingress'] }),
        policy('allow', {
          podSelector: { matchLabels: { app: 'web' } },
          ingress: [{ from: [{ podSelector: { matchLabels: { role: 'client' } } }], ports: [{ port: 80 }] }],
        }),
      ],
      'request-answer',
    ],
    [
      'an allow from role=client on another port only',
      [
        policy('allow', {
          podSelector: { matchLabels: { app: 'web' } },
          ingress: [{ from: [{ podSelector: { matchLabels: { role: 'client' } } }], ports: [{ port: 8080 }] }],
        }),
      ],
      'request-dropped-ingress',
    ],
    [
      'default deny egress for the client: DNS itself is dropped',
      [policy('deny-egress', { podSelector: { matchLabels: { role: 'client' } }, policyTypes: ['Egress'] })],
      'request-dropped-egress',
    ],
    [
      'egress allowed to DNS only: the name resolves, the connection to the Pod is dropped',
      [
        policy('dns-only', {
          podSelector: { matchLabels: { role: 'client' } },
          policyTypes: ['Egress'],
          egress: [
            {
              to: [{ namespaceSelector: {}, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
              ports: [{ protocol: 'UDP', port: 53 }],
            },
          ],
        }),
      ],
      'request-dropped-egress',
    ],
  ] as const)('%s', (_, policies, outcome) => {
    const t = simulate({
      manifests: [...base, ...policies],
      seed: 1,
      requests: [{ url: 'http://web', fromPod: 'client', atMs: 9_000, connectTimeoutSeconds: 3 }],
    });
    const outcomes = keys(t).filter((k) =>
      ['request-answer', 'request-dropped-ingress', 'request-dropped-egress'].includes(k),
    );
    expect(outcomes).toEqual([outcome]);
  });

  it('tells a dropped DNS query by curl’s resolve timeout, and a dropped connection by its connect timeout', () => {
    const run = (spec: Record<string, unknown>) =>
      simulate({
        manifests: [...base, policy('p', spec)],
        seed: 1,
        requests: [{ url: 'http://web', fromPod: 'client', atMs: 9_000, connectTimeoutSeconds: 3 }],
      });
    const noDns = run({ podSelector: { matchLabels: { role: 'client' } }, policyTypes: ['Egress'] });
    expect(find(noDns, 'request-dropped-egress')!.say.params.endpoint).toBe('10.244.0.2:53');
    expect(find(noDns, 'request-unresolved')!.say.params.message).toMatch(
      /^curl: \(28\) Resolving timed out after 300[0-9] milliseconds$/,
    );
    expect(keys(noDns)).not.toContain('request-dns-query');
  });

  it('enforces nothing without a policy agent: the same policy on a cluster without Calico is stored and ignored', () => {
    // addonsOf turns Calico on for a run with a NetworkPolicy; without the manifest there is no Felix at all.
    const t = simulate({ manifests: base, seed: 1, requests: [{ url: 'http://web', fromPod: 'client', atMs: 9_000 }] });
    expect(t.steps.some((s) => s.from.startsWith('cni/') && s.kind === 'request')).toBe(false);
    expect(keys(t)).toContain('request-answer');
  });
});

describe('NetworkPolicy validation', () => {
  it.each([
    [
      'a peer with nothing in it',
      { podSelector: {}, ingress: [{ from: [{}] }] },
      'spec.ingress[0].from[0]: Required value: must specify a peer',
    ],
    [
      'ipBlock with a podSelector',
      { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8' }, podSelector: {} }] }] },
      'spec.ingress[0].from[0]: Forbidden: may not specify both ipBlock and another peer',
    ],
    [
      'a bad CIDR',
      { podSelector: {}, egress: [{ to: [{ ipBlock: { cidr: '10.0.0/8' } }] }] },
      'spec.egress[0].to[0].ipBlock.cidr: Invalid value: "10.0.0/8": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
    ],
    [
      'an unknown policy type',
      { podSelector: {}, policyTypes: ['Inbound'] },
      'spec.policyTypes[0]: Unsupported value: "Inbound": supported values: "Egress", "Ingress"',
    ],
  ])('refuses %s with 422', (_, spec, detail) => {
    const t = simulate({ manifests: [policy('bad', spec)], seed: 1 });
    const invalid = find(t, 'apiserver-invalid')!;
    expect(String(invalid.say.params.message)).toContain(detail);
    expect(invalid.level).toBe('overview');
  });
});
