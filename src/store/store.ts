/**
 * The one store: the trace, the cursor, playback and preferences. Views
 * select the smallest slice they need. Playback is a single clock here;
 * views never own timers.
 */
import { create } from 'zustand';
import type { DetailLevel, FaultSpec, SimulationInput, Step, Trace, WhatIf } from '../engine';
import { catalogLoaded, detectLanguage, loadCatalog, loadStepTexts, stepTextsLoaded, type Language } from '../i18n';
import { DEFAULT_SCENARIO, scenarioById } from '../scenarios';
import { clusterOfDraft, type DraftResult, type NodeDraft } from './cluster-edit';
import { EMBED, embedRange } from './embed';
import { readLink, type ReadLink, type Speed, type Theme, type View } from './link';
import { loadYamlReader, readManifests, yamlReaderLoaded } from '../manifest/reader';
import { placeAfterReplace } from './place';
import {
  customInput,
  emptyTrace,
  isBig,
  isBigManifests,
  loadSimulator,
  scenarioInput,
  setRunSeed,
  simulate,
  simulateInSlices,
  simulateInputInWorker,
  simulateInWorker,
  simulateNow,
  simulatorLoaded,
} from './simulation';
import { cursorForSeq, visibleSteps } from './visible';
import { engineCommands, type PromptEntry } from './prompt';

/** Wall time of one step at 1×. */
export const STEP_MS = 1000;
export { SPEEDS, type Speed, type Theme } from './link';

export interface PlayerState {
  /** The scenario picked in the menu. */
  scenario: string;
  /** The scenario the trace on screen belongs to (differs while a big one is simulated). */
  shownScenario: string;
  /** A big scenario is being simulated in a Worker; the old trace stays until it is ready. */
  simulating: boolean;
  trace: Trace;
  level: DetailLevel;
  /** The steps shown at this level. */
  visible: Step[];
  /** 0 = before the first step; n = after visible step n. */
  cursor: number;
  /** +1 when the cursor last moved one step forward (a packet travels), 0 otherwise. */
  direction: 0 | 1;
  playing: boolean;
  /** Start over at the end instead of stopping. */
  loop: boolean;
  speed: Speed;
  language: Language;
  /** Whether what the steps say in `language` has loaded (it comes with the first run, not the page). */
  stepTexts: boolean;
  theme: Theme;
  /** Playback stays within these cursors (an embed's from/to), or the whole trace. */
  range: { from: number; to: number } | null;
  /** What was wrong with the link the page was opened with, until dismissed. */
  linkProblem: Omit<ReadLink, 'view'> | null;
  /** The seed of this page's runs (links carry it when it is not 1). */
  seed: number;
  /** The trace on screen is the learner's own YAML (the editor's Apply), on the scenario's cluster. */
  custom: boolean;
  /** The YAML of that run, for links. */
  customYaml: string | null;
  // What-if branches and the cluster editor (issue #6).
  /** The run without a fault: the trunk the branches grow from. */
  original: Trace;
  /** Branches kept side by side, in the order they were made. */
  branches: Branch[];
  /** The one on screen: -1 for the original. */
  branch: number;
  /** The cluster as the learner edited it (the rows of the editor), or null for the scenario's own. */
  clusterDraft: NodeDraft[] | null;
  /** The commands typed at the kubectl prompt (issue #7), in order; the run on screen includes those that change the cluster. */
  prompt: PromptEntry[];
}

/** A what-if branch: the fault, the step it strikes after, and the run it makes. */
export interface Branch {
  whatIf: WhatIf;
  trace: Trace;
}

export interface PlayerActions {
  load(trace: Trace): void;
  /** Simulate a scenario and show it from its start. */
  setScenario(id: string): Promise<void>;
  /** Simulate the learner's manifests on the current scenario's cluster, keeping the place. */
  applyManifests(manifests: unknown[], yaml?: string): void;
  play(): void;
  pause(): void;
  toggle(): void;
  next(): void;
  prev(): void;
  seek(cursor: number): void;
  restart(): void;
  end(): void;
  setSpeed(speed: Speed): void;
  setLoop(loop: boolean): void;
  setLevel(level: DetailLevel): void;
  setLanguage(language: Language): void;
  setTheme(theme: Theme): void;
  setRange(range: { from: number; to: number } | null): void;
  /** Go to a view from a link: scenario first, then the step at that level. */
  openView(view: View): void;
  dismissLinkProblem(): void;
  /** Inject a fault after the current step: a new branch, shown at the same step. */
  whatIf(fault: FaultSpec): Promise<void>;
  /** Make (or find) the branch for this fault at this step and show it, keeping the step on screen. */
  addBranch(whatIf: WhatIf): Promise<void>;
  /** Show the original (-1) or a branch, at the same step. */
  switchBranch(index: number): void;
  /** Run on an edited cluster (null: the scenario's own), keeping the place; refused whole when a row is wrong. */
  setCluster(draft: NodeDraft[] | null): DraftResult | null;
  /**
   * Keep these prompt commands (issue #7). When the commands that change the cluster differ, the run
   * is simulated again with them (each after its step: the steps before are the same) and, with
   * `play`, plays on from the step on screen.
   */
  setPrompt(entries: PromptEntry[], play?: boolean): Promise<void>;
}

