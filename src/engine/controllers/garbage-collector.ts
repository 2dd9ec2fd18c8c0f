/**
 * The garbage collector in kube-controller-manager. Its graph builder keeps
 * a graph of ownerReferences from the informers' events (owner → its
 * dependents); when an owner goes, or is being deleted with the
 * `foregroundDeletion` or `orphan` finalizer, it queues work:
 * - attemptToDelete: an object whose owners are all gone (dangling) is
 *   deleted through kube-apiserver, with the propagation policy its own
 *   finalizers ask for (Background otherwise); one whose owner waits for its
 *   dependents (foreground) and which has dependents itself is deleted in
 *   Foreground; an owner deleting its dependents loses its
 *   `foregroundDeletion` finalizer once no blocking dependent is left.
 * - attemptToOrphan: every dependent loses its ownerReference to the owner,
 *   then the owner loses its `orphan` finalizer.
 * Models pkg/controller/garbagecollector/graph_builder.go
 * (processGraphChanges, processTransitions), garbagecollector.go
 * (attemptToDeleteItem, classifyReferences, processDeletingDependentsItem,
 * attemptToOrphanWorker, orphanDependents) and operations.go (deleteObject,
 * removeFinalizer).
 *
 * Simplifications: the graph is fed by the controller-manager's shared
 * informers (the real one starts a metadata informer for every deletable
 * resource); an owner the graph has not seen is kept as a placeholder and
 * never verified with a GET (the real one makes a "virtual" node and checks
 * it), and an owner's liveness is read from the graph and the absent-owner
 * cache rather than a live GET.
 */
import { USERS } from '../apiserver/authz';
import { dict } from '../core/dict';
import { FINALIZER_FOREGROUND, FINALIZER_ORPHAN, finalizersOf } from '../apiserver/deletion-finalizers';
import { byKind } from '../apiserver/resources';
import { request } from '../client/client';
import type { Sim } from '../core/sim';
import type { ApiObject, ComponentId } from '../types';
import type { ControllerManagerState } from './controller-manager';

const SELF: ComponentId = 'kube-controller-manager';
const USER = USERS.garbageCollector;

