/**
 * Where a scenario is simulated: small runs right here (a few ms), big ones
 * in a Web Worker when the platform has them.
 */
import type { ClusterSpec, SimulationInput, Trace } from '../engine';
import type * as SimulatorModule from '../engine/simulate';
import { KUBERNETES_VERSION } from '../engine/cluster/defaults';
import { traceFromData } from '../engine/core/trace';
import { TraceAssembler, type TracePart } from '../engine/core/trace-parts';
import { loadYamlReader } from '../manifest/reader';
import { onDemand } from '../on-demand';
import { canUseWorkers } from '../platform';
import { simulationInput, type Scenario } from '../scenarios';

/** Big enough that simulating it would hold the main thread for more than a frame or two. */
export function isBig(scenario: Scenario): boolean {
  return scenario.cluster.nodes.length > 8 || (scenario.maxSteps ?? 0) > 5_000;
}

/**
 * The learner's manifests are big when they ask for many objects: a
 * Deployment of a million replicas runs to the step cap, which takes long
 * enough to freeze the page if it ran here.
 */
export function isBigManifests(manifests: unknown[]): boolean {
  if (manifests.length > 50) return true;
  return manifests.some((m) => {
    const replicas = (m as { spec?: { replicas?: unknown } } | null)?.spec?.replicas;
    return typeof replicas === 'number' && replicas > 20;
  });
}

/**
 * The seed every run of this page uses: 1 unless a link says otherwise. Another seed
 * breaks the scheduler's ties and draws the latencies differently; the same seed
 * always gives the same run.
 */
let runSeed = 1;

export function setRunSeed(seed: number): void {
  runSeed = seed;
}

/** A scenario's input with the page's seed. */
export function scenarioInput(scenario: Scenario): SimulationInput {
  return { ...simulationInput(scenario), seed: runSeed };
}

type Simulator = typeof SimulatorModule;

/**
 * The engine's simulator is not in the page's first script (it is a third of
 * it): it is fetched when the first run starts, after the first diagram.
 * Scenarios are YAML: the reader comes with it.
 */
const simulator = onDemand<Simulator>('the simulator', () =>
  Promise.all([import('../engine/simulate'), loadYamlReader()]).then(([m]) => m),
);

export const loadSimulator = simulator.load;

/** Whether a run can be made right here now; one asked for before the simulator is loaded goes to the Worker. */
export const simulatorLoaded = simulator.loaded;

/** A run made right here, at once: only once the simulator is loaded. */
export function simulate(input: SimulationInput): Trace {
  return simulator.get().simulate(input);
}

export function simulateNow(scenario: Scenario): Trace {
  return simulate(scenarioInput(scenario));
}

export function simulateInWorker(scenario: Scenario): Promise<Trace> {
  return loadYamlReader().then(() => simulateInputInWorker(scenarioInput(scenario)));
}

/**
 * The learner's own manifests on a scenario's cluster, as the learner's
 * kubectl (the cluster admin) would create them: nothing scripted after.
 */
export function customInput(scenario: Scenario, manifests: unknown[]): SimulationInput {
  return {
    manifests,
    cluster: scenario.cluster,
    seed: runSeed,
    ...(scenario.maxSteps ? { maxSteps: scenario.maxSteps } : {}),
  };
}

export function simulateInputInWorker(input: SimulationInput): Promise<Trace> {
  if (!canUseWorkers()) return loadSimulator().then((loaded) => loaded.simulate(input));
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./simulation.worker.ts', import.meta.url), { type: 'module' });
    // The run comes in parts, each read in a task of its own: a whole big run in one message was one long
    // task. A message is read (deserialized) when its `data` is first touched, and Chromium hands a burst of
    // them to one task, so each is touched in a task of its own.
    const parts = new TraceAssembler();
    const received: MessageEvent<TracePart>[] = [];
    const readNext = (): void => {
      const data = parts.add(received.shift()!.data);
      if (data) {
        worker.terminate();
        resolve(traceFromData(data));
      } else if (received.length) later(readNext);
    };
    worker.addEventListener('message', (e: MessageEvent<TracePart>) => {
      received.push(e);
      if (received.length === 1) later(readNext);
    });
    worker.addEventListener('error', (e) => {
      worker.terminate();
      reject(new Error(e.message));
    });
    // Worker.postMessage has no target origin: the rule is for windows.
    // oxlint-disable-next-line unicorn/require-post-message-target-origin
    worker.postMessage(input);
  });
}

/** The cluster before anything has run: its nodes and no steps, so the diagram can be drawn while the run is made. */
export function emptyTrace(cluster: ClusterSpec): Trace {
  return traceFromData({
    steps: [],
    history: new Map(),
    kubernetesVersion: KUBERNETES_VERSION,
    nodes: [...cluster.nodes],
    end: 'settled',
  });
}

/** Longest the run may hold the main thread at a time, in ms: well under a frame with the engine still cold. */
const SLICE_MS = 8;

interface TaskScheduler {
  postTask(task: () => void, options: { priority: 'background' }): Promise<void>;
}

/**
 * The next slice: at background priority where the browser has a task
 * scheduler (Chromium), so the page's own rendering (React, React Flow
 * measuring the diagram) goes first; elsewhere a task of its own.
 */
function later(slice: () => void): void {
  const scheduler = (globalThis as { scheduler?: TaskScheduler }).scheduler;
  if (scheduler?.postTask) void scheduler.postTask(slice, { priority: 'background' });
  else setTimeout(slice, 0);
}

/**
 * The run right here, in slices of a few ms with the page free in between:
 * the page's first run must not be one long task while the page loads, and a
 * Worker would load the whole engine a second time before the first diagram.
 */
export function simulateInSlices(input: SimulationInput | (() => SimulationInput)): Promise<Trace> {
  return loadSimulator().then((loaded) => runInSlices(loaded, input));
}

function runInSlices(loaded: Simulator, input: SimulationInput | (() => SimulationInput)): Promise<Trace> {
  let run: ReturnType<Simulator['simulation']> | undefined;
  return new Promise<Trace>((resolve, reject) => {
    const slice = (): void => {
      try {
        const until = performance.now() + SLICE_MS;
        // An input still to be made (a scenario's YAML to parse) is made in the first slice.
        run ??= loaded.simulation(typeof input === 'function' ? input() : input);
        do {
          const r = run.next();
          if (r.done) return resolve(traceFromData(r.value));
        } while (performance.now() < until);
        later(slice);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    later(slice);
  });
}
