import { describe, expect, it } from 'vitest';
import { simulate } from '../index';
import type { ApiObject } from '../types';
import { allocateClusterIP, inRange, ipToInt, rangeOffset, serviceStrategy } from './service-strategy';

const svc = (spec: Record<string, unknown>, name = 'web'): ApiObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name },
  spec,
});

describe('ClusterIP allocation', () => {
  it.each([
    [16, 0],
    [32, 16],
    [256, 16],
    [4096, 256],
    [2 ** 20, 256],
  ])('a range of %i addresses keeps %i low addresses for static IPs', (size, want) => {
    expect(rangeOffset(size)).toBe(want);
  });

  it('hands out a free address above the static band of 10.96.0.0/12', () => {
    for (const r of [0, 0.25, 0.999999]) {
      const ip = allocateClusterIP('10.96.0.0/12', new Set(), () => r)!;
      expect(inRange(ip, '10.96.0.0/12')).toBe(true);
      expect(ipToInt(ip) - ipToInt('10.96.0.0')).toBeGreaterThanOrEqual(257);
    }
    expect(allocateClusterIP('10.96.0.0/12', new Set(), () => 0)).toBe('10.96.1.1');
    expect(allocateClusterIP('10.96.0.0/12', new Set(['10.96.1.1']), () => 0)).toBe('10.96.1.2');
  });

  it('uses the static band only when the dynamic one is full', () => {
    // A /27: 30 usable addresses, the lowest 16 static.
    const used = new Set(Array.from({ length: 14 }, (_, i) => `10.0.0.${17 + i}`));
    expect(allocateClusterIP('10.0.0.0/27', used, () => 0)).toBe('10.0.0.1');
    expect(
      allocateClusterIP(
        '10.0.0.0/27',
        new Set([...used, ...Array.from({ length: 16 }, (_, i) => `10.0.0.${1 + i}`)]),
        () => 0,
      ),
    ).toBeNull();
  });
});

describe('Service defaults and validation', () => {
  it('defaults type, sessionAffinity, protocol, targetPort and internalTrafficPolicy', () => {
    const obj = svc({ selector: { app: 'web' }, ports: [{ port: 80 }] });
    serviceStrategy.mutate!(obj, undefined as never);
    expect(obj.spec).toEqual({
      type: 'ClusterIP',
      sessionAffinity: 'None',
      selector: { app: 'web' },
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      internalTrafficPolicy: 'Cluster',
    });
  });

  it.each([
    [svc({ ports: [] }), 'spec.ports: Required value'],
    [svc({ ports: [{ port: 0 }] }), 'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive'],
    [
      svc({ ports: [{ port: 80, protocol: 'HTTP' }] }),
      'spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
    ],
    [svc({ ports: [{ port: 80 }, { port: 443, name: 'https' }] }), 'spec.ports[0].name: Required value'],
    [
      svc({ type: 'Internal', ports: [{ port: 80 }] }),
      'spec.type: Unsupported value: "Internal": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    ],
    [
      svc({ ports: [{ port: 80 }] }, 'My-Service'),
      `metadata.name: Invalid value: "My-Service": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
    ],
  ])('%#: %s', (obj, want) => {
    expect(serviceStrategy.validate!(obj).map((e) => `${e.field}: ${e.detail}`)).toContain(want);
  });

  it('stores simple-service.yaml with a ClusterIP, SingleStack IPv4, and defaults', () => {
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
    });
    const stored = t.objectAt('/registry/services/specs/default/my-service', t.steps.length - 1)!;
    const spec = stored.spec as Record<string, unknown>;
    expect(spec).toMatchObject({
      type: 'ClusterIP',
      sessionAffinity: 'None',
      ipFamilyPolicy: 'SingleStack',
      ipFamilies: ['IPv4'],
      internalTrafficPolicy: 'Cluster',
    });
    expect(inRange(String(spec.clusterIP), '10.96.0.0/12')).toBe(true);
    expect(stored.status).toEqual({ loadBalancer: {} });
    expect(spec.clusterIPs).toEqual([spec.clusterIP]);
    // The allocation is an IPAddress object named after the address, written before the Service.
    const ipKey = `/registry/ipaddresses/${String(spec.clusterIP)}`;
    expect(t.objectAt(ipKey, t.steps.length - 1)).toMatchObject({
      kind: 'IPAddress',
      spec: { parentRef: { group: '', resource: 'services', namespace: 'default', name: 'my-service' } },
    });
    const written = (key: string) => t.steps.findIndex((s) => s.changes.some((c) => c.key === key));
    expect(written(ipKey)).toBeLessThan(written('/registry/services/specs/default/my-service'));
    // Its EndpointSlice exists, with no endpoints: no Pod matches app.kubernetes.io/name=MyApp.
    const slices = [...t.objectsAt(t.steps.length - 1, '/registry/endpointslices/default/my-service-').values()];
    expect(slices).toHaveLength(1);
    expect(slices[0]).toMatchObject({
      addressType: 'IPv4',
      endpoints: [],
      metadata: {
        labels: {
          'kubernetes.io/service-name': 'my-service',
          'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
        },
        ownerReferences: [{ kind: 'Service', name: 'my-service', controller: true, blockOwnerDeletion: true }],
      },
    });
    expect(String(slices[0]!.metadata.name)).toMatch(/^my-service-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('refuses a ClusterIP that is taken (kube-dns has 10.96.0.10) or outside the range', () => {
    const run = (clusterIP: string) =>
      simulate({
        manifests: [svc({ clusterIP, selector: { app: 'web' }, ports: [{ port: 80 }] })],
        seed: 1,
      }).steps.find((s) => s.say.key === 'apiserver-error')?.say.params.message;
    expect(run('10.96.0.10')).toBe(
      'Service "web" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated',
    );
    // A refused create leaves no IPAddress behind.
    const bad = simulate({ manifests: [svc({ selector: { app: 'web' }, ports: [{ port: 0 }] })], seed: 1 });
    expect(bad.objectsAt(bad.steps.length - 1, '/registry/ipaddresses/').size).toBe(2);
    expect(run('10.0.0.5')).toBe(
      'Service "web" is invalid: spec.clusterIPs: Invalid value: []string{"10.0.0.5"}: failed to allocate IP 10.0.0.5: the provided network does not match the current range',
    );
  });
});
