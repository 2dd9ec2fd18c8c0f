import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../headless';
import type { Trace } from '../engine/types';
import {
  calicoRuns,
  felixAt,
  ingressNginxAt,
  istiodAt,
  kyvernoAt,
  lastDeliveredTo,
  parseBackends,
  parseServers,
} from './addons';

/** The seq of the n-th step (0-based) with this key from this component. */
const nth = (trace: Trace, key: string, n = 0, from?: string): number => {
  const all = trace.steps.filter((s) => s.say.key === key && (!from || s.from === from));
  const s = all.at(n);
  if (!s) throw new Error(`no step ${key} #${n}`);
  return s.seq;
};

describe('istiod at the cursor', () => {
  const { trace } = simulateScenario('istio-sidecar');
  const injected = nth(trace, 'istiod-inject');

  it('is empty before it has answered anything', () => {
    expect(istiodAt(trace, injected - 1)).toEqual({ reviews: [], proxies: [] });
  });

  it('lists the AdmissionReview it answered, and the patch once kube-apiserver applied it', () => {
    const at = istiodAt(trace, injected);
    expect(at.reviews).toHaveLength(1);
    expect(at.reviews[0]).toMatchObject({
      webhook: 'namespace.sidecar-injector.istio.io',
      injected: true,
      ops: 4,
      image: 'docker.io/istio/proxyv2:1.27.3',
      reason: 'namespace istio-injection=enabled',
      patch: [],
    });
    expect(istiodAt(trace, nth(trace, 'apiserver-webhook-patched')).reviews[0]!.patch).toEqual([
      'add /metadata/labels',
      'add /metadata/annotations',
      'add /spec/initContainers',
      'add /spec/volumes',
    ]);
    // One review per Pod the ReplicaSet creates (2 replicas).
    expect(istiodAt(trace, nth(trace, 'istiod-ads-connect')).reviews).toHaveLength(2);
  });

  it('connects each proxy when its istio-proxy runs, and keeps the last EDS push per proxy', () => {
    const first = nth(trace, 'istiod-ads-connect');
    const one = istiodAt(trace, first);
    expect(one.proxies).toHaveLength(1);
    expect(one.proxies[0]!.push).toBeUndefined();
    const push1 = nth(trace, 'istiod-eds-push', 1);
    const pushed = istiodAt(trace, push1).proxies;
    expect(pushed).toHaveLength(2);
    for (const x of pushed) {
      expect(x.push?.version).toBe(1);
      expect(x.push?.clusters).toEqual(['outbound|80||nginx.shop.svc.cluster.local']);
      expect(x.push?.endpoints).toHaveLength(1);
    }
    const last = istiodAt(trace, trace.steps.length - 1).proxies;
    expect(last.map((x) => x.push?.version)).toEqual([2, 2]);
    // Both Pods are ready at the end: both endpoints are pushed, each proxy's own IP among them.
    for (const x of last) {
      expect(x.push?.endpoints).toHaveLength(2);
      expect(x.push?.endpoints).toContain(`${x.ip}:80`);
    }
  });

  it('knows nothing where istiod does not run', () => {
    const other = simulateScenario('deployment').trace;
    expect(istiodAt(other, other.steps.length - 1)).toEqual({ reviews: [], proxies: [] });
  });
});

describe('Kyverno at the cursor', () => {
  const { trace } = simulateScenario('webhook-denied');
  const blocked = nth(trace, 'kyverno-blocked');

  it('knows no policy before its informer has been told of one', () => {
    const listed = nth(trace, 'informer-list', 0, 'kyverno');
    expect(kyvernoAt(trace, listed)).toEqual({ policies: [], reviews: [] });
    const added = trace.steps.find((s) => s.to === 'kyverno' && s.kind === 'watch')!.seq;
    expect(kyvernoAt(trace, added - 1).policies).toEqual([]);
    expect(kyvernoAt(trace, added).policies.map((p) => p.name)).toEqual(['disallow-latest-tag']);
    expect(lastDeliveredTo(trace, 'kyverno', added + 1)).toBe(added);
  });

  it('lists its ClusterPolicy rules and the AdmissionReview it refused, with its message', () => {
    const at = kyvernoAt(trace, blocked);
    expect(at.policies[0]!.rules.map((r) => [r.name, r.failureAction, r.kinds])).toEqual([
      ['require-image-tag', 'Enforce', ['Pod']],
      ['validate-image-tag', 'Enforce', ['Pod']],
    ]);
    expect(at.policies[0]!.rules[1]!.message).toBe("Using a mutable image tag e.g. 'latest' is not allowed.");
    expect(at.reviews).toHaveLength(1);
    expect(at.reviews[0]).toMatchObject({
      webhook: 'validate.kyverno.svc-fail',
      object: 'Pod default/nginx',
      allowed: false,
    });
    expect(at.reviews[0]!.message).toContain('rule validate-image-tag failed at path /spec/containers/0/image/');
    expect(kyvernoAt(trace, blocked - 1).reviews).toEqual([]);
  });
});

