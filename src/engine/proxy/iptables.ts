/**
 * kube-proxy's iptables mode as data: what syncProxyRules writes for the
 * Services and EndpointSlices it has seen, and how the kernel then walks
 * those chains for one new connection. Models pkg/proxy/iptables/proxier.go
 * (release-1.33): portProtoHash, servicePortChainName,
 * servicePortEndpointChainName, computeProbability, writeServiceToEndpointRules
 * and the "has no endpoints" REJECT in the filter table.
 */
import { remembering } from '../core/memo';
import { base32, sha256, utf8 } from './sha256';

/** `ns/name:port-name` (ServicePortName.String(); no colon for an unnamed port). */
export function servicePortName(namespace: string, name: string, portName = ''): string {
  return `${namespace}/${name}${portName ? `:${portName}` : ''}`;
}

/** sha256 of servicePortName + lowercase protocol (+ endpoint), base32, first 16 characters. */
export function portProtoHash(svcPortName: string, protocol: string, endpoint = ''): string {
  const input = svcPortName + protocol.toLowerCase() + endpoint;
  return chainHash(input);
}
/** Remembered: every node's kube-proxy names the same chains on each sync (a hundred nodes, a hundred hashes). */
const chainHash = remembering((input) => base32(sha256(utf8(input))).slice(0, 16));

export function servicePortChainName(svcPortName: string, protocol: string): string {
  return `KUBE-SVC-${portProtoHash(svcPortName, protocol)}`;
}

/** The endpoint is `ip:port` (the endpoint info's String()). */
export function servicePortEndpointChainName(svcPortName: string, protocol: string, endpoint: string): string {
  return `KUBE-SEP-${portProtoHash(svcPortName, protocol, endpoint)}`;
}

/** computeProbability: `fmt.Sprintf("%0.10f", 1.0/float64(n))`. */
export function computeProbability(n: number): string {
  return (1 / n).toFixed(10);
}

/** One endpoint of a Service port, as kube-proxy's EndpointSlice cache holds it. */
export interface ProxyEndpoint {
  ip: string;
  port: number;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  nodeName?: string;
  pod?: string;
}

/** One Service port kube-proxy programs. */
export interface ProxyServicePort {
  namespace: string;
  name: string;
  portName: string;
  protocol: string;
  port: number;
  clusterIP: string;
  endpoints: ProxyEndpoint[];
}

/** The rules of one Service port, as traversal needs them. */
export interface ProgrammedService {
  svcPortName: string;
  clusterIP: string;
  port: number;
  protocol: string;
  /** Absent when the Service has no usable endpoint: then `reject` holds the REJECT rule's comment. */
  svcChain?: string;
  reject?: string;
  /** The endpoints the KUBE-SVC chain jumps to, in rule order, with the probability of their rule. */
  targets: {
    chain: string;
    endpoint: string;
    ip: string;
    port: number;
    probability?: string;
    nodeName?: string;
    pod?: string;
  }[];
}

export interface IptablesChain {
  table: 'nat' | 'filter';
  name: string;
  /** The chain's rules as iptables-save prints them (`-A CHAIN …`). */
  rules: string[];
}

export interface ProxyRules {
  services: ProgrammedService[];
  chains: IptablesChain[];
}

/** The pod network kube-proxy treats as local (kubeadm's podSubnet, detect-local-mode ClusterCIDR). */
export const CLUSTER_CIDR = '10.244.0.0/16';

/**
 * Which endpoints get traffic (categorizeEndpoints, internalTrafficPolicy
 * Cluster): the ready ones; if none is ready, the serving-and-terminating
 * ones, so a rollout's last Pods still answer while they shut down.
 */
export function usableEndpoints(endpoints: ProxyEndpoint[]): ProxyEndpoint[] {
  const ready = endpoints.filter((e) => e.ready);
  if (ready.length) return ready;
  return endpoints.filter((e) => e.serving && e.terminating);
}

/**
 * a.localeCompare(b) for two `ip:port` endpoints. Over digits, '.' and ':'
 * the root collation orders ':' before '.' before the digits, character by
 * character, a prefix first (so `10.244.1.5:80` comes before
 * `10.244.1.50:80`, unlike code-unit order); compared here directly, since a
 * sync sorts every endpoint of every Service on every node. Any other
 * character (an IPv6 letter) falls back to localeCompare.
 */
