/**
 * The RBAC authorizer's listers: kube-apiserver builds them from shared
 * informers over its own loopback client, so what they see is what its watch
 * cache holds (a binding just written counts once its watch event is back).
 */
import type { Sim } from '../../core/sim';
import type { ApiObject } from '../../types';
import type { RbacStore } from './resolver';

interface CacheView {
  cache: Record<string, ApiObject>;
  dirs: Record<string, Record<string, true>>;
}

export function rbacStoreFromCache(st: CacheView): RbacStore {
  const dir = (d: string): ApiObject[] => Object.keys(st.dirs[d] ?? {}).map((k) => st.cache[k]!);
  return {
    role: (namespace, name) => st.cache[`/registry/roles/${namespace}/${name}`],
    clusterRole: (name) => st.cache[`/registry/clusterroles/${name}`],
    roleBindings: (namespace) => dir(`/registry/rolebindings/${namespace}/`),
    clusterRoleBindings: () => dir('/registry/clusterrolebindings/'),
  };
}

export function rbacStoreOf(sim: Sim<unknown>): RbacStore {
  const st = (sim.world as { apiserver?: CacheView }).apiserver;
  return st
    ? rbacStoreFromCache(st)
    : { role: () => undefined, clusterRole: () => undefined, roleBindings: () => [], clusterRoleBindings: () => [] };
}