export type PlayerStore = PlayerState & PlayerActions;

let timer: ReturnType<typeof setTimeout> | undefined;
let wantedLanguage: Language | undefined;
/** Bumped by every new run asked for: a Worker run that finishes after a newer request is dropped. */
let latestRun = 0;
/**
 * What the original run on screen was simulated from: what-if branches and cluster edits start from it.
 * The page's first input is made when first asked for (`currentInput()`): its scenario's YAML is not parsed
 * before the first paint.
 */
let baseInput: SimulationInput | (() => SimulationInput);
function currentInput(): SimulationInput {
  if (typeof baseInput === 'function') baseInput = baseInput();
  return baseInput;
}
let beginFirstRun: () => Promise<void>;
let firstRunMade: Promise<void> | undefined;

/**
 * Make the page's first run, once (later calls get the same promise). The
 * page calls it when it is up, so the diagram is drawn before the run is made;
 * whatever needs the run waits for it.
 */
export function firstRun(): Promise<void> {
  return (firstRunMade ??= firstRunHeld.then(() => beginFirstRun()));
}

let firstRunHeld: Promise<unknown> = Promise.resolve();

/** The page holds its first run until `until` settles (its first diagram is drawn); a `firstRun()` asked for meanwhile starts then. */
export function holdFirstRun(until: Promise<unknown>): void {
  firstRunHeld = until.catch(() => undefined);
}

function browserLanguages(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : navigator.languages;
}

