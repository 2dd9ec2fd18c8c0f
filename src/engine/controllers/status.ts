/**
 * How a controller writes the status of what it owns: PUT …/status, and only
 * when it differs from what it last wrote (UpdateStatus after a sync).
 */
import type { UserInfo } from '../core/messages';
import { request } from '../client/client';
import { byKind } from '../apiserver/resources';
import type { Sim } from '../core/sim';
import type { ApiObject, Say } from '../types';

export function writeStatus(
  sim: Sim<unknown>,
  obj: ApiObject,
  status: object,
  o: { last: Record<string, string>; user: UserInfo; say: Say },
): void {
  const info = byKind(obj.kind)!;
  const key = `${info.etcdPrefix}/${obj.metadata.namespace}/${obj.metadata.name}`;
  const fingerprint = JSON.stringify(status);
  if (o.last[key] === fingerprint) return;
  o.last[key] = fingerprint;
  request(sim, 'kube-controller-manager', {
    verb: 'update',
    resource: info.resource,
    group: info.group,
    namespace: obj.metadata.namespace,
    name: String(obj.metadata.name),
    subresource: 'status',
    body: { apiVersion: obj.apiVersion, kind: obj.kind, metadata: {}, status } as unknown as ApiObject,
    user: o.user,
    level: 'standard',
    say: o.say,
  });
}
