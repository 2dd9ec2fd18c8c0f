/**
 * The kubelet on one node: it watches the Pods bound to its node and, for
 * each, runs a pod worker that moves the Pod one action at a time towards
 * running, in SyncPod's order: admit, volumes, sandbox (RunPodSandbox),
 * sandbox status (the Pod IP), then for each container in spec order pull,
 * create, start; it reports status with PATCH pods/<name>/status.
 * Models pkg/kubelet/kubelet.go SyncPod and
 * pkg/kubelet/kuberuntime/kuberuntime_manager.go SyncPod (steps 1–8).
 */
import type { Container, Pod, PodStatus } from 'kubernetes-types/core/v1';
import { kubeletUser } from '../apiserver/authz';
import { isoTime } from '../apiserver/names';
import { request } from '../client/client';
import { recordEvent, REASON, type EventCountCache } from '../client/events';
import { sameJson } from '../controllers/same-json';
import { informerReceive, newInformers, startInformers, type Informers } from '../client/informer';
import type { CriMethod, Message } from '../core/messages';
import { remembering } from '../core/memo';
import { SETTLE_MS, type Sim } from '../core/sim';
import { printPod } from '../kubectl/print-pod';
import { probeAnswer, probeOf, type ProbeKind } from '../runtime/app';
import { goDuration } from '../runtime/images';
import {
  BACKOFF_PERIOD_MS,
  backoffGet,
  backoffNext,
  isInBackOffSince,
  isInBackOffSinceUpdate,
  jitter,
  newBackoff,
  WORKER_JITTER,
  type Backoff,
} from './backoff';
import type { ApiObject, ComponentId, DetailLevel } from '../types';
import { generatePodStatus } from './status';
import { mirrorPodOf, staticPodFrom, STATIC_POD_PATH } from './static-pods';
import { uidFor } from '../cluster/bootstrap';
import { durationBeforeRetry, setUpVolume, VOLUME_WATCHES } from './volume-manager';
import { hookDurationMs, hookTarget, isSidecar, mayStop, sidecarsOf, stopTimeoutSeconds } from './lifecycle';
import { newWorker, type ContainerRecord, type PodWorker } from './worker';
import { dict } from '../core/dict';
import {
  FAILED_POST_START_MESSAGE,
  FAILED_PRE_STOP_MESSAGE,
  KILLING_POST_START_MESSAGE,
  POST_START_HOOK_ERROR,
  runHook,
} from './hooks';

export interface KubeletState {
  node: string;
  hostIP: string;
  informers: Informers;
  workers: Record<string, PodWorker>;
  /** CRI request id → Pod key. */
  pendingCri: Record<number, string>;
  /** This node's container runtime, the CRI calls' destination. */
  runtime: ComponentId;
  /**
   * The status manager's PATCHes in flight: request id → Pod key, so that an
   * answer finds its Pod's worker without walking the node's workers.
   */
  statusRequests: Map<number, string>;
  /** A `node-down` fault struck: the kubelet is gone; what the runtime runs keeps running. */
  down?: boolean;
  /** kl.crashLoopBackOff: restarts of failed containers, keyed per Pod and container. */
  crashBackoff?: Backoff;
  /** The image manager's back-off, keyed `<podUID>_<image>`. */
  imageBackoff?: Backoff;
  /** The event recorder's correlator: a repeated Event counts up instead of being created again. */
  eventCache?: EventCountCache;
  /** The manifests in /etc/kubernetes/manifests, and the static Pods made of them, by key. */
  staticManifests: unknown[];
  staticPods: Record<string, Pod>;
  /** The mirror Pod of each static Pod: create sent, delete sent. */
  mirrors: Record<string, { created?: boolean; deleting?: boolean }>;
}

export function initKubelet(node: string, hostIP: string, staticManifests: unknown[] = []): KubeletState {
  return {
    node,
    hostIP,
    informers: newInformers(),
    workers: dict(),
    pendingCri: {},
    runtime: `runtime/${node}`,
    statusRequests: new Map(),
    crashBackoff: newBackoff(),
    imageBackoff: newBackoff(),
    staticManifests,
    staticPods: dict(),
    mirrors: dict(),
  };
}

/** How often the kubelet renews its node Lease (nodeLeaseDurationSeconds 40 / 4). */
export const LEASE_RENEW_MS = 10_000;

type KSim = Sim<{ kubelets: Record<string, KubeletState> }>;

/** `kubelet/node-1` → `node-1`, the same string each time: every delivery to a kubelet looks up its state by it. */
const nodeOf = remembering((self: string) => self.slice('kubelet/'.length));

