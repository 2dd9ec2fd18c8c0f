/**
 * The container runtime on a node (containerd), answering the kubelet's CRI
 * calls. RunPodSandbox creates the network namespace, runs the CNI plugins
 * and starts the pause container that holds the namespace; images are pulled
 * one at a time per node (the kubelet's serializeImagePulls default).
 */
import type { CriMethod, Message } from '../core/messages';
import type { Sim, StepMeta } from '../core/sim';
import { normalizeImage, sameImage } from '../scheduler/plugins';
import type { ComponentId } from '../types';
import { remembering } from '../core/memo';
import { dict } from '../core/dict';
import { SETTLE_MS } from '../core/sim';
import { containerFate, stopFate } from './app';
import { addContainer, findContainer, newContainerStore, removeContainer, type ContainerStore } from './containers';
import { goDuration, imageSize } from './images';

export const PAUSE_IMAGE = 'registry.k8s.io/pause:3.10';

export interface RuntimeState {
  images: string[];
  sandboxes: Record<string, { id: string; ip?: string; netns: string; ready: boolean }>;
  containers: ContainerStore;
  /** Images the registry does not have (the image-missing fault), normalized. */
  missing: string[];
  /** RunPodSandbox calls waiting for CNI: CNI request id → CRI request. */
  pendingCni: Record<number, { criId: number; podKey: string; kubelet: ComponentId }>;
  /** The time the node's image puller is free again. */
  pullFreeAt: number;
  /** Pulls under way: normalized image → when its layers are all here. */
  pulling: Record<string, number>;
}

export function initRuntime(images: string[], missing: string[] = []): RuntimeState {
  return {
    images: [...images, PAUSE_IMAGE],
    missing: missing.map(normalizeImage),
    sandboxes: dict(),
    containers: newContainerStore(),
    pendingCni: {},
    pullFreeAt: 0,
    pulling: {},
  };
}

type RtSim = Sim<{ runtimes: Record<string, RuntimeState> }>;
type CriResponse = Extract<Message, { type: 'cri-response' }>;

function reply(
  sim: RtSim,
  self: ComponentId,
  to: ComponentId,
  delay: number,
  r: Omit<CriResponse, 'type'>,
  meta: StepMeta,
): void {
  sim.send({ from: self, to, msg: { type: 'cri-response', ...r }, meta }, delay);
}

function response(
  level: StepMeta['level'],
  method: CriMethod,
  key: string,
  params: Record<string, string | number>,
): StepMeta {
  return { kind: 'response', level, verb: method, path: `runtime.v1.RuntimeService/${method}`, say: { key, params } };
}

/** The runtime's node and the components it talks to, named once per runtime rather than on each of its deliveries. */
const peersOf = remembering((self: string) => {
  const node = self.slice('runtime/'.length);
  return { node, kubelet: `kubelet/${node}` as ComponentId, cni: `cni/${node}` as ComponentId };
});

