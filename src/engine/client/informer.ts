/**
 * The list-watch every component starts with, as client-go's shared
 * informers do it: one reflector per resource, each of which LISTs
 * (`?limit=500&resourceVersion=0`, served from the watch cache) and then
 * WATCHes from the resourceVersion that LIST returned; the cache is kept
 * current by watch events. At the standard level one step per component
 * tells it; the deep level shows each reflector's LIST and WATCH. Models
 * client-go tools/cache reflector.go (ListAndWatch) and shared_informer.go.
 */
import type { Message, UserInfo, WatchEventType, WatchSpec } from '../core/messages';
import type { Sim } from '../core/sim';
import { apiPath } from '../apiserver/resources';
import { goDuration } from '../runtime/images';
import type { ApiObject, ComponentId, DetailLevel } from '../types';
import { applyToCache, keyOf, newCache, request, type InformerCache } from './client';

export interface Informers {
  cache: InformerCache;
  /** Every reflector's LIST has been answered (HasSynced). */
  synced: boolean;
  /** The LIST requests not answered yet, by request id. */
  lists?: Record<number, WatchSpec>;
  /** What the LISTs answered so far, handed to the component at once when the last one is in. */
  listed?: ApiObject[];
  /** Whom the WATCH requests are sent as. */
  user?: UserInfo;
}

export function newInformers(): Informers {
  return { cache: newCache(), synced: false };
}

/** reflector.go's paged LIST page size (defaultPageSize; served from the watch cache with resourceVersion=0). */
export const LIST_PAGE_SIZE = 500;
/** minWatchTimeout: each WATCH asks for a timeout between 5 and 10 minutes. */
export const MIN_WATCH_TIMEOUT_SECONDS = 300;

/** Go's url.QueryEscape: everything but letters, digits and -_.~ is %-escaped. */
export function queryEscape(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The field selector a watch spec sends. */
export function fieldSelectorOf(spec: WatchSpec): string | undefined {
  if (spec.nodeName !== undefined) return `spec.nodeName=${spec.nodeName}`;
  return spec.fieldSelector;
}

/** ListOptions as url.Values encodes them: keys sorted. */
function encode(params: Record<string, string | undefined>): string {
  return (
    '?' +
    Object.keys(params)
      .sort()
      .filter((k) => params[k] !== undefined)
      .map((k) => `${k}=${queryEscape(params[k]!)}`)
      .join('&')
  );
}

/** The reflector's first LIST: `?fieldSelector=…&limit=500&resourceVersion=0`. */
export function listQuery(spec: WatchSpec): string {
  return encode({ fieldSelector: fieldSelectorOf(spec), limit: String(LIST_PAGE_SIZE), resourceVersion: '0' });
}

/**
 * The reflector's WATCH from the LIST's resourceVersion, with bookmarks and
 * its random timeout (timeoutSeconds, and the client's `timeout` that the
 * typed client derives from it).
 */
export function watchQuery(spec: WatchSpec, resourceVersion: string, timeoutSeconds: number): string {
  return encode({
    allowWatchBookmarks: 'true',
    fieldSelector: fieldSelectorOf(spec),
    resourceVersion,
    timeout: goDuration(timeoutSeconds * 1000),
    timeoutSeconds: String(timeoutSeconds),
    watch: 'true',
  });
}

/** Start the component's informers: one LIST per resource, each followed by its WATCH. */
export function startInformers(
  sim: Sim<unknown>,
  self: ComponentId,
  inf: Informers,
  watches: WatchSpec[],
  user: UserInfo,
  level: DetailLevel = 'standard',
): void {
  const first = watches[0]!;
  sim.note(
    self,
    {
      kind: 'request',
      level,
      verb: 'watch',
      path: apiPath(first.resource) + '?watch=true',
      say: {
        key: 'informer-list-watch',
        params: {
          component: self,
          resources: watches
            .map((w) => (fieldSelectorOf(w) ? `${w.resource} (${fieldSelectorOf(w)})` : w.resource))
            .join(', '),
        },
      },
    },
    'kube-apiserver',
  );
  inf.user = user;
  inf.lists = {};
  inf.listed = [];
  for (const spec of watches) {
    const query = listQuery(spec);
    const id = request(sim, self, {
      verb: 'list',
      resource: spec.resource,
      watches: [spec],
      query,
      user,
      level: 'deep',
      say: { key: 'informer-list', params: { component: self, resource: spec.resource, query } },
    });
    inf.lists[id] = spec;
  }
}

/**
 * Feed a message to the informers. Returns the watch events it applied, so
 * the component's handlers can react (a LIST's items all at once, as ADDED,
 * when the last LIST is in: an empty list before), or null if the message
 * was not for them. A LIST's answer sends that reflector's WATCH.
 */
export function informerReceive(
  inf: Informers,
  self: ComponentId,
  msg: Message,
  sim?: Sim<unknown>,
): { type: WatchEventType; object: ApiObject; key: string }[] | null {
  const spec = msg.type === 'http-response' ? inf.lists?.[msg.id] : undefined;
  if (msg.type === 'http-response' && spec) {
    delete inf.lists![msg.id];
    const items = msg.items ?? [];
    for (const item of items) applyToCache(inf.cache, 'ADDED', item);
    (inf.listed ??= []).push(...items);
    const resourceVersion = String(msg.body?.metadata.resourceVersion ?? '0');
    if (sim) {
      const timeoutSeconds = Math.floor(MIN_WATCH_TIMEOUT_SECONDS * (sim.random() + 1));
      const query = watchQuery(spec, resourceVersion, timeoutSeconds);
      request(sim, self, {
        verb: 'watch',
        resource: spec.resource,
        watches: [{ ...spec, resourceVersion }],
        query,
        user: inf.user!,
        level: 'deep',
        say: {
          key: 'informer-watch',
          params: { component: self, resource: spec.resource, count: items.length, resourceVersion, query },
        },
      });
    }
    if (Object.keys(inf.lists!).length) return [];
    inf.synced = true;
    // The component hears of everything listed in the watch cache's order.
    const listed = inf.listed.sort(
      (a, b) => Number(a.metadata.resourceVersion ?? 0) - Number(b.metadata.resourceVersion ?? 0),
    );
    inf.listed = [];
    return listed.map((object) => ({ type: 'ADDED' as const, object, key: keyOf(object) }));
  }
  if (msg.type === 'watch-event') {
    let type = msg.events[self];
    if (!type) return [];
    const key = msg.key ?? keyOf(msg.object);
    // processDeltas: an update of an object the store lacks is an add, an add of one it has an update.
    const had = key in inf.cache.objects;
    if (type === 'MODIFIED' && !had) type = 'ADDED';
    else if (type === 'ADDED' && had) type = 'MODIFIED';
    applyToCache(inf.cache, type, msg.object, key);
    return [{ type, object: msg.object, key }];
  }
  return null;
}