export function handleKubelet(sim: KSim, self: ComponentId, msg: Message): void {
  const st = sim.world.kubelets[nodeOf(self)]!;
  const user = kubeletUser(st.node);
  // Unreachable: no Lease renewals, no status, no pod work. Whatever arrives is lost.
  if (st.down) return;
  if (msg.type === 'fault') {
    st.down = true;
    return;
  }
  if (msg.type === 'start') {
    startInformers(
      sim,
      self,
      st.informers,
      [
        { resource: 'pods', nodeName: st.node },
        { resource: 'services' },
        // What the volume manager reads: the configMap and secret managers, the populator's claims and volumes.
        ...VOLUME_WATCHES,
      ],
      user,
    );
    sim.send({ from: self, to: self, msg: { type: 'lease-renew' }, periodic: true }, LEASE_RENEW_MS - sim.int(0, 4000));
    // The file source: each manifest in the static Pod path becomes a Pod this kubelet runs itself.
    for (const manifest of st.staticManifests) {
      const p = staticPodFrom(manifest, st.node, sim.now);
      const key = `/registry/pods/${p.metadata!.namespace}/${p.metadata!.name}`;
      st.staticPods[key] = p;
      st.workers[key] = newWorker(sim.now);
      sim.note(self, {
        kind: 'internal',
        level: 'overview',
        say: { key: 'kubelet-static-pod', params: { pod: p.metadata!.name!, path: STATIC_POD_PATH, node: st.node } },
      });
      sim.send({ from: self, to: self, msg: { type: 'kubelet-sync', podKey: key } }, sim.latency(1, 5));
    }
    return;
  }
  if (msg.type === 'lease-renew') {
    request(sim, self, {
      verb: 'update',
      resource: 'leases',
      group: 'coordination.k8s.io',
      namespace: 'kube-node-lease',
      name: st.node,
      body: {
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: { name: st.node, namespace: 'kube-node-lease' },
        spec: { holderIdentity: st.node, leaseDurationSeconds: 40, renewTime: isoTime(sim.now) },
      },
      user,
      level: 'deep',
      periodic: true,
      say: { key: 'kubelet-lease', params: { node: st.node } },
    });
    sim.send({ from: self, to: self, msg: { type: 'lease-renew' }, periodic: true }, LEASE_RENEW_MS);
    return;
  }
  const events = informerReceive(st.informers, self, msg, sim);
  if (events) {
    for (const e of events) {
      if (e.object.kind !== 'Pod') continue;
      if (st.staticPods[e.key]) {
        // The mirror Pod of a static Pod: gone, it is made again; there, it carries the status.
        if (e.type === 'DELETED') st.mirrors[e.key] = {};
        // A new mirror Pod gets the status the kubelet holds.
        if (e.type === 'ADDED' && st.workers[e.key]) {
          st.workers[e.key]!.lastStatus = undefined;
          sendStatus(sim, self, st, e.key);
        }
        sim.send({ from: self, to: self, msg: { type: 'kubelet-sync', podKey: e.key } }, sim.latency(1, 5));
        continue;
      }
      if (e.type === 'DELETED') {
        // The Pod is gone from the API: its worker ends (SyncLoop REMOVE).
        delete st.workers[e.key];
        continue;
      }
      // "SyncLoop ADD" source="api": a new Pod for this node gets a pod worker.
      if (!st.workers[e.key]) st.workers[e.key] = newWorker(sim.now);
      sim.send({ from: self, to: self, msg: { type: 'kubelet-sync', podKey: e.key } }, sim.latency(1, 5));
    }
    return;
  }
  if (msg.type === 'kubelet-sync') return syncPod(sim, self, st, msg.podKey);
  if (msg.type === 'pleg-container-died') {
    const rec = st.workers[msg.podKey]?.containers[msg.container];
    if (!rec || rec.state !== 'running') return;
    rec.state = 'exited';
    rec.finishedAt = sim.now;
    rec.exitCode = msg.exitCode;
    rec.reason = msg.reason ?? (msg.exitCode === 0 ? 'Completed' : 'Error');
    if (msg.exitCode !== 0 || !isInitKey(st, msg.podKey, msg.container))
      sim.note(self, {
        kind: 'internal',
        level: 'overview',
        say: {
          key: 'kubelet-container-exited',
          params: {
            container: msg.container,
            pod: msg.podKey.split('/').pop()!,
            code: msg.exitCode,
            reason: rec.reason,
          },
        },
      });
    sendStatus(sim, self, st, msg.podKey);
    return resync(sim, self, msg.podKey);
  }
  if (msg.type === 'kubelet-probe') return probe(sim, self, st, msg.podKey, msg.container, msg.probe, msg.gen);
  if (msg.type === 'http-response') {
    // Only the answer to a status PATCH concerns a worker (Events and Lease renewals answer here too).
    const key = st.statusRequests.get(msg.id);
    if (key === undefined) return;
    st.statusRequests.delete(msg.id);
    // The worker that sent it, unless the Pod has gone (or come again: a new worker knows nothing of it).
    const w = st.workers[key];
    if (!w) return;
    if (w.statusInFlight === msg.id) {
      w.statusInFlight = undefined;
      if (w.statusDirty) {
        w.statusDirty = false;
        sendStatus(sim, self, st, key);
      }
    }
    if (w.terminalStatusRequest !== msg.id) return;
    w.terminalStatusRequest = undefined;
    const p = pod(st, key);
    if (p) deleteFinally(sim, self, st, p);
    return;
  }
  if (msg.type === 'kubelet-mount') return mountVolume(sim, self, st, msg.podKey, msg.volume);
  if (msg.type === 'kubelet-hook-done') return hookDone(sim, self, st, msg.podKey, msg.container, msg.hook);
  if (msg.type === 'kubelet-volumes-mounted') {
    const w = st.workers[msg.podKey];
    if (!w) return;
    w.volumesMounted = true;
    w.waiting = false;
    return resync(sim, self, msg.podKey);
  }
  if (msg.type === 'cri-response') return criResponse(sim, self, st, msg);
}

function pod(st: KubeletState, key: string): Pod | undefined {
  return st.staticPods[key] ?? (st.informers.cache.objects[key] as unknown as Pod | undefined);
}

function resync(sim: KSim, self: ComponentId, podKey: string, delay = sim.latency(0.5, 3)): void {
  sim.send({ from: self, to: self, msg: { type: 'kubelet-sync', podKey } }, delay);
}

/** A CRI call that names no container (RunPodSandbox, PodSandboxStatus, StopPodSandbox): read, never written. */
const NO_EXTRA = Object.freeze({});

/** Call the container runtime; the worker waits for the answer before its next action. */
function cri(
  sim: KSim,
  self: ComponentId,
  st: KubeletState,
  podKey: string,
  method: CriMethod,
  level: DetailLevel,
  sayKey: string,
  params: Record<string, string | number>,
  extra: {
    container?: string;
    image?: string;
    init?: boolean;
    config?: Container;
    command?: string[];
    timeout?: number;
  } = NO_EXTRA,
  periodic?: boolean,
): void {
  const id = sim.id();
  st.pendingCri[id] = podKey;
  st.workers[podKey]!.waiting = true;
  const service = method === 'ImageStatus' || method === 'PullImage' ? 'ImageService' : 'RuntimeService';
  // One message shape for every call (the runtime reads an unset field as undefined): no spreads.
  sim.send(
    {
      from: self,
      to: st.runtime,
      msg: {
        type: 'cri-request',
        id,
        method,
        podKey,
        container: extra.container,
        image: extra.image,
        init: extra.init,
        config: extra.config,
        command: extra.command,
        timeout: extra.timeout,
      },
      meta: {
        kind: 'request',
        level,
        verb: method,
        path: `runtime.v1.${service}/${method}`,
        say: { key: sayKey, params },
      },
      periodic,
    },
    sim.latency(0.3, 1),
  );
}

function event(
  sim: KSim,
  self: ComponentId,
  st: KubeletState,
  p: Pod,
  reason: string,
  message: string,
  c?: Container,
  type: 'Normal' | 'Warning' = 'Normal',
  periodic?: boolean,
): void {
  // One shape for every Event (an unset field is undefined, as the recorder reads it): no spreads.
  recordEvent(
    sim,
    self,
    {
      periodic,
      object: p as unknown as ApiObject,
      reason,
      type,
      message,
      component: 'kubelet',
      host: st.node,
      fieldPath: c ? `${isInit(p, c.name) ? 'spec.initContainers' : 'spec.containers'}{${c.name}}` : undefined,
      user: kubeletUser(st.node),
    },
    (st.eventCache ??= {}),
  );
}

