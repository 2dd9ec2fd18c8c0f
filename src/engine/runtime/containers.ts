/**
 * containerd's container store on one node: each container by id, and each
 * Pod's containers in the order they were created (what a sandbox's
 * ListContainers filter gives), so a CRI call that names a Pod and a
 * container finds it among that Pod's few containers instead of scanning
 * every container of the node.
 */
import type { Container } from 'kubernetes-types/core/v1';
import { dict } from '../core/dict';

export interface RuntimeContainer {
  podKey: string;
  name: string;
  state: 'created' | 'running';
  config?: Container;
  command?: string[];
}

export interface ContainerStore {
  byId: Record<string, RuntimeContainer>;
  /** Pod key → its containers' ids, oldest first. */
  byPod: Record<string, string[]>;
}

export function newContainerStore(): ContainerStore {
  return { byId: dict(), byPod: dict() };
}

export function addContainer(store: ContainerStore, id: string, c: RuntimeContainer): void {
  store.byId[id] = c;
  (store.byPod[c.podKey] ??= []).push(id);
}

/** The Pod's oldest container of that name (and id, when one is given): its id, or undefined. */
export function findContainer(
  store: ContainerStore,
  podKey: string,
  name: string | undefined,
  id?: string,
): string | undefined {
  const ids = store.byPod[podKey];
  if (!ids) return undefined;
  for (const candidate of ids) {
    if (store.byId[candidate]!.name === name && (!id || candidate === id)) return candidate;
  }
  return undefined;
}

export function removeContainer(store: ContainerStore, id: string): void {
  const c = store.byId[id];
  if (!c) return;
  delete store.byId[id];
  const ids = store.byPod[c.podKey]!;
  ids.splice(ids.indexOf(id), 1);
  if (!ids.length) delete store.byPod[c.podKey];
}
