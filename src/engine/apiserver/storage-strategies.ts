/**
 * The create strategies of the storage kinds: PersistentVolumeClaim and
 * PersistentVolume (pkg/registry/core/persistentvolume{claim,}/strategy.go,
 * defaults from pkg/apis/core/v1/defaults.go) and StorageClass
 * (pkg/apis/storage/v1/defaults.go). The DefaultStorageClass admission
 * plugin (plugin/pkg/admission/storage/storageclass/setdefault) fills a
 * claim's empty storageClassName with the class annotated as default.
 */
import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { Sim } from '../core/sim';
import type { ApiObject } from '../types';
import { validateObjectName } from './pod-validation';
import type { Mutation, Strategy } from './strategy';

export const IS_DEFAULT_CLASS = 'storageclass.kubernetes.io/is-default-class';

/** The default StorageClass as util.GetDefaultClass picks it: the newest of those annotated "true". */
export function defaultStorageClass(classes: ApiObject[]): StorageClass | undefined {
  const defaults = (classes as unknown as StorageClass[]).filter(
    (c) => c.metadata?.annotations?.[IS_DEFAULT_CLASS] === 'true',
  );
  defaults.sort((a, b) => (b.metadata?.creationTimestamp ?? '').localeCompare(a.metadata?.creationTimestamp ?? ''));
  return defaults[0];
}

function storedClasses(sim: Sim<unknown>): ApiObject[] {
  const cache = (sim.world as { apiserver?: { cache: Record<string, ApiObject> } }).apiserver?.cache ?? {};
  return Object.entries(cache)
    .filter(([k]) => k.startsWith('/registry/storageclasses/'))
    .map(([, v]) => v);
}

const named = (obj: ApiObject) => validateObjectName(obj.metadata.name, 'subdomain');

export const STORAGE_STRATEGIES: Record<string, Strategy> = {
  persistentvolumeclaims: {
    mutate(obj, sim): Mutation {
      const pvc = obj as unknown as PersistentVolumeClaim;
      pvc.spec ??= {};
      const defaulted: string[] = [];
      if (!pvc.spec.volumeMode) {
        pvc.spec.volumeMode = 'Filesystem';
        defaulted.push('spec.volumeMode');
      }
      // DefaultStorageClass: only a claim that names no class (nil, not "") gets the default one.
      if (pvc.spec.storageClassName === undefined && !pvc.spec.volumeName) {
        const def = defaultStorageClass(storedClasses(sim));
        if (def) {
          pvc.spec.storageClassName = def.metadata!.name!;
          return {
            defaulted,
            admitted: ['spec.storageClassName'],
            plugins: ['DefaultStorageClass'],
          };
        }
      }
      return { defaulted, admitted: [], plugins: [] };
    },
    prepareForCreate(obj) {
      obj.status = { phase: 'Pending' };
    },
    validate: named,
  },
  persistentvolumes: {
    mutate(obj): Mutation {
      const pv = obj as unknown as PersistentVolume;
      pv.spec ??= {};
      const defaulted: string[] = [];
      if (!pv.spec.persistentVolumeReclaimPolicy) {
        pv.spec.persistentVolumeReclaimPolicy = 'Retain';
        defaulted.push('spec.persistentVolumeReclaimPolicy');
      }
      if (!pv.spec.volumeMode) {
        pv.spec.volumeMode = 'Filesystem';
        defaulted.push('spec.volumeMode');
      }
      return { defaulted, admitted: [], plugins: [] };
    },
    prepareForCreate(obj) {
      // PersistentVolumeLastPhaseTransitionTime (GA in v1.31): a new volume is Pending from now.
      obj.status = { phase: 'Pending', lastPhaseTransitionTime: obj.metadata.creationTimestamp };
    },
    validate: named,
  },
  storageclasses: {
    mutate(obj): Mutation {
      const sc = obj as unknown as StorageClass;
      const defaulted: string[] = [];
      if (!sc.reclaimPolicy) {
        sc.reclaimPolicy = 'Delete';
        defaulted.push('reclaimPolicy');
      }
      if (!sc.volumeBindingMode) {
        sc.volumeBindingMode = 'Immediate';
        defaulted.push('volumeBindingMode');
      }
      return { defaulted, admitted: [], plugins: [] };
    },
    validate: named,
  },
};
