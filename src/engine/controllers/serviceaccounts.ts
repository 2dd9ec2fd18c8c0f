/**
 * The ServiceAccount controller: every Active namespace gets a `default`
 * ServiceAccount, made again if it goes. Models
 * pkg/controller/serviceaccount/serviceaccounts_controller.go syncNamespace.
 */
import { USERS } from '../apiserver/authz';
import { request } from '../client/client';
import type { Sim } from '../core/sim';
import type { ApiObject, ComponentId } from '../types';
import type { ControllerManagerState } from './controller-manager';

const SELF: ComponentId = 'kube-controller-manager';

/** The ServiceAccounts every namespace must have (the controller's ServiceAccounts option). */
export const MANAGED_SERVICE_ACCOUNTS = ['default'];

type KSim = Sim<{ controllerManager: ControllerManagerState }>;

/** Sync one namespace (its key is `/registry/namespaces/<name>`). */
export function syncServiceAccounts(sim: KSim, key: string): void {
  const kcm = sim.world.controllerManager;
  const ns = kcm.informers.cache.objects[key];
  if (!ns || (ns.status as { phase?: string } | undefined)?.phase !== 'Active') return;
  const name = String(ns.metadata.name);
  for (const sa of MANAGED_SERVICE_ACCOUNTS) {
    if (kcm.informers.cache.objects[`/registry/serviceaccounts/${name}/${sa}`]) continue;
    const id = request(sim, SELF, {
      verb: 'create',
      resource: 'serviceaccounts',
      namespace: name,
      body: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: sa, namespace: name } } as ApiObject,
      user: USERS.serviceAccountController,
      level: 'overview',
      say: { key: 'serviceaccount-create', params: { namespace: name, name: sa } },
    });
    // An AlreadyExists answer is fine: someone made it first.
    kcm.pending[id] = { controller: 'serviceaccount', key, action: 'create', name: sa };
  }
}
