/**
 * client-go, as far as components need it: sending a request to
 * kube-apiserver, and an informer cache that list-watch keeps current.
 */
import type { ApiRequest, UserInfo, Verb, WatchEventType, WatchSpec } from '../core/messages';
import type { Delivery, Sim, StepMeta } from '../core/sim';
import { apiPath, byKind, etcdKey } from '../apiserver/resources';
import type { ApiObject, ComponentId, DetailLevel, Say } from '../types';
import { dict } from '../core/dict';

export interface InformerCache {
  objects: Record<string, ApiObject>;
  /**
   * The same objects by kind, as client-go's listers give them: a controller that looks for the
   * few Services among thousands of Pods does not walk the Pods.
   */
  byKind?: Record<string, Record<string, ApiObject>>;
}

export function newCache(): InformerCache {
  return { objects: dict(), byKind: dict() };
}

/** The informer's store: keep what the watch says, as a reflector does. `key` is the object's, if known already. */
export function applyToCache(
  cache: InformerCache,
  type: WatchEventType,
  object: ApiObject,
  key: string = keyOf(object),
): void {
  const kind = ((cache.byKind ??= dict())[object.kind] ??= dict());
  if (type === 'DELETED') {
    delete cache.objects[key];
    delete kind[key];
  } else {
    cache.objects[key] = object;
    kind[key] = object;
  }
}

/** The cached objects of one kind (a lister). */
export function listKind(cache: InformerCache, kind: string): ApiObject[] {
  return Object.values(cache.byKind?.[kind] ?? {});
}

export function keyOf(object: ApiObject): string {
  const info = byKind(object.kind);
  if (!info) throw new Error(`no resource for kind ${object.kind}`);
  return etcdKey(info.resource, object.metadata.namespace, object.metadata.name ?? '');
}

export interface RequestOptions {
  verb: Verb;
  resource: string;
  group?: string;
  namespace?: string;
  name?: string;
  subresource?: string;
  body?: ApiObject;
  watches?: WatchSpec[];
  /** The query string (`?limit=500&resourceVersion=0`); a watch without one gets `?watch=true`. */
  query?: string;
  user: UserInfo;
  level: DetailLevel;
  say: Say;
  kind?: StepMeta['kind'];
  periodic?: boolean;
}

/** The HTTP method behind each API verb, as an audit log pairs them. */
export const HTTP_METHOD: Record<Verb, string> = {
  create: 'POST',
  get: 'GET',
  list: 'GET',
  watch: 'GET',
  update: 'PUT',
  patch: 'PATCH',
  delete: 'DELETE',
};

/** Send a request to kube-apiserver; returns its id, which the answer carries. */
export function request(sim: Sim<unknown>, from: ComponentId, o: RequestOptions): number {
  const id = sim.id();
  const path =
    apiPath(o.resource, o.namespace, o.name, o.subresource, o.group) +
    (o.query ?? (o.verb === 'watch' ? '?watch=true' : ''));
  // Optional fields are assigned, not spread from temporary objects: every write and Event passes here.
  // Their order is the spread's (namespace, name, subresource, body, watches).
  const req: ApiRequest = { verb: o.verb, resource: o.resource, group: o.group ?? '', path, user: o.user };
  if (o.namespace) req.namespace = o.namespace;
  if (o.name) req.name = o.name;
  if (o.subresource) req.subresource = o.subresource;
  if (o.body) req.body = o.body;
  if (o.watches) req.watches = o.watches;
  const delivery: Delivery = {
    from,
    to: 'kube-apiserver',
    msg: { type: 'http-request', id, req },
    meta: { kind: o.kind ?? 'request', level: o.level, verb: o.verb, path, say: o.say },
  };
  if (o.periodic !== undefined) delivery.periodic = o.periodic;
  sim.send(delivery, sim.latency(0.5, 2));
  return id;
}