export function handleRuntime(sim: RtSim, self: ComponentId, msg: Message, from: ComponentId): void {
  const { node, kubelet, cni } = peersOf(self);
  const st = sim.world.runtimes[node]!;
  switch (msg.type) {
    case 'cri-request':
      return criRequest(sim, self, st, msg, from, cni);
    case 'runtime-work': {
      if (msg.work === 'create-netns') {
        sim.note(self, {
          kind: 'internal',
          level: 'deep',
          say: { key: 'runtime-netns', params: { netns: st.sandboxes[msg.podKey]!.netns } },
        });
        const cniId = sim.id();
        st.pendingCni[cniId] = { criId: msg.id, podKey: msg.podKey, kubelet };
        sim.send(
          {
            from: self,
            to: cni,
            msg: { type: 'cni-add', id: cniId, podKey: msg.podKey, sandboxId: st.sandboxes[msg.podKey]!.id },
            meta: {
              kind: 'request',
              level: 'standard',
              verb: 'ADD',
              path: '/opt/cni/bin',
              say: { key: 'runtime-cni-add', params: { netns: st.sandboxes[msg.podKey]!.netns } },
            },
          },
          sim.latency(1, 3),
        );
        return;
      }
      if (msg.work === 'stop-pause') {
        const sb = st.sandboxes[msg.podKey];
        delete st.sandboxes[msg.podKey];
        sim.note(self, {
          kind: 'internal',
          level: 'deep',
          say: { key: 'runtime-pause-stopped', params: { id: sb ? sb.id.slice(0, 13) : '' } },
        });
        reply(
          sim,
          self,
          kubelet,
          sim.latency(1, 3),
          { id: msg.id, method: 'StopPodSandbox', podKey: msg.podKey, ok: true },
          response('standard', 'StopPodSandbox', 'runtime-sandbox-stopped', { id: sb ? sb.id.slice(0, 13) : '' }),
        );
        return;
      }
      // start-pause: the sandbox container that holds the namespaces.
      const sb = st.sandboxes[msg.podKey]!;
      sb.ready = true;
      sim.note(self, {
        kind: 'internal',
        level: 'standard',
        say: { key: 'runtime-pause', params: { image: PAUSE_IMAGE, id: sb.id.slice(0, 13) } },
      });
      reply(
        sim,
        self,
        kubelet,
        sim.latency(1, 3),
        { id: msg.id, method: 'RunPodSandbox', podKey: msg.podKey, ok: true, sandboxId: sb.id },
        response('standard', 'RunPodSandbox', 'runtime-sandbox-ready', { id: sb.id.slice(0, 13) }),
      );
      return;
    }
    case 'runtime-container-exit': {
      const id = findContainer(st.containers, msg.podKey, msg.container, msg.containerId);
      // Stopped (or replaced) meanwhile: that process is already gone.
      if (id === undefined) return;
      removeContainer(st.containers, id);
      const exitCode = msg.exitCode ?? 0;
      const reason = msg.reason ?? 'Completed';
      sim.send(
        {
          from: self,
          to: kubelet,
          msg: { type: 'pleg-container-died', podKey: msg.podKey, container: msg.container, exitCode, reason },
          meta: {
            kind: 'watch',
            level: 'overview',
            verb: 'PLEG',
            say:
              msg.exitCode === undefined
                ? { key: 'runtime-container-exited', params: { container: msg.container } }
                : {
                    key: reason === 'OOMKilled' ? 'runtime-container-oom' : 'runtime-container-died',
                    params: { container: msg.container, code: exitCode, reason },
                  },
          },
        },
        sim.latency(100, 900),
      );
      return;
    }
    case 'runtime-pulled': {
      if (!st.images.some((i) => sameImage(i, msg.image))) st.images.push(msg.image);
      delete st.pulling[normalizeImage(msg.image)];
      return;
    }
    case 'cni-result': {
      const pending = st.pendingCni[msg.id];
      if (!pending) return;
      delete st.pendingCni[msg.id];
      if (msg.released) {
        sim.send(
          {
            from: self,
            to: self,
            msg: { type: 'runtime-work', id: pending.criId, work: 'stop-pause', podKey: pending.podKey },
          },
          sim.latency(5, 20),
        );
        return;
      }
      if (!msg.ok) {
        const sb = st.sandboxes[pending.podKey]!;
        delete st.sandboxes[pending.podKey];
        const error = `rpc error: code = Unknown desc = failed to setup network for sandbox "${sb.id}": plugin type="bridge" name="podflow" failed (add): ${msg.message}`;
        reply(
          sim,
          self,
          pending.kubelet,
          sim.latency(1, 3),
          { id: pending.criId, method: 'RunPodSandbox', podKey: pending.podKey, ok: false, error },
          response('standard', 'RunPodSandbox', 'runtime-sandbox-failed', { error }),
        );
        return;
      }
      st.sandboxes[pending.podKey]!.ip = msg.ip;
      sim.send(
        {
          from: self,
          to: self,
          msg: { type: 'runtime-work', id: pending.criId, work: 'start-pause', podKey: pending.podKey },
        },
        sim.latency(20, 60),
      );
      return;
    }
    default:
      return;
  }
}

