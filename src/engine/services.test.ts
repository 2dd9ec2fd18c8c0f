/**
 * Services and traffic end to end: the deployment-service scenario tells the
 * story's last steps in order, a request reaches only ready endpoints, is
 * refused with none, and a deleted Pod leaves the rules before it stops.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { SCENARIOS, simulationInput } from '../scenarios';
import { iptablesChainsAt, simulate, type Step, type Trace } from './index';
import { servicePortEndpointChainName } from './proxy/iptables';

const keys = (steps: readonly Step[]) => steps.map((s) => s.say.key);

/** The positions of `wanted` as a subsequence of `have` (each after the one before), or -1 where it breaks. */
function inOrder(have: string[], wanted: string[]): number[] {
  let from = 0;
  return wanted.map((k) => {
    const i = have.indexOf(k, from);
    if (i >= 0) from = i + 1;
    return i;
  });
}

const nginxPod = (name: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels: { app: 'web' } },
  spec: {
    containers: [{ name: 'nginx', image: 'nginx:1.14.2', ports: [{ containerPort: 80 }], ...extra }],
  },
});
const webService = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web' },
  spec: { selector: { app: 'web' }, ports: [{ port: 80 }] },
};

/** Each request's answer, with the Pod that answered and whether it was ready then. */
function answers(t: Trace): { seq: number; pod: string; ready: boolean }[] {
  return t.steps
    .filter((s) => s.say.key === 'request-answer')
    .map((s) => {
      const pod = String(s.say.params.pod);
      const p = t.objectAt(`/registry/pods/default/${pod}`, s.seq) as unknown as Pod | undefined;
      const ready = !!p?.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
      return { seq: s.seq, pod, ready: ready && !p?.metadata?.deletionTimestamp };
    });
}

