/**
 * The kubelet's volume manager, one volume at a time: the desired state of
 * world populator turns a Pod's volume into a spec (a claim must be bound
 * to a volume first), and the reconciler's MountVolume operation sets it up
 * with its plugin. A failed operation is retried with exponential back-off.
 * Models pkg/kubelet/volumemanager/populator/desired_state_of_world_populator.go
 * (createVolumeSpec, getPVCExtractPV), pkg/volume/util/nestedpendingoperations
 * (the back-off), pkg/volume/util/operationexecutor/operation_generator.go
 * (GenerateError's "<prefix> for volume %q : <error>"), and the plugins in
 * pkg/volume/{emptydir,configmap,secret,projected,csi}.
 */
import type { PersistentVolume, PersistentVolumeClaim, Pod, Volume, VolumeProjection } from 'kubernetes-types/core/v1';
import { etcdKey } from '../apiserver/resources';
import type { ApiObject } from '../types';

/** What the volume manager reads besides Pods. */
export const VOLUME_WATCHES = [
  { resource: 'configmaps' },
  { resource: 'secrets' },
  { resource: 'persistentvolumeclaims' },
  { resource: 'persistentvolumes' },
] as const;

/** What the kubelet's informers hold, by etcd key. */
export type Lookup = (key: string) => ApiObject | undefined;

export type SetUpResult =
  | { ok: true; plugin: string; csi?: { driver: string; volumeHandle: string; pv: string } }
  /** The populator cannot make a spec yet (claim missing or unbound): logged, no Event; it tries again. */
  | { ok: false; populator: string }
  /** MountVolume.SetUp failed: a FailedMount Warning with this message, then a retry after back-off. */
  | { ok: false; failedMount: string };

/** nestedpendingoperations: initialDurationBeforeRetry 500 ms, doubled per failure, up to maxDurationBeforeRetry 2m2s. */
export const INITIAL_DURATION_BEFORE_RETRY_MS = 500;
export const MAX_DURATION_BEFORE_RETRY_MS = 122_000;

export function durationBeforeRetry(failures: number): number {
  return Math.min(INITIAL_DURATION_BEFORE_RETRY_MS * 2 ** Math.max(failures - 1, 0), MAX_DURATION_BEFORE_RETRY_MS);
}

/** The volume plugin that handles a volume source (its GetPluginName). */
export function pluginName(v: Volume): string {
  if (v.emptyDir) return 'kubernetes.io/empty-dir';
  if (v.configMap) return 'kubernetes.io/configmap';
  if (v.secret) return 'kubernetes.io/secret';
  if (v.projected) return 'kubernetes.io/projected';
  if (v.persistentVolumeClaim || v.csi) return 'kubernetes.io/csi';
  if (v.hostPath) return 'kubernetes.io/host-path';
  if (v.downwardAPI) return 'kubernetes.io/downward-api';
  return 'kubernetes.io/empty-dir';
}

/** The watch-based manager's NotFound uses the singular resource: `configmap "x" not found`. */
const notFound = (resource: 'configmap' | 'secret', name: string) => `${resource} "${name}" not found`;

/** The error of a configMap or secret a volume needs, or undefined when it is there or optional. */
function missingSource(
  namespace: string,
  lookup: Lookup,
  s: { configMap?: { name?: string; optional?: boolean }; secret?: { name?: string; optional?: boolean } },
): string | undefined {
  if (s.configMap) {
    const name = s.configMap.name ?? '';
    if (!lookup(etcdKey('configmaps', namespace, name)) && !s.configMap.optional) return notFound('configmap', name);
  }
  if (s.secret) {
    const name = s.secret.name ?? '';
    if (!lookup(etcdKey('secrets', namespace, name)) && !s.secret.optional) return notFound('secret', name);
  }
  return undefined;
}

export function setUpVolume(pod: Pod, v: Volume, lookup: Lookup): SetUpResult {
  const ns = pod.metadata?.namespace ?? 'default';
  const plugin = pluginName(v);
  const failed = (err: string): SetUpResult => ({
    ok: false,
    failedMount: `MountVolume.SetUp failed for volume "${v.name}" : ${err}`,
  });
  if (v.configMap) {
    const err = missingSource(ns, lookup, { configMap: v.configMap });
    return err ? failed(err) : { ok: true, plugin };
  }
  if (v.secret) {
    const err = missingSource(ns, lookup, {
      secret: { name: v.secret.secretName ?? '', optional: v.secret.optional ?? false },
    });
    return err ? failed(err) : { ok: true, plugin };
  }
  if (v.projected) {
    // projected collectData gathers every source's error into one aggregate.
    const errs = (v.projected.sources ?? [])
      .map((s: VolumeProjection) => missingSource(ns, lookup, s))
      .filter((e): e is string => !!e);
    if (errs.length === 1) return failed(errs[0]!);
    if (errs.length > 1) return failed(`[${errs.join(', ')}]`);
    return { ok: true, plugin };
  }
  if (v.persistentVolumeClaim) {
    const claim = v.persistentVolumeClaim.claimName;
    const prefix = `error processing PVC ${ns}/${claim}`;
    const pvc = lookup(etcdKey('persistentvolumeclaims', ns, claim)) as unknown as PersistentVolumeClaim | undefined;
    if (!pvc)
      return {
        ok: false,
        populator: `${prefix}: failed to fetch PVC from API server: persistentvolumeclaims "${claim}" not found`,
      };
    if (pvc.status?.phase !== 'Bound') return { ok: false, populator: `${prefix}: PVC is not bound` };
    const pvName = pvc.spec?.volumeName ?? '';
    const pv = lookup(etcdKey('persistentvolumes', undefined, pvName)) as unknown as PersistentVolume | undefined;
    if (!pv) return { ok: false, populator: `${prefix}: failed to fetch PV ${pvName} from API server` };
    if (pv.spec?.csi)
      return {
        ok: true,
        plugin: 'kubernetes.io/csi',
        csi: { driver: pv.spec.csi.driver, volumeHandle: pv.spec.csi.volumeHandle, pv: pvName },
      };
    return { ok: true, plugin: pv.spec?.hostPath ? 'kubernetes.io/host-path' : 'kubernetes.io/local-volume' };
  }
  return { ok: true, plugin };
}

/** Where the CSI plugin stages and publishes a volume (pkg/volume/csi: csi_attacher.go, csi_mounter.go). */
export function csiPaths(
  podUid: string,
  csi: { driver: string; pv: string },
  volumeHandleSha: string,
): { staging: string; target: string } {
  return {
    staging: `/var/lib/kubelet/plugins/kubernetes.io/csi/${csi.driver}/${volumeHandleSha}/globalmount`,
    target: `/var/lib/kubelet/pods/${podUid}/volumes/kubernetes.io~csi/${csi.pv}/mount`,
  };
}
