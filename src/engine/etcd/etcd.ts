/**
 * etcd: a revisioned key-value store. Every write bumps the one global
 * revision, which kube-apiserver reports as the object's resourceVersion.
 * Only kube-apiserver talks to etcd.
 */
import type { Sim } from '../core/sim';
import { dict } from '../core/dict';
import type { Message } from '../core/messages';
import { ETCD_SLOW_EXTRA_MS } from '../faults';
import type { ApiObject, ComponentId } from '../types';

export interface EtcdState {
  revision: number;
  kv: Record<string, { value: ApiObject; createRevision: number; modRevision: number }>;
  /** An `etcd-slow` fault struck: every answer comes this much later (a slow disk's fsync). */
  slowMs?: number;
}

export function initEtcd(): EtcdState {
  return { revision: 1, kv: dict() };
}

/** Store an object before the run starts (the cluster as kubeadm left it). */
export function bootstrapPut(etcd: EtcdState, key: string, value: ApiObject): ApiObject {
  etcd.revision++;
  const stored = withRevision(value, etcd.revision);
  etcd.kv[key] = { value: stored, createRevision: etcd.revision, modRevision: etcd.revision };
  return stored;
}

export function handleEtcd(sim: Sim<{ etcd: EtcdState }>, self: ComponentId, msg: Message, from: ComponentId): void {
  const etcd = sim.world.etcd;
  if (msg.type === 'fault') {
    if (msg.fault.kind === 'etcd-slow') etcd.slowMs = msg.fault.extraMs ?? ETCD_SLOW_EXTRA_MS;
    return;
  }
  if (msg.type !== 'etcd-txn') return;
  const slow = etcd.slowMs ?? 0;
  const entry = etcd.kv[msg.key];
  const prev = entry?.value ?? null;
  // A create is a transaction "put if the key does not exist yet".
  if (msg.mustNotExist && prev) {
    sim.retell({ key: 'etcd-conflict', params: { key: msg.key } });
    sim.send(
      {
        from: self,
        to: from,
        msg: { type: 'etcd-txn-result', id: msg.id, ok: false, revision: etcd.revision, value: prev },
        meta: { kind: 'response', level: 'deep', say: { key: 'etcd-committed-not', params: { key: msg.key } } },
      },
      sim.latency(0.2, 0.6) + slow,
    );
    return;
  }
  etcd.revision++;
  const revision = etcd.revision;
  let value: ApiObject | null = null;
  if (msg.value) {
    value = stampRevision(msg.value, revision);
    // The key's record is etcd's own (readers take its value): an update changes it in place.
    if (entry) {
      entry.value = value;
      entry.modRevision = revision;
    } else etcd.kv[msg.key] = { value, createRevision: revision, modRevision: revision };
  } else {
    delete etcd.kv[msg.key];
  }
  sim.change(msg.key, prev, value, revision);
  sim.annotate({ revision });
  sim.send(
    {
      from: self,
      to: from,
      msg: { type: 'etcd-txn-result', id: msg.id, ok: true, revision, value },
      meta: { kind: 'response', level: 'deep', say: { key: 'etcd-committed', params: { key: msg.key, revision } } },
    },
    sim.latency(0.3, 1.2) + slow,
  );
  // kube-apiserver's watch cache follows etcd through its own watch on /registry.
  sim.send(
    {
      from: self,
      to: from,
      msg: { type: 'etcd-watch', key: msg.key, revision, prev, value },
      meta: {
        kind: 'watch',
        level: 'deep',
        verb: 'watch',
        path: msg.key,
        say: { key: 'etcd-watch', params: { key: msg.key, revision } },
      },
    },
    sim.latency(0.5, 1.5) + slow,
  );
}

/** A copy with the revision as its resourceVersion: bootstrap objects may be shared with their source. */
function withRevision(value: ApiObject, revision: number): ApiObject {
  return { ...value, metadata: { ...value.metadata, resourceVersion: String(revision) } };
}

/**
 * The revision written into the transaction's own object (the etcd3 store's
 * versioner, UpdateObject), not into a copy: kube-apiserver builds a new
 * object with its own metadata for every write (see its `txn`), which nobody
 * else holds, and what is stored is never changed again. So etcd's value, the
 * watch cache's, each informer's and the trace's history are one object.
 * The key keeps its place when the object has one (an update's), as a spread would.
 */
function stampRevision(value: ApiObject, revision: number): ApiObject {
  value.metadata.resourceVersion = String(revision);
  return value;
}