describe('ingress-nginx at the cursor', () => {
  const { trace } = simulateScenario('deployment-service');
  const reload = nth(trace, 'ingress-nginx-reload');

  it('reads the servers and upstreams as the controller tells them', () => {
    expect(parseServers('a.example: / (Prefix) → ns-a-80, /x (Exact) → ns-b-http; _: / (Prefix) → ns-c-80')).toEqual([
      { host: 'a.example', path: '/', pathType: 'Prefix', upstream: 'ns-a-80' },
      { host: 'a.example', path: '/x', pathType: 'Exact', upstream: 'ns-b-http' },
      { host: '_', path: '/', pathType: 'Prefix', upstream: 'ns-c-80' },
    ]);
    expect(parseBackends('ns-a-80 [10.0.0.1:80, 10.0.0.2:80]; ns-c-80 [—]')).toEqual({
      'ns-a-80': ['10.0.0.1:80', '10.0.0.2:80'],
      'ns-c-80': [],
    });
    expect(parseServers('—')).toEqual([]);
  });

  it('has no configuration before its first sync', () => {
    expect(ingressNginxAt(trace, reload - 1)).toEqual({ servers: [], reloads: 0, addresses: [] });
  });

  it('loads the server at the reload, with no ready endpoint yet', () => {
    expect(ingressNginxAt(trace, reload).lastUpdate).toEqual({ seq: reload, reload: true });
    const at = ingressNginxAt(trace, nth(trace, 'ingress-nginx-backends'));
    expect(at.reloads).toBe(1);
    expect(at.lastUpdate).toEqual({ seq: reload + 1, reload: true });
    expect(at.servers).toEqual([
      {
        host: 'hello-world.example',
        locations: [
          { path: '/', pathType: 'Prefix', upstream: 'default-nginx-80', service: 'default/nginx:80', endpoints: [] },
        ],
      },
    ]);
  });

  it('updates the upstream dynamically, ready endpoints only, without another reload', () => {
    const ready = nth(trace, 'ingress-nginx-backends', 1);
    const at = ingressNginxAt(trace, ready);
    expect(at.lastUpdate).toEqual({ seq: ready, reload: false });
    expect(at.lastReload).toBe(reload);
    expect(at.reloads).toBe(1);
    const eps = at.servers[0]!.locations[0]!.endpoints;
    expect(eps.map((e) => e.endpoint)).toEqual(['10.244.1.2:80', '10.244.1.3:80', '10.244.2.2:80']);
    for (const e of eps) expect(e.pod).toMatch(/^nginx-deployment-/);
    // The deleted Pod's endpoint turns not ready: the next update leaves it out.
    const deleted = nth(trace, 'ingress-nginx-backends', 2);
    expect(ingressNginxAt(trace, deleted).servers[0]!.locations[0]!.endpoints.map((e) => e.endpoint)).toEqual([
      '10.244.1.2:80',
      '10.244.2.2:80',
    ]);
  });

  it('writes the Ingress ADDRESS at its status sync, answered by kube-apiserver', () => {
    const status = nth(trace, 'ingress-nginx-status');
    expect(ingressNginxAt(trace, status - 1).addresses).toEqual([]);
    expect(ingressNginxAt(trace, status).addresses).toEqual([
      { seq: status, ingress: 'nginx', address: '172.18.0.2', node: 'node-1' },
    ]);
    expect(ingressNginxAt(trace, trace.steps.length - 1).addresses[0]!.status).toBe(200);
  });
});

describe('Felix in the CNI box at the cursor', () => {
  const { trace } = simulateScenario('network-policy');

  it('runs only where Calico is the CNI plugin', () => {
    expect(calicoRuns(trace, 'node-1')).toBe(true);
    expect(calicoRuns(simulateScenario('deployment').trace, 'node-1')).toBe(false);
  });

  it('has programmed nothing before the first Pod is on the node', () => {
    const first = nth(trace, 'felix-program');
    expect(felixAt(trace, 'node-1', first)).toEqual({ endpoints: [], drops: [] });
    expect(felixAt(trace, 'node-2', first).endpoints.map((e) => e.pod)).toHaveLength(1);
  });

  it('lists the policies that select each local Pod, the chains written, and the drops', () => {
    const dropped = nth(trace, 'request-dropped-ingress');
    const before = felixAt(trace, 'node-1', dropped - 1);
    expect(before.drops).toEqual([]);
    const at = felixAt(trace, 'node-1', dropped);
    expect(at.endpoints.map((e) => [e.pod, e.ingress, e.egress])).toEqual([
      ['client-allowed', ['knp.default.default-deny-ingress'], []],
      [expect.stringMatching(/^nginx-/), ['knp.default.access-nginx', 'knp.default.default-deny-ingress'], []],
    ]);
    const nginx = at.endpoints[1]!;
    expect(nginx.chains).toEqual([
      `cali-tw-${nginx.iface}: knp.default.access-nginx → knp.default.default-deny-ingress → DROP "End of tier default. Drop if no policies passed packet"`,
    ]);
    expect(at.drops).toEqual([
      {
        seq: dropped,
        direction: 'Ingress',
        pod: nginx.pod,
        endpoint: `${nginx.ip}:80`,
        chain: `cali-tw-${nginx.iface}`,
        url: 'http://nginx',
      },
    ]);
    // node-2 dropped nothing: the drop is told by the node that holds the Pod.
    expect(felixAt(trace, 'node-2', dropped).drops).toEqual([]);
  });
});