function syncPod(sim: KSim, self: ComponentId, st: KubeletState, podKey: string): void {
  const w = st.workers[podKey];
  const p = pod(st, podKey);
  if (!w || !p) return;
  if (st.staticPods[podKey]) syncMirrorPod(sim, self, st, podKey, p);
  // Once killPod has begun, its stop calls run side by side: a sync need not wait for one answer.
  // Waiting on volumes (no runtime call yet) does not hold it up either.
  if (p.metadata?.deletionTimestamp && (w.terminating || !w.waiting || (w.admitted && !w.volumesMounted)))
    return syncTerminatingPod(sim, self, st, podKey, w, p);
  if (w.waiting) return;
  const name = p.metadata!.name!;
  if (!w.admitted) {
    // canAdmitPod: the node's admit handlers (resources, node affinity) accept the Pod.
    w.admitted = true;
    sim.note(self, {
      kind: 'internal',
      level: 'standard',
      say: { key: 'kubelet-admit', params: { pod: name, node: st.node } },
    });
    sendStatus(sim, self, st, podKey);
    return resync(sim, self, podKey);
  }
  if (!w.volumesMounted) {
    // WaitForAttachAndMount: the worker waits until every volume is mounted.
    w.waiting = true;
    const volumes = (p.spec?.volumes ?? []).map((v) => v.name);
    sim.note(self, {
      kind: 'internal',
      level: 'overview',
      say: { key: 'kubelet-volumes', params: { pod: name, volumes: volumes.join(', ') || '—' } },
    });
    // A Map: volume names are often unique to their Pod (kube-api-access-xxxxx), and each new name
    // added to a plain object would make it a hidden class of its own.
    w.volumes = new Map();
    for (const v of volumes) w.volumes.set(v, { mounted: false, failures: 0 });
    if (!volumes.length) {
      sim.send({ from: self, to: self, msg: { type: 'kubelet-volumes-mounted', podKey } }, sim.latency(5, 30));
    }
    // The reconciler starts a MountVolume operation for each volume of the desired state.
    for (const volume of volumes)
      sim.send({ from: self, to: self, msg: { type: 'kubelet-mount', podKey, volume } }, sim.latency(5, 30));
    return;
  }
  if (!w.sandboxId) {
    return cri(sim, self, st, podKey, 'RunPodSandbox', 'overview', 'kubelet-run-sandbox', { pod: name });
  }
  if (!w.ip) {
    return cri(sim, self, st, podKey, 'PodSandboxStatus', 'standard', 'kubelet-sandbox-status', { pod: name });
  }
  // SyncPod step 6: init containers one at a time, each to completion (exit 0) before the next.
  // A sidecar (restartPolicy Always) only has to be started: it keeps running beside the rest.
  for (const c of p.spec?.initContainers ?? []) {
    const rec = (w.containers[c.name] ??= { state: 'waiting' });
    if (rec.state === 'exited' && (rec.exitCode ?? 0) === 0 && !isSidecar(c)) continue;
    if (rec.state === 'running') {
      // A sidecar with a startup probe holds the next container until the probe has passed.
      if (isSidecar(c)) {
        if (c.startupProbe && rec.started === false) return;
        continue;
      }
      return; // it runs; PLEG will say when it exits
    }
    if (rec.state === 'exited') {
      // A failed init container runs again (with the crash back-off) unless restartPolicy is Never: then the Pod has failed.
      if (!isSidecar(c) && (p.spec?.restartPolicy ?? 'Always') === 'Never') return;
      if (!restartAfterBackOff(sim, self, st, podKey, w, p, c, rec)) return;
    }
    return advanceContainer(sim, self, st, podKey, p, c, w.containers[c.name]!);
  }
  // SyncPod step 8: regular containers, one after another in spec order.
  for (const c of p.spec?.containers ?? []) {
    const rec = (w.containers[c.name] ??= { state: 'waiting' });
    if (rec.state === 'running') continue;
    if (rec.state === 'exited') {
      // computePodActions: restart what the restartPolicy says to, after doBackOff lets it.
      if (!shouldRestart(p, rec)) continue;
      if (!restartAfterBackOff(sim, self, st, podKey, w, p, c, rec)) return;
    }
    return advanceContainer(sim, self, st, podKey, p, c, w.containers[c.name]!);
  }
}

/** ShouldContainerBeRestarted: Always restarts every exit, OnFailure a non-zero one, Never none. */
function shouldRestart(p: Pod, rec: ContainerRecord): boolean {
  const policy = p.spec?.restartPolicy ?? 'Always';
  return policy === 'Always' || (policy === 'OnFailure' && (rec.exitCode ?? 0) !== 0);
}

/** format.Pod: `name_namespace(uid)`, as kubelet messages name a Pod. */
function podDesc(p: Pod): string {
  return `${p.metadata!.name}_${p.metadata!.namespace ?? 'default'}(${p.metadata!.uid})`;
}

/**
 * The pod worker requeues a Pod in back-off for when the back-off ends
 * (pod_workers.go completeWork with MinBackoffExpiration, jittered by up to
 * half). A wait longer than the settle window is repetition: periodic.
 */
function requeueAfter(sim: KSim, self: ComponentId, w: PodWorker, podKey: string, backoff: number): void {
  const delay = jitter(Math.max(backoff, 0), WORKER_JITTER, sim.random());
  const at = sim.now + delay;
  if (w.backoffResyncAt !== undefined && w.backoffResyncAt > sim.now && w.backoffResyncAt <= at) return;
  w.backoffResyncAt = at;
  sim.send({ from: self, to: self, msg: { type: 'kubelet-sync', podKey }, periodic: delay > SETTLE_MS }, delay);
}

/**
 * doBackOff (kuberuntime_manager.go): a container that exited less than its
 * back-off ago stays down (CrashLoopBackOff, a BackOff event); otherwise the
 * back-off grows (10 s, 20 s, … 300 s) and a new instance starts. True when
 * the container may start now.
 */
function restartAfterBackOff(
  sim: KSim,
  self: ComponentId,
  st: KubeletState,
  podKey: string,
  w: PodWorker,
  p: Pod,
  c: Container,
  rec: ContainerRecord,
): boolean {
  const backoff = (st.crashBackoff ??= newBackoff());
  const key = `${p.metadata!.name}_${p.metadata!.namespace}_${p.metadata!.uid}_${c.name}`;
  const from = rec.backoffFrom;
  rec.backoffFrom = undefined;
  const ts = from === undefined ? rec.finishedAt! : from;
  if (ts !== 'none') {
    if (isInBackOffSince(backoff, key, ts, sim.now)) {
      const delay = backoffGet(backoff, key);
      const message = `back-off ${goDuration(delay)} restarting failed container=${c.name} pod=${podDesc(p)}`;
      if (rec.waitingReason !== 'CrashLoopBackOff' || rec.waitingMessage !== message) {
        rec.waitingReason = 'CrashLoopBackOff';
        rec.waitingMessage = message;
        sim.note(self, {
          kind: 'internal',
          level: 'overview',
          say: {
            key: 'kubelet-crash-backoff',
            params: { container: c.name, pod: p.metadata!.name!, backoff: goDuration(delay), message },
          },
        });
        event(
          sim,
          self,
          st,
          p,
          REASON.BackOff,
          `Back-off restarting failed container ${c.name} in pod ${podDesc(p)}`,
          c,
          'Warning',
        );
        sendStatus(sim, self, st, podKey);
      }
      requeueAfter(sim, self, w, podKey, ts + delay - sim.now);
      return false;
    }
    backoffNext(backoff, key, ts, sim.now);
  }
  const restarts = (rec.restartCount ?? 0) + 1;
  w.containers[c.name] = {
    state: 'waiting',
    restartCount: restarts,
    lastTerminated: {
      exitCode: rec.exitCode ?? 0,
      reason: rec.reason ?? 'Completed',
      startedAt: rec.startedAt ?? sim.now,
      finishedAt: rec.finishedAt ?? sim.now,
      ...(rec.id ? { id: rec.id } : {}),
    },
    ...(rec.imagePulled ? { imagePulled: true } : {}),
    // The reasonCache still holds the last failure until this start succeeds.
    ...(rec.waitingReason ? { waitingReason: rec.waitingReason } : {}),
    ...(rec.waitingMessage ? { waitingMessage: rec.waitingMessage } : {}),
  };
  sim.note(self, {
    kind: 'internal',
    level: 'overview',
    say: { key: 'kubelet-restart', params: { container: c.name, pod: p.metadata!.name!, restarts } },
  });
  return true;
}

