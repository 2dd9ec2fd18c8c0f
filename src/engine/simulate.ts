/**
 * simulate(): build the cluster, let every component open its watches, let
 * kubectl send the manifests, and run the agenda until nothing is left but
 * repetition. Same input and seed give the same trace, step for step.
 */
import { cachePut, handleApiserver, initApiserver } from './apiserver/apiserver';
import { bootstrapObjects, DEFAULT_CLUSTER, internalIP, KUBERNETES_VERSION } from './cluster/bootstrap';
import { handleCni, initCni } from './cni/cni';
import { handleControllerManager, initControllerManager } from './controllers/controller-manager';
import type { Delivery, Handler } from './core/sim';
import { SETTLE_MS, Sim } from './core/sim';
import { handleCoredns, initCoredns } from './dns/coredns';
import { handleCsiProvisioner, initCsiProvisioner } from './storage/csi-provisioner';
import { bootstrapPut, handleEtcd, initEtcd } from './etcd/etcd';
import { faultDelivery } from './faults';
import { commandDelivery } from './kubectl/commands';
import { handleKubectl, initKubectl } from './kubectl/kubectl';
import { handleKubelet, initKubelet } from './kubelet/kubelet';
import { handleKubeProxy, initKubeProxy } from './proxy/kube-proxy';
import { clientNode, initTraffic } from './proxy/traffic';
import { addonsOf } from './addons';
import { initFelix } from './network-policy/felix';
import { handleIngressNginx, ingressNginxObjects, initIngressNginx } from './ingress/ingress-nginx';
import { handleRuntime, initRuntime } from './runtime/containerd';
import { handleScheduler, initScheduler } from './scheduler/scheduler';
import { traceFromData } from './core/trace';
import { handleIstiod, initIstiod } from './mesh/istiod';
import { handleKyverno, initKyverno } from './policy/kyverno';
import type { ComponentId, SimulationInput, Trace, TraceData } from './types';

export type World = ReturnType<typeof initWorld>;

function initWorld(input: SimulationInput) {
  const nodes = input.cluster.nodes;
  const addons = addonsOf(input);
  const byNode = <T>(make: (name: string, i: number) => T): Record<string, T> =>
    Object.fromEntries(nodes.map((n, i) => [n.name, make(n.name, i)]));
  return {
    etcd: initEtcd(),
    apiserver: initApiserver(),
    kubectl: initKubectl(
      input.manifests,
      input.user,
      input.deletes,
      input.updates,
      input.commands,
      input.adminManifests,
    ),
    controllerManager: initControllerManager(),
    scheduler: initScheduler(),
    coredns: initCoredns(),
    csiProvisioner: initCsiProvisioner(),
    kubelets: byNode((name, i) => initKubelet(name, internalIP(i), nodes[i]!.staticPods)),
    runtimes: byNode((_, i) =>
      initRuntime(
        nodes[i]!.images ?? [],
        (input.faults ?? []).flatMap((f) => (f.kind === 'image-missing' ? [f.image] : [])),
      ),
    ),
    cnis: byNode((_, i) => initCni(nodes[i]!.podCIDR)),
    proxies: byNode((name) => initKubeProxy(name)),
    traffic: initTraffic(input.requests),
    istiod: initIstiod(),
    kyverno: initKyverno(),
    // Services and traffic (issue #5): Felix on every node when Calico is installed.
    felix: addons.has('calico') ? byNode((name) => initFelix(name)) : {},
    // The ingress-nginx controller's Pod runs on the first node; its InternalIP is the Ingress ADDRESS.
    ingressNginx: addons.has('ingress-nginx') ? initIngressNginx(nodes[0]!.name, internalIP(0)) : undefined,
  };
}

const HANDLERS = {
  kubectl: handleKubectl,
  'kube-apiserver': handleApiserver,
  etcd: handleEtcd,
  'kube-controller-manager': handleControllerManager,
  'kube-scheduler': handleScheduler,
  coredns: handleCoredns,
  'csi-provisioner': handleCsiProvisioner,
  kubelet: handleKubelet,
  runtime: handleRuntime,
  cni: handleCni,
  'kube-proxy': handleKubeProxy,
  istiod: handleIstiod,
  kyverno: handleKyverno,
  'ingress-nginx': handleIngressNginx,
} as unknown as Record<string, Handler<World>>;