describe('the deployment-service scenario', () => {
  const t = simulate(simulationInput(SCENARIOS.find((s) => s.id === 'deployment-service')!));
  const overview = t.steps.filter((s) => s.level === 'overview');

  it('tells the story of the-story.md in its order at the overview level, ending with the request', () => {
    const story = [
      'cluster-watching', // 0
      'kubectl-create', // 1
      'apiserver-checks', // 2
      'apiserver-store', // 3
      'deployment-sync', // 4
      'replicaset-sync',
      'apiserver-store-pod',
      'scheduler-score', // 5
      'scheduler-bind', // 6
      'kubelet-volumes', // 7
      'kubelet-run-sandbox', // 8
      'runtime-sandbox-status', // 9
      'kubelet-pull', // 10
      'kubelet-start',
      'kubelet-status-running', // 12
      'apiserver-store-running',
      'endpointslice-update', // 13
      'kube-proxy-sync', // 14
      'request-dns-query', // the payoff
      'coredns-answer',
      'request-dnat',
      'request-packet',
      'request-answer',
      // 15: deleting a Pod runs the story backwards, endpoints first.
      'kubectl-get',
      'kubectl-delete',
      'apiserver-delete-graceful',
      'endpointslice-update',
      'kube-proxy-sync',
      'kubelet-stop-sandbox',
      'kubelet-delete-final',
      'apiserver-delete',
      'request-answer',
      'cluster-steady',
    ];
    expect(inOrder(keys(overview), story).every((i) => i >= 0)).toBe(true);
    // The Service's own moments: its ClusterIP is in place and CoreDNS answers for it before any Pod runs.
    const ov = keys(overview);
    expect(ov.indexOf('coredns-records')).toBeLessThan(ov.indexOf('apiserver-store-running'));
    expect(t.end).toBe('settled');
  });

  it('lists an endpoint only after its Pod reports an IP, and every kube-proxy follows', () => {
    const firstRunning = t.steps.findIndex((s) => s.say.key === 'apiserver-store-running');
    const firstReady = t.steps.findIndex((s) => s.say.key === 'endpointslice-update' && Number(s.say.params.ready) > 0);
    expect(firstReady).toBeGreaterThan(firstRunning);
    for (const node of ['node-1', 'node-2']) {
      const synced = t.steps.findIndex(
        (s) => s.from === `kube-proxy/${node}` && s.say.key === 'kube-proxy-sync' && s.seq > firstReady,
      );
      expect(synced).toBeGreaterThan(firstReady);
    }
  });

  it('resolves the name to the ClusterIP and DNATs to a ready Pod through the hashed chains', () => {
    const svc = t.objectAt('/registry/services/specs/default/nginx', t.steps.length - 1)!;
    const clusterIP = String((svc.spec as { clusterIP: string }).clusterIP);
    expect(t.steps.find((s) => s.say.key === 'request-dns-query')!.say.params.dnsChain).toBe(
      'KUBE-SVC-TCOU7JCQXEZGVUNU',
    );
    const dns = t.steps.find((s) => s.say.key === 'coredns-answer')!;
    expect(dns.say.params).toMatchObject({ name: 'nginx.default.svc.cluster.local', ips: clusterIP });
    expect(dns.from).toBe('coredns');
    const dnat = t.steps.find((s) => s.say.key === 'request-dnat')!;
    expect(dnat.say.params.svcChain).toBe('KUBE-SVC-2CMXP7HKUVJN7L6M');
    expect(dnat.say.params.sepChain).toBe(
      servicePortEndpointChainName('default/nginx', 'TCP', String(dnat.say.params.endpoint)),
    );
    expect(dnat.say.params.probabilities).toBe('0.3333333333, 0.5000000000, 1');
    const [answer] = answers(t);
    expect(answer).toMatchObject({ pod: dnat.say.params.pod, ready: true });
    expect(t.steps[answer!.seq]!.status).toBe(200);
  });

  it('deletes the first Pod kubectl get lists; its endpoint leaves the chains, and the next curl reaches a ready Pod', () => {
    const del = t.steps.find((s) => s.say.key === 'kubectl-delete')!;
    expect(t.steps.find((s) => s.say.key === 'kubectl-get')!.seq).toBeLessThan(del.seq);
    const victim = String(del.say.params.name);
    const pods = [...t.objectsAt(del.seq, '/registry/pods/default/').values()].map((p) => String(p.metadata.name));
    expect(victim).toBe(pods.sort()[0]);
    const graceful = t.steps.find((s) => s.say.key === 'apiserver-delete-graceful')!.seq;
    const leaves = t.steps.find(
      (s) =>
        s.seq > graceful &&
        s.say.key === 'endpointslice-update' &&
        String(s.say.params.endpoints).includes(`${victim}: ready=false, serving=true, terminating=true`),
    )!;
    expect(leaves.seq).toBeLessThan(t.steps.find((s) => s.say.key === 'kubelet-stop-sandbox' && s.seq > graceful)!.seq);
    const after = answers(t).filter((a) => a.seq > graceful);
    expect(after).toHaveLength(1);
    expect(after[0]!.pod).not.toBe(victim);
    expect(after[0]!.ready).toBe(true);
  });

  it('gives every traffic step from/to components, so the packet draws: node → CoreDNS → node → the Pod’s node → back', () => {
    const query = t.steps.find((s) => s.say.key === 'request-dns-query')!;
    expect([query.from, query.to]).toEqual(['kube-proxy/node-1', 'coredns']);
    const answer = t.steps.find((s) => s.say.key === 'coredns-answer')!;
    expect([answer.from, answer.to]).toEqual(['coredns', 'kube-proxy/node-1']);
    for (const packet of t.steps.filter((s) => s.say.key === 'request-packet')) {
      const pod = t.objectAt(`/registry/pods/default/${String(packet.say.params.pod)}`, packet.seq) as unknown as Pod;
      expect([packet.from, packet.to]).toEqual(['kube-proxy/node-1', `kube-proxy/${pod.spec!.nodeName}`]);
      const reply = t.steps.find((s) => s.seq > packet.seq && s.say.key === 'request-answer')!;
      expect([reply.from, reply.to]).toEqual([packet.to, 'kube-proxy/node-1']);
    }
  });

  it('serves the chains of a node at a step for the headless API', () => {
    expect(iptablesChainsAt(t, 'node-1', 0)).toEqual([]);
    const chains = iptablesChainsAt(t, 'node-1', t.steps.length - 1);
    const svc = chains.find((c) => c.name === 'KUBE-SVC-2CMXP7HKUVJN7L6M')!;
    expect(svc.rules.filter((r) => r.includes('-j KUBE-SEP-'))).toHaveLength(3);
    expect(chains.filter((c) => c.name.startsWith('KUBE-SEP-'))).toHaveLength(3 + 1 + 2 * 3);
    expect(chains.find((c) => c.name === 'KUBE-SVC-NPX46M4PTMTKRN6Y')).toBeDefined();
  });
});