function criRequest(
  sim: RtSim,
  self: ComponentId,
  st: RuntimeState,
  msg: Extract<Message, { type: 'cri-request' }>,
  kubelet: ComponentId,
  cni: ComponentId,
): void {
  const { id, podKey } = msg;
  switch (msg.method) {
    case 'RunPodSandbox': {
      st.sandboxes[podKey] = { id: sim.hex(64), netns: `/var/run/netns/cni-${sim.hex(8)}-${sim.hex(4)}`, ready: false };
      sim.send(
        { from: self, to: self, msg: { type: 'runtime-work', id, work: 'create-netns', podKey } },
        sim.latency(2, 8),
      );
      return;
    }
    case 'PodSandboxStatus': {
      const sb = st.sandboxes[podKey];
      reply(
        sim,
        self,
        kubelet,
        sim.latency(0.5, 2),
        { id, method: 'PodSandboxStatus', podKey, ok: !!sb, ...(sb?.ip ? { ip: sb.ip } : {}) },
        response('overview', 'PodSandboxStatus', 'runtime-sandbox-status', { ip: sb?.ip ?? '' }),
      );
      return;
    }
    case 'ImageStatus': {
      const image = msg.image!;
      const present = st.images.some((i) => sameImage(i, image));
      reply(
        sim,
        self,
        kubelet,
        sim.latency(0.5, 2),
        {
          id,
          method: 'ImageStatus',
          podKey,
          ok: true,
          imagePresent: present,
          ...(msg.container ? { container: msg.container } : {}),
        },
        {
          ...response('deep', 'ImageStatus', present ? 'runtime-image-present' : 'runtime-image-absent', { image }),
          path: 'runtime.v1.ImageService/ImageStatus',
        },
      );
      return;
    }
    case 'PullImage': {
      const image = msg.image!;
      const ref = normalizeImage(image);
      if (st.missing.includes(ref)) {
        // The registry answers the manifest request with 404: containerd's resolver error, as gRPC NotFound.
        const error = `rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`;
        reply(
          sim,
          self,
          kubelet,
          sim.latency(300, 900),
          { id, method: 'PullImage', podKey, ok: false, error, ...(msg.container ? { container: msg.container } : {}) },
          {
            ...response('standard', 'PullImage', 'runtime-pull-failed', { image, error }),
            path: 'runtime.v1.ImageService/PullImage',
          },
        );
        return;
      }
      const size = imageSize(image);
      // Registry throughput of a few tens of MB/s plus a round trip for the manifest.
      const start = Math.max(sim.now, st.pullFreeAt);
      const waitMs = start - sim.now;
      // Layers already here (or landing before this pull starts): only the manifest is resolved.
      const present = st.images.some((i) => sameImage(i, image)) || (st.pulling[ref] ?? Infinity) <= start;
      const pullMs = present
        ? Math.round(sim.latency(150, 400))
        : Math.round(300 + size / (15 + sim.random() * 25) / 1000);
      st.pullFreeAt = start + pullMs;
      st.pulling[ref] = Math.min(st.pulling[ref] ?? Infinity, start + pullMs);
      sim.send({ from: self, to: self, msg: { type: 'runtime-pulled', image } }, waitMs + pullMs);
      reply(
        sim,
        self,
        kubelet,
        waitMs + pullMs,
        {
          id,
          method: 'PullImage',
          podKey,
          ok: true,
          imageSize: size,
          pullMs,
          waitMs,
          ...(msg.container ? { container: msg.container } : {}),
        },
        {
          ...response('standard', 'PullImage', 'runtime-pulled', { image, size, duration: goDuration(pullMs) }),
          path: 'runtime.v1.ImageService/PullImage',
        },
      );
      return;
    }
    case 'CreateContainer': {
      const containerId = sim.hex(64);
      addContainer(st.containers, containerId, {
        podKey,
        name: msg.container!,
        state: 'created',
        config: msg.config,
        command: msg.command,
      });
      reply(
        sim,
        self,
        kubelet,
        sim.latency(30, 120),
        { id, method: 'CreateContainer', podKey, container: msg.container!, ok: true, containerId },
        response('standard', 'CreateContainer', 'runtime-created', {
          container: msg.container!,
          id: containerId.slice(0, 13),
        }),
      );
      return;
    }
    case 'StartContainer': {
      const containerId = findContainer(st.containers, podKey, msg.container);
      const entry = containerId === undefined ? undefined : st.containers.byId[containerId]!;
      if (entry) entry.state = 'running';
      // The process runs as its spec says (runtime/app.ts): it may end by itself, or be OOM-killed.
      const fate = entry?.config ? containerFate(entry.config) : undefined;
      if (fate && entry)
        sim.send(
          {
            from: self,
            to: self,
            msg: {
              type: 'runtime-container-exit',
              podKey,
              container: msg.container!,
              containerId,
              exitCode: fate.exitCode,
              reason: fate.reason,
            },
            // A process that runs for longer than the settle window (`sleep 3600`) is, for the story, one that runs:
            // its end does not keep the run going.
            periodic: fate.afterMs > SETTLE_MS,
          },
          fate.afterMs + sim.latency(50, 400),
        );
      // An init container does its job and exits (wget takes a second or two).
      else if (msg.init)
        sim.send(
          { from: self, to: self, msg: { type: 'runtime-container-exit', podKey, container: msg.container! } },
          sim.latency(800, 2500),
        );
      reply(
        sim,
        self,
        kubelet,
        sim.latency(40, 150),
        { id, method: 'StartContainer', podKey, container: msg.container!, ok: !!entry },
        response('standard', 'StartContainer', 'runtime-started', { container: msg.container! }),
      );
      return;
    }
    case 'StopContainer': {
      // The stop signal (SIGTERM), then SIGKILL when the timeout runs out if the process is still there.
      const containerId = findContainer(st.containers, podKey, msg.container);
      const entry = containerId === undefined ? undefined : st.containers.byId[containerId]!;
      if (containerId !== undefined) removeContainer(st.containers, containerId);
      const timeout = msg.timeout ?? 30;
      // A process that ignores SIGTERM (a shell as PID 1 without a trap) is killed when the timeout runs out.
      const killed = !!entry && ignoresSigterm(entry.command);
      sim.note(self, {
        kind: 'internal',
        level: 'deep',
        say: { key: 'runtime-sigterm', params: { container: msg.container!, timeout } },
      });
      const ended = killed
        ? { exitCode: 137, reason: 'Error' }
        : entry?.config
          ? stopFate(entry.config)
          : { exitCode: 0, reason: 'Completed' };
      reply(
        sim,
        self,
        kubelet,
        killed ? timeout * 1000 : sim.latency(80, 400),
        { id, method: 'StopContainer', podKey, container: msg.container!, ok: true, ...ended },
        killed
          ? response('overview', 'StopContainer', 'runtime-sigkill', { container: msg.container!, timeout })
          : response('standard', 'StopContainer', 'runtime-stopped', { container: msg.container! }),
      );
      return;
    }
    case 'StopPodSandbox': {
      const cniId = sim.id();
      st.pendingCni[cniId] = { criId: id, podKey, kubelet };
      sim.send(
        {
          from: self,
          to: cni,
          msg: { type: 'cni-del', id: cniId, podKey },
          meta: {
            kind: 'request',
            level: 'standard',
            verb: 'DEL',
            path: '/opt/cni/bin',
            say: { key: 'runtime-cni-del', params: { netns: st.sandboxes[podKey]?.netns ?? '' } },
          },
        },
        sim.latency(1, 3),
      );
      return;
    }
  }
}

/**
 * Whether a container's main process outlives SIGTERM. A process that sets
 * SIGTERM to be ignored (`trap '' TERM`) does; so does a shell that is PID 1
 * of its container and runs its script without trapping TERM, since the
 * kernel does not deliver a signal to PID 1 that it has no handler for.
 * Servers (nginx, …) handle SIGTERM and exit.
 */
export function ignoresSigterm(command: string[] | undefined): boolean {
  if (!command?.length) return false;
  // Only a shell script can trap signals or leave PID 1 without a handler.
  if (!/^(\/bin\/|\/usr\/bin\/)?(sh|bash|ash)$/.test(command[0]!)) return false;
  const script = command.join(' ');
  if (/trap\s+(''|"")\s+(SIG)?TERM/.test(script)) return true;
  return !/trap\s+\S.*\s(SIG)?TERM/.test(script) && !/(^|[;&|]\s*|-c\s+)exec\s/.test(script);
}