export { SETTLE_MS };
export const DEFAULT_MAX_STEPS = 5_000;

export function simulate(input: Partial<SimulationInput> & Pick<SimulationInput, 'manifests'>): Trace {
  return traceFromData(simulateToData(input));
}

/** The same run as plain data, for a Worker to post back. */
export function simulateToData(input: Partial<SimulationInput> & Pick<SimulationInput, 'manifests'>): TraceData {
  // In one go: nobody waits between slices here, and each pause costs a suspend and resume of two generators.
  const whole = simulation(input, Infinity);
  for (;;) {
    const r = whole.next();
    if (r.done) return r.value;
  }
}

/** Deliveries between two pauses of `simulation`: small enough that a pause comes every few ms even cold. */
const SLICE = 8;

/**
 * The same run, pausing every few deliveries (`slice`), so a page can run it
 * in slices between frames (the engine reads no clock: the caller decides how
 * many slices fit in its time). The result is the same as `simulateToData`'s.
 */
export function* simulation(
  input: Partial<SimulationInput> & Pick<SimulationInput, 'manifests'>,
  slice: number = SLICE,
): Generator<void, TraceData, void> {
  const full: SimulationInput = { cluster: DEFAULT_CLUSTER, seed: 1, maxSteps: DEFAULT_MAX_STEPS, ...input };
  // A what-if run replays the original deterministically to its step (cheaper than keeping snapshots:
  // a few tens of ms for our traces). Only a strike after a step in a quiet spell may need another go.
  const inQuiet = new Set<number>();
  for (;;) {
    const done = yield* run(full, inQuiet, slice);
    if (typeof done !== 'number') return done;
    inQuiet.add(done);
  }
}

/**
 * One run. A step in a quiet spell (nothing but periodic work) is folded away
 * if the spell lasts to the end, and then the original's step `atStep` is the
 * fold: so a strike due there waits to see, unless it is in `strikeInQuiet`
 * (another go, when the spell turned out to end in new work). A number: the
 * strike to try again so.
 */
