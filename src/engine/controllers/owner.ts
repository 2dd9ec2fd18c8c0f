/** Ownership, as controllers read it: the ownerReference with `controller: true`. */
import type { ApiObject } from '../types';

interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export function controllerOf(obj: ApiObject): OwnerReference | undefined {
  const refs = (obj.metadata.ownerReferences as OwnerReference[] | undefined) ?? [];
  return refs.find((r) => r.controller);
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

/** Objects in a cache whose controller is `owner`. */
export function ownedBy(objects: Iterable<ApiObject>, owner: ApiObject, kind: string): ApiObject[] {
  const out: ApiObject[] = [];
  for (const o of objects) if (o.kind === kind && controllerOf(o)?.uid === owner.metadata.uid) out.push(o);
  return out;
}