interface OwnerRef {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

/** One object in the graph (graph.go node). */
export interface GcNode {
  uid: string;
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  owners: OwnerRef[];
  dependents: Record<string, true>;
  /** Known only as someone's owner so far. */
  placeholder?: boolean;
  /** deletionTimestamp is set. */
  beingDeleted?: boolean;
  /** Being deleted with the foregroundDeletion finalizer: waits for its blocking dependents. */
  deletingDependents?: boolean;
  /** Being deleted with the orphan finalizer, and queued to orphan its dependents. */
  orphaning?: boolean;
}

type GcRequest =
  | { op: 'get-item'; uid: string }
  | { op: 'delete'; uid: string }
  | { op: 'orphan-patch'; owner: string }
  | { op: 'finalizer-get'; uid: string; finalizer: string }
  | { op: 'finalizer-patch'; uid: string };

export interface GarbageCollectorState {
  nodes: Record<string, GcNode>;
  /** absentOwnerCache: owners known to be gone. */
  absentOwners: Record<string, true>;
  pending: Record<number, GcRequest>;
  /** Owner uid → dependents' orphaning patches not answered yet. */
  orphanPatches: Record<string, number>;
  /**
   * The work queue's processing and dirty sets: an item being worked on is not
   * started again; queued meanwhile, it runs once more when its work is done.
   */
  processing: Record<string, true>;
  dirty: Record<string, true>;
}

export function initGarbageCollector(): GarbageCollectorState {
  return {
    nodes: dict(),
    absentOwners: dict(),
    pending: dict(),
    orphanPatches: dict(),
    processing: dict(),
    dirty: dict(),
  };
}

type KSim = Sim<{ controllerManager: ControllerManagerState }>;

const refsOf = (obj: ApiObject): OwnerRef[] => (obj.metadata.ownerReferences as OwnerRef[] | undefined) ?? [];

function ownerNode(st: GarbageCollectorState, ref: OwnerRef): GcNode {
  return (st.nodes[ref.uid] ??= {
    uid: ref.uid,
    apiVersion: ref.apiVersion,
    kind: ref.kind,
    name: ref.name,
    owners: [],
    dependents: dict(),
    placeholder: true,
  });
}

/** The two work queues, as keys of the controller-manager's queue. */
function enqueue(sim: KSim, queue: 'delete' | 'orphan', uid: string): void {
  const kcm = sim.world.controllerManager;
  const key = `${queue}/${uid}`;
  const item = `garbagecollector:${key}`;
  if (kcm.queued[item]) return;
  kcm.queued[item] = true;
  sim.send(
    { from: SELF, to: SELF, msg: { type: 'controller-sync', controller: 'garbagecollector', key } },
    sim.latency(0.5, 2),
  );
}

function graphNote(sim: KSim, key: string, n: GcNode, extra: Record<string, string | number> = {}): void {
  sim.note(SELF, { kind: 'internal', level: 'deep', say: { key, params: { kind: n.kind, name: n.name, ...extra } } });
}

/** graph_builder.go processGraphChanges: one informer event. */
export function gcObserve(sim: KSim, type: 'ADDED' | 'MODIFIED' | 'DELETED', obj: ApiObject): void {
  const st = sim.world.controllerManager.garbageCollector;
  const uid = obj.metadata.uid as string | undefined;
  if (!uid) return;
  let node = st.nodes[uid];
  if (type === 'DELETED') {
    if (!node || node.placeholder) return;
    for (const o of node.owners) delete st.nodes[o.uid]?.dependents[uid];
    delete st.nodes[uid];
    const deps = Object.keys(node.dependents);
    if (deps.length) {
      // Its dependents will find it gone without asking the apiserver.
      st.absentOwners[uid] = true;
      graphNote(sim, 'gc-graph-owner-gone', node, { count: deps.length });
    }
    for (const d of deps) enqueue(sim, 'delete', d);
    // An owner waiting for its dependents checks whether this was the last one.
    for (const o of node.owners) if (st.nodes[o.uid]?.deletingDependents) enqueue(sim, 'delete', o.uid);
    return;
  }
  const refs = refsOf(obj);
  if (!node || node.placeholder) {
    // A new node, or the placeholder made real: its dependents and flags stay. Built field by field rather
    // than spread twice, as every object of the cluster (each Event too) passes here once.
    const real: GcNode = {
      uid,
      apiVersion: obj.apiVersion,
      kind: obj.kind,
      name: String(obj.metadata.name),
      owners: refs,
      dependents: node ? node.dependents : {},
    };
    if (obj.metadata.namespace) real.namespace = String(obj.metadata.namespace);
    else if (node?.namespace !== undefined) real.namespace = node.namespace;
    if (node?.beingDeleted !== undefined) real.beingDeleted = node.beingDeleted;
    if (node?.deletingDependents !== undefined) real.deletingDependents = node.deletingDependents;
    if (node?.orphaning !== undefined) real.orphaning = node.orphaning;
    node = st.nodes[uid] = real;
    for (const r of refs) ownerNode(st, r).dependents[uid] = true;
  } else {
    // Owners no longer referenced lose this dependent (loops: every update of every object passes here).
    for (const o of node.owners) {
      if (hasOwner(refs, o.uid)) continue;
      const owner = st.nodes[o.uid];
      if (!owner) continue;
      delete owner.dependents[uid];
      if (owner.deletingDependents) enqueue(sim, 'delete', o.uid);
    }
    for (const r of refs) ownerNode(st, r).dependents[uid] = true;
    node.owners = refs;
  }
  processTransitions(sim, node, obj);
}

function hasOwner(refs: OwnerRef[], uid: string): boolean {
  for (const r of refs) if (r.uid === uid) return true;
  return false;
}

/** processTransitions: an object starts being deleted with the orphan or foregroundDeletion finalizer. */
function processTransitions(sim: KSim, node: GcNode, obj: ApiObject): void {
  node.beingDeleted = !!obj.metadata.deletionTimestamp;
  if (!node.beingDeleted) return;
  const finalizers = finalizersOf(obj);
  if (finalizers.includes(FINALIZER_ORPHAN) && !node.orphaning) {
    node.orphaning = true;
    graphNote(sim, 'gc-graph-orphan', node, { count: Object.keys(node.dependents).length });
    enqueue(sim, 'orphan', node.uid);
  }
  if (finalizers.includes(FINALIZER_FOREGROUND) && !node.deletingDependents) {
    node.deletingDependents = true;
    graphNote(sim, 'gc-graph-foreground', node, { count: Object.keys(node.dependents).length });
    for (const d of Object.keys(node.dependents)) enqueue(sim, 'delete', d);
    enqueue(sim, 'delete', node.uid);
  }
}

/** A work-queue key came up: attemptToDeleteItem or attemptToOrphanWorker. */
export function gcSync(sim: KSim, key: string): void {
  const st = sim.world.controllerManager.garbageCollector;
  const [queue, uid] = key.split('/') as ['delete' | 'orphan', string];
  const node = st.nodes[uid];
  if (!node || node.placeholder) return;
  if (queue === 'orphan') return orphanDependents(sim, node);
  // "being deleted" is a one-way trip: wait for the final deletion.
  if (node.beingDeleted && !node.deletingDependents) return;
  if (st.processing[uid]) {
    st.dirty[uid] = true;
    return;
  }
  st.processing[uid] = true;
  // The latest object, from the apiserver (getObject).
  send(sim, node, { op: 'get-item', uid }, 'get', undefined, { key: 'gc-get', params: params(node) });
}

function params(n: GcNode): Record<string, string> {
  return { kind: n.kind, name: n.name };
}

function send(
  sim: KSim,
  n: GcNode,
  req: GcRequest,
  verb: 'get' | 'delete' | 'patch',
  body: ApiObject | undefined,
  say: { key: string; params: Record<string, string | number> },
): void {
  const info = byKind(n.kind);
  if (!info) return;
  const id = request(sim, SELF, {
    verb,
    resource: info.resource,
    group: info.group,
    ...(n.namespace ? { namespace: n.namespace } : {}),
    name: n.name,
    ...(body ? { body } : {}),
    user: USER,
    level: verb === 'get' ? 'deep' : 'standard',
    say,
  });
  sim.world.controllerManager.garbageCollector.pending[id] = req;
}

/** The answer to one of the GC's requests; false when it was not the GC's. */
export function gcAnswered(sim: KSim, id: number, status: number, body: ApiObject | undefined): boolean {
  const st = sim.world.controllerManager.garbageCollector;
  const p = st.pending[id];
  if (!p) return false;
  delete st.pending[id];
  const before = Object.keys(st.pending).length;
  if (p.op === 'get-item') {
    const node = st.nodes[p.uid];
    if (node && status < 300 && body && body.metadata.uid === p.uid) attemptToDeleteItem(sim, node, body);
  } else if (p.op === 'orphan-patch') {
    const left = (st.orphanPatches[p.owner] ?? 1) - 1;
    st.orphanPatches[p.owner] = left;
    const owner = st.nodes[p.owner];
    if (left <= 0 && owner) {
      delete st.orphanPatches[p.owner];
      removeFinalizer(sim, owner, FINALIZER_ORPHAN);
    }
  } else if (p.op === 'finalizer-get') {
    const node = st.nodes[p.uid];
    if (!node || status >= 300 || !body) return true;
    const finalizers = finalizersOf(body);
    if (!finalizers.includes(p.finalizer)) return true;
    const rest = finalizers.filter((f) => f !== p.finalizer);
    // operations.go removeFinalizer: a JSON merge patch of finalizers, at the resourceVersion read.
    const patch = {
      metadata: { resourceVersion: body.metadata.resourceVersion, finalizers: rest.length ? rest : null },
    } as unknown as ApiObject;
    send(sim, node, { op: 'finalizer-patch', uid: p.uid }, 'patch', patch, {
      key: 'gc-remove-finalizer',
      params: { ...params(node), finalizer: p.finalizer },
    });
  }
  // No follow-up request was sent: this item's work is done.
  if (p.op !== 'orphan-patch' && Object.keys(st.pending).length === before) done(sim, p.uid);
  return true;
}

function done(sim: KSim, uid: string): void {
  const st = sim.world.controllerManager.garbageCollector;
  delete st.processing[uid];
  if (!st.dirty[uid]) return;
  delete st.dirty[uid];
  enqueue(sim, 'delete', uid);
}

/** attemptToDeleteItem with the latest object in hand. */
function attemptToDeleteItem(sim: KSim, node: GcNode, latest: ApiObject): void {
  const st = sim.world.controllerManager.garbageCollector;
  if (node.deletingDependents) return processDeletingDependentsItem(sim, node);
  // The same one-way trip, seen on the object just read (a delete may have landed since it was queued).
  if (latest.metadata.deletionTimestamp) return;
  const refs = refsOf(latest);
  if (!refs.length) return;
  // classifyReferences: dangling (owner gone), waiting (owner deleting its dependents), solid.
  const dangling: OwnerRef[] = [];
  const waiting: OwnerRef[] = [];
  const solid: OwnerRef[] = [];
  for (const r of refs) {
    const owner = st.nodes[r.uid];
    if (st.absentOwners[r.uid] || !owner || owner.placeholder) dangling.push(r);
    else if (owner.deletingDependents) waiting.push(r);
    else solid.push(r);
  }
  // A solid owner keeps it (the real GC would also patch away its dangling references).
  if (solid.length) return;
  const hasDependents = Object.keys(node.dependents).length > 0;
  let policy: 'Background' | 'Foreground' | 'Orphan';
  if (waiting.length && hasDependents) policy = 'Foreground';
  else {
    // No owner is left, and none waits for this one's dependents: honour its own finalizers.
    const finalizers = finalizersOf(latest);
    policy = finalizers.includes(FINALIZER_ORPHAN)
      ? 'Orphan'
      : finalizers.includes(FINALIZER_FOREGROUND)
        ? 'Foreground'
        : 'Background';
  }
  const owner = (waiting[0] ?? dangling[0])!;
  // operations.go deleteObject: preconditions on uid and the resourceVersion read.
  const options = {
    kind: 'DeleteOptions',
    apiVersion: 'v1',
    preconditions: { uid: node.uid, resourceVersion: latest.metadata.resourceVersion },
    propagationPolicy: policy,
  } as unknown as ApiObject;
  send(sim, node, { op: 'delete', uid: node.uid }, 'delete', options, {
    key: waiting.length ? 'gc-delete-foreground' : 'gc-delete',
    params: { ...params(node), ownerKind: owner.kind, owner: owner.name, policy },
  });
}

/** processDeletingDependentsItem: wait for the blocking dependents, then drop foregroundDeletion. */
function processDeletingDependentsItem(sim: KSim, node: GcNode): void {
  const st = sim.world.controllerManager.garbageCollector;
  const blocking = Object.keys(node.dependents)
    .map((d) => st.nodes[d])
    .filter((d): d is GcNode => !!d && !!d.owners.find((o) => o.uid === node.uid)?.blockOwnerDeletion);
  if (!blocking.length) return removeFinalizer(sim, node, FINALIZER_FOREGROUND);
  for (const d of blocking) if (!d.deletingDependents) enqueue(sim, 'delete', d.uid);
}

/** removeFinalizer: GET the owner, then a merge patch of its finalizers without this one. */
function removeFinalizer(sim: KSim, node: GcNode, finalizer: string): void {
  send(sim, node, { op: 'finalizer-get', uid: node.uid, finalizer }, 'get', undefined, {
    key: 'gc-get',
    params: params(node),
  });
}

/**
 * orphanDependents: each dependent loses its ownerReference to the owner,
 * by a strategic merge patch with the `$patch: delete` directive.
 */
function orphanDependents(sim: KSim, owner: GcNode): void {
  const st = sim.world.controllerManager.garbageCollector;
  const deps = Object.keys(owner.dependents)
    .map((d) => st.nodes[d])
    .filter((d): d is GcNode => !!d && !d.placeholder);
  if (!deps.length) return removeFinalizer(sim, owner, FINALIZER_ORPHAN);
  st.orphanPatches[owner.uid] = deps.length;
  for (const d of deps) {
    const patch = {
      metadata: { ownerReferences: [{ $patch: 'delete', uid: owner.uid }], uid: d.uid },
    } as unknown as ApiObject;
    send(sim, d, { op: 'orphan-patch', owner: owner.uid }, 'patch', patch, {
      key: 'gc-orphan',
      params: { ...params(d), ownerKind: owner.kind, owner: owner.name },
    });
  }
}
