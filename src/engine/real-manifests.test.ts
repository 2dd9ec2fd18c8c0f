/**
 * Every manifest in /work/shared/fixtures/real-manifests (the Kubernetes
 * docs' own examples) reaches the outcome its README states, including
 * http-liveness.yaml's: its server fails /healthz after 10 s, so the
 * kubelet restarts the container.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifests } from '../manifest/load';
import { printPod, simulate, type Trace } from './index';

const fixtures = resolve(import.meta.dirname, '../../../shared/fixtures/real-manifests');

function run(file: string): Trace {
  const loaded = loadManifests(readFileSync(resolve(fixtures, file), 'utf8'));
  if (!loaded.ok) throw new Error(`${file}: ${loaded.message}`);
  return simulate({ manifests: loaded.objects, seed: 1 });
}

const podsAt = (t: Trace, seq = t.steps.length - 1) =>
  [...t.objectsAt(seq, '/registry/pods/').values()] as unknown as Pod[];
const ready = (p: Pod) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');

/** The README's "expected outcome" column, one check per file. */
const OUTCOMES: Record<string, (t: Trace) => void> = {
  'simple-pod.yaml': (t) => {
    const rows = podsAt(t).map((p) => printPod(p));
    expect(rows.map((r) => [r.name, r.status, r.ready])).toEqual([['nginx', 'Running', '1/1']]);
  },
  'simple-service.yaml': (t) => {
    const svc = t.objectAt('/registry/services/specs/default/my-service', t.steps.length - 1) as {
      spec?: { clusterIP?: string };
    };
    expect(svc.spec?.clusterIP).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const slices = [...t.objectsAt(t.steps.length - 1, '/registry/endpointslices/default/my-service-').values()];
    expect(slices.length).toBe(1);
    expect((slices[0] as { endpoints?: unknown[] }).endpoints ?? []).toEqual([]);
  },
  'nginx-deployment.yaml': (t) => {
    const rows = podsAt(t).map((p) => printPod(p));
    expect(rows).toHaveLength(3);
    for (const r of rows) {
      expect(r.name).toMatch(/^nginx-deployment-[a-z0-9]{8,10}-[a-z0-9]{5}$/);
      expect([r.status, r.ready]).toEqual(['Running', '1/1']);
    }
  },
  'nginx-with-request.yaml': (t) => {
    const pods = podsAt(t);
    expect(pods.map((p) => p.status?.phase)).toEqual(['Running', 'Running']);
    for (const p of pods) expect(p.spec?.containers[0]?.resources?.requests).toEqual({ cpu: '500m', memory: '128Mi' });
  },
  'init-containers.yaml': (t) => {
    const seen: string[] = [];
    for (const s of t.steps.filter((x) => x.changes.some((c) => c.key === '/registry/pods/default/init-demo'))) {
      const p = podsAt(t, s.seq)[0];
      if (!p?.status?.containerStatuses) continue;
      const st = printPod(p).status;
      if (seen.at(-1) !== st) seen.push(st);
    }
    expect(seen).toEqual(['Init:0/1', 'PodInitializing', 'Running']);
  },
  'http-liveness.yaml': (t) => {
    // Running first; /healthz fails after 10 s, three probe failures 3 s apart, then a restart.
    const keys = t.steps.map((s) => s.say.key);
    expect(keys.indexOf('kubelet-status-running')).toBeGreaterThan(-1);
    const started = t.steps.find((s) => s.say.key === 'event' && s.say.params.reason === 'Started')!.at;
    const kill = t.steps.find((s) => s.say.key === 'kubelet-probe-kill')!;
    expect(kill.at - started).toBeGreaterThan(10_000);
    expect(kill.at - started).toBeLessThan(20_000);
    const restarted = t.steps.find((s) => s.say.key === 'kubelet-restart' && s.at >= kill.at)!;
    expect(restarted.say.params.restarts).toBe(1);
    const [pod] = podsAt(t);
    expect(pod!.status!.containerStatuses![0]!.restartCount).toBeGreaterThanOrEqual(2);
  },
  'tcp-liveness-readiness.yaml': (t) => {
    const started = t.steps.find((s) => s.say.key === 'event' && s.say.params.reason === 'Started')!.at;
    const readyAt = t.steps.find((s) => s.changes.some((c) => c.after && ready(c.after as unknown as Pod)))!.at;
    expect(readyAt - started).toBeGreaterThanOrEqual(15_000);
    const [pod] = podsAt(t);
    expect([printPod(pod!).status, printPod(pod!).ready]).toEqual(['Running', '1/1']);
    expect(t.steps.some((s) => s.say.key === 'kubelet-restart')).toBe(false);
  },
};

describe('real manifests reach the outcome their README states', () => {
  const files = readdirSync(fixtures).filter((f) => f.endsWith('.yaml'));

  it('has an outcome for every manifest the README lists', () => {
    const readme = readFileSync(resolve(fixtures, 'README.md'), 'utf8');
    const listed = [...readme.matchAll(/^\| ([\w.-]+\.yaml) \|/gm)].map((m) => m[1]!);
    expect([...listed].sort()).toEqual([...files].sort());
    expect(Object.keys(OUTCOMES).sort()).toEqual([...files].sort());
  });

  it.each(files)('%s', (file) => {
    const t = run(file);
    expect(t.end).toBe('settled');
    OUTCOMES[file]!(t);
  });
});