describe('requests reach only ready endpoints', () => {
  // Two nginx Pods behind one Service; `slow` is Ready only after its readiness probe (20 s).
  const t = simulate({
    manifests: [
      nginxPod('fast'),
      nginxPod('slow', { readinessProbe: { tcpSocket: { port: 80 }, initialDelaySeconds: 20 } }),
      webService,
    ],
    seed: 3,
    requests: Array.from({ length: 12 }, (_, i) => ({ url: 'http://web', atMs: 6_000 + i * 1_000 })),
  });

  it('lists the unready Pod with ready=false, and never sends it a request', () => {
    const slice = [...t.objectsAt(t.steps.length - 1, '/registry/endpointslices/default/web-').values()][0]!;
    expect(slice).toBeDefined();
    const unready = t.steps.find(
      (s) => s.say.key.startsWith('endpointslice-') && String(s.say.params.endpoints).includes('slow: ready=false'),
    );
    expect(unready).toBeDefined();
    const got = answers(t);
    expect(got).toHaveLength(12);
    expect(got.filter((a) => !a.ready)).toEqual([]);
    expect(new Set(got.map((a) => a.pod))).toEqual(new Set(['fast']));
  });
});

describe('a Service with no endpoints', () => {
  it('refuses the connection with the REJECT rule kube-proxy writes', () => {
    const t = simulate({
      manifests: [
        {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name: 'my-service' },
          spec: {
            selector: { 'app.kubernetes.io/name': 'MyApp' },
            ports: [{ protocol: 'TCP', port: 80, targetPort: 9376 }],
          },
        },
      ],
      seed: 1,
      requests: [{ url: 'http://my-service', atMs: 3_000 }],
    });
    const refused = t.steps.find((s) => s.say.key === 'request-refused')!;
    expect(refused.level).toBe('overview');
    expect(refused.say.params.comment).toBe('default/my-service has no endpoints');
    expect(t.steps.some((s) => s.say.key === 'request-answer')).toBe(false);
  });

  it('cannot resolve a name no Service has', () => {
    const t = simulate({ manifests: [], seed: 1, requests: [{ url: 'http://nope', atMs: 1_000 }] });
    expect(keys(t.steps).filter((k) => k.startsWith('coredns') || k.startsWith('request'))).toEqual([
      'request-dns-query',
      'coredns-nxdomain',
      'request-unresolved',
    ]);
    expect(t.steps.find((s) => s.say.key === 'request-unresolved')!.say.params.message).toBe(
      'curl: (6) Could not resolve host: nope',
    );
  });
});

describe('deleting a Pod behind a Service', () => {
  const t = simulate({
    manifests: [nginxPod('a'), nginxPod('b'), webService],
    seed: 1,
    deletes: [{ kind: 'Pod', name: 'a', atMs: 8_000 }],
    requests: [
      { url: 'http://web', atMs: 8_300 },
      ...Array.from({ length: 6 }, (_, i) => ({ url: 'http://web', atMs: 9_500 + i * 200 })),
    ],
  });
  const graceful = t.steps.find((s) => s.say.key === 'apiserver-delete-graceful')!.seq;

  it('turns its endpoint terminating and not ready while the kubelet stops it', () => {
    const write = t.steps.find(
      (s) =>
        s.seq > graceful &&
        s.say.key === 'endpointslice-update' &&
        String(s.say.params.endpoints).includes('a: ready=false'),
    )!;
    expect(String(write.say.params.endpoints)).toMatch(/a: ready=false, serving=(true|false), terminating=true/);
    expect(write.level).toBe('overview');
    const stopped = t.steps.find((s) => s.say.key === 'kubelet-stop-container')!.seq;
    // In parallel with the kubelet: the endpoint changes before the container has exited.
    const exited = t.steps.find((s) => s.say.key === 'runtime-stopped')!.seq;
    expect(write.seq).toBeLessThan(exited);
    expect(stopped).toBeGreaterThan(graceful);
  });

  it('leaves kube-proxy chains without it, so later requests go to b only, and drops it from the slice when it is gone', () => {
    const sync = t.steps.find(
      (s) => s.seq > graceful && s.say.key === 'kube-proxy-sync' && s.from === 'kube-proxy/node-1',
    )!;
    expect(String(sync.say.params.changed)).toMatch(
      /^default\/web 10\.\d+\.\d+\.\d+:80 → KUBE-SVC-\w{16} \(10\.244\.\d+\.\d+:80\)$/,
    );
    const later = answers(t).filter((a) => a.seq > sync.seq);
    expect(later.length).toBeGreaterThan(0);
    expect(new Set(later.map((a) => a.pod))).toEqual(new Set(['b']));
    const slice = [
      ...t.objectsAt(t.steps.length - 1, '/registry/endpointslices/default/web-').values(),
    ][0] as unknown as {
      endpoints: { targetRef: { name: string } }[];
    };
    expect(slice.endpoints.map((e) => e.targetRef.name)).toEqual(['b']);
  });
});

