import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../manifest/load';
import { simulate, type ApiObject, type Trace } from '../index';
import { computeHash } from './hash';

const fixtures = resolve(import.meta.dirname, '../../../../shared/fixtures/real-manifests');

function fixture(name: string): unknown[] {
  const loaded = loadManifests(readFileSync(resolve(fixtures, name), 'utf8'));
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.objects;
}

function objects(t: Trace, prefix: string): ApiObject[] {
  return [...t.objectsAt(t.steps.length - 1, prefix).values()];
}

const events = (t: Trace) =>
  t.steps.filter((s) => s.kind === 'event').map((s) => `${s.say.params.reason}: ${s.say.params.message}`);

describe('Deployment → ReplicaSet → Pods (nginx-deployment.yaml)', () => {
  const t = simulate({ manifests: fixture('nginx-deployment.yaml'), seed: 1 });
  const [rs] = objects(t, '/registry/replicasets/') as unknown as ReplicaSet[];
  const pods = objects(t, '/registry/pods/') as unknown as Pod[];
  const [deploy] = objects(t, '/registry/deployments/') as unknown as Deployment[];

  it('names the ReplicaSet after the template hash and the Pods after the ReplicaSet', () => {
    expect(rs!.metadata!.name).toMatch(/^nginx-deployment-[bcdfghjklmnpqrstvwxz2456789]{6,10}$/);
    const hash = rs!.metadata!.name!.slice('nginx-deployment-'.length);
    expect(rs!.metadata!.labels!['pod-template-hash']).toBe(hash);
    expect(rs!.spec!.selector.matchLabels!['pod-template-hash']).toBe(hash);
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata!.name).toMatch(new RegExp(`^${rs!.metadata!.name}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
      expect(p.metadata!.labels).toEqual({ 'app.kubernetes.io/name': 'nginx', 'pod-template-hash': hash });
    }
  });

  it('links owners: Deployment owns the ReplicaSet, the ReplicaSet owns the Pods', () => {
    expect(rs!.metadata!.ownerReferences).toEqual([
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: 'nginx-deployment',
        uid: deploy!.metadata!.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    for (const p of pods)
      expect(p.metadata!.ownerReferences?.[0]).toMatchObject({
        kind: 'ReplicaSet',
        name: rs!.metadata!.name,
        uid: rs!.metadata!.uid,
        controller: true,
      });
  });

  it('runs all three Pods, and the status rolls up', () => {
    expect(pods.map((p) => p.status?.phase)).toEqual(['Running', 'Running', 'Running']);
    expect(rs!.status).toMatchObject({ replicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(deploy!.status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(deploy!.status!.conditions!.map((c) => `${c.type}=${c.status}/${c.reason}`)).toEqual([
      'Available=True/MinimumReplicasAvailable',
      'Progressing=True/NewReplicaSetAvailable',
    ]);
  });

  it('reports unavailableReplicas while Pods start, and drops it once all are available (calculateStatus)', () => {
    // Each Deployment status as stored: PUT …/status replaces the status, so the field left out at 0 is gone.
    const seen: (number | undefined)[] = [];
    for (let i = 0; i < t.steps.length; i++) {
      const d = t.objectsAt(i, '/registry/deployments/').values().next().value as Deployment | undefined;
      const u = d?.status?.unavailableReplicas;
      if (d?.status && seen[seen.length - 1] !== u) seen.push(u);
    }
    expect(seen[0]).toBe(3);
    expect(seen[seen.length - 1]).toBeUndefined();
    expect(deploy!.status).not.toHaveProperty('unavailableReplicas');
  });

  it('records the controllers’ events with their real messages', () => {
    const e = events(t);
    expect(e).toContain(`ScalingReplicaSet: Scaled up replica set ${rs!.metadata!.name} to 3`);
    for (const p of pods) expect(e).toContain(`SuccessfulCreate: Created pod: ${p.metadata!.name}`);
  });

  it('creates Pods in slow-start batches: one, then two once the first is back', () => {
    const creates = t.steps.filter((s) => s.say.key === 'replicaset-create-pod').map((s) => s.seq);
    const firstAnswer = t.steps.find(
      (s) =>
        s.kind === 'response' &&
        s.to === 'kube-controller-manager' &&
        s.status === 201 &&
        s.say.params.resource === 'pods',
    )!.seq;
    expect(creates).toHaveLength(3);
    expect(creates[0]!).toBeLessThan(firstAnswer);
    expect(creates[1]!).toBeGreaterThan(firstAnswer);
    expect(creates[2]!).toBeGreaterThan(firstAnswer);
  });

  it('pulls an image once per node: a second Pod on the node waits for the first pull', () => {
    const pulled = t.steps
      .filter((s) => s.kind === 'event' && s.say.params.reason === 'Pulled')
      .map((s) => String(s.say.params.message));
    const waited = pulled.filter((m) => {
      const [, took, total] = /in ([\d.]+m?s) \(([\d.]+m?s) including waiting\)/.exec(m) ?? [];
      return took !== total;
    });
    const podsPerNode = new Map<string, number>();
    for (const p of pods) podsPerNode.set(p.spec!.nodeName!, (podsPerNode.get(p.spec!.nodeName!) ?? 0) + 1);
    const extra = [...podsPerNode.values()].reduce((n, c) => n + c - 1, 0);
    expect(waited).toHaveLength(extra);
  });
});

describe('nginx-with-request.yaml', () => {
  const t = simulate({ manifests: fixture('nginx-with-request.yaml'), seed: 1 });
  it('runs 2 Pods whose requests default to their limits', () => {
    const pods = objects(t, '/registry/pods/') as unknown as Pod[];
    expect(pods).toHaveLength(2);
    for (const p of pods) {
      expect(p.status?.phase).toBe('Running');
      expect(p.spec!.containers[0]!.resources!.requests).toEqual({ cpu: '500m', memory: '128Mi' });
      expect(p.status?.qosClass).toBe('Guaranteed');
    }
  });
});

describe('Deployment validation', () => {
  it('refuses a selector that does not match the template, in the apiserver’s words', () => {
    const bad = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'api' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
      },
    };
    const t = simulate({ manifests: [bad], seed: 1 });
    const err = t.steps.find((s) => s.status === 422)!;
    expect(err.say.params.message).toBe(
      'Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"api"}: `selector` does not match template `labels`',
    );
  });
});

describe('pod-template-hash', () => {
  it('is stable for a template and changes with it', () => {
    const a = { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'nginx:1' }] } };
    const b = { spec: { containers: [{ image: 'nginx:1', name: 'c' }] }, metadata: { labels: { app: 'x' } } };
    expect(computeHash(a)).toBe(computeHash(b));
    expect(computeHash(a)).not.toBe(computeHash({ ...a, spec: { containers: [{ name: 'c', image: 'nginx:2' }] } }));
    expect(computeHash(a, 1)).not.toBe(computeHash(a));
    expect(computeHash(a)).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
  });
});

describe('the ReplicaSet replaces a deleted Pod', () => {
  it('creates a new Pod as soon as the old one is Terminating, and the old one goes', () => {
    const manifests = fixture('nginx-deployment.yaml');
    const first = simulate({ manifests, seed: 1 });
    const victim = (objects(first, '/registry/pods/') as unknown as Pod[])[0]!.metadata!.name!;
    const t = simulate({ manifests, seed: 1, deletes: [{ kind: 'Pod', name: victim, atMs: 10_000 }] });
    const pods = objects(t, '/registry/pods/') as unknown as Pod[];
    expect(pods).toHaveLength(3);
    expect(pods.map((p) => p.metadata!.name)).not.toContain(victim);
    expect(pods.every((p) => p.status?.phase === 'Running')).toBe(true);
    const graceful = t.steps.find((s) => s.say.key === 'apiserver-delete-graceful')!.seq;
    const replacement = t.steps.find((s) => s.seq > graceful && s.say.key === 'replicaset-create-pod')!.seq;
    const gone = t.steps.find((s) => s.say.key === 'apiserver-delete' && s.say.params.name === victim)!.seq;
    expect(replacement).toBeLessThan(gone);
  });
});
