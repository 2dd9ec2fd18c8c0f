import type { PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { simulate } from '../engine';
import { SCENARIOS, simulationInput } from './index';

const run = (id: string) => simulate(simulationInput(SCENARIOS.find((s) => s.id === id)!));
const podAt = (t: ReturnType<typeof run>, name: string, seq: number) =>
  t.objectAt(`/registry/pods/default/${name}`, seq) as unknown as Pod | undefined;

describe('missing-configmap', () => {
  const t = run('missing-configmap');
  const events = t.steps.filter((s) => s.kind === 'event');
  const failed = events.filter((s) => s.say.params.reason === 'FailedMount');

  it('records FailedMount Warnings with the kubelet’s message, retried with a doubling back-off', () => {
    expect(failed.length).toBeGreaterThanOrEqual(5);
    for (const f of failed) {
      expect(f.say.params.type).toBe('Warning');
      expect(f.say.params.message).toBe(
        'MountVolume.SetUp failed for volume "config-volume" : configmap "special-config" not found',
      );
    }
    const retries = t.steps.filter((s) => s.say.key === 'kubelet-mount-failed').map((s) => s.say.params.retryMs);
    expect(retries.slice(0, 5)).toEqual([500, 1000, 2000, 4000, 8000]);
  });

  it('keeps the Pod ContainerCreating until the ConfigMap exists, then starts it', () => {
    const lastFail = failed[failed.length - 1]!;
    const waiting = podAt(t, 'dapi-test-pod', lastFail.seq)!;
    expect(waiting.status?.phase).toBe('Pending');
    expect(waiting.status?.containerStatuses?.[0]?.state?.waiting?.reason).toBe('ContainerCreating');
    const created = t.steps.find((s) => s.say.key === 'kubectl-create' && s.say.params.kind === 'ConfigMap')!;
    expect(created.at).toBeGreaterThanOrEqual(20_000);
    expect(lastFail.at).toBeLessThan(created.at);
    const mounted = t.steps.find(
      (s) => s.say.key === 'kubelet-volume-mounted' && s.say.params.volume === 'config-volume',
    )!;
    expect(mounted.at).toBeGreaterThan(created.at);
    const started = events.find((s) => s.say.params.reason === 'Started')!;
    expect(started.seq).toBeGreaterThan(mounted.seq);
    expect(podAt(t, 'dapi-test-pod', t.steps.length - 1)?.status?.phase).toBe('Running');
  });
});

describe('sidecar', () => {
  const t = run('sidecar');
  const keys = t.steps.map((s) => s.say.key);

  it('starts the sidecar first and the app without waiting for the sidecar to exit', () => {
    const sidecar = keys.indexOf('kubelet-start-sidecar');
    const app = keys.indexOf('kubelet-start');
    expect(sidecar).toBeGreaterThan(-1);
    expect(app).toBeGreaterThan(sidecar);
    expect(keys).not.toContain('runtime-container-exited');
    const pod = podAt(t, 'myapp', t.steps.length - 1)!;
    expect(pod.status?.phase).toBe('Running');
    expect(pod.status?.initContainerStatuses?.[0]).toMatchObject({ name: 'logshipper', started: true, ready: true });
    expect(pod.status?.conditions?.find((c) => c.type === 'Initialized')?.status).toBe('True');
  });
});

describe('graceful-termination', () => {
  const t = run('graceful-termination');
  const at = (key: string, params: Record<string, string | number> = {}) =>
    t.steps.find((s) => s.say.key === key && Object.entries(params).every(([k, v]) => s.say.params[k] === v))!;

  it('runs postStart before the next container starts', () => {
    const hook = at('kubelet-hook-poststart');
    const next = at('kubelet-start', { container: 'stubborn' });
    expect(hook.seq).toBeLessThan(next.seq);
    expect(at('kubelet-hook-done', { hook: 'postStart' }).seq).toBeLessThan(next.seq);
  });

  it('records Killing, runs preStop before SIGTERM, and gives StopContainer what is left of the grace period', () => {
    const killing = t.steps.filter((s) => s.kind === 'event' && s.say.params.reason === 'Killing');
    expect(killing.map((s) => s.say.params.message).sort()).toEqual([
      'Stopping container lifecycle-demo-container',
      'Stopping container stubborn',
    ]);
    const preStop = at('kubelet-hook-prestop');
    const stopNginx = at('kubelet-stop-container', { container: 'lifecycle-demo-container' });
    expect(stopNginx.seq).toBeGreaterThan(at('kubelet-hook-done', { hook: 'preStop' }).seq);
    // The hook's `sleep 1` took a second of the ten.
    expect(stopNginx.say.params.grace).toBe(9);
    expect(stopNginx.at - preStop.at).toBeGreaterThanOrEqual(1000);
  });

  it('SIGKILLs the container that ignores SIGTERM when its grace period runs out', () => {
    const stop = at('kubelet-stop-container', { container: 'stubborn' });
    expect(stop.say.params.grace).toBe(10);
    const kill = at('runtime-sigkill', { container: 'stubborn' });
    expect(kill.at - stop.at).toBeCloseTo(10_000, -2);
    expect(at('runtime-stopped', { container: 'lifecycle-demo-container' }).at).toBeLessThan(kill.at);
    const final = at('kubelet-delete-final');
    expect(final.seq).toBeGreaterThan(kill.seq);
    const terminal = podAt(t, 'lifecycle-demo', final.seq)!;
    expect(terminal.status?.phase).toBe('Failed');
    const byName = Object.fromEntries(
      (terminal.status?.containerStatuses ?? []).map((c) => [c.name, c.state?.terminated]),
    );
    expect(byName['stubborn']).toMatchObject({ exitCode: 137, reason: 'Error' });
    expect(byName['lifecycle-demo-container']).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(podAt(t, 'lifecycle-demo', t.steps.length - 1)).toBeUndefined();
  });
});

describe('volumes', () => {
  const t = run('volumes');
  const claimKey = '/registry/persistentvolumeclaims/default/task-pv-claim';
  const claimEvents = t.steps
    .filter((s) => s.kind === 'event' && s.say.params.object === 'task-pv-claim')
    .map((s) => [s.say.params.reason, s.say.params.message]);

  it('provisions on first use, with the PV controller’s and the provisioner’s events in order', () => {
    const pv = t.steps.find((s) => s.say.key === 'csi-create-pv')!.say.params.pv;
    expect(pv).toMatch(/^pvc-[0-9a-f-]{36}$/);
    expect(claimEvents).toEqual([
      ['WaitForFirstConsumer', 'waiting for first consumer to be created before binding'],
      [
        'ExternalProvisioning',
        "Waiting for a volume to be created either by the external provisioner 'hostpath.csi.k8s.io' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.",
      ],
      ['Provisioning', 'External provisioner is provisioning volume for claim "default/task-pv-claim"'],
      ['ProvisioningSucceeded', `Successfully provisioned volume ${pv}`],
    ]);
  });

  it('takes the claim from Pending to Bound, and binds the Pod only after PreBind has seen it bound', () => {
    const prebind = t.steps.find((s) => s.say.key === 'scheduler-prebind-volume')!;
    const pending = t.objectAt(claimKey, prebind.seq) as unknown as PersistentVolumeClaim;
    expect(pending.status?.phase).toBe('Pending');
    expect(pending.spec?.storageClassName).toBe('csi-hostpath-sc');
    const bound = t.steps.find((s) => s.say.key === 'pv-bind-claim')!;
    const bind = t.steps.find((s) => s.say.key === 'scheduler-bind')!;
    expect(bind.seq).toBeGreaterThan(bound.seq);
    const last = t.steps.length - 1;
    const pvc = t.objectAt(claimKey, last) as unknown as PersistentVolumeClaim;
    expect(pvc.status?.phase).toBe('Bound');
    expect(pvc.metadata?.annotations).toMatchObject({
      'volume.kubernetes.io/selected-node': bind.say.params.node,
      'volume.kubernetes.io/storage-provisioner': 'hostpath.csi.k8s.io',
      'pv.kubernetes.io/bind-completed': 'yes',
    });
    const volume = t.objectAt(
      `/registry/persistentvolumes/${pvc.spec?.volumeName}`,
      last,
    ) as unknown as PersistentVolume;
    expect(volume.status?.phase).toBe('Bound');
    expect(volume.spec?.claimRef?.name).toBe('task-pv-claim');
    expect(volume.spec?.nodeAffinity?.required?.nodeSelectorTerms[0]?.matchExpressions?.[0]?.values).toEqual([
      bind.say.params.node,
    ]);
  });

  it('mounts the ConfigMap and the CSI volume before the sandbox, and the Pod runs', () => {
    const keys = t.steps.map((s) => s.say.key);
    const stage = keys.indexOf('kubelet-csi-stage');
    expect(stage).toBeGreaterThan(-1);
    expect(keys.indexOf('kubelet-csi-publish')).toBeGreaterThan(stage);
    expect(keys.indexOf('kubelet-run-sandbox')).toBeGreaterThan(keys.indexOf('kubelet-csi-publish'));
    expect(podAt(t, 'task-pv-pod', t.steps.length - 1)?.status?.phase).toBe('Running');
  });
});

describe('static-pod', () => {
  const t = run('static-pod');
  const key = '/registry/pods/default/static-web-node-1';

  it('runs the static Pod without kubectl or the scheduler, and publishes a mirror Pod', () => {
    expect(t.steps.some((s) => s.say.key === 'kubectl-create')).toBe(false);
    expect(t.steps.some((s) => s.from === 'kube-scheduler' && s.say.key === 'scheduler-bind')).toBe(false);
    expect(t.steps.some((s) => s.say.key === 'kubelet-mirror-create')).toBe(true);
    const mirror = t.objectAt(key, t.steps.length - 1)!;
    const annotations = mirror.metadata.annotations as Record<string, string>;
    expect(annotations['kubernetes.io/config.source']).toBe('file');
    expect(annotations['kubernetes.io/config.mirror']).toMatch(/^[0-9a-f]{32}$/);
    expect(mirror.metadata.ownerReferences).toMatchObject([{ kind: 'Node', name: 'node-1', controller: true }]);
  });

  it('makes the mirror again when it is deleted through the API, and the containers run on', () => {
    const del = t.steps.find((s) => s.say.key === 'kubectl-delete')!;
    const gone = t.steps.find((s) => s.say.key === 'kubelet-mirror-delete')!;
    const again = t.steps.filter((s) => s.say.key === 'kubelet-mirror-create');
    expect(gone.seq).toBeGreaterThan(del.seq);
    expect(again).toHaveLength(2);
    expect(again[1]!.seq).toBeGreaterThan(gone.seq);
    expect(t.steps.some((s) => s.say.key === 'kubelet-stop-container' || s.say.key === 'kubelet-terminate')).toBe(
      false,
    );
    const last = t.objectAt(key, t.steps.length - 1) as unknown as Pod;
    expect(last.status?.phase).toBe('Running');
    expect(last.metadata?.deletionTimestamp).toBeUndefined();
  });
});

describe('a sidecar with a startup probe', () => {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'probed', namespace: 'default' },
    spec: {
      initContainers: [
        {
          name: 'proxy',
          image: 'nginx',
          restartPolicy: 'Always',
          startupProbe: { tcpSocket: { port: 80 }, initialDelaySeconds: 5, periodSeconds: 5 },
        },
      ],
      containers: [{ name: 'app', image: 'nginx' }],
    },
  };
  const t = simulate({ manifests: [pod], seed: 1 });
  const step = (key: string, container: string) =>
    t.steps.find((s) => s.say.key === key && s.say.params.container === container)!;

  it('holds the next container until the startup probe has passed', () => {
    const sidecar = step('kubelet-start-sidecar', 'proxy');
    const started = step('kubelet-probe-started', 'proxy');
    const app = step('kubelet-create', 'app');
    expect(started.at - sidecar.at).toBeGreaterThanOrEqual(5000);
    expect(app.seq).toBeGreaterThan(started.seq);
    const p = t.objectAt('/registry/pods/default/probed', t.steps.length - 1) as unknown as Pod;
    expect(p.status?.initContainerStatuses?.[0]).toMatchObject({ started: true, ready: true });
    expect(p.status?.phase).toBe('Running');
  });
});

describe('a Pod deleted while it waits for a missing ConfigMap', () => {
  const t = simulate({
    ...simulationInput(SCENARIOS.find((s) => s.id === 'missing-configmap')!),
    updates: [],
    deletes: [{ kind: 'Pod', name: 'dapi-test-pod', atMs: 5_000 }],
  });

  it('is terminated at once, without waiting for the next mount retry, and goes', () => {
    const del = t.steps.find((s) => s.say.key === 'apiserver-delete-graceful')!;
    const terminate = t.steps.find((s) => s.say.key === 'kubelet-terminate')!;
    expect(terminate.at - del.at).toBeLessThan(100);
    expect(t.steps.some((s) => s.say.key === 'kubelet-run-sandbox')).toBe(false);
    expect(t.objectAt('/registry/pods/default/dapi-test-pod', t.steps.length - 1)).toBeUndefined();
  });
});
