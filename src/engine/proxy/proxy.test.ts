import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  computeProbability,
  compareEndpoints,
  endpointChain,
  iptablesSave,
  parseIptablesSave,
  servicePortChainName,
  servicePortEndpointChainName,
  servicePortName,
  syncProxyRules,
  traverse,
  type ProxyEndpoint,
  type ProxyServicePort,
} from './iptables';
import { rulesFor, servicePortsFrom, takeToken } from './kube-proxy';
import { parseServiceUrl } from './traffic';
import { serviceFqdn, serviceRecords } from '../dns/coredns';
import type { ApiObject } from '../types';

/**
 * The upstream algorithm, written out independently: Go's sha256.Sum256 of
 * servicePortName + lowercase protocol (+ "ip:port" for a SEP chain),
 * base32.StdEncoding (RFC 4648 alphabet), first 16 characters.
 */
function upstreamHash(input: string): string {
  const bytes = createHash('sha256').update(input, 'utf8').digest();
  let bits = '';
  for (const b of bytes) bits += b.toString(2).padStart(8, '0');
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let out = '';
  for (let i = 0; i + 5 <= bits.length && out.length < 16; i += 5) out += alphabet[parseInt(bits.slice(i, i + 5), 2)];
  return out;
}

describe('kube-proxy chain names', () => {
  it.each([
    ['default', 'nginx', '', 'TCP'],
    ['default', 'kubernetes', 'https', 'TCP'],
    ['kube-system', 'kube-dns', 'dns', 'UDP'],
    ['kube-system', 'kube-dns', 'dns-tcp', 'TCP'],
    ['shop', 'cart', 'grpc', 'TCP'],
    ['ns1', 'svc1', 'p80', 'SCTP'],
  ])('KUBE-SVC for %s/%s:%s/%s is sha256 → base32 → 16 characters', (ns, name, port, proto) => {
    const spn = servicePortName(ns, name, port);
    expect(servicePortChainName(spn, proto)).toBe(`KUBE-SVC-${upstreamHash(spn + proto.toLowerCase())}`);
  });

  it.each([
    ['default/nginx', 'TCP', '10.244.1.2:80'],
    ['default/nginx', 'TCP', '10.244.2.3:80'],
    ['kube-system/kube-dns:dns', 'UDP', '10.244.0.2:53'],
  ])('KUBE-SEP for %s/%s → %s adds the endpoint to the hashed string', (spn, proto, ep) => {
    expect(servicePortEndpointChainName(spn, proto, ep)).toBe(
      `KUBE-SEP-${upstreamHash(spn + proto.toLowerCase() + ep)}`,
    );
  });

  it.each([
    // pkg/proxy/iptables/proxier_test.go (TestParseIPTablesData, TestCheckIPTablesRuleJumps).
    ['ns1/svc1:p80', 'TCP', undefined, 'KUBE-SVC-XPGD46QRK7WJZT7O'],
    ['ns1/svc1:p80', 'TCP', '10.180.0.1:80', 'KUBE-SEP-SXIVWICOYRO3J4NJ'],
    // The chains every kubeadm cluster has, as iptables-save prints them on real nodes.
    ['default/kubernetes:https', 'TCP', undefined, 'KUBE-SVC-NPX46M4PTMTKRN6Y'],
    ['kube-system/kube-dns:dns', 'UDP', undefined, 'KUBE-SVC-TCOU7JCQXEZGVUNU'],
    ['kube-system/kube-dns:dns-tcp', 'TCP', undefined, 'KUBE-SVC-ERIFXISQEP7F7OF4'],
    ['kube-system/kube-dns:metrics', 'TCP', undefined, 'KUBE-SVC-JD5MR3NA4I4DYORP'],
    ['default/nginx', 'TCP', undefined, 'KUBE-SVC-2CMXP7HKUVJN7L6M'],
  ])('%s %s %s is %s, as upstream prints it', (spn, proto, ep, want) => {
    expect(ep ? servicePortEndpointChainName(spn!, proto!, ep) : servicePortChainName(spn!, proto!)).toBe(want);
  });
});

