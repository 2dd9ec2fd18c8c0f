/**
 * NetworkPolicy semantics as the Kubernetes docs define them
 * (concepts/services-networking/network-policies.md), with no dataplane:
 * which policies select a Pod, whether a Pod is isolated for ingress or
 * egress, and whether one connection is allowed. A connection needs both
 * the source's egress and the destination's ingress to allow it; policies
 * are additive (any policy's rule that allows it is enough), and a Pod no
 * policy selects for a direction is not isolated in it.
 * Every policy engine (Calico's Felix, Cilium's agent) implements these rules;
 * felix.ts models the one podflow runs.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort } from 'kubernetes-types/networking/v1';

export type Direction = 'Ingress' | 'Egress';

/** One end of a connection as the policy engine knows it: a Pod, or an address outside any Pod. */
export interface PolicyEndpoint {
  /** Absent for an address that is no Pod (a node, the outside world). */
  pod?: string;
  namespace?: string;
  labels?: Record<string, string>;
  ip?: string;
  /** The Pod's container ports, for named ports in a policy. */
  ports?: { name?: string; containerPort: number; protocol?: string }[];
}

/** Namespace name → its labels (with kubernetes.io/metadata.name, which kube-apiserver sets on every namespace). */
export type NamespaceLabels = Record<string, Record<string, string>>;

/** metav1.LabelSelectorAsSelector: matchLabels and matchExpressions all hold; an empty selector selects everything. */
export function selectorMatches(selector: LabelSelector | undefined, labels: Record<string, string> = {}): boolean {
  if (!selector) return true;
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = e.key in labels;
    const value = labels[e.key];
    const ok =
      e.operator === 'In'
        ? has && (e.values ?? []).includes(value!)
        : e.operator === 'NotIn'
          ? !has || !(e.values ?? []).includes(value!)
          : e.operator === 'Exists'
            ? has
            : e.operator === 'DoesNotExist'
              ? !has
              : false;
    if (!ok) return false;
  }
  return true;
}

function ipToInt(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

export function cidrContains(cidr: string, ip: string): boolean {
  const [base, bits] = cidr.split('/');
  const size = 2 ** (32 - Number(bits ?? 32));
  const start = Math.floor(ipToInt(base!) / size) * size;
  const n = ipToInt(ip);
  return n >= start && n < start + size;
}

/** The policies of the Pod's namespace whose podSelector selects it and whose policyTypes name the direction. */
export function policiesSelecting(pod: PolicyEndpoint, policies: NetworkPolicy[], dir: Direction): NetworkPolicy[] {
  if (!pod.pod) return [];
  return policies.filter(
    (p) =>
      (p.metadata?.namespace ?? 'default') === pod.namespace &&
      selectorMatches(p.spec?.podSelector, pod.labels) &&
      // The apiserver defaults policyTypes; a policy stored without them is Ingress only.
      (p.spec?.policyTypes ?? ['Ingress']).includes(dir),
  );
}

/**
 * One peer of a rule, against the other end of the connection:
 * podSelector alone means Pods of the policy's namespace; namespaceSelector
 * alone, every Pod of the namespaces it selects; both, the Pods podSelector
 * selects in those namespaces; ipBlock, the address (minus `except`).
 */
export function peerMatches(
  peer: NetworkPolicyPeer,
  policyNamespace: string,
  other: PolicyEndpoint,
  namespaces: NamespaceLabels,
): boolean {
  if (peer.ipBlock) {
    if (!other.ip || !cidrContains(peer.ipBlock.cidr, other.ip)) return false;
    return !(peer.ipBlock.except ?? []).some((c) => cidrContains(c, other.ip!));
  }
  if (!other.pod) return false;
  if (peer.namespaceSelector) {
    const nsLabels = namespaces[other.namespace ?? ''] ?? { 'kubernetes.io/metadata.name': other.namespace ?? '' };
    if (!selectorMatches(peer.namespaceSelector, nsLabels)) return false;
  } else if (other.namespace !== policyNamespace) return false;
  return selectorMatches(peer.podSelector, other.labels);
}

/** A rule's ports: none means every port; a named port is looked up in the destination Pod's containers. */
export function portMatches(
  ports: NetworkPolicyPort[] | undefined,
  port: number,
  protocol: string,
  destination: PolicyEndpoint,
): boolean {
  if (!ports?.length) return true;
  return ports.some((p) => {
    if ((p.protocol ?? 'TCP') !== protocol) return false;
    if (p.port === undefined) return true;
    if (typeof p.port === 'string') {
      const named = destination.ports?.find((c) => c.name === p.port && (c.protocol ?? 'TCP') === protocol);
      return named?.containerPort === port;
    }
    return p.endPort !== undefined ? port >= p.port && port <= p.endPort : port === p.port;
  });
}

export interface DirectionVerdict {
  allowed: boolean;
  /** Some policy selects the Pod for this direction (else everything is allowed). */
  isolated: boolean;
  /** The policies that select it. */
  policies: string[];
  /** The policy whose rule allowed the connection. */
  allowedBy?: string;
}

/**
 * Whether `pod` may receive from (Ingress) or send to (Egress) `other` on
 * port/protocol (the destination's port, after any DNAT).
 */
export function evaluateDirection(
  dir: Direction,
  pod: PolicyEndpoint,
  other: PolicyEndpoint,
  port: number,
  protocol: string,
  policies: NetworkPolicy[],
  namespaces: NamespaceLabels,
): DirectionVerdict {
  const selecting = policiesSelecting(pod, policies, dir);
  const names = selecting.map((p) => p.metadata?.name ?? '');
  if (!selecting.length) return { allowed: true, isolated: false, policies: [] };
  const destination = dir === 'Ingress' ? pod : other;
  for (const policy of selecting) {
    const ns = policy.metadata?.namespace ?? 'default';
    const rules = (dir === 'Ingress' ? policy.spec?.ingress : policy.spec?.egress) ?? [];
    for (const rule of rules) {
      const peers =
        (dir === 'Ingress'
          ? (rule as { from?: NetworkPolicyPeer[] }).from
          : (rule as { to?: NetworkPolicyPeer[] }).to) ?? [];
      const peerOk = !peers.length || peers.some((peer) => peerMatches(peer, ns, other, namespaces));
      if (peerOk && portMatches(rule.ports, port, protocol, destination))
        return { allowed: true, isolated: true, policies: names, allowedBy: policy.metadata?.name ?? '' };
    }
  }
  return { allowed: false, isolated: true, policies: names };
}

export interface ConnectionVerdict {
  allowed: boolean;
  egress: DirectionVerdict;
  ingress: DirectionVerdict;
  /** Where the packet is dropped when it is: the source's egress first. */
  droppedAt?: Direction;
}

/** A new connection from `source` to `destination` on port/protocol: egress at the source, then ingress. */
export function connectionAllowed(
  source: PolicyEndpoint,
  destination: PolicyEndpoint,
  port: number,
  protocol: string,
  policies: NetworkPolicy[],
  namespaces: NamespaceLabels,
): ConnectionVerdict {
  const egress = evaluateDirection('Egress', source, destination, port, protocol, policies, namespaces);
  const ingress = evaluateDirection('Ingress', destination, source, port, protocol, policies, namespaces);
  const droppedAt = !egress.allowed ? 'Egress' : !ingress.allowed ? 'Ingress' : undefined;
  return { allowed: !droppedAt, egress, ingress, ...(droppedAt ? { droppedAt } : {}) };
}
