/**
 * The resource quota controller: fills a new ResourceQuota's status (hard
 * from spec, used counted over the namespace's Pods) and counts again when a
 * Pod goes or ends, so the usage admission charged is given back. Models
 * pkg/controller/resourcequota/resource_quota_controller.go syncResourceQuota
 * and its replenishment of Pods.
 */
import type { Pod, ResourceQuota } from 'kubernetes-types/core/v1';
import { USERS } from '../apiserver/authz';
import { calculateUsed } from '../apiserver/admission/resourcequota';
import type { ResourceList } from '../apiserver/admission/resource-list';
import { request } from '../client/client';
import type { Sim } from '../core/sim';
import type { ApiObject, ComponentId } from '../types';
import type { ControllerManagerState } from './controller-manager';

const SELF: ComponentId = 'kube-controller-manager';
type KSim = Sim<{ controllerManager: ControllerManagerState }>;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});

/** Sync one quota: write status only when hard or used changed. */
export function syncResourceQuota(sim: KSim, key: string): void {
  const kcm = sim.world.controllerManager;
  const q = kcm.informers.cache.objects[key] as unknown as ResourceQuota | undefined;
  if (!q) return;
  const ns = String(q.metadata?.namespace);
  const hard = { ...q.spec?.hard } as ResourceList;
  const pods = Object.entries(kcm.informers.cache.byKind?.Pod ?? {})
    .filter(([k]) => k.startsWith(`/registry/pods/${ns}/`))
    .map(([, p]) => p as unknown as Pod);
  const used = calculateUsed(hard, pods);
  if (same(q.status?.hard, hard) && same(q.status?.used, used)) return;
  request(sim, SELF, {
    verb: 'update',
    resource: 'resourcequotas',
    namespace: ns,
    name: String(q.metadata?.name),
    subresource: 'status',
    body: { apiVersion: 'v1', kind: 'ResourceQuota', metadata: {}, status: { hard, used } } as unknown as ApiObject,
    user: USERS.resourceQuotaController,
    level: 'standard',
    say: {
      key: 'resourcequota-sync',
      params: {
        quota: String(q.metadata?.name),
        used: Object.entries(used)
          .map(([k, v]) => `${k}=${v}/${hard[k]}`)
          .join(', '),
      },
    },
  });
}

/**
 * addQuota: a quota whose status.hard differs from spec.hard, or that lacks a
 * used value, needs counting. Updates of status alone are ignored: admission
 * and this controller write them.
 */
export function quotaNeedsSync(obj: ApiObject): boolean {
  const q = obj as unknown as ResourceQuota;
  const hard = q.spec?.hard ?? {};
  if (!same(q.status?.hard, hard)) return true;
  return Object.keys(hard).some((k) => q.status?.used?.[k] === undefined);
}

/** The quotas of a namespace, to count again after one of its Pods went. */
export function quotasIn(kcm: ControllerManagerState, namespace: string): string[] {
  return Object.keys(kcm.informers.cache.byKind?.ResourceQuota ?? {}).filter((k) =>
    k.startsWith(`/registry/resourcequotas/${namespace}/`),
  );
}