describe('syncProxyRules', () => {
  const ep = (ip: string, o: Partial<ProxyEndpoint> = {}): ProxyEndpoint => ({
    ip,
    port: 80,
    ready: true,
    serving: true,
    terminating: false,
    ...o,
  });
  const svc = (endpoints: ProxyEndpoint[], o: Partial<ProxyServicePort> = {}): ProxyServicePort => ({
    namespace: 'ns1',
    name: 'svc1',
    portName: 'p80',
    protocol: 'TCP',
    port: 80,
    clusterIP: '10.20.30.41',
    endpoints,
    ...o,
  });

  it('writes the KUBE-SERVICES, KUBE-SVC and KUBE-SEP rules as proxier_test.go expects them', () => {
    const rules = syncProxyRules([svc([ep('10.180.0.1')])]);
    const nat = Object.fromEntries(rules.chains.filter((c) => c.table === 'nat').map((c) => [c.name, c.rules]));
    expect(nat['KUBE-SERVICES']![0]).toBe(
      '-A KUBE-SERVICES -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp -p tcp -d 10.20.30.41 --dport 80 -j KUBE-SVC-XPGD46QRK7WJZT7O',
    );
    expect(nat['KUBE-SERVICES']!.at(-1)).toBe(
      '-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS',
    );
    expect(nat['KUBE-SEP-SXIVWICOYRO3J4NJ']).toEqual([
      '-A KUBE-SEP-SXIVWICOYRO3J4NJ -m comment --comment ns1/svc1:p80 -s 10.180.0.1 -j KUBE-MARK-MASQ',
      '-A KUBE-SEP-SXIVWICOYRO3J4NJ -m comment --comment ns1/svc1:p80 -m tcp -p tcp -j DNAT --to-destination 10.180.0.1:80',
    ]);
  });

  it.each([
    [1, '1.0000000000'],
    [2, '0.5000000000'],
    [3, '0.3333333333'],
    [4, '0.2500000000'],
    [7, '0.1428571429'],
  ])('computeProbability(%i) is %s (%%0.10f)', (n, want) => {
    expect(computeProbability(n)).toBe(want);
  });

  it('gives the i-th of n endpoints probability 1/(n-i), the last none, in ip:port order', () => {
    const rules = syncProxyRules([svc([ep('10.244.2.3'), ep('10.244.1.2'), ep('10.244.2.2')])]);
    const s = rules.services[0]!;
    expect(s.targets.map((t) => [t.endpoint, t.probability])).toEqual([
      ['10.244.1.2:80', '0.3333333333'],
      ['10.244.2.2:80', '0.5000000000'],
      ['10.244.2.3:80', undefined],
    ]);
    const svcRules = rules.chains.find((c) => c.name === s.svcChain)!.rules;
    expect(svcRules[1]).toContain('-m statistic --mode random --probability 0.3333333333 -j KUBE-SEP-');
    expect(svcRules[3]).not.toContain('statistic');
  });

  it('leaves out endpoints that are not ready, and REJECTs in the filter table when none is usable', () => {
    const some = syncProxyRules([svc([ep('10.244.1.2'), ep('10.244.1.3', { ready: false, serving: false })])]);
    expect(some.services[0]!.targets.map((t) => t.ip)).toEqual(['10.244.1.2']);
    const none = syncProxyRules([svc([ep('10.244.1.3', { ready: false, serving: false })])]);
    expect(none.services[0]!.svcChain).toBeUndefined();
    expect(none.chains.find((c) => c.table === 'filter')!.rules).toEqual([
      '-A KUBE-SERVICES -m comment --comment "ns1/svc1:p80 has no endpoints" -m tcp -p tcp -d 10.20.30.41 --dport 80 -j REJECT',
    ]);
  });

  it('falls back to serving, terminating endpoints when no endpoint is ready', () => {
    const rules = syncProxyRules([
      svc([
        ep('10.244.1.2', { ready: false, serving: true, terminating: true }),
        ep('10.244.1.3', { ready: false, serving: false, terminating: true }),
      ]),
    ]);
    expect(rules.services[0]!.targets.map((t) => t.ip)).toEqual(['10.244.1.2']);
  });

  it('reads back what it writes (iptables-save text)', () => {
    const rules = syncProxyRules([svc([ep('10.180.0.1')]), svc([], { name: 'svc2', clusterIP: '10.20.30.42' })]);
    expect(parseIptablesSave(iptablesSave(rules))).toEqual(rules.chains);
  });
});

