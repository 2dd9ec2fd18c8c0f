/**
 * The headless API: simulate manifests on a cluster from Node (or a test)
 * and read what the diagram shows — the steps in words, the objects at any
 * step, the Events, and `kubectl get pods` — without a browser.
 *
 *   const run = simulateYaml(yaml);
 *   run.getPods(run.last)           // [{ name: 'nginx', ready: '1/1', status: 'Running', … }]
 *   run.events(run.last)            // the Events, oldest first
 *   run.steps('overview')           // the story, one line a step
 */
import { DEFAULT_CLUSTER, iptablesChainsAt, printPod, simulate, type PodRow } from './engine';
import type { ApiObject, ClusterSpec, DetailLevel, SimulationInput, Step, Trace } from './engine/types';
import { addStepTexts, loadCatalog, loadStepTexts, translator, type Language } from './i18n';
import { enSteps } from './i18n/steps-en';
import { narrationOf } from './i18n/narrate';
import * as load from './manifest/load';
import { provideYamlReader } from './manifest/reader';
import { SCENARIOS, simulationInput } from './scenarios';
import { isVisible } from './store/visible';
import { schedulingCycles, type SchedulingCycle } from './inspect/scheduling';
import { failuresAt } from './diagram/failures';

export interface StepText {
  seq: number;
  /** The step's catalog key (`scheduler-score`, `kubelet-start`, …): what kind of step it is. */
  key: string;
  /** Virtual time, ms since the run began. */
  at: number;
  from: string;
  to: string;
  level: DetailLevel;
  verb?: string;
  path?: string;
  status?: number;
  title: string;
  body: string;
  source?: string;
}

/** An Event as `kubectl events` lists it, from either core/v1 or events.k8s.io/v1. */
export interface EventRow {
  type: string;
  reason: string;
  object: string;
  message: string;
  source: string;
  /** How many times it happened: core/v1 count, or events.k8s.io series.count (1 when neither). */
  count: number;
}

export type { SchedulingCycle } from './inspect/scheduling';

export interface Run {
  trace: Trace;
  /** The seq of the last step. */
  last: number;
  /** The steps a learner sees at a detail level, told in words. */
  steps(level?: DetailLevel): StepText[];
  /** The objects of a kind (`Pod`, `ReplicaSet`, …) after step `seq`. */
  objects(kind: string, seq?: number): ApiObject[];
  /** The Events after step `seq`, oldest first. */
  events(seq?: number): EventRow[];
  /** `kubectl get pods -A -o wide` after step `seq`. */
  getPods(seq?: number): PodRow[];
  /** Every scheduling cycle, in order: kube-scheduler's per-node verdicts and plugin scores. */
  scheduling(): SchedulingCycle[];
  /** The iptables chains kube-proxy had written on a node after step `seq` (KUBE-SERVICES, KUBE-SVC-…, KUBE-SEP-…). */
  chains(node: string, seq?: number): ReturnType<typeof iptablesChainsAt>;
  /** Where the flow stops after step `seq`, as the diagram shows it: each component's failure that holds. */
  failures(seq?: number): FailureRow[];
}

/** A component that refused or failed: its short reason, the real message, and the step it happened at. */
export interface FailureRow {
  component: string;
  reason: string;
  message: string;
  seq: number;
}

export interface RunOptions extends Partial<Omit<SimulationInput, 'manifests'>> {
  language?: Language;
}

/** Simulate YAML as `kubectl create -f` would send it. Throws with line and column on bad YAML. */
export function simulateYaml(yaml: string, options: RunOptions = {}): Run {
  const loaded = load.loadManifests(yaml);
  if (!loaded.ok) {
    const where = loaded.line ? ` (line ${loaded.line}, column ${loaded.column})` : '';
    throw new SyntaxError(`${loaded.message}${where}`);
  }
  return simulateManifests(loaded.objects, options);
}

