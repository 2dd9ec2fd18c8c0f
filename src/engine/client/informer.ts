/**
 * The list-watch every component starts with: one LIST+WATCH request per
 * component for the resources it follows, then a cache kept current by
 * watch events. Models client-go tools/cache Reflector and shared informers.
 */
import type { Message, UserInfo, WatchEventType, WatchSpec } from '../core/messages';
import type { Sim } from '../core/sim';
import type { ApiObject, ComponentId, DetailLevel } from '../types';
import { applyToCache, keyOf, newCache, request, type InformerCache } from './client';

export interface Informers {
  cache: InformerCache;
  listId?: number;
  synced: boolean;
}

export function newInformers(): Informers {
  return { cache: newCache(), synced: false };
}

/** Open the component's watches (LIST first, then WATCH from its resourceVersion). */
export function startInformers(
  sim: Sim<unknown>,
  self: ComponentId,
  inf: Informers,
  watches: WatchSpec[],
  user: UserInfo,
  level: DetailLevel = 'standard',
): void {
  const first = watches[0]!;
  inf.listId = request(sim, self, {
    verb: 'watch',
    resource: first.resource,
    watches,
    user,
    level,
    say: {
      key: 'informer-list-watch',
      params: {
        component: self,
        resources: watches
          .map((w) => (w.nodeName ? `${w.resource} (spec.nodeName=${w.nodeName})` : w.resource))
          .join(', '),
      },
    },
  });
}

/**
 * Feed a message to the informers. Returns the watch events it applied, so
 * the component's handlers can react, or null if the message was not for them.
 */
export function informerReceive(
  inf: Informers,
  self: ComponentId,
  msg: Message,
): { type: WatchEventType; object: ApiObject; key: string }[] | null {
  if (msg.type === 'http-response' && msg.id === inf.listId) {
    for (const item of msg.items ?? []) applyToCache(inf.cache, 'ADDED', item);
    inf.synced = true;
    return (msg.items ?? []).map((object) => ({ type: 'ADDED' as const, object, key: keyOf(object) }));
  }
  if (msg.type === 'watch-event') {
    const type = msg.events[self];
    if (!type) return [];
    applyToCache(inf.cache, type, msg.object);
    return [{ type, object: msg.object, key: keyOf(msg.object) }];
  }
  return null;
}