/** The next action for one container: pull its image, create it, or start it (startContainer's steps 1–3). */
function advanceContainer(
  sim: KSim,
  self: ComponentId,
  st: KubeletState,
  podKey: string,
  p: Pod,
  c: Container,
  rec: ContainerRecord,
): void {
  const name = p.metadata!.name!;
  // Never pulls: a missing image stays missing.
  if (rec.waitingReason === 'ErrImageNeverPull') return;
  const image = c.image ?? '';
  if (rec.image !== 'present') {
    if (c.imagePullPolicy === 'Always' || rec.image === 'checked') {
      // EnsureImageExists: within the back-off of the last failed pull, no pull (ErrImagePullBackOff).
      const backoff = (st.imageBackoff ??= newBackoff());
      const backoffKey = `${p.metadata!.uid}_${image}`;
      if (isInBackOffSinceUpdate(backoff, backoffKey, sim.now)) {
        const message = `Back-off pulling image "${image}"`;
        if (rec.waitingReason !== 'ImagePullBackOff') {
          rec.waitingReason = 'ImagePullBackOff';
          // 1.33 adds the last pull's error to the waiting message.
          rec.waitingMessage = rec.lastPullError ? `${message}: ErrImagePull: ${rec.lastPullError}` : message;
          sim.note(self, {
            kind: 'internal',
            level: 'overview',
            say: {
              key: 'kubelet-pull-backoff',
              params: {
                image,
                container: c.name,
                pod: p.metadata!.name!,
                backoff: goDuration(backoffGet(backoff, backoffKey)),
                message: rec.waitingMessage,
              },
            },
          });
          event(sim, self, st, p, REASON.BackOff, message, c);
          event(sim, self, st, p, REASON.Failed, 'Error: ImagePullBackOff', c, 'Warning');
          sendStatus(sim, self, st, podKey);
        }
        const entry = backoff.items[backoffKey]!;
        requeueAfter(sim, self, st.workers[podKey]!, podKey, entry.lastUpdate + entry.backoff - sim.now);
        return;
      }
      event(sim, self, st, p, REASON.Pulling, `Pulling image "${image}"`, c);
      const key = c.imagePullPolicy === 'Always' ? 'kubelet-pull-always' : 'kubelet-pull';
      return cri(
        sim,
        self,
        st,
        podKey,
        'PullImage',
        'overview',
        key,
        { image, container: c.name },
        { container: c.name, image },
      );
    }
    return cri(
      sim,
      self,
      st,
      podKey,
      'ImageStatus',
      'deep',
      'kubelet-image-status',
      { image },
      { container: c.name, image },
    );
  }
  if (rec.state === 'waiting') {
    return cri(
      sim,
      self,
      st,
      podKey,
      'CreateContainer',
      'standard',
      'kubelet-create',
      { container: c.name, pod: name },
      { container: c.name, config: c, command: [...(c.command ?? []), ...(c.args ?? [])] },
    );
  }
  // A sidecar is an init container that does not run to completion.
  const init = isInit(p, c.name) && !isSidecar(c);
  return cri(
    sim,
    self,
    st,
    podKey,
    'StartContainer',
    'overview',
    init ? 'kubelet-start-init' : isSidecar(c) ? 'kubelet-start-sidecar' : 'kubelet-start',
    { container: c.name, pod: name },
    { container: c.name, ...(init ? { init: true } : {}) },
  );
}

function isInitKey(st: KubeletState, podKey: string, container: string): boolean {
  const p = pod(st, podKey);
  return !!p && isInit(p, container);
}

// Loops, not some/find with a closure: every CRI answer and every Event asks these.
function isInit(p: Pod, container: string): boolean {
  return named(p.spec?.initContainers, container) !== undefined;
}

function containerOf(p: Pod, name: string | undefined): Container | undefined {
  return named(p.spec?.containers, name) ?? named(p.spec?.initContainers, name);
}

function named(containers: Container[] | undefined, name: string | undefined): Container | undefined {
  if (containers) for (const c of containers) if (c.name === name) return c;
  return undefined;
}

