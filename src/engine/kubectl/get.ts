/**
 * `kubectl get <kind> -l <selector> -o name`: one LIST through kube-apiserver
 * (no watch), the names sorted as kubectl prints them. The learner's
 * `kubectl delete pod $(… | head -n 1)` then deletes the first one.
 */
import { request } from '../client/client';
import type { Sim } from '../core/sim';
import type { ApiObject, ComponentId, KubectlDelete } from '../types';
import type { KubectlState } from './kubectl';

const SELF: ComponentId = 'kubectl';

export function selectorText(selector: Record<string, string>): string {
  return Object.entries(selector)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

export function listSelected(
  sim: Sim<{ kubectl: KubectlState }>,
  d: KubectlDelete,
  resource: string,
  namespace: string | undefined,
): number {
  return request(sim, SELF, {
    verb: 'list',
    resource,
    ...(namespace ? { namespace } : {}),
    watches: [{ resource }],
    user: sim.world.kubectl.user,
    level: 'overview',
    say: { key: 'kubectl-get', params: { kind: d.kind.toLowerCase(), selector: selectorText(d.selector ?? {}) } },
  });
}

/** The first name, in kubectl's order, of the objects in the namespace the selector matches and not already going. */
export function firstSelected(items: ApiObject[], d: KubectlDelete): string | undefined {
  const ns = d.namespace ?? 'default';
  return items
    .filter(
      (o) =>
        o.kind === d.kind &&
        o.metadata.namespace === ns &&
        !o.metadata.deletionTimestamp &&
        Object.entries(d.selector ?? {}).every(
          ([k, v]) => (o.metadata.labels as Record<string, string> | undefined)?.[k] === v,
        ),
    )
    .map((o) => String(o.metadata.name))
    .sort()[0];
}
