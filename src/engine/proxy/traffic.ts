/**
 * A request to a Service, the payoff of the story: a client Pod on a node
 * resolves the Service name with CoreDNS, connects to the ClusterIP, and the
 * node's kernel applies the iptables rules kube-proxy wrote there: the
 * KUBE-SVC chain's `statistic --mode random` rules pick an endpoint, the
 * KUBE-SEP chain DNATs to the Pod IP and target port, and the packet goes
 * straight to the Pod. With no usable endpoint the filter table's REJECT
 * refuses the connection. On the diagram the node's kube-proxy box stands
 * for the node's netfilter; kube-proxy itself carries nothing.
 */
import type { Message } from '../core/messages';
import type { Sim } from '../core/sim';
import { CLUSTER_DOMAIN, serviceFqdn } from '../dns/coredns';
import type { ComponentId, ServiceRequest } from '../types';
import { servicePortChainName, servicePortName, traverse } from './iptables';
import type { KubeletState } from '../kubelet/kubelet';
import type { KubeProxyState } from './kube-proxy';
import type { FelixState } from '../network-policy/felix';
import { calicoPolicyName } from '../network-policy/felix';
import {
  clientEndpoint,
  COREDNS_ENDPOINT,
  connectDeadline,
  connectTimeoutMessage,
  policyDrop,
  type PolicyDrop,
} from '../network-policy/enforce';

/** The kube-dns Service's ClusterIP: every Pod's resolv.conf nameserver (dnsPolicy ClusterFirst). */
export const KUBE_DNS_IP = '10.96.0.10';

export interface TrafficState {
  requests: ServiceRequest[];
}

export function initTraffic(requests: ServiceRequest[] = []): TrafficState {
  return { requests };
}

/** Which node's netfilter a request starts from: a node name, or the first node for `client`. */
export function clientNode(req: ServiceRequest, nodes: string[]): string {
  return req.from && nodes.includes(req.from) ? req.from : nodes[0]!;
}

/**
 * `http://nginx`, `http://nginx.default`, `http://nginx.default.svc.cluster.local:8080/x`
 * → the name the resolver asks for (the search list completes a short name in
 * the client's namespace) and the port.
 */