export const usePlayer = create<PlayerStore>()((set, get) => {
  const schedule = (): void => {
    clearTimeout(timer);
    const { playing, speed } = get();
    if (!playing) return;
    timer = setTimeout(() => {
      const s = get();
      if (!s.playing) return;
      const [lo, hi] = bounds(s);
      if (s.cursor >= hi) {
        if (!s.loop) return set({ playing: false });
        set({ cursor: lo, direction: 0 });
        return schedule();
      }
      set({ cursor: s.cursor + 1, direction: 1 });
      if (get().cursor >= hi && !get().loop) set({ playing: false });
      else schedule();
    }, STEP_MS / speed);
  };
  /**
   * A run that starts from the one on screen (a what-if branch, typed commands): simulated here
   * when small, in the Worker when big, so the page stays responsive.
   */
  const runFrom = (input: SimulationInput, show: (trace: Trace) => void): Promise<void> => {
    const scenario = scenarioById(get().scenario) ?? DEFAULT_SCENARIO;
    get().pause();
    if (!isBig(scenario) && !isBigManifests(input.manifests) && input.cluster.nodes.length <= 8 && simulatorLoaded()) {
      // It replaces any run still being made (the page's first one).
      set({ simulating: false });
      show(simulate(input));
      return Promise.resolve();
    }
    set({ simulating: true });
    return simulateInputInWorker(input).then(
      (trace) => {
        set({ simulating: false });
        show(trace);
      },
      () => set({ simulating: false }),
    );
  };
  const move = (cursor: number): void => {
    const [lo, hi] = bounds(get());
    const now = get().cursor;
    const clamped = Math.max(lo, Math.min(hi, Math.round(cursor)));
    set({ cursor: clamped, direction: clamped === now + 1 ? 1 : 0 });
    if (get().playing) schedule();
  };
  // The page opens where its link says; a big scenario from a link is simulated in the Worker after start.
  const { view: opened, ...problem } = readLink(typeof location === 'undefined' ? '' : location.hash);
  // Every run of this page uses the link's seed (1 by default), set before the first run.
  setRunSeed(opened.seed ?? 1);
  const linked = opened.scenario ? scenarioById(opened.scenario) : undefined;
  const start = linked && !isBig(linked) ? linked : DEFAULT_SCENARIO;
  const initialLevel: DetailLevel = opened.level ?? 'overview';
  // The learner's YAML from a link runs on the linked scenario's cluster; unreadable YAML is reported, not run.
  const fromLink = opened.yaml === undefined ? null : readManifests(opened.yaml);
  const linkedObjects = fromLink?.ok ? fromLink.objects : null;
  const runNow = linkedObjects !== null && !isBig(start) && !isBigManifests(linkedObjects);
  baseInput = runNow ? customInput(start, linkedObjects) : () => scenarioInput(start);
  // The page's first run is made in slices once the page is up (`firstRun`): the diagram is drawn
  // from the cluster's nodes meanwhile. What else the link asks for follows that run.
  const followLink = (): void => {
    if (linked === start && (opened.cluster || opened.whatIf || opened.cmds))
      get().openView({ cluster: opened.cluster, whatIf: opened.whatIf, cmds: opened.cmds, step: opened.step });
    if (linkedObjects && !runNow) get().applyManifests(linkedObjects, opened.yaml);
    if (linked && linked !== start) get().openView(opened);
  };
  // The range lives in the fragment with the rest of the view; an older embed's query still works.
  const embedded = embedRange({
    ...EMBED.options,
    from: opened.from ?? EMBED.options.from,
    to: opened.to ?? EMBED.options.to,
  });
  const rejected = [
    ...problem.rejected,
    ...(fromLink && !fromLink.ok ? ['yaml'] : []),
    ...(EMBED.options.embed ? EMBED.rejected : []),
  ];
  const wanted = linked === start || !linked ? (opened.step ?? embedded?.from ?? 0) : 0;
  beginFirstRun = () => {
    const run = latestRun;
    let first: SimulationInput | undefined;
    // What the steps say loads meanwhile; without it the run is shown untold (narrationOf), not refused.
    const told = loadStepTexts(get().language).catch(() => undefined);
    return Promise.all([simulateInSlices(() => (first = currentInput())), told]).then(
      ([trace]) => {
        // Something else was asked for meanwhile (another scenario, the editor's Apply): that run wins.
        if (run !== latestRun || first !== baseInput) return;
        const visible = visibleSteps(trace.steps, get().level);
        const { range } = get();
        set({
          trace,
          original: trace,
          visible,
          simulating: false,
          stepTexts: stepTextsLoaded(get().language),
          cursor: Math.min(Math.max(wanted, range?.from ?? 0), range?.to ?? Infinity, visible.length),
          direction: 0,
        });
        followLink();
      },
      (error: unknown) => {
        if (run === latestRun) set({ simulating: false });
        throw error;
      },
    );
  };
  const first = emptyTrace(start.cluster);
  const startLanguage = opened.language ?? detectLanguage(browserLanguages());
  return {
    scenario: start.id,
    shownScenario: start.id,
    simulating: true,
    trace: first,
    level: initialLevel,
    visible: [],
    cursor: 0,
    direction: 0,
    playing: false,
    loop: opened.loop ?? false,
    speed: opened.speed ?? 1,
    language: startLanguage,
    stepTexts: stepTextsLoaded(startLanguage),
    theme: opened.theme ?? 'system',
    linkProblem: rejected.length || problem.tooLong ? { ...problem, rejected } : null,
    seed: opened.seed ?? 1,
    range: embedded,
    custom: runNow,
    customYaml: runNow ? (opened.yaml ?? null) : null,
    original: first,
    branches: [],
    branch: -1,
    clusterDraft: null,
    prompt: [],

    load(next) {
      clearTimeout(timer);
      set({
        trace: next,
        original: next,
        branches: [],
        branch: -1,
        prompt: [],
        visible: visibleSteps(next.steps, get().level),
        cursor: 0,
        direction: 0,
        playing: false,
      });
    },
    setScenario(id) {
      const scenario = scenarioById(id);
      if (!scenario || (id === get().scenario && !get().custom)) return Promise.resolve();
      latestRun++;
      get().pause();
      if (!isBig(scenario) && simulatorLoaded()) {
        baseInput = scenarioInput(scenario);
        set({
          scenario: id,
          shownScenario: id,
          simulating: false,
          custom: false,
          customYaml: null,
          clusterDraft: null,
        });
        get().load(simulateNow(scenario));
        return Promise.resolve();
      }
      set({ scenario: id, simulating: true });
      return simulateInWorker(scenario).then(
        (trace) => {
          // A later pick wins over a run that finishes late.
          if (get().scenario !== id) return;
          baseInput = scenarioInput(scenario);
          set({ simulating: false, shownScenario: id, custom: false, customYaml: null, clusterDraft: null });
          get().load(trace);
        },
        () => set({ simulating: false }),
      );
    },
    openView(view) {
      if (view.yaml !== undefined && !yamlReaderLoaded()) return void loadYamlReader().then(() => get().openView(view));
      const s = get();
      if (view.level) s.setLevel(view.level);
      if (view.speed) s.setSpeed(view.speed);
      if (view.loop !== undefined) s.setLoop(view.loop);
      if (view.language) s.setLanguage(view.language);
      if (view.theme) s.setTheme(view.theme);
      let ready = view.scenario ? s.setScenario(view.scenario) : Promise.resolve();
      const loaded = view.yaml === undefined ? null : readManifests(view.yaml);
      if (loaded?.ok) ready = ready.then(() => get().applyManifests(loaded.objects, view.yaml));
      const step = view.step;
      // An edited cluster, the prompt's commands, then a branch of the run with them: each waits for the run before it.
      const { cluster, whatIf, cmds } = view;
      if (cluster || whatIf || cmds) {
        if (cluster) ready = ready.then(() => void get().setCluster(cluster));
        if (cmds) ready = ready.then(() => get().setPrompt(cmds));
        if (whatIf) ready = ready.then(() => get().addBranch(whatIf));
        void ready.then(() => step !== undefined && get().seek(step));
        return;
      }
      if (step === undefined) return;
      if (!view.scenario || get().shownScenario === view.scenario) get().seek(step);
      else void ready.then(() => get().shownScenario === view.scenario && get().seek(step));
    },
    dismissLinkProblem() {
      set({ linkProblem: null });
    },
    applyManifests(manifests, yaml) {
      const scenario = scenarioById(get().scenario) ?? DEFAULT_SCENARIO;
      // On the learner's edited cluster, if there is one.
      const input = {
        ...customInput(scenario, manifests),
        ...(get().clusterDraft ? { cluster: currentInput().cluster } : {}),
      };
      const show = (trace: Trace): void => {
        const before = get();
        const visible = visibleSteps(trace.steps, before.level);
        clearTimeout(timer);
        baseInput = input;
        set({
          trace,
          original: trace,
          branches: [],
          branch: -1,
          visible,
          cursor: placeAfterReplace(before.visible, before.cursor, visible),
          direction: 0,
          playing: false,
          custom: true,
          customYaml: yaml ?? null,
          shownScenario: scenario.id,
          prompt: [],
          simulating: false,
        });
      };
      const run = ++latestRun;
      get().pause();
      if (!isBig(scenario) && !isBigManifests(manifests) && simulatorLoaded()) return show(simulate(input));
      set({ simulating: true });
      void simulateInputInWorker(input).then(
        (trace) => {
          if (run !== latestRun) return;
          set({ simulating: false });
          show(trace);
        },
        () => {
          if (run === latestRun) set({ simulating: false });
        },
      );
    },
    whatIf(fault) {
      return get().addBranch({ atStep: Math.max(currentSeq(get()), 0), fault });
    },
    addBranch(asked) {
      // Asked for as the page opens: the run's input is YAML, read once the reader is here.
      if (!yamlReaderLoaded()) return loadYamlReader().then(() => get().addBranch(asked));
      // A step past the original's end (a hand-made link) branches from its last step.
      const whatIf = { ...asked, atStep: Math.min(asked.atStep, Math.max(get().original.steps.length - 1, 0)) };
      const same = get().branches.findIndex((b) => JSON.stringify(b.whatIf) === JSON.stringify(whatIf));
      if (same >= 0) {
        get().switchBranch(same);
        return Promise.resolve();
      }
      const input: SimulationInput = { ...currentInput(), whatIf };
      const original = get().original;
      const keep = (trace: Trace): void => {
        // A branch of a run that has since been replaced is dropped.
        if (get().original !== original) return;
        set({ branches: [...get().branches, { whatIf, trace }] });
        get().switchBranch(get().branches.length - 1);
      };
      return runFrom(input, keep);
    },
    switchBranch(index) {
      const s = get();
      const trace = index < 0 ? s.original : s.branches[index]?.trace;
      if (!trace) return;
      // The same step: the prefix is the same in every branch, so the seq on screen is too.
      const seq = currentSeq(s);
      const visible = visibleSteps(trace.steps, s.level);
      set({
        trace,
        branch: index < 0 ? -1 : index,
        visible,
        cursor: seq < 0 ? 0 : cursorForSeq(visible, seq),
        direction: 0,
      });
      move(get().cursor);
    },
    setCluster(draft) {
      const scenario = scenarioById(get().scenario) ?? DEFAULT_SCENARIO;
      const result = draft ? clusterOfDraft(draft, scenario.cluster) : null;
      if (result && !result.ok) return result;
      // Asked for before the simulator is loaded (the page has just opened): made once it is.
      if (!simulatorLoaded()) {
        void loadSimulator().then(() => get().setCluster(draft));
        return result;
      }
      // The prompt's commands belong to the run they were typed in: another cluster starts without them.
      const { commands: _dropped, ...base } = currentInput();
      const input: SimulationInput = { ...base, cluster: result?.ok ? result.cluster : scenario.cluster };
      latestRun++;
      get().pause();
      const before = get();
      const trace = simulate(input);
      const visible = visibleSteps(trace.steps, before.level);
      baseInput = input;
      set({
        trace,
        original: trace,
        branches: [],
        branch: -1,
        visible,
        cursor: placeAfterReplace(before.visible, before.cursor, visible),
        direction: 0,
        clusterDraft: draft,
        prompt: [],
        simulating: false,
      });
      return result;
    },
    setPrompt(entries, play = false) {
      if (!yamlReaderLoaded()) return loadYamlReader().then(() => get().setPrompt(entries, play));
      const { commands } = engineCommands(entries);
      if (JSON.stringify(commands) === JSON.stringify(currentInput().commands ?? [])) {
        set({ prompt: entries });
        return Promise.resolve();
      }
      const input: SimulationInput = { ...currentInput(), commands };
      const original = get().original;
      const show = (trace: Trace): void => {
        // A run replaced meanwhile (another scenario, the editor's Apply) drops this one.
        if (get().original !== original) return;
        const s = get();
        // The step on screen, or the one the last command waits for (a shell runs one command after another).
        const at = Math.max(currentSeq(s), commands[commands.length - 1]?.atStep ?? -1);
        const visible = visibleSteps(trace.steps, s.level);
        baseInput = input;
        clearTimeout(timer);
        set({
          trace,
          original: trace,
          branches: [],
          branch: -1,
          visible,
          cursor: at < 0 ? 0 : cursorForSeq(visible, at),
          direction: 0,
          playing: false,
          prompt: entries,
        });
        if (play) get().play();
      };
      return runFrom(input, show);
    },
    play() {
      const s = get();
      // Play at the end starts over, as media players do.
      const [lo, hi] = bounds(s);
      if (s.cursor >= hi) set({ cursor: lo, direction: 0 });
      set({ playing: true });
      if (get().cursor === 0) set({ cursor: 1, direction: 1 });
      schedule();
    },
    pause() {
      clearTimeout(timer);
      set({ playing: false });
    },
    toggle() {
      if (get().playing) get().pause();
      else get().play();
    },
    next() {
      move(get().cursor + 1);
    },
    prev() {
      move(get().cursor - 1);
    },
    seek(cursor) {
      move(cursor);
    },
    restart() {
      move(0);
    },
    end() {
      clearTimeout(timer);
      set({ cursor: bounds(get())[1], direction: 0, playing: false });
    },
    setRange(range) {
      set({ range });
      move(get().cursor);
    },
    setSpeed(speed) {
      set({ speed });
      if (get().playing) schedule();
    },
    setLoop(loop) {
      set({ loop });
    },
    setLevel(level) {
      const { visible, cursor, trace } = get();
      const seq = cursor === 0 ? -1 : visible[cursor - 1]!.seq;
      const nextVisible = visibleSteps(trace.steps, level);
      set({ level, visible: nextVisible, cursor: seq < 0 ? 0 : cursorForSeq(nextVisible, seq), direction: 0 });
      if (get().playing) schedule();
    },
    setLanguage(language) {
      wantedLanguage = language;
      if (catalogLoaded(language) && stepTextsLoaded(language)) return set({ language, stepTexts: true });
      // Switch once the page's words are here, with what the steps say if that comes too; a later choice
      // made meanwhile wins. If the page's words cannot load, stay as we are.
      loadCatalog(language)
        .then(() => loadStepTexts(language).catch(() => undefined))
        .then(
          () => wantedLanguage === language && set({ language, stepTexts: stepTextsLoaded(language) }),
          () => undefined,
        );
    },
    setTheme(theme) {
      set({ theme });
    },
  };
});

/** The cursors playback may reach: the embed's range within the trace, or all of it. */
export function bounds(s: Pick<PlayerState, 'range' | 'visible'>): [number, number] {
  const last = s.visible.length;
  if (!s.range) return [0, last];
  const lo = Math.min(s.range.from, last);
  return [lo, Math.max(lo, Math.min(s.range.to, last))];
}

/** The step the cursor is on, or null before the first. */
export function currentStep(s: PlayerState): Step | null {
  return s.cursor === 0 ? null : (s.visible[s.cursor - 1] ?? null);
}

/** The trace position the view shows: every step up to this seq has happened. */
export function currentSeq(s: PlayerState): number {
  return currentStep(s)?.seq ?? -1;
}
