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
  return new CacheRbacStore(st);
}

/** A class, not an object of arrows: one is made for every request the authorizer sees. */
class CacheRbacStore implements RbacStore {
  constructor(private readonly st: CacheView) {}
  role(namespace: string, name: string): ApiObject | undefined {
    return this.st.cache[`/registry/roles/${namespace}/${name}`];
  }
  clusterRole(name: string): ApiObject | undefined {
    return this.st.cache[`/registry/clusterroles/${name}`];
  }
  roleBindings(namespace: string): ApiObject[] {
    return this.dir(`/registry/rolebindings/${namespace}/`);
  }
  clusterRoleBindings(): ApiObject[] {
    return this.dir('/registry/clusterrolebindings/');
  }
  private dir(d: string): ApiObject[] {
    return Object.keys(this.st.dirs[d] ?? {}).map((k) => this.st.cache[k]!);
  }
}

export function rbacStoreOf(sim: Sim<unknown>): RbacStore {
  const st = (sim.world as { apiserver?: CacheView }).apiserver;
  return st
    ? rbacStoreFromCache(st)
    : { role: () => undefined, clusterRole: () => undefined, roleBindings: () => [], clusterRoleBindings: () => [] };
}