/** Simulate one of the app's scenarios by id (`bare-pod`, `deployment`, …). */
export function simulateScenario(id: string, options: RunOptions = {}): Run {
  const scenario = SCENARIOS.find((s) => s.id === id);
  if (!scenario) throw new RangeError(`no scenario "${id}"; known: ${SCENARIOS.map((s) => s.id).join(', ')}`);
  const { manifests, ...input } = simulationInput(scenario);
  return simulateManifests(manifests, { ...input, ...options });
}

export function simulateManifests(manifests: unknown[], options: RunOptions = {}): Run {
  const { language = 'en', ...input } = options;
  const cluster: ClusterSpec = input.cluster ?? DEFAULT_CLUSTER;
  const trace = simulate({ ...input, cluster, manifests });
  return runOf(trace, language);
}

/** Languages other than English load on demand: call this once before asking for Chinese text. */
export async function prepareLanguage(language: Language): Promise<void> {
  await Promise.all([loadCatalog(language), loadStepTexts(language)]);
}

// Node has the YAML reader at hand: scenarios are YAML.
provideYamlReader(load);

// English is told without asking: Node has no page whose first paint the step texts would slow.
addStepTexts('en', enSteps);

function runOf(trace: Trace, language: Language): Run {
  const t = translator(language);
  const last = trace.steps.length - 1;
  const objects = (kind: string, seq = last): ApiObject[] =>
    [...trace.objectsAt(seq).values()].filter((o) => o.kind === kind);
  return {
    trace,
    last,
    steps: (level = 'standard') =>
      trace.steps.filter((s) => isVisible(s, level)).map((s) => ({ ...facts(s), ...narrationOf(t, s) })),
    objects,
    events: (seq = last) =>
      objects('Event', seq)
        .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
        .map(eventRow),
    // Printed at the step's time, so RESTARTS reads `3 (12s ago)` as kubectl prints it.
    getPods: (seq = last) => objects('Pod', seq).map((p) => printPod(p as never, trace.steps[seq]?.at)),
    scheduling: () => schedulingCycles(trace.steps),
    chains: (node, seq = last) => iptablesChainsAt(trace, node, seq),
    failures: (seq = last) =>
      [...failuresAt(trace, seq).values()].map(({ component, reason, message, seq: at }) => ({
        component,
        reason,
        message,
        seq: at,
      })),
  };
}

function facts(s: Step): Omit<StepText, 'title' | 'body'> {
  return {
    seq: s.seq,
    key: s.say.key,
    at: s.at,
    from: s.from,
    to: s.to,
    level: s.level,
    ...(s.verb ? { verb: s.verb } : {}),
    ...(s.path ? { path: s.path } : {}),
    ...(s.status ? { status: s.status } : {}),
    ...(s.source ? { source: s.source } : {}),
  };
}

interface AnyEvent {
  type?: string;
  reason?: string;
  message?: string;
  note?: string;
  involvedObject?: { kind?: string; name?: string };
  regarding?: { kind?: string; name?: string };
  source?: { component?: string; host?: string };
  reportingController?: string;
  reportingComponent?: string;
  reportingInstance?: string;
  count?: number;
  series?: { count?: number };
}

function eventRow(o: ApiObject): EventRow {
  const e = o as unknown as AnyEvent;
  const about = e.regarding ?? e.involvedObject ?? {};
  // kubectl's formatEventSource: the deprecated source when set, else the reporting controller (events.k8s.io).
  const source = e.source?.component
    ? [e.source.component, e.source.host].filter(Boolean).join(', ')
    : [e.reportingComponent ?? e.reportingController, e.reportingInstance].filter(Boolean).join(', ');
  return {
    type: e.type ?? '',
    reason: e.reason ?? '',
    object: `${(about.kind ?? '').toLowerCase()}/${about.name ?? ''}`,
    message: e.message ?? e.note ?? '',
    source,
    count: e.count ?? e.series?.count ?? 1,
  };
}