export function compareEndpoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = collationRank(a.charCodeAt(i));
    const y = collationRank(b.charCodeAt(i));
    if (x < 0 || y < 0) return a.localeCompare(b);
    if (x !== y) return x < y ? -1 : 1;
  }
  for (let i = n; i < a.length; i++) if (collationRank(a.charCodeAt(i)) < 0) return a.localeCompare(b);
  for (let i = n; i < b.length; i++) if (collationRank(b.charCodeAt(i)) < 0) return a.localeCompare(b);
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** ':' 0, '.' 1, '0'–'9' 2–11; -1 for anything else. */
function collationRank(code: number): number {
  if (code === 58) return 0;
  if (code === 46) return 1;
  if (code >= 48 && code <= 57) return code - 46;
  return -1;
}

/**
 * The KUBE-SEP chain of one endpoint of a Service port: its name and its two
 * rules depend on nothing else, so every node and every sync share one
 * (chains are only read once written). Bounded: when full it starts over.
 */
export function endpointChain(svcPortName: string, protocol: string, ip: string, endpoint: string): IptablesChain {
  const key = `${svcPortName}\n${protocol}\n${ip}\n${endpoint}`;
  const known = ENDPOINT_CHAINS.get(key);
  if (known) return known;
  const name = servicePortEndpointChainName(svcPortName, protocol, endpoint);
  const proto = protocol.toLowerCase();
  const chain: IptablesChain = {
    table: 'nat',
    name,
    rules: [
      `-A ${name} -m comment --comment ${svcPortName} -s ${ip} -j KUBE-MARK-MASQ`,
      `-A ${name} -m comment --comment ${svcPortName} -m ${proto} -p ${proto} -j DNAT --to-destination ${endpoint}`,
    ],
  };
  if (ENDPOINT_CHAINS.size >= 20_000) ENDPOINT_CHAINS.clear();
  ENDPOINT_CHAINS.set(key, chain);
  return chain;
}
const ENDPOINT_CHAINS = new Map<string, IptablesChain>();

/** syncProxyRules, reduced to ClusterIP Services: the nat and filter chains kube-proxy writes. */
export function syncProxyRules(ports: ProxyServicePort[]): ProxyRules {
  const sorted = [...ports].sort((a, b) =>
    servicePortName(a.namespace, a.name, a.portName).localeCompare(servicePortName(b.namespace, b.name, b.portName)),
  );
  const services: ProgrammedService[] = [];
  const kubeServicesNat: string[] = [];
  const kubeServicesFilter: string[] = [];
  const perService: IptablesChain[] = [];
  for (const sp of sorted) {
    const name = servicePortName(sp.namespace, sp.name, sp.portName);
    const proto = sp.protocol.toLowerCase();
    const match = `-m ${proto} -p ${proto} -d ${sp.clusterIP} --dport ${sp.port}`;
    // Sorted by "ip:port", as the EndpointSlice cache returns them (each key made once, not twice per comparison).
    const eps = usableEndpoints(sp.endpoints)
      .map((ep) => ({ ep, endpoint: `${ep.ip}:${ep.port}` }))
      .sort((a, b) => compareEndpoints(a.endpoint, b.endpoint));
    if (!eps.length) {
      const comment = `${name} has no endpoints`;
      kubeServicesFilter.push(`-A KUBE-SERVICES -m comment --comment "${comment}" ${match} -j REJECT`);
      services.push({
        svcPortName: name,
        clusterIP: sp.clusterIP,
        port: sp.port,
        protocol: proto,
        reject: comment,
        targets: [],
      });
      continue;
    }
    const svcChain = servicePortChainName(name, sp.protocol);
    kubeServicesNat.push(`-A KUBE-SERVICES -m comment --comment "${name} cluster IP" ${match} -j ${svcChain}`);
    const svcRules = [
      `-A ${svcChain} -m comment --comment "${name} cluster IP" ${match} ! -s ${CLUSTER_CIDR} -j KUBE-MARK-MASQ`,
    ];
    const targets: ProgrammedService['targets'] = [];
    const sepChains: IptablesChain[] = [];
    eps.forEach(({ ep, endpoint }, i) => {
      const sepChain = endpointChain(name, sp.protocol, ep.ip, endpoint);
      const chain = sepChain.name;
      const probability = i < eps.length - 1 ? computeProbability(eps.length - i) : undefined;
      svcRules.push(
        `-A ${svcChain} -m comment --comment "${name} -> ${endpoint}"` +
          (probability ? ` -m statistic --mode random --probability ${probability}` : '') +
          ` -j ${chain}`,
      );
      // Fields added in order, the optional ones only when set (no spreads: a target per endpoint per sync).
      const target: ProgrammedService['targets'][number] = { chain, endpoint, ip: ep.ip, port: ep.port };
      if (probability) target.probability = probability;
      if (ep.nodeName) target.nodeName = ep.nodeName;
      if (ep.pod) target.pod = ep.pod;
      targets.push(target);
      sepChains.push(sepChain);
    });
    perService.push({ table: 'nat', name: svcChain, rules: svcRules }, ...sepChains);
    services.push({ svcPortName: name, clusterIP: sp.clusterIP, port: sp.port, protocol: proto, svcChain, targets });
  }
  kubeServicesNat.push(
    '-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS',
  );
  return {
    services,
    chains: [
      { table: 'filter', name: 'KUBE-SERVICES', rules: kubeServicesFilter },
      { table: 'nat', name: 'KUBE-SERVICES', rules: kubeServicesNat },
      ...perService,
    ],
  };
}