function criResponse(
  sim: KSim,
  self: ComponentId,
  st: KubeletState,
  msg: Extract<Message, { type: 'cri-response' }>,
): void {
  const podKey = st.pendingCri[msg.id];
  if (podKey === undefined) return;
  delete st.pendingCri[msg.id];
  const w = st.workers[podKey];
  const p = pod(st, podKey);
  if (!w || !p) return;
  w.waiting = false;
  const c = containerOf(p, msg.container);
  const rec = c ? w.containers[c.name] : undefined;
  switch (msg.method) {
    case 'RunPodSandbox':
      if (!msg.ok) return sandboxFailed(sim, self, st, podKey, w, p, msg.error ?? '');
      w.sandboxId = msg.sandboxId;
      w.sandboxFailures = undefined;
      break;
    case 'PodSandboxStatus':
      w.ip = msg.ip;
      break;
    case 'ImageStatus':
      if (rec && c) {
        if (msg.imagePresent) {
          rec.image = 'present';
          event(sim, self, st, p, REASON.Pulled, `Container image "${c.image}" already present on machine`, c);
        } else if (c.imagePullPolicy === 'Never') {
          // Models images/image_manager.go EnsureImageExists with PullNever.
          rec.waitingReason = 'ErrImageNeverPull';
          const message = `Container image "${c.image}" is not present with pull policy of Never`;
          event(sim, self, st, p, REASON.ErrImageNeverPull, message, c, 'Warning');
          event(sim, self, st, p, REASON.Failed, 'Error: ErrImageNeverPull', c, 'Warning');
          sendStatus(sim, self, st, podKey);
          return;
        } else {
          rec.image = 'checked';
        }
      }
      break;
    case 'PullImage':
      if (rec && c && !msg.ok) return pullFailed(sim, self, st, podKey, p, c, rec, msg.error ?? '');
      if (rec && c) {
        rec.image = 'present';
        // The image errors are over; a crash or hook failure stays in the reasonCache until the start.
        if (rec.waitingReason !== 'CrashLoopBackOff' && rec.waitingReason !== POST_START_HOOK_ERROR) {
          rec.waitingReason = undefined;
          rec.waitingMessage = undefined;
        }
        rec.imagePulled = true;
        const took = goDuration(msg.pullMs ?? 0);
        const withWait = goDuration((msg.pullMs ?? 0) + (msg.waitMs ?? 0));
        event(
          sim,
          self,
          st,
          p,
          REASON.Pulled,
          `Successfully pulled image "${c.image}" in ${took} (${withWait} including waiting). Image size: ${msg.imageSize} bytes.`,
          c,
        );
      }
      break;
    case 'CreateContainer':
      if (rec && c) {
        rec.state = 'created';
        rec.id = msg.containerId;
        event(sim, self, st, p, REASON.Created, `Created container: ${c.name}`, c);
      }
      break;
    case 'StopContainer':
      if (rec) {
        rec.state = 'exited';
        rec.finishedAt = sim.now;
        rec.exitCode = msg.exitCode ?? 0;
        rec.reason = msg.reason ?? 'Completed';
        if (rec.killing === 'postStart') {
          // startContainer returns ErrPostStartHook: the reasonCache shows it as the waiting reason of a
          // container that will restart (convertToAPIContainerStatuses); the next SyncPod backs off as for a crash.
          rec.killing = undefined;
          if (shouldRestart(p, rec)) {
            rec.waitingReason = POST_START_HOOK_ERROR;
            rec.waitingMessage = rec.hookError;
          }
          rec.hookError = undefined;
          sendStatus(sim, self, st, podKey);
        } else if (rec.killing) {
          // killContainer then start, in one SyncPod: doBackOff sees the exit before this one.
          rec.backoffFrom = rec.lastTerminated?.finishedAt ?? 'none';
          rec.killing = undefined;
        }
      }
      break;
    case 'StopPodSandbox':
      w.sandboxStopped = true;
      break;
    case 'StartContainer':
      if (rec && c) {
        rec.state = 'running';
        rec.startedAt = sim.now;
        // The reasonCache keeps the last failure (PostStartHookError, CrashLoopBackOff) until a
        // SyncPod succeeds: with a postStart hook, only once the hook has run.
        if (!c.lifecycle?.postStart) {
          rec.waitingReason = undefined;
          rec.waitingMessage = undefined;
        }
        event(sim, self, st, p, REASON.Started, `Started container ${c.name}`, c);
        startProbes(sim, self, podKey, c, rec);
        // startContainer step 4: the postStart hook runs before the pod worker goes on (and before
        // the status shows the container running: see generatePodStatus).
        const postStart = c.lifecycle?.postStart;
        if (postStart) rec.hook = 'postStart';
        sendStatus(sim, self, st, podKey);
        if (postStart) {
          w.waiting = true;
          sim.note(self, {
            kind: 'internal',
            level: 'standard',
            say: { key: 'kubelet-hook-poststart', params: { container: c.name, target: hookTarget(postStart) } },
          });
          sim.send(
            { from: self, to: self, msg: { type: 'kubelet-hook-done', podKey, container: c.name, hook: 'postStart' } },
            hookDurationMs(postStart),
          );
          return;
        }
      }
      break;
  }
  resync(sim, self, podKey);
}

/** How a probe reaches the container, as `kubectl describe` shows it: `tcp-socket :8080`, `http-get http://:8080/healthz`. */
function probeTarget(c: Container, kind: ProbeKind): string {
  const p = probeOf(c, kind)!;
  if (p.httpGet) return `http-get http://:${p.httpGet.port}${p.httpGet.path ?? '/'}`;
  if (p.tcpSocket) return `tcp-socket :${p.tcpSocket.port}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}]`;
  if (p.grpc) return `grpc :${p.grpc.port}`;
  return 'probe';
}

/**
 * The prober's workers: one per container and probe, the first run after
 * initialDelaySeconds, then every periodSeconds (defaults 0 and 10). A
 * container with a startup probe is not started, and its liveness and
 * readiness probes wait, until that passes; with a readiness probe it is not
 * ready until that first passes. Models pkg/kubelet/prober/worker.go.
 */
function startProbes(sim: KSim, self: ComponentId, podKey: string, c: Container, rec: ContainerRecord): void {
  rec.started = !c.startupProbe;
  rec.probeFailures = {};
  for (const kind of ['startup', 'readiness', 'liveness'] as const) {
    const p = probeOf(c, kind);
    if (!p) continue;
    if (kind === 'readiness') rec.ready = false;
    sim.send(
      {
        from: self,
        to: self,
        msg: { type: 'kubelet-probe', podKey, container: c.name, probe: kind, gen: rec.startedAt },
        periodic: true,
      },
      (p.initialDelaySeconds ?? 0) * 1000,
    );
  }
}

function probe(
  sim: KSim,
  self: ComponentId,
  st: KubeletState,
  podKey: string,
  container: string,
  kind: ProbeKind,
  gen: number | undefined,
): void {
  const w = st.workers[podKey];
  const p = pod(st, podKey);
  const c = p ? containerOf(p, container) : undefined;
  const rec = w?.containers[container];
  // The worker of an instance that is gone (stopped, restarted) ends with it.
  if (!w || !p || !c || !rec || rec.state !== 'running' || w.terminating || rec.killing) return;
  if (gen !== undefined && rec.startedAt !== gen) return;
  const spec = probeOf(c, kind)!;
  const again = () =>
    sim.send(
      {
        from: self,
        to: self,
        msg: { type: 'kubelet-probe', podKey, container, probe: kind, gen: rec.startedAt },
        periodic: true,
      },
      (spec.periodSeconds ?? 10) * 1000,
    );
  // worker.doProbe: liveness and readiness do nothing until the startup probe has passed.
  if (kind !== 'startup' && rec.started === false) return again();
  const target = probeTarget(c, kind);
  const name = p.metadata!.name!;
  const answer = probeAnswer(c, kind, sim.now - (rec.startedAt ?? sim.now), w.ip ?? '');
  const failures = (rec.probeFailures ??= {});
  if (answer.ok) {
    failures[kind] = 0;
    if (kind === 'startup') {
      // Startup succeeded: its worker stops, the others begin to count.
      rec.started = true;
      sim.note(self, {
        kind: 'internal',
        level: 'standard',
        say: { key: 'kubelet-probe-started', params: { container, pod: name, target } },
      });
      sendStatus(sim, self, st, podKey, false);
      // A sidecar's startup probe may be what the next init container waits for.
      sim.send({ from: self, to: self, msg: { type: 'kubelet-sync', podKey }, periodic: false }, sim.latency(0.5, 3));
      return;
    }
    if (kind === 'readiness' && rec.ready === false) {
      rec.ready = true;
      sim.note(self, {
        kind: 'internal',
        level: 'overview',
        say: { key: 'kubelet-probe-ready', params: { container, pod: name, target } },
      });
      sendStatus(sim, self, st, podKey, false);
    } else {
      sim.note(self, {
        kind: 'internal',
        level: 'deep',
        say: { key: 'kubelet-probe', params: { container, probe: kind, target, pod: name } },
      });
    }
    return again();
  }
  const count = (failures[kind] ?? 0) + 1;
  failures[kind] = count;
  const threshold = spec.failureThreshold ?? 3;
  const title = kind[0]!.toUpperCase() + kind.slice(1);
  // prober.go records Unhealthy for every failure; past the threshold it is the same news again.
  const news = count <= threshold;
  sim.note(self, {
    kind: 'internal',
    level: count >= threshold ? 'overview' : 'standard',
    say: {
      key: 'kubelet-probe-failed',
      params: { container, pod: name, probe: kind, target, output: answer.output, count, threshold },
    },
  });
  event(
    sim,
    self,
    st,
    p,
    REASON.Unhealthy,
    `${title} probe failed: ${answer.output}`,
    c,
    'Warning',
    news ? false : undefined,
  );
  if (count < threshold) return again();
  if (kind === 'readiness') {
    // Not ready: the Pod leaves the Service's ready endpoints; the probe goes on.
    if (rec.ready !== false) {
      rec.ready = false;
      sendStatus(sim, self, st, podKey, false);
    }
    return again();
  }
  // Liveness or startup: computePodActions kills the container so that it restarts.
  rec.killing = kind;
  const grace = Number(p.spec?.terminationGracePeriodSeconds ?? 30);
  sim.note(self, {
    kind: 'internal',
    level: 'overview',
    say: { key: 'kubelet-probe-kill', params: { container, pod: name, probe: kind, threshold } },
  });
  event(
    sim,
    self,
    st,
    p,
    REASON.Killing,
    `Container ${container} failed ${kind} probe, will be restarted`,
    c,
    'Normal',
    false,
  );
  cri(
    sim,
    self,
    st,
    podKey,
    'StopContainer',
    'standard',
    'kubelet-stop-container',
    { container, grace },
    { container },
    false,
  );
}

