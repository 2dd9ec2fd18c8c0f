/**
 * What kube-apiserver's DELETE does with the garbage collector's
 * finalizers, and how an update that clears the last finalizer of an object
 * being deleted removes it. Models registry/generic/registry/store.go
 * (deletionFinalizersForGarbageCollection, shouldOrphanDependents,
 * shouldDeleteDependents, markAsDeleting, shouldDeleteDuringUpdate) and the
 * strategic-merge `$patch: delete` directive the GC sends to drop an
 * ownerReference (its merge key is uid).
 */
import type { ApiObject } from '../types';

/** metav1.FinalizerOrphanDependents and metav1.FinalizerDeleteDependents. */
export const FINALIZER_ORPHAN = 'orphan';
export const FINALIZER_FOREGROUND = 'foregroundDeletion';

export type PropagationPolicy = 'Orphan' | 'Background' | 'Foreground';

export interface DeleteOptionsBody {
  gracePeriodSeconds?: number;
  preconditions?: { uid?: string; resourceVersion?: string };
  propagationPolicy?: PropagationPolicy;
  orphanDependents?: boolean;
}

/**
 * The explicit option wins, then a GC finalizer already on the object, then
 * the type's default: DeleteDependents for every apps/v1 and core/v1 type
 * here (only the old extensions/v1beta1 and apps/v1beta1/2 default to orphan).
 */
function shouldOrphan(current: ApiObject, o: DeleteOptionsBody): boolean {
  if (o.orphanDependents !== undefined) return o.orphanDependents;
  if (o.propagationPolicy) return o.propagationPolicy === 'Orphan';
  for (const f of finalizersOf(current)) {
    if (f === FINALIZER_ORPHAN) return true;
    if (f === FINALIZER_FOREGROUND) return false;
  }
  return false;
}

function shouldDeleteDependents(current: ApiObject, o: DeleteOptionsBody): boolean {
  if (o.orphanDependents !== undefined) return false;
  if (o.propagationPolicy) return o.propagationPolicy === 'Foreground';
  for (const f of finalizersOf(current)) {
    if (f === FINALIZER_ORPHAN) return false;
    if (f === FINALIZER_FOREGROUND) return true;
  }
  return false;
}

export function finalizersOf(obj: ApiObject): string[] {
  return (obj.metadata.finalizers as string[] | undefined) ?? [];
}

/**
 * deletionFinalizersForGarbageCollection: drop both GC finalizers, add back
 * the one the policy asks for. `changed` is false when the set is the same.
 */
export function deletionFinalizers(
  current: ApiObject,
  o: DeleteOptionsBody,
): { changed: boolean; finalizers: string[] } {
  const old = finalizersOf(current);
  const next = old.filter((f) => f !== FINALIZER_ORPHAN && f !== FINALIZER_FOREGROUND);
  if (shouldOrphan(current, o)) next.push(FINALIZER_ORPHAN);
  if (shouldDeleteDependents(current, o)) next.push(FINALIZER_FOREGROUND);
  const same = old.length === next.length && next.every((f) => old.includes(f));
  return { changed: !same, finalizers: same ? old : next };
}

/**
 * shouldDeleteDuringUpdate: an object whose delete is pending (deletionTimestamp,
 * grace 0 or none) goes from storage once an update leaves it no finalizer.
 */
export function deleteDuringUpdate(existing: ApiObject, updated: ApiObject): boolean {
  if (finalizersOf(updated).length) return false;
  if (!existing.metadata.deletionTimestamp) return false;
  const grace = existing.metadata.deletionGracePeriodSeconds as number | undefined;
  return grace === undefined || grace === 0;
}

/**
 * A strategic merge patch's `{"$patch":"delete","uid":…}` entries in
 * metadata.ownerReferences remove the references with that uid; the patch
 * left for the JSON merge holds the remaining list (or null when none is left).
 */
export function ownerReferenceDeletes(current: ApiObject, patch: ApiObject): ApiObject {
  const refs = (patch.metadata as { ownerReferences?: unknown } | undefined)?.ownerReferences;
  if (!Array.isArray(refs) || !refs.some((r) => (r as { $patch?: string }).$patch === 'delete')) return patch;
  const drop = new Set(refs.filter((r) => r.$patch === 'delete').map((r) => String(r.uid)));
  const kept = ((current.metadata.ownerReferences as { uid: string }[] | undefined) ?? []).filter(
    (r) => !drop.has(r.uid),
  );
  const metadata = { ...patch.metadata, ownerReferences: kept.length ? kept : null };
  // The uid in the patch is the GC's check that it patches the object it meant; it is not written.
  delete (metadata as { uid?: unknown }).uid;
  return { ...patch, metadata } as ApiObject;
}
