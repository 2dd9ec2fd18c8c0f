/**
 * NetworkPolicy selection and matching, table-driven from the examples in
 * the Kubernetes docs (concepts/services-networking/network-policies.md).
 */
import type { NetworkPolicy } from 'kubernetes-types/networking/v1';
import { describe, expect, it } from 'vitest';
import {
  connectionAllowed,
  evaluateDirection,
  policiesSelecting,
  selectorMatches,
  type NamespaceLabels,
  type PolicyEndpoint,
} from './match';

/** The docs' test-network-policy. */
const TEST_NETWORK_POLICY: NetworkPolicy = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'test-network-policy', namespace: 'default' },
  spec: {
    podSelector: { matchLabels: { role: 'db' } },
    policyTypes: ['Ingress', 'Egress'],
    ingress: [
      {
        from: [
          { ipBlock: { cidr: '172.17.0.0/16', except: ['172.17.1.0/24'] } },
          { namespaceSelector: { matchLabels: { project: 'myproject' } } },
          { podSelector: { matchLabels: { role: 'frontend' } } },
        ],
        ports: [{ protocol: 'TCP', port: 6379 }],
      },
    ],
    egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/24' } }], ports: [{ protocol: 'TCP', port: 5978 }] }],
  },
};

const policy = (name: string, spec: NetworkPolicy['spec'], namespace = 'default'): NetworkPolicy => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name, namespace },
  spec,
});
const DEFAULT_DENY_INGRESS = policy('default-deny-ingress', { podSelector: {}, policyTypes: ['Ingress'] });
const ALLOW_ALL_INGRESS = policy('allow-all-ingress', { podSelector: {}, ingress: [{}], policyTypes: ['Ingress'] });
const DEFAULT_DENY_EGRESS = policy('default-deny-egress', { podSelector: {}, policyTypes: ['Egress'] });
/** The docs' AND example: one peer with both selectors. */
const AND_PEER = policy('and', {
  podSelector: { matchLabels: { role: 'db' } },
  policyTypes: ['Ingress'],
  ingress: [
    {
      from: [
        { namespaceSelector: { matchLabels: { user: 'alice' } }, podSelector: { matchLabels: { role: 'client' } } },
      ],
    },
  ],
});
/** The docs' OR example: two peers. */
const OR_PEERS = policy('or', {
  podSelector: { matchLabels: { role: 'db' } },
  policyTypes: ['Ingress'],
  ingress: [
    {
      from: [
        { namespaceSelector: { matchLabels: { user: 'alice' } } },
        { podSelector: { matchLabels: { role: 'client' } } },
      ],
    },
  ],
});
/** The docs' multi-port-egress (endPort). */
const PORT_RANGE = policy('multi-port-egress', {
  podSelector: { matchLabels: { role: 'db' } },
  policyTypes: ['Egress'],
  egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/24' } }], ports: [{ protocol: 'TCP', port: 32000, endPort: 32768 }] }],
});

const NAMESPACES: NamespaceLabels = {
  default: { 'kubernetes.io/metadata.name': 'default' },
  mine: { 'kubernetes.io/metadata.name': 'mine', project: 'myproject' },
  alices: { 'kubernetes.io/metadata.name': 'alices', user: 'alice' },
};
const pod = (
  name: string,
  labels: Record<string, string>,
  namespace = 'default',
  ip = '10.244.1.9',
): PolicyEndpoint => ({
  pod: name,
  namespace,
  labels,
  ip,
});
const db = pod('db', { role: 'db' }, 'default', '10.244.1.5');

describe('selectorMatches', () => {
  it.each([
    [{}, { a: 'b' }, true],
    [{ matchLabels: { role: 'db' } }, { role: 'db', x: 'y' }, true],
    [{ matchLabels: { role: 'db' } }, { role: 'frontend' }, false],
    [{ matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }] }, { tier: 'b' }, true],
    [{ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['a'] }] }, {}, true],
    [{ matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, {}, false],
    [{ matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }, {}, true],
  ] as const)('%j selects %j: %s', (selector, labels, want) => {
    expect(selectorMatches(selector as never, labels as Record<string, string>)).toBe(want);
  });
});

describe('which policies select a Pod', () => {
  it.each([
    ['a db Pod, for Ingress', db, 'Ingress', ['test-network-policy', 'default-deny-ingress']],
    ['a db Pod, for Egress', db, 'Egress', ['test-network-policy']],
    ['a frontend Pod, for Ingress', pod('web', { role: 'frontend' }), 'Ingress', ['default-deny-ingress']],
    ['a db Pod in another namespace', pod('db', { role: 'db' }, 'mine'), 'Ingress', []],
  ] as const)('%s', (_, p, dir, want) => {
    const got = policiesSelecting(p, [TEST_NETWORK_POLICY, DEFAULT_DENY_INGRESS], dir).map((x) => x.metadata!.name);
    expect(got).toEqual(want);
  });
});