/**
 * EnsureImageExists after a failed pull: the Failed event with the runtime's
 * error, the back-off grows, and startContainer reports `Error: ErrImagePull`.
 * The status patch comes back through the kubelet's watch, whose sync finds
 * the image in back-off (ImagePullBackOff).
 */
function pullFailed(
  sim: KSim,
  self: ComponentId,
  st: KubeletState,
  podKey: string,
  p: Pod,
  c: Container,
  rec: ContainerRecord,
  error: string,
): void {
  const image = c.image ?? '';
  backoffNext((st.imageBackoff ??= newBackoff()), `${p.metadata!.uid}_${image}`, sim.now, sim.now);
  rec.waitingReason = 'ErrImagePull';
  rec.waitingMessage = error;
  rec.lastPullError = error;
  sim.note(self, {
    kind: 'internal',
    level: 'overview',
    say: { key: 'kubelet-pull-failed', params: { image, container: c.name, pod: p.metadata!.name!, error } },
  });
  event(sim, self, st, p, REASON.Failed, `Failed to pull image "${image}": ${error}`, c, 'Warning');
  event(sim, self, st, p, REASON.Failed, 'Error: ErrImagePull', c, 'Warning');
  sendStatus(sim, self, st, podKey);
}

/**
 * SyncPod step 4 failed (kuberuntime_manager.go): FailedCreatePodSandBox with
 * the runtime's error, and the pod worker retries after backOffPeriod (10 s,
 * jittered). The same failure again is repetition, periodic work.
 */
function sandboxFailed(
  sim: KSim,
  self: ComponentId,
  st: KubeletState,
  podKey: string,
  w: PodWorker,
  p: Pod,
  error: string,
): void {
  w.sandboxFailures = (w.sandboxFailures ?? 0) + 1;
  const message = `Failed to create pod sandbox: ${error}`;
  sim.note(self, {
    kind: 'internal',
    level: 'overview',
    say: { key: 'kubelet-sandbox-failed', params: { pod: p.metadata!.name!, error } },
  });
  event(sim, self, st, p, REASON.FailedCreatePodSandBox, message, undefined, 'Warning');
  const delay = jitter(BACKOFF_PERIOD_MS, WORKER_JITTER, sim.random());
  sim.send({ from: self, to: self, msg: { type: 'kubelet-sync', podKey }, periodic: w.sandboxFailures > 1 }, delay);
}

/**
 * Graceful termination, as the kubelet's killPod does it (kuberuntime_container.go
 * killContainersWithSyncResult, then StopPodSandbox): every container is told
 * to stop within the grace period, then the sandbox goes (CNI DEL frees the IP),
 * the terminal status is reported, and the Pod is deleted with grace 0.
 */
function syncTerminatingPod(
  sim: KSim,
  self: ComponentId,
  st: KubeletState,
  podKey: string,
  w: PodWorker,
  p: Pod,
): void {
  const name = p.metadata!.name!;
  const grace = Number(p.metadata?.deletionGracePeriodSeconds ?? p.spec?.terminationGracePeriodSeconds ?? 30);
  if (!w.terminating) {
    w.terminating = true;
    w.terminatingSince = sim.now;
    sim.note(self, {
      kind: 'internal',
      level: 'overview',
      say: { key: 'kubelet-terminate', params: { pod: name, grace } },
    });
  }
  // killContainersWithSyncResult: every running container is killed at once (Killing, then its preStop
  // hook); a sidecar's stop signal waits for its turn, after the main containers (termination_order.go).
  const all = [...sidecarsOf(p), ...(p.spec?.containers ?? [])];
  for (const c of all) {
    const rec = w.containers[c.name];
    if (!rec || rec.stopping || (rec.state !== 'running' && rec.state !== 'created')) continue;
    rec.stopping = true;
    event(sim, self, st, p, REASON.Killing, `Stopping container ${c.name}`, c);
    const preStop = c.lifecycle?.preStop;
    if (preStop && rec.state === 'running') {
      rec.hook = 'preStop';
      const ms = Math.min(hookDurationMs(preStop), grace * 1000);
      sim.note(self, {
        kind: 'internal',
        level: 'overview',
        say: { key: 'kubelet-hook-prestop', params: { container: c.name, target: hookTarget(preStop), grace } },
      });
      sim.send(
        { from: self, to: self, msg: { type: 'kubelet-hook-done', podKey, container: c.name, hook: 'preStop' } },
        ms,
      );
    } else {
      rec.readyToStop = true;
    }
  }
  const exited = (n: string) =>
    !w.containers[n] || w.containers[n]!.state === 'exited' || w.containers[n]!.state === 'waiting';
  let busy = false;
  for (const c of all) {
    const rec = w.containers[c.name];
    if (!rec || exited(c.name)) continue;
    busy = true;
    if (!rec.readyToStop || !mayStop(p, c.name, exited)) continue;
    rec.readyToStop = false;
    const timeout = stopTimeoutSeconds(grace, sim.now - (w.terminatingSince ?? sim.now));
    cri(
      sim,
      self,
      st,
      podKey,
      'StopContainer',
      'standard',
      isSidecar(c) ? 'kubelet-stop-sidecar' : 'kubelet-stop-container',
      { container: c.name, grace: timeout },
      { container: c.name, timeout },
    );
  }
  if (busy) return;
  if (w.sandboxId && !w.sandboxStopped) {
    if (w.waiting) return; // StopPodSandbox is under way
    return cri(sim, self, st, podKey, 'StopPodSandbox', 'overview', 'kubelet-stop-sandbox', {
      pod: name,
      ip: w.ip ?? '',
    });
  }
  if (w.deleteSent) return;
  w.deleteSent = true;
  // The status manager deletes the Pod only once its terminal status is stored.
  const statusId = sendStatus(sim, self, st, podKey);
  if (statusId === undefined) return deleteFinally(sim, self, st, p);
  w.terminalStatusRequest = statusId;
}

