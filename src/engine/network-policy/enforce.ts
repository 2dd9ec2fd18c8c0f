/**
 * Where traffic meets policy: the node's filter table, as Felix last
 * programmed it, judges a new connection. Egress is judged on the client's
 * node (the packet leaves the Pod through its cali-fw chain, after
 * kube-proxy's DNAT), ingress on the destination's node (cali-tw). A
 * dropped SYN is not answered at all: the client only learns of it when
 * its connect timeout runs out.
 */
import type { ServiceRequest } from '../types';
import type { FelixState } from './felix';
import { evaluateDirection, type Direction, type DirectionVerdict, type PolicyEndpoint } from './match';
import { vethNameForWorkload } from './sha1';

/** Linux's default tcp_syn_retries (6): the SYN is sent at 0, 1, 3, 7, 15, 31 and 63 s; connect() fails at 127 s. */
export const KERNEL_CONNECT_TIMEOUT_MS = 127_000;

/** The client of a request as the policy engine sees it: the named Pod, or an unlabelled client Pod. */
export function clientEndpoint(felix: FelixState | undefined, req: ServiceRequest): PolicyEndpoint {
  const namespace = req.namespace ?? 'default';
  const known = req.fromPod
    ? felix?.dataplane.pods.find((p) => p.pod === req.fromPod && p.namespace === namespace)
    : undefined;
  return known ?? { pod: req.fromPod ?? 'client', namespace, labels: {} };
}

export interface PolicyDrop {
  direction: Direction;
  /** The Pod whose chain dropped the packet. */
  pod: string;
  chain: string;
  verdict: DirectionVerdict;
}

/**
 * Judge one direction on a node: the client's egress (`Egress`, `pod` is the
 * client) or the destination's ingress (`Ingress`, `pod` is found by `ip`).
 * Null when the node enforces no policy or the packet passes.
 */
export function policyDrop(
  felix: FelixState | undefined,
  direction: Direction,
  client: PolicyEndpoint,
  destinationIp: string,
  port: number,
  protocol = 'TCP',
): PolicyDrop | null {
  if (!felix) return null;
  const dp = felix.dataplane;
  // CoreDNS runs on the control plane, outside podflow's Pods: known by its address.
  const destination =
    dp.pods.find((p) => p.ip === destinationIp) ??
    (destinationIp === COREDNS_ENDPOINT.ip ? COREDNS_ENDPOINT : { ip: destinationIp });
  const [self, other] = direction === 'Egress' ? [client, destination] : [destination, client];
  if (!self.pod) return null;
  const verdict = evaluateDirection(direction, self, other, port, protocol, dp.policies, dp.namespaces);
  if (verdict.allowed) return null;
  const iface = vethNameForWorkload(self.namespace ?? 'default', self.pod);
  return { direction, pod: self.pod, chain: `${direction === 'Ingress' ? 'cali-tw' : 'cali-fw'}-${iface}`, verdict };
}

/**
 * The CoreDNS Pod a client's DNS query is DNATed to (cluster/bootstrap.ts's kube-dns endpoints):
 * an egress policy must allow UDP 53 to it, or the name never resolves.
 */
export const COREDNS_ENDPOINT: PolicyEndpoint = {
  pod: 'coredns-668d6bf9bc-2vxfm',
  namespace: 'kube-system',
  labels: { 'k8s-app': 'kube-dns' },
  ip: '10.244.0.2',
};

/**
 * glibc's resolver with the Pod's resolv.conf (ndots:5, three search domains, timeout 5 s, attempts 2):
 * four names, each tried twice for 5 s, before getaddrinfo gives up.
 */
export const RESOLVER_GIVE_UP_MS = 4 * 2 * 5_000;

/** What curl prints when the connection never completes (`resolving`: the DNS query was dropped). */
export function connectTimeoutMessage(
  req: ServiceRequest,
  host: string,
  port: number,
  elapsedMs: number,
  resolving = false,
): string {
  if (resolving)
    return req.connectTimeoutSeconds
      ? `curl: (28) Resolving timed out after ${elapsedMs} milliseconds`
      : `curl: (6) Could not resolve host: ${host}`;
  return req.connectTimeoutSeconds
    ? `curl: (28) Connection timed out after ${elapsedMs} milliseconds`
    : `curl: (28) Failed to connect to ${host} port ${port} after ${elapsedMs} ms: Couldn't connect to server`;
}

export function connectDeadline(req: ServiceRequest, resolving = false): number {
  const fallback = resolving ? RESOLVER_GIVE_UP_MS : KERNEL_CONNECT_TIMEOUT_MS;
  return req.atMs + (req.connectTimeoutSeconds ? req.connectTimeoutSeconds * 1000 : fallback);
}