describe('ingress to the db Pod under test-network-policy', () => {
  it.each([
    ['a frontend Pod in the same namespace on 6379', pod('web', { role: 'frontend' }), 6379, true],
    ['a frontend Pod on another port', pod('web', { role: 'frontend' }), 80, false],
    ['a frontend Pod of another namespace', pod('web', { role: 'frontend' }, 'alices'), 6379, false],
    ['any Pod of a namespace labelled project=myproject', pod('x', {}, 'mine'), 6379, true],
    ['an address in 172.17.0.0/16', { ip: '172.17.0.9' }, 6379, true],
    ['an address in the except range 172.17.1.0/24', { ip: '172.17.1.9' }, 6379, false],
    ['a Pod with other labels', pod('other', { role: 'backend' }), 6379, false],
  ] as const)('%s: %s', (_, from, port, want) => {
    const v = evaluateDirection('Ingress', db, from, port, 'TCP', [TEST_NETWORK_POLICY], NAMESPACES);
    expect([v.isolated, v.allowed]).toEqual([true, want]);
  });
});

describe('AND and OR peers (the docs’ namespaceSelector and podSelector example)', () => {
  it.each([
    ['a client Pod in alice’s namespace', pod('c', { role: 'client' }, 'alices'), true, true],
    ['any Pod in alice’s namespace', pod('c', {}, 'alices'), false, true],
    ['a client Pod in the policy’s namespace', pod('c', { role: 'client' }), false, true],
    ['another Pod in the policy’s namespace', pod('c', {}), false, false],
  ] as const)('%s: AND %s, OR %s', (_, from, and, or) => {
    expect(evaluateDirection('Ingress', db, from, 80, 'TCP', [AND_PEER], NAMESPACES).allowed).toBe(and);
    expect(evaluateDirection('Ingress', db, from, 80, 'TCP', [OR_PEERS], NAMESPACES).allowed).toBe(or);
  });
});

describe('default policies and ports', () => {
  const client = pod('client', { app: 'client' }, 'default', '10.244.2.7');
  it.each([
    ['no policy: not isolated, allowed', [], true, false],
    ['default-deny-ingress: dropped', [DEFAULT_DENY_INGRESS], false, true],
    [
      'default-deny plus allow-all-ingress: policies add up, allowed',
      [DEFAULT_DENY_INGRESS, ALLOW_ALL_INGRESS],
      true,
      true,
    ],
    ['default-deny-egress only: ingress is not isolated', [DEFAULT_DENY_EGRESS], true, false],
  ] as const)('%s', (_, policies, allowed, isolated) => {
    const v = evaluateDirection('Ingress', db, client, 80, 'TCP', [...policies], NAMESPACES);
    expect([v.allowed, v.isolated]).toEqual([allowed, isolated]);
  });

  it('drops at the source’s egress first, then at the destination’s ingress', () => {
    expect(connectionAllowed(client, db, 80, 'TCP', [DEFAULT_DENY_EGRESS], NAMESPACES).droppedAt).toBe('Egress');
    expect(connectionAllowed(client, db, 80, 'TCP', [DEFAULT_DENY_INGRESS], NAMESPACES).droppedAt).toBe('Ingress');
    expect(connectionAllowed(client, db, 80, 'TCP', [], NAMESPACES).allowed).toBe(true);
  });

  it.each([
    [32000, true],
    [32768, true],
    [32769, false],
    [5978, false],
  ])('endPort: egress to 10.0.0.5:%i is allowed: %s', (port, want) => {
    expect(evaluateDirection('Egress', db, { ip: '10.0.0.5' }, port, 'TCP', [PORT_RANGE], NAMESPACES).allowed).toBe(
      want,
    );
  });

  it('matches a named port against the destination Pod’s container ports', () => {
    const named = policy('named', {
      podSelector: {},
      policyTypes: ['Ingress'],
      ingress: [{ ports: [{ port: 'http' as never }] }],
    });
    const web = { ...db, ports: [{ name: 'http', containerPort: 8080 }] };
    expect(evaluateDirection('Ingress', web, client, 8080, 'TCP', [named], NAMESPACES).allowed).toBe(true);
    expect(evaluateDirection('Ingress', web, client, 80, 'TCP', [named], NAMESPACES).allowed).toBe(false);
    expect(evaluateDirection('Ingress', web, client, 8080, 'UDP', [named], NAMESPACES).allowed).toBe(false);
  });
});