function deleteFinally(sim: KSim, self: ComponentId, st: KubeletState, p: Pod): void {
  request(sim, self, {
    verb: 'delete',
    resource: 'pods',
    namespace: p.metadata!.namespace,
    name: p.metadata!.name!,
    body: { gracePeriodSeconds: 0, preconditions: { uid: p.metadata!.uid } } as unknown as ApiObject,
    user: kubeletUser(st.node),
    level: 'overview',
    say: { key: 'kubelet-delete-final', params: { pod: p.metadata!.name! } },
  });
}

/** What kubectl get pods prints for a Pod that is not failing: any other STATUS names a failure. */
const NOT_FAILING = new Set(['Running', 'Pending', 'ContainerCreating', 'PodInitializing', 'Completed', 'Succeeded']);

/**
 * What the status manager compares to decide that a status is news: the
 * status with each condition reduced to its type and status (a new
 * lastTransitionTime alone is not). Compared with sameJson (JSON equality
 * without writing the JSON out), not as serialized strings.
 */
function statusView(status: PodStatus): object {
  return { ...status, conditions: status.conditions?.map((c) => [c.type, c.status]) };
}

/** The status manager: patch the Pod's status when what the kubelet would report has changed. */
function sendStatus(
  sim: KSim,
  self: ComponentId,
  st: KubeletState,
  podKey: string,
  periodic?: boolean,
): number | undefined {
  const w = st.workers[podKey]!;
  const p = pod(st, podKey)!;
  // A static Pod's status goes to its mirror Pod; with no mirror yet there is nowhere to send it.
  if (st.staticPods[podKey] && !st.informers.cache.objects[podKey]) return undefined;
  const status = generatePodStatus(p, w, st.hostIP, sim.now);
  const view = statusView(status);
  if (w.lastStatus !== undefined && sameJson(view, w.lastStatus)) return undefined;
  // One PATCH at a time per Pod (the status manager syncs the latest status): a newer one waits.
  if (w.statusInFlight !== undefined && !w.terminating) {
    w.statusDirty = true;
    return undefined;
  }
  w.lastStatus = view;
  const running = status.phase === 'Running';
  const ready = (status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
  // What kubectl get pods would print for this status: a failure the learner should see named.
  const row = printPod({ ...p, status });
  const failing = status.phase === 'Failed' || (!w.terminating && !NOT_FAILING.has(row.status));
  const id = request(sim, self, {
    verb: 'patch',
    resource: 'pods',
    namespace: p.metadata!.namespace,
    name: p.metadata!.name,
    subresource: 'status',
    body: { apiVersion: 'v1', kind: 'Pod', metadata: { uid: p.metadata!.uid }, status } as unknown as ApiObject,
    user: kubeletUser(st.node),
    level: running || failing ? 'overview' : 'standard',
    ...(periodic !== undefined ? { periodic } : {}),
    say: {
      key: failing
        ? 'kubelet-status-failing'
        : status.phase === 'Succeeded'
          ? 'kubelet-status-terminated'
          : status.phase === 'Failed'
            ? 'kubelet-status-failed'
            : running && !ready
              ? 'kubelet-status-running-unready'
              : running
                ? 'kubelet-status-running'
                : 'kubelet-status-pending',
      params: {
        pod: p.metadata!.name!,
        ip: status.podIP ?? '',
        phase: status.phase ?? '',
        status: row.status,
        ready: row.ready,
        restarts: row.restarts,
      },
    },
  });
  st.statusRequests.set(id, podKey);
  if (!w.terminating) w.statusInFlight = id;
  return id;
}

/**
 * One MountVolume operation of the reconciler. A volume whose source is
 * missing fails with FailedMount and is tried again after the back-off; the
 * Pod stays ContainerCreating until every volume is mounted.
 */
function mountVolume(sim: KSim, self: ComponentId, st: KubeletState, podKey: string, volume: string): void {
  const w = st.workers[podKey];
  const p = pod(st, podKey);
  const rec = w?.volumes?.get(volume);
  const v = p?.spec?.volumes?.find((x) => x.name === volume);
  if (!w || !p || !rec || !v || rec.mounted || w.terminating) return;
  if (p.metadata?.deletionTimestamp) {
    // Deleted while its volumes were being set up: the pod worker stops waiting and terminates the Pod.
    w.waiting = false;
    sim.send({ from: self, to: self, msg: { type: 'kubelet-sync', podKey }, periodic: false }, sim.latency(0.5, 3));
    return;
  }
  const name = p.metadata!.name!;
  const result = setUpVolume(p, v, (key) => st.informers.cache.objects[key]);
  if (!result.ok) {
    rec.failures++;
    const retryMs = durationBeforeRetry(rec.failures);
    if ('failedMount' in result) {
      event(sim, self, st, p, REASON.FailedMount, result.failedMount, undefined, 'Warning');
      sim.note(self, {
        kind: 'internal',
        level: 'overview',
        say: { key: 'kubelet-mount-failed', params: { pod: name, volume, message: result.failedMount, retryMs } },
      });
    } else {
      sim.note(self, {
        kind: 'internal',
        level: 'standard',
        say: { key: 'kubelet-volume-populator', params: { pod: name, volume, error: result.populator, retryMs } },
      });
    }
    // Retries are background work: a Pod that can never mount lets the run settle.
    sim.send({ from: self, to: self, msg: { type: 'kubelet-mount', podKey, volume }, periodic: true }, retryMs);
    return;
  }
  if (result.csi) {
    // The CSI plugin: MountDevice stages the volume on the node once, SetUp publishes it into the Pod.
    const uid = String(p.metadata?.uid ?? '');
    const sha = sim.hex(64);
    sim.note(self, {
      kind: 'internal',
      level: 'deep',
      say: {
        key: 'kubelet-csi-stage',
        params: {
          driver: result.csi.driver,
          pv: result.csi.pv,
          handle: result.csi.volumeHandle,
          path: `/var/lib/kubelet/plugins/kubernetes.io/csi/${result.csi.driver}/${sha}/globalmount`,
        },
      },
    });
    sim.note(self, {
      kind: 'internal',
      level: 'deep',
      say: {
        key: 'kubelet-csi-publish',
        params: {
          driver: result.csi.driver,
          pv: result.csi.pv,
          path: `/var/lib/kubelet/pods/${uid}/volumes/kubernetes.io~csi/${result.csi.pv}/mount`,
        },
      },
    });
  }
  rec.mounted = true;
  sim.note(self, {
    kind: 'internal',
    level: rec.failures ? 'overview' : 'standard',
    say: { key: 'kubelet-volume-mounted', params: { pod: name, volume, plugin: result.plugin } },
  });
  if (allMounted(w.volumes!)) {
    w.volumesMounted = true;
    w.waiting = false;
    // The pod worker goes on: real work again, even when a background retry found the volume.
    sim.send({ from: self, to: self, msg: { type: 'kubelet-sync', podKey }, periodic: false }, sim.latency(0.5, 3));
  }
}

function allMounted(volumes: ReadonlyMap<string, { mounted: boolean }>): boolean {
  for (const v of volumes.values()) if (!v.mounted) return false;
  return true;
}

/** A lifecycle hook has finished: postStart lets the pod worker go on; preStop lets the stop signal go. */
function hookDone(
  sim: KSim,
  self: ComponentId,
  st: KubeletState,
  podKey: string,
  container: string,
  hook: 'postStart' | 'preStop',
): void {
  const w = st.workers[podKey];
  const rec = w?.containers[container];
  const p = pod(st, podKey);
  const c = p ? containerOf(p, container) : undefined;
  if (!w || !rec || rec.hook !== hook || !p || !c) return;
  rec.hook = undefined;
  const handler = hook === 'postStart' ? c.lifecycle?.postStart : c.lifecycle?.preStop;
  const result = handler ? runHook(p, c, handler, w.ip ?? '') : { ok: true, message: '' };
  if (!result.ok) return hookFailed(sim, self, st, podKey, w, p, c, rec, hook, result.message);
  if (hook === 'preStop' && rec.killing === 'postStart') {
    sim.note(self, { kind: 'internal', level: 'deep', say: { key: 'kubelet-hook-done', params: { container, hook } } });
    return stopAfterFailedPostStart(sim, self, st, podKey, w, p, c, rec);
  }
  if (hook === 'preStop') rec.readyToStop = true;
  else {
    w.waiting = false;
    rec.waitingReason = undefined;
    rec.waitingMessage = undefined;
    // The sync after the hook: its status shows the container running.
    sendStatus(sim, self, st, podKey);
  }
  sim.note(self, {
    kind: 'internal',
    level: 'deep',
    say: { key: 'kubelet-hook-done', params: { container, hook } },
  });
  resync(sim, self, podKey);
}

/**
 * A hook failed (kuberuntime_container.go). postStart: a FailedPostStartHook
 * Warning (without the handler's message, which may hold secrets), then
 * killContainer with the message "FailedPostStartHook" (the Killing Event)
 * and StopContainer within the grace period; startContainer fails with
 * ErrPostStartHook and the container restarts as its restartPolicy says,
 * with the crash back-off. preStop (executePreStopHook): a FailedPreStopHook
 * Warning, and termination goes on.
 */
function hookFailed(
  sim: KSim,
  self: ComponentId,
  st: KubeletState,
  podKey: string,
  w: PodWorker,
  p: Pod,
  c: Container,
  rec: ContainerRecord,
  hook: 'postStart' | 'preStop',
  message: string,
): void {
  sim.note(self, {
    kind: 'internal',
    level: 'overview',
    say: {
      key: hook === 'postStart' ? 'kubelet-hook-poststart-failed' : 'kubelet-hook-prestop-failed',
      params: { container: c.name, message },
    },
  });
  if (hook === 'preStop') {
    event(sim, self, st, p, REASON.FailedPreStopHook, FAILED_PRE_STOP_MESSAGE, c, 'Warning');
    if (rec.killing === 'postStart') return stopAfterFailedPostStart(sim, self, st, podKey, w, p, c, rec);
    rec.readyToStop = true;
    return resync(sim, self, podKey);
  }
  event(sim, self, st, p, REASON.FailedPostStartHook, FAILED_POST_START_MESSAGE, c, 'Warning');
  rec.killing = 'postStart';
  rec.hookError = message;
  rec.killStartedAt = sim.now;
  const grace = Number(p.metadata?.deletionGracePeriodSeconds ?? p.spec?.terminationGracePeriodSeconds ?? 30);
  event(sim, self, st, p, REASON.Killing, KILLING_POST_START_MESSAGE, c);
  // killContainer runs the container's preStop hook first, within the grace period.
  const preStop = c.lifecycle?.preStop;
  if (preStop) {
    rec.hook = 'preStop';
    sim.note(self, {
      kind: 'internal',
      level: 'standard',
      say: { key: 'kubelet-hook-prestop', params: { container: c.name, target: hookTarget(preStop), grace } },
    });
    sim.send(
      { from: self, to: self, msg: { type: 'kubelet-hook-done', podKey, container: c.name, hook: 'preStop' } },
      Math.min(hookDurationMs(preStop), grace * 1000),
    );
    return;
  }
  stopAfterFailedPostStart(sim, self, st, podKey, w, p, c, rec);
}

/** killContainer's StopContainer after a failed postStart hook: the grace period less the preStop hook's time. */
function stopAfterFailedPostStart(
  sim: KSim,
  self: ComponentId,
  st: KubeletState,
  podKey: string,
  w: PodWorker,
  p: Pod,
  c: Container,
  rec: ContainerRecord,
): void {
  const grace = Number(p.metadata?.deletionGracePeriodSeconds ?? p.spec?.terminationGracePeriodSeconds ?? 30);
  const timeout = stopTimeoutSeconds(grace, sim.now - (rec.killStartedAt ?? sim.now));
  rec.killStartedAt = undefined;
  w.waiting = false;
  cri(
    sim,
    self,
    st,
    podKey,
    'StopContainer',
    'standard',
    'kubelet-stop-container',
    { container: c.name, grace: timeout },
    { container: c.name, timeout },
  );
}

/**
 * The mirror Pod (syncPod for a static Pod): create it when the API has none;
 * one being deleted is not the static Pod's to lose, so the kubelet deletes
 * it at once (grace 0) and makes it again, and the containers run on.
 */
function syncMirrorPod(sim: KSim, self: ComponentId, st: KubeletState, podKey: string, p: Pod): void {
  const m = (st.mirrors[podKey] ??= {});
  const mirror = st.informers.cache.objects[podKey];
  const name = p.metadata!.name!;
  if (!mirror && !m.created) {
    m.created = true;
    request(sim, self, {
      verb: 'create',
      resource: 'pods',
      namespace: p.metadata!.namespace,
      body: mirrorPodOf(p, uidFor(`/${st.node}`)) as unknown as ApiObject,
      user: kubeletUser(st.node),
      level: 'overview',
      say: { key: 'kubelet-mirror-create', params: { pod: name, node: st.node } },
    });
    return;
  }
  if (mirror?.metadata.deletionTimestamp && !m.deleting) {
    m.deleting = true;
    request(sim, self, {
      verb: 'delete',
      resource: 'pods',
      namespace: p.metadata!.namespace,
      name,
      body: { gracePeriodSeconds: 0, preconditions: { uid: mirror.metadata.uid } } as unknown as ApiObject,
      user: kubeletUser(st.node),
      level: 'overview',
      say: { key: 'kubelet-mirror-delete', params: { pod: name } },
    });
  }
}