/** The rules as iptables-save prints them, table by table: the chains, then their rules. */
export function iptablesSave(rules: ProxyRules): string {
  // Lines pushed one by one (no filtered copies, spreads or flatMap: a Service's thousand endpoints make thousands).
  const out: string[] = [];
  for (const table of ['filter', 'nat'] as const) {
    out.push(`*${table}`);
    for (const c of rules.chains) if (c.table === table) out.push(`:${c.name} - [0:0]`);
    for (const c of rules.chains) if (c.table === table) for (const rule of c.rules) out.push(rule);
    out.push('COMMIT');
  }
  return out.join('\n');
}

/** Read iptables-save text back into chains (what the headless API serves). */
export function parseIptablesSave(text: string): IptablesChain[] {
  const chains: IptablesChain[] = [];
  let table: 'nat' | 'filter' = 'filter';
  for (const line of text.split('\n')) {
    if (line.startsWith('*')) table = line.slice(1) === 'nat' ? 'nat' : 'filter';
    else if (line.startsWith(':')) chains.push({ table, name: line.slice(1).split(' ')[0]!, rules: [] });
    else if (line.startsWith('-A ')) {
      const name = line.split(' ')[1];
      chains.find((c) => c.table === table && c.name === name)?.rules.push(line);
    }
  }
  return chains;
}

export type Verdict =
  | { kind: 'dnat'; service: ProgrammedService; target: ProgrammedService['targets'][number]; draws: number[] }
  | { kind: 'reject'; service: ProgrammedService }
  | { kind: 'no-match' };

/**
 * One new connection to ip:port through the chains: KUBE-SERVICES matches
 * the ClusterIP, KUBE-SVC-… tries each `statistic --mode random` rule in
 * order with a fresh draw, the last rule always matches, and KUBE-SEP-…
 * DNATs. `random` is the seeded PRNG (the kernel's own random numbers).
 */
export function traverse(rules: ProxyRules, ip: string, port: number, protocol: string, random: () => number): Verdict {
  const service = rules.services.find(
    (s) => s.clusterIP === ip && s.port === port && s.protocol === protocol.toLowerCase(),
  );
  if (!service) return { kind: 'no-match' };
  if (!service.svcChain) return { kind: 'reject', service };
  const draws: number[] = [];
  for (const target of service.targets) {
    if (!target.probability) return { kind: 'dnat', service, target, draws };
    const draw = random();
    draws.push(draw);
    if (draw < Number(target.probability)) return { kind: 'dnat', service, target, draws };
  }
  return { kind: 'no-match' };
}