describe('a connection through the chains', () => {
  const rules = syncProxyRules([
    {
      namespace: 'default',
      name: 'nginx',
      portName: '',
      protocol: 'TCP',
      port: 80,
      clusterIP: '10.96.100.7',
      endpoints: ['10.244.1.2', '10.244.1.3', '10.244.2.2'].map((ip) => ({
        ip,
        port: 80,
        ready: true,
        serving: true,
        terminating: false,
      })),
    },
  ]);

  it.each([
    // Draws tried in order against 1/3, then 1/2; the last rule always matches.
    [[0.2], '10.244.1.2:80'],
    [[0.5, 0.4], '10.244.1.3:80'],
    [[0.9, 0.6], '10.244.2.2:80'],
  ])('with draws %j it DNATs to %s', (draws, want) => {
    const queue = [...draws];
    const v = traverse(rules, '10.96.100.7', 80, 'TCP', () => queue.shift()!);
    expect(v.kind === 'dnat' && v.target.endpoint).toBe(want);
  });

  it('spreads connections evenly over the endpoints', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const counts: Record<string, number> = {};
    for (let i = 0; i < 3000; i++) {
      const v = traverse(rules, '10.96.100.7', 80, 'TCP', random);
      if (v.kind === 'dnat') counts[v.target.ip] = (counts[v.target.ip] ?? 0) + 1;
    }
    expect(Object.values(counts)).toHaveLength(3);
    for (const n of Object.values(counts)) expect(Math.abs(n - 1000)).toBeLessThan(120);
  });

  it('matches nothing for another port or address', () => {
    expect(traverse(rules, '10.96.100.7', 8080, 'TCP', Math.random).kind).toBe('no-match');
    expect(traverse(rules, '10.96.100.8', 80, 'TCP', Math.random).kind).toBe('no-match');
  });
});

describe('DNS names', () => {
  it.each([
    ['http://nginx', 'default', 'nginx.default.svc.cluster.local', 80],
    ['http://nginx.shop', 'default', 'nginx.shop.svc.cluster.local', 80],
    ['http://nginx.default.svc:8080/x', 'default', 'nginx.default.svc.cluster.local', 8080],
    ['https://api.shop.svc.cluster.local', 'default', 'api.shop.svc.cluster.local', 443],
    ['http://web', 'shop', 'web.shop.svc.cluster.local', 80],
  ])('%s from namespace %s asks for %s, port %i', (url, ns, fqdn, port) => {
    expect(parseServiceUrl(url, ns)).toMatchObject({ fqdn, port });
  });

  it('records <svc>.<ns>.svc.cluster.local → ClusterIP, and a headless Service → its ready endpoints', () => {
    const objects: Record<string, ApiObject> = {
      '/registry/services/specs/default/nginx': {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'nginx', namespace: 'default' },
        spec: { clusterIP: '10.96.100.7' },
      },
      '/registry/services/specs/db/pg': {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'pg', namespace: 'db' },
        spec: { clusterIP: 'None' },
      },
      '/registry/endpointslices/db/pg-x7k2p': {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: { name: 'pg-x7k2p', namespace: 'db', labels: { 'kubernetes.io/service-name': 'pg' } },
        endpoints: [
          { addresses: ['10.244.2.9'], conditions: { ready: true } },
          { addresses: ['10.244.1.4'], conditions: { ready: true } },
          { addresses: ['10.244.1.5'], conditions: { ready: false } },
        ],
      },
    };
    expect(serviceRecords(objects)).toEqual({
      [serviceFqdn('nginx', 'default')]: ['10.96.100.7'],
      'pg.db.svc.cluster.local': ['10.244.1.4', '10.244.2.9'],
    });
  });
});

describe("kube-proxy's sync runner", () => {
  it('runs two syncs at once, then one per minSyncPeriod (1 s)', () => {
    const st = { tokens: 2, tokensAt: 0 };
    expect([takeToken(st, 5_000), takeToken(st, 5_010), takeToken(st, 5_020)]).toEqual([0, 0, 980]);
    // The third waits for the token due at 6 s; the next one for the token due at 7 s.
    expect(takeToken(st, 5_500)).toBe(1_500);
    expect(takeToken(st, 20_000)).toBe(0);
  });
});