describe('a headless Service', () => {
  it('resolves to the ready Pod IPs, and the request goes to a Pod without any DNAT', () => {
    const t = simulate({
      manifests: [nginxPod('a'), { ...webService, spec: { ...webService.spec, clusterIP: 'None' } }],
      seed: 1,
      requests: [{ url: 'http://web', atMs: 8_000 }],
    });
    const ip = (t.objectAt('/registry/pods/default/a', t.steps.length - 1) as unknown as Pod).status!.podIP!;
    expect(t.steps.find((s) => s.say.key === 'coredns-answer')!.say.params.ips).toBe(ip);
    expect(keys(t.steps).filter((k) => k.startsWith('request'))).toEqual([
      'request-dns-query',
      'request-direct',
      'request-packet',
      'request-answer',
    ]);
    // kube-proxy programs no rule for it.
    expect(
      iptablesChainsAt(t, 'node-1', t.steps.length - 1).some((c) => c.rules.some((r) => r.includes('default/web'))),
    ).toBe(false);
  });
});

describe('a request from a named Pod', () => {
  it('leaves from the node the Pod runs on, and a missing Pod is NotFound', () => {
    const t = simulate({
      manifests: [nginxPod('a'), nginxPod('b'), webService],
      seed: 1,
      requests: [
        { url: 'http://web', atMs: 8_000, fromPod: 'b' },
        { url: 'http://web', atMs: 9_000, fromPod: 'ghost' },
      ],
    });
    const b = t.objectAt('/registry/pods/default/b', t.steps.length - 1) as unknown as Pod;
    expect(t.steps.find((s) => s.say.key === 'request-dns-query')!.from).toBe(`kube-proxy/${b.spec!.nodeName}`);
    expect(t.steps.find((s) => s.say.key === 'request-no-client')!.say.params.message).toBe(
      'Error from server (NotFound): pods "ghost" not found',
    );
  });
});

describe('a named target port that differs between Pods', () => {
  it('gives each port mapping its own slice, and kube-proxy DNATs each Pod to its own port', () => {
    const named = (name: string, port: number) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, labels: { app: 'web' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.14.2', ports: [{ name: 'http', containerPort: port }] }] },
    });
    const t = simulate({
      manifests: [
        { ...webService, spec: { ...webService.spec, ports: [{ port: 80, targetPort: 'http' }] } },
        named('a', 80),
        named('b', 8080),
      ],
      seed: 1,
    });
    const slices = [
      ...t.objectsAt(t.steps.length - 1, '/registry/endpointslices/default/web-').values(),
    ] as unknown as {
      ports: { port: number }[];
      endpoints: { targetRef: { name: string } }[];
    }[];
    expect(slices.map((sl) => [sl.ports[0]!.port, sl.endpoints.map((e) => e.targetRef.name)]).sort()).toEqual([
      [80, ['a']],
      [8080, ['b']],
    ]);
    // The placeholder made when the Service came first was updated in place, not deleted and recreated.
    expect(t.steps.some((s) => s.say.key === 'endpointslice-delete')).toBe(false);
    const rules = iptablesChainsAt(t, 'node-1', t.steps.length - 1).flatMap((c) => c.rules);
    const dnat = rules.filter((r) => r.includes('--to-destination') && r.includes('default/web'));
    expect(dnat.map((r) => r.split(':').at(-1)).sort()).toEqual(['80', '8080']);
  });
});