export function parseServiceUrl(url: string, namespace = 'default'): { host: string; fqdn: string; port: number } {
  const m = /^(https?):\/\/([^/:]+)(?::(\d+))?/.exec(url);
  const scheme = m?.[1] ?? 'http';
  const host = m?.[2] ?? url;
  const port = m?.[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  const parts = host.split('.');
  let fqdn = host;
  if (!host.endsWith(`.svc.${CLUSTER_DOMAIN}`)) {
    if (parts.length === 1) fqdn = serviceFqdn(host, namespace);
    else if (parts.length === 2) fqdn = serviceFqdn(parts[0]!, parts[1]!);
    else if (host.endsWith('.svc')) fqdn = `${host}.${CLUSTER_DOMAIN}`;
  }
  return { host, fqdn, port };
}

/** The endpoint (Pod and node) an address belongs to, from the EndpointSlices kube-proxy follows. */
function endpointByIp(st: KubeProxyState, ip: string): { pod: string; nodeName?: string } | undefined {
  for (const [key, obj] of Object.entries(st.informers.cache.objects)) {
    if (!key.startsWith('/registry/endpointslices/')) continue;
    const eps = (obj as { endpoints?: { addresses: string[]; nodeName?: string; targetRef?: { name?: string } }[] })
      .endpoints;
    const ep = eps?.find((e) => e.addresses.includes(ip));
    if (ep) return { pod: ep.targetRef?.name ?? '', ...(ep.nodeName ? { nodeName: ep.nodeName } : {}) };
  }
  return undefined;
}

type TSim = Sim<{
  proxies: Record<string, KubeProxyState>;
  traffic: TrafficState;
  kubelets: Record<string, Pick<KubeletState, 'node' | 'workers'>>;
  felix?: Record<string, FelixState>;
  ingressNginx?: { address: string };
}>;

const proxyOf = (node: string): ComponentId => `kube-proxy/${node}`;

/** The network side of a node's kube-proxy box: true if the message was traffic. */
export function handleTraffic(sim: TSim, self: ComponentId, msg: Message): boolean {
  const node = self.slice('kube-proxy/'.length);
  const st = sim.world.proxies[node]!;
  switch (msg.type) {
    case 'client-request': {
      const req = sim.world.traffic.requests[msg.index]!;
      if (req.fromPod) {
        // Where the client Pod runs decides whose netfilter the packets pass (the harness places it, no component).
        const podKey = `/registry/pods/${req.namespace ?? 'default'}/${req.fromPod}`;
        const host = Object.values(sim.world.kubelets).find((k) => k.workers[podKey])?.node;
        if (!host) {
          sim.note(self, {
            kind: 'internal',
            level: 'overview',
            say: {
              key: 'request-no-client',
              params: { url: req.url, message: `Error from server (NotFound): pods "${req.fromPod}" not found` },
            },
          });
          return true;
        }
        if (host !== node) {
          sim.send({ from: proxyOf(host), to: proxyOf(host), msg }, 0);
          return true;
        }
      }
      if (req.via === 'ingress') return toIngressController(sim, self, msg.index, node);
      const { fqdn } = parseServiceUrl(req.url, req.namespace);
      // The query itself leaves the client Pod: an egress policy must allow UDP 53 to CoreDNS.
      const felix = sim.world.felix?.[node];
      const dnsDrop = policyDrop(felix, 'Egress', clientEndpoint(felix, req), COREDNS_ENDPOINT.ip!, 53, 'UDP');
      if (dnsDrop) {
        dropped(sim, self, msg.index, node, node, dnsDrop, `${COREDNS_ENDPOINT.ip}:53`, true);
        return true;
      }
      sim.send(
        {
          from: self,
          to: 'coredns',
          msg: { type: 'dns-query', index: msg.index, name: fqdn },
          meta: {
            kind: 'request',
            level: 'overview',
            verb: 'DNS',
            say: {
              key: 'request-dns-query',
              params: {
                url: req.url,
                name: fqdn,
                server: KUBE_DNS_IP,
                node,
                // The query to kube-dns is itself a Service connection: its own chain DNATs it to a CoreDNS Pod.
                dnsChain: servicePortChainName(servicePortName('kube-system', 'kube-dns', 'dns'), 'UDP'),
              },
            },
          },
        },
        sim.latency(0.2, 1),
      );
      return true;
    }
    case 'dns-answer': {
      const req = sim.world.traffic.requests[msg.index]!;
      const { host, port } = parseServiceUrl(req.url, req.namespace);
      const ip = msg.ips[0];
      if (!ip) {
        sim.note(self, {
          kind: 'internal',
          level: 'overview',
          say: {
            key: 'request-unresolved',
            params: { url: req.url, message: `curl: (6) Could not resolve host: ${host}` },
          },
        });
        return true;
      }
      const verdict = traverse(st.rules, ip, port, 'TCP', () => sim.random());
      if (verdict.kind === 'reject') {
        sim.note(self, {
          kind: 'internal',
          level: 'overview',
          say: {
            key: 'request-refused',
            params: { url: req.url, ip, port, node, comment: verdict.service.reject ?? '' },
          },
        });
        return true;
      }
      if (verdict.kind === 'no-match') {
        // A headless Service's name resolves to Pod IPs: no Service rule, the packet goes straight to the Pod.
        const direct = endpointByIp(st, ip);
        if (direct) {
          if (egressDropped(sim, self, msg.index, node, ip, port)) return true;
          sim.note(self, {
            kind: 'internal',
            level: 'overview',
            say: { key: 'request-direct', params: { node, ip, port, pod: direct.pod } },
          });
          sim.send(
            {
              from: self,
              to: direct.nodeName && sim.world.proxies[direct.nodeName] ? proxyOf(direct.nodeName) : self,
              msg: { type: 'packet', index: msg.index, ip, port, pod: direct.pod, clientNode: node },
              meta: {
                kind: 'request',
                level: 'overview',
                verb: 'TCP',
                say: {
                  key: 'request-packet',
                  params: { pod: direct.pod, endpoint: `${ip}:${port}`, node: direct.nodeName ?? node },
                },
              },
            },
            sim.latency(0.1, 0.5),
          );
          return true;
        }
        sim.note(self, {
          kind: 'internal',
          level: 'overview',
          say: { key: 'request-no-rule', params: { url: req.url, ip, port, node } },
        });
        return true;
      }
      const { service, target, draws } = verdict;
      sim.note(self, {
        kind: 'internal',
        level: 'overview',
        say: {
          key: 'request-dnat',
          params: {
            node,
            ip,
            port,
            svcChain: service.svcChain!,
            sepChain: target.chain,
            endpoint: target.endpoint,
            pod: target.pod ?? '',
            endpoints: service.targets.length,
            draws: draws.map((d) => d.toFixed(4)).join(', ') || '—',
            probabilities: service.targets.map((t) => t.probability ?? '1').join(', '),
          },
        },
      });
      if (egressDropped(sim, self, msg.index, node, target.ip, target.port)) return true;
      const to = target.nodeName && sim.world.proxies[target.nodeName] ? proxyOf(target.nodeName) : self;
      sim.send(
        {
          from: self,
          to,
          msg: {
            type: 'packet',
            index: msg.index,
            ip: target.ip,
            port: target.port,
            pod: target.pod ?? '',
            clientNode: node,
          },
          meta: {
            kind: 'request',
            level: 'overview',
            verb: 'TCP',
            say: {
              key: 'request-packet',
              params: { pod: target.pod ?? '', endpoint: target.endpoint, node: target.nodeName ?? node },
            },
          },
        },
        sim.latency(0.1, 0.5),
      );
      return true;
    }
    case 'packet': {
      const req = sim.world.traffic.requests[msg.index]!;
      // The destination node's filter table: the Pod's cali-tw chain, if a policy selects it.
      const felix = sim.world.felix?.[node];
      // Behind an Ingress the connection to the Pod comes from the controller Pod, not the client.
      const source = msg.replyTo === 'ingress-nginx' ? INGRESS_NGINX_ENDPOINT : clientEndpoint(felix, req);
      const drop = policyDrop(felix, 'Ingress', source, msg.ip, msg.port);
      if (drop) {
        dropped(sim, self, msg.index, node, msg.clientNode, drop, `${msg.ip}:${msg.port}`, false, msg.replyTo);
        return true;
      }
      if (msg.replyTo) {
        sim.send(
          {
            from: self,
            to: msg.replyTo,
            msg: {
              type: 'ingress-upstream-answer',
              index: msg.index,
              pod: msg.pod,
              endpoint: `${msg.ip}:${msg.port}`,
              status: 200,
            },
            meta: {
              kind: 'response',
              level: 'standard',
              status: 200,
              verb: 'HTTP',
              say: {
                key: 'ingress-nginx-upstream-answer',
                params: { pod: msg.pod, endpoint: `${msg.ip}:${msg.port}`, status: 200 },
              },
            },
          },
          sim.latency(0.3, 1.5),
        );
        return true;
      }
      sim.send(
        {
          from: self,
          to: proxyOf(msg.clientNode),
          msg: { type: 'http-answer', index: msg.index, status: 200 },
          meta: {
            kind: 'response',
            level: 'overview',
            status: 200,
            verb: 'HTTP',
            say: {
              key: 'request-answer',
              params: { url: req.url, pod: msg.pod, endpoint: `${msg.ip}:${msg.port}`, status: 200 },
            },
          },
        },
        sim.latency(0.3, 1.5),
      );
      return true;
    }
    case 'http-answer':
      return true;
    case 'connect-timeout': {
      const req = sim.world.traffic.requests[msg.index]!;
      const { host, port } = parseServiceUrl(req.url, req.namespace);
      const elapsed = Math.round(sim.now - req.atMs);
      const resolving = !!msg.resolving;
      sim.note(self, {
        kind: 'internal',
        level: 'overview',
        say: {
          key: resolving ? 'request-unresolved' : 'request-timeout',
          params: { url: req.url, node, message: connectTimeoutMessage(req, host, port, elapsed, resolving) },
        },
      });
      return true;
    }
    default:
      return false;
  }
}

/** The client's own node: its cali-fw chain judges the connection after kube-proxy's DNAT. */
function egressDropped(sim: TSim, self: ComponentId, index: number, node: string, ip: string, port: number): boolean {
  const req = sim.world.traffic.requests[index]!;
  const felix = sim.world.felix?.[node];
  const drop = policyDrop(felix, 'Egress', clientEndpoint(felix, req), ip, port);
  if (!drop) return false;
  dropped(sim, self, index, node, node, drop, `${ip}:${port}`);
  return true;
}

/** A policy dropped the SYN: nothing answers, and curl gives up when its connect timeout runs out. */
function dropped(
  sim: TSim,
  self: ComponentId,
  index: number,
  node: string,
  clientNodeName: string,
  drop: PolicyDrop,
  endpoint: string,
  resolving = false,
  proxy?: ComponentId,
): void {
  const req = sim.world.traffic.requests[index]!;
  sim.note(self, {
    kind: 'internal',
    level: 'overview',
    say: {
      key: drop.direction === 'Ingress' ? 'request-dropped-ingress' : 'request-dropped-egress',
      params: {
        node,
        pod: drop.pod,
        endpoint,
        chain: drop.chain,
        policies: drop.verdict.policies.map(calicoPolicyName).join(', '),
        url: req.url,
      },
    },
  });
  if (proxy) {
    // The client is ingress-nginx: nginx gives up after proxy_connect_timeout and answers 504 (retries not modelled).
    sim.send(
      {
        from: proxy,
        to: proxy,
        msg: { type: 'ingress-upstream-answer', index, pod: drop.pod, endpoint, status: 504 },
      },
      PROXY_CONNECT_TIMEOUT_MS,
    );
    return;
  }
  const client = proxyOf(clientNodeName);
  sim.send(
    { from: client, to: client, msg: { type: 'connect-timeout', index, ...(resolving ? { resolving } : {}) } },
    Math.max(1, connectDeadline(req, resolving) - sim.now) + sim.latency(0.5, 2),
  );
}

/** ingress-nginx's proxy-connect-timeout default (5 s): how long nginx waits to connect to an upstream. */
const PROXY_CONNECT_TIMEOUT_MS = 5_000;

/** The ingress-nginx controller Pod as a policy sees it (deploy.yaml's labels, namespace ingress-nginx). */
const INGRESS_NGINX_ENDPOINT = {
  pod: 'ingress-nginx-controller',
  namespace: 'ingress-nginx',
  labels: { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' },
};

/**
 * `curl http://<host>/<path>` where /etc/hosts points the host at the Ingress ADDRESS: the client
 * connects to the ingress-nginx controller (no CoreDNS, no ClusterIP). Without the add-on nothing
 * resolves the name.
 */
function toIngressController(sim: TSim, self: ComponentId, index: number, node: string): boolean {
  const req = sim.world.traffic.requests[index]!;
  const host = /^https?:\/\/([^/:]+)/.exec(req.url)?.[1] ?? req.url;
  const controller = sim.world.ingressNginx;
  if (!controller) {
    sim.note(self, {
      kind: 'internal',
      level: 'overview',
      say: {
        key: 'request-unresolved',
        params: { url: req.url, message: `curl: (6) Could not resolve host: ${host}` },
      },
    });
    return true;
  }
  sim.send(
    {
      from: self,
      to: 'ingress-nginx',
      msg: { type: 'ingress-request', index },
      meta: {
        kind: 'request',
        level: 'overview',
        verb: 'HTTP',
        say: { key: 'request-ingress', params: { url: req.url, host, node, address: controller.address } },
      },
    },
    sim.latency(0.3, 1.5),
  );
  return true;
}