describe('the endpoint order of a KUBE-SVC chain (ip:port as localeCompare orders it)', () => {
  // The root collation puts ':' before '.' before the digits: not code-unit order.
  const endpoints = [
    '10.244.1.50:80',
    '10.244.1.5:80',
    '10.244.1.5:8080',
    '10.244.10.2:80',
    '10.244.1.49:80',
    '10.244.2.1:9',
    '10.244.1.5:80',
    '10.245.0.1:80',
    '10.244.1.5',
    'fd00::1:80',
    '[fd00::a]:80',
  ];
  it('compares every pair as localeCompare does', () => {
    const pairs = endpoints.flatMap((a) => endpoints.map((b) => [a, b, compareEndpoints(a, b)]));
    expect(pairs).toEqual(endpoints.flatMap((a) => endpoints.map((b) => [a, b, Math.sign(a.localeCompare(b))])));
  });
});

describe('a KUBE-SEP chain is made once per endpoint of a Service port', () => {
  it('is the same chain for the same endpoint, and another for another IP, port or Service port', () => {
    const a = endpointChain('default/web', 'TCP', '10.244.1.2', '10.244.1.2:80');
    expect(endpointChain('default/web', 'TCP', '10.244.1.2', '10.244.1.2:80')).toBe(a);
    expect(a).toEqual({
      table: 'nat',
      name: servicePortEndpointChainName('default/web', 'TCP', '10.244.1.2:80'),
      rules: [
        `-A ${a.name} -m comment --comment default/web -s 10.244.1.2 -j KUBE-MARK-MASQ`,
        `-A ${a.name} -m comment --comment default/web -m tcp -p tcp -j DNAT --to-destination 10.244.1.2:80`,
      ],
    });
    const others = [
      endpointChain('default/web', 'TCP', '10.244.1.3', '10.244.1.3:80'),
      endpointChain('default/web', 'TCP', '10.244.1.2', '10.244.1.2:8080'),
      endpointChain('default/web:http', 'TCP', '10.244.1.2', '10.244.1.2:80'),
      endpointChain('default/web', 'UDP', '10.244.1.2', '10.244.1.2:80'),
    ];
    expect(new Set([a, ...others].map((c) => c.name)).size).toBe(5);
  });

  it('gives two syncs of the same Service the same rules', () => {
    const ep = (ip: string): ProxyEndpoint => ({ ip, port: 80, ready: true, serving: true, terminating: false });
    const ports: ProxyServicePort[] = [
      {
        namespace: 'ns1',
        name: 'svc1',
        portName: '',
        protocol: 'TCP',
        port: 80,
        clusterIP: '10.20.30.41',
        endpoints: [ep('10.244.2.3'), ep('10.244.1.2')],
      },
    ];
    const first = syncProxyRules(ports);
    expect(syncProxyRules(ports)).toEqual(first);
    expect(iptablesSave(syncProxyRules(ports))).toBe(iptablesSave(first));
  });
});

describe('the rules of one set of cached objects are built once for every node', () => {
  const service = (clusterIP: string): ApiObject =>
    ({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'default' },
      spec: { clusterIP, ports: [{ port: 80, protocol: 'TCP' }] },
    }) as unknown as ApiObject;
  const slice = (ips: string[]): ApiObject =>
    ({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'web-abc', namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' } },
      endpoints: ips.map((ip) => ({ addresses: [ip], conditions: { ready: true } })),
      ports: [{ name: '', port: 8080, protocol: 'TCP' }],
    }) as unknown as ApiObject;
  const SVC = '/registry/services/specs/default/web';
  const SLICE = '/registry/endpointslices/default/web-abc';

  it('gives two nodes’ caches holding the same objects the same rules, and new rules for a new object', () => {
    const svc = service('10.96.0.20');
    const one = slice(['10.244.1.2', '10.244.2.2']);
    const first = rulesFor({ [SVC]: svc, [SLICE]: one });
    // Another node's cache: another record, the same objects.
    expect(rulesFor({ [SVC]: svc, [SLICE]: one })).toBe(first);
    expect(first).toEqual(syncProxyRules(servicePortsFrom({ [SVC]: svc, [SLICE]: one })));
    // The slice changed: a new object, new rules.
    const two = slice(['10.244.1.2', '10.244.2.2', '10.244.3.2']);
    const second = rulesFor({ [SVC]: svc, [SLICE]: two });
    expect(second).not.toBe(first);
    expect(second.services[0]!.targets.map((t) => t.ip)).toEqual(['10.244.1.2', '10.244.2.2', '10.244.3.2']);
    // Content equal to what is remembered is not enough: a new object is built for anew.
    expect(rulesFor({ [SVC]: service('10.96.0.20'), [SLICE]: one })).not.toBe(first);
  });
});
