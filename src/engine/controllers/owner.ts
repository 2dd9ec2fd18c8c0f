/** Ownership, as controllers read it: the ownerReference with `controller: true`. */
import type { ApiObject } from '../types';
import { dict } from '../core/dict';

interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export function controllerOf(obj: ApiObject): OwnerReference | undefined {
  // A loop, not find with a closure: the controller-manager asks this of every object its informers deliver.
  const refs = obj.metadata.ownerReferences as OwnerReference[] | undefined;
  if (refs) for (const r of refs) if (r.controller) return r;
  return undefined;
}

export function ownerReference(owner: ApiObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: String(owner.metadata.name),
    uid: String(owner.metadata.uid),
    controller: true,
    blockOwnerDeletion: true,
  };
}

/**
 * Which objects each owner controls, kept as the informer delivers changes,
 * so a controller finds its objects without scanning the cache (the role of
 * the informers' indexers in client-go). Owner uid → object key.
 */
export type OwnerIndex = Record<string, Record<string, true>>;

export function indexOwner(index: OwnerIndex, key: string, uid: string | undefined, deleted: boolean): void {
  if (!uid) return;
  if (deleted) {
    delete index[uid]?.[key];
    return;
  }
  (index[uid] ??= dict())[key] = true;
}

/** The objects `owner` controls, from the cache. */
export function ownedBy(index: OwnerIndex, objects: Record<string, ApiObject>, owner: ApiObject): ApiObject[] {
  const out: ApiObject[] = [];
  for (const key of Object.keys(index[String(owner.metadata.uid)] ?? {})) {
    const o = objects[key];
    if (o) out.push(o);
  }
  return out;
}