function* run(
  full: SimulationInput,
  strikeInQuiet: ReadonlySet<number>,
  slice: number,
): Generator<void, TraceData | number, void> {
  const world = initWorld(full);
  const sim = new Sim<World>(world, full.seed, HANDLERS);

  const addonObjects = world.ingressNginx ? ingressNginxObjects() : [];
  for (const [key, obj] of [...bootstrapObjects(full.cluster), ...addonObjects]) {
    const stored = bootstrapPut(world.etcd, key, obj);
    cachePut(world.apiserver, key, stored);
    sim.recorder.seed(key, stored);
  }
  // Making the cluster's objects is a slice's worth of work on a cold page: pause after it.
  if (Number.isFinite(slice)) yield;

  // Everyone starts listening before anything happens (the-story.md, step 0).
  const listeners: ComponentId[] = [
    'kube-controller-manager',
    'kube-scheduler',
    ...full.cluster.nodes.flatMap((n) => [`kubelet/${n.name}`, `kube-proxy/${n.name}`] as ComponentId[]),
    'coredns',
    'csi-provisioner',
    // Add-on webhook servers start with the cluster they were installed in.
    ...(full.cluster.addons ?? []).flatMap((a): ComponentId[] =>
      a === 'istio' ? ['istiod'] : a === 'kyverno' ? ['kyverno'] : [],
    ),
    // Add-ons (issue #5): Felix speaks from each node's CNI box.
    ...Object.keys(world.felix).map((n) => `cni/${n}` as ComponentId),
    ...(world.ingressNginx ? (['ingress-nginx'] as ComponentId[]) : []),
  ];
  listeners.forEach((id, i) => sim.send({ from: id, to: id, msg: { type: 'start' } }, i * 3));
  sim.send(
    {
      from: 'kube-apiserver',
      to: listeners[0]!,
      fanout: listeners.slice(1),
      msg: { type: 'note' },
      meta: {
        kind: 'watch',
        level: 'overview',
        summary: true,
        verb: 'watch',
        say: { key: 'cluster-watching', params: { count: listeners.length } },
      },
    },
    listeners.length * 3 + 60,
  );
  // Faults strike at their time; one for a node the cluster does not have is ignored.
  const nodeNames = full.cluster.nodes.map((n) => n.name);
  for (const fault of full.faults ?? []) {
    // An image the registry lacks is no event: every pull of it fails (runtime/containerd.ts).
    const strike = 'atMs' in fault ? faultDelivery(fault, nodeNames) : undefined;
    if (strike && 'atMs' in fault) sim.send(strike, fault.atMs);
  }
  // Services and traffic: each request starts at its time on its client's node.
  (full.requests ?? []).forEach((req, index) => {
    const at: ComponentId = `kube-proxy/${clientNode(
      req,
      full.cluster.nodes.map((n) => n.name),
    )}`;
    sim.send({ from: at, to: at, msg: { type: 'client-request', index } }, req.atMs);
  });
  // The learner presses Enter once every watch is open.
  sim.send({ from: 'kubectl', to: 'kubectl', msg: { type: 'start' } }, listeners.length * 3 + 60);

  const maxSteps = full.maxSteps ?? DEFAULT_MAX_STEPS;
  const steps = sim.recorder.steps;
  let delivered = 0;
  let pauseAt = slice;
  let quiet: { from: number; until: number } | null = null;
  let end: Trace['end'] = 'settled';
  // A what-if fault, and each command typed at the kubectl prompt, strikes right after its step:
  // the run so far is the original's, step for step. In order of their steps (a stable sort).
  const pending = [
    ...(full.whatIf ? [{ atStep: full.whatIf.atStep, d: faultDelivery(full.whatIf.fault, nodeNames) }] : []),
    ...(full.commands ?? []).map((c, i) => ({ atStep: c.atStep, d: commandDelivery(c, i) })),
  ]
    .flatMap((p, id) => (p.d ? [{ id, atStep: p.atStep, d: p.d as Delivery }] : []))
    .sort((a, b) => a.atStep - b.atStep);
  const strike = (): void => {
    sim.inject(pending.shift()!.d);
    quiet = null;
  };
  const waitsForFold = (): boolean =>
    !!pending[0] && !strikeInQuiet.has(pending[0].id) && !!quiet && quiet.from <= pending[0].atStep;
  for (;;) {
    while (pending[0] && steps.length > pending[0].atStep && !waitsForFold()) strike();
    const next = sim.agenda.peekAt();
    if (next === undefined) break;
    if (quiet && next > quiet.until) {
      fold(sim, quiet);
      // A branch from the step that says the cluster is steady goes on from that quiet moment.
      if (!pending.length) break;
      strike();
      continue;
    }
    if (steps.length >= maxSteps) {
      end = 'cap';
      break;
    }
    const before = steps.length;
    sim.deliverNext();
    if (++delivered === pauseAt) {
      pauseAt += slice;
      yield;
    }
    if (!sim.onlyPeriodicLeft()) {
      // The spell ends in new work: nothing was folded, and the strike was due at its step already.
      if (pending[0] && before > pending[0].atStep && waitsForFold()) return pending[0].id;
      quiet = null;
    } else quiet ??= { from: steps.length, until: sim.now + SETTLE_MS };
  }
  return sim.recorder.finish({ kubernetesVersion: KUBERNETES_VERSION, nodes: [...full.cluster.nodes], end });
}

/** Replace the repetitions of the quiet window with one step that says they go on. */
function fold(sim: Sim<World>, quiet: { from: number; until: number }): void {
  const repeated = sim.recorder.steps.length - quiet.from;
  sim.recorder.truncate(quiet.from);
  sim.now = quiet.until;
  sim.note('kube-apiserver', {
    kind: 'internal',
    level: 'overview',
    say: { key: 'cluster-steady', params: { seconds: SETTLE_MS / 1000, folded: repeated } },
  });
}
