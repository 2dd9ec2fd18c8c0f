import type { Pod, Service } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import {
  desiredSlice,
  desiredSlices,
  findPort,
  inNameOrder,
  podToEndpoint,
  portMapping,
  shouldPodBeInEndpoints,
} from './endpointslice';

const service = (o: Partial<NonNullable<Service['spec']>> = {}): Service => ({
  metadata: { name: 'web', namespace: 'default' },
  spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }], ...o },
});

function pod(name: string, o: { ip?: string; ready?: boolean; deleting?: boolean; phase?: string } = {}): Pod {
  return {
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      labels: { app: 'web' },
      ...(o.deleting ? { deletionTimestamp: '2026-01-15T09:01:00Z' } : {}),
    },
    spec: {
      nodeName: 'node-1',
      containers: [{ name: 'web', image: 'nginx', ports: [{ name: 'http', containerPort: 8080 }] }],
    },
    status: {
      phase: o.phase ?? 'Running',
      ...(o.ip === undefined ? { podIP: '10.244.1.2' } : o.ip ? { podIP: o.ip } : {}),
      conditions: [{ type: 'Ready', status: o.ready === false ? 'False' : 'True' }],
    },
  };
}

describe('podToEndpoint conditions', () => {
  it.each([
    ['Running and Ready', { ready: true }, { ready: true, serving: true, terminating: false }],
    [
      'Running, not Ready (readiness probe not passed)',
      { ready: false },
      { ready: false, serving: false, terminating: false },
    ],
    ['Terminating, still Ready', { ready: true, deleting: true }, { ready: false, serving: true, terminating: true }],
    [
      'Terminating, no longer Ready',
      { ready: false, deleting: true },
      { ready: false, serving: false, terminating: true },
    ],
  ])('%s', (_, o, want) => {
    expect(podToEndpoint(pod('p', o), service()).conditions).toEqual(want);
  });

  it('is ready whatever the Pod says with publishNotReadyAddresses', () => {
    expect(
      podToEndpoint(pod('p', { ready: false }), service({ publishNotReadyAddresses: true })).conditions.ready,
    ).toBe(true);
  });

  it('carries the address, the node and a targetRef to the Pod', () => {
    expect(podToEndpoint(pod('p'), service())).toEqual({
      addresses: ['10.244.1.2'],
      conditions: { ready: true, serving: true, terminating: false },
      nodeName: 'node-1',
      targetRef: { kind: 'Pod', namespace: 'default', name: 'p', uid: 'uid-p' },
    });
  });
});

describe('which Pods are endpoints', () => {
  it.each([
    ['with an IP', {}, true],
    ['without an IP yet', { ip: '' }, false],
    ['Succeeded', { phase: 'Succeeded' }, false],
    ['Failed', { phase: 'Failed' }, false],
    ['Terminating (still listed, as terminating)', { deleting: true }, true],
  ])('a Pod %s: %s', (_, o, want) => {
    expect(shouldPodBeInEndpoints(pod('p', o))).toBe(want);
  });

  it('resolves the target port by number or by the container port name, and skips Pods without it', () => {
    expect(findPort(pod('p'), { port: 80, targetPort: 8080 })).toBe(8080);
    expect(findPort(pod('p'), { port: 80, targetPort: 'http' })).toBe(8080);
    expect(findPort(pod('p'), { port: 80, targetPort: 'grpc' })).toBeNull();
    const named = desiredSlice(service({ ports: [{ port: 80, targetPort: 'http', protocol: 'TCP' }] }), [pod('a')]);
    expect(named.ports).toEqual([{ name: '', port: 8080, protocol: 'TCP' }]);
    const missing = desiredSlice(service({ ports: [{ port: 80, targetPort: 'grpc', protocol: 'TCP' }] }), [pod('a')]);
    expect(missing.endpoints).toEqual([]);
  });
});

describe('slices per port mapping', () => {
  it('puts Pods whose named target port resolves differently into separate slices, and keeps a placeholder with none', () => {
    const other = pod('b');
    other.spec!.containers[0]!.ports = [{ name: 'http', containerPort: 9090 }];
    const svc = service({ ports: [{ port: 80, targetPort: 'http', protocol: 'TCP' }] });
    const slices = desiredSlices(svc, [pod('a'), other, pod('c')]);
    expect(slices.map((sl) => [sl.ports?.[0]?.port, sl.endpoints.map((e) => e.targetRef.name)])).toEqual([
      [8080, ['a', 'c']],
      [9090, ['b']],
    ]);
    expect(desiredSlices(svc, [])).toEqual([{ endpoints: [] }]);
  });
});

describe('the port mapping remembered per Pod', () => {
  const named = service({ ports: [{ port: 80, targetPort: 'http', protocol: 'TCP' }] });

  it('is resolved again for other Service ports or another Pod object, and kept for the same ones', () => {
    const a = pod('a');
    const first = portMapping(named, a);
    expect(first).toEqual({ ports: [{ name: '', port: 8080, protocol: 'TCP' }], key: JSON.stringify(first!.ports) });
    expect(portMapping(named, a)).toBe(first);
    // The Service changed: a new object, new ports.
    const renamed = service({ ports: [{ port: 80, targetPort: 'grpc', protocol: 'TCP' }] });
    expect(portMapping(renamed, a)).toBeNull();
    // The Pod changed: a new object with the port under another number.
    const moved = pod('a');
    moved.spec!.containers[0]!.ports = [{ name: 'http', containerPort: 9090 }];
    expect(portMapping(named, moved)?.ports[0]?.port).toBe(9090);
    expect(portMapping(named, a)?.ports[0]?.port).toBe(8080);
  });

  it('gives each desired slice its own ports, so a written slice cannot change what is remembered', () => {
    const a = pod('a');
    const slice = desiredSlice(named, [a]);
    slice.ports![0]!.port = 1;
    expect(desiredSlice(named, [a]).ports).toEqual([{ name: '', port: 8080, protocol: 'TCP' }]);
  });

  it('orders endpoints by Pod name', () => {
    const names = ['web-b', 'web-a2', 'web-a', 'web-10', 'web-9', 'web.x'];
    const slice = desiredSlice(
      service(),
      names.map((n) => pod(n)),
    );
    expect(slice.endpoints.map((e) => e.targetRef.name)).toEqual([...names].sort((x, y) => x.localeCompare(y)));
  });
});

describe('the Pods of a Service in name order, from the last sync’s order', () => {
  const names = (r: { pods: Pod[] }) => r.pods.map((p) => p.metadata!.name);

  it('sorts the first time, keeps the order while the same Pods come back, and merges in new ones', () => {
    const first = inNameOrder([pod('web-c'), pod('web-a'), pod('web-b')], undefined);
    expect(names(first)).toEqual(['web-a', 'web-b', 'web-c']);
    // The same Pods (new objects, in any order): the order known, no new ranking.
    const same = inNameOrder([pod('web-b'), pod('web-c'), pod('web-a')], first.order);
    expect(names(same)).toEqual(['web-a', 'web-b', 'web-c']);
    expect(same.order).toBeUndefined();
    // One came, one went: ranked anew.
    const changed = inNameOrder([pod('web-c'), pod('web-0'), pod('web-a')], first.order);
    expect(names(changed)).toEqual(['web-0', 'web-a', 'web-c']);
    expect([...changed.order!]).toEqual([
      ['web-0', 0],
      ['web-a', 1],
      ['web-c', 2],
    ]);
    // One went: the rest stay in order.
    expect(names(inNameOrder([pod('web-c'), pod('web-0')], changed.order))).toEqual(['web-0', 'web-c']);
  });
});
