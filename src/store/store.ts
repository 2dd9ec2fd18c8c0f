/**
 * The one store: the trace, the cursor, playback and preferences. Views
 * select the smallest slice they need. Playback is a single clock here;
 * views never own timers.
 */
import { create } from 'zustand';
import { simulate, type DetailLevel, type Step, type Trace } from '../engine';
import { detectLanguage, type Language } from '../i18n';
import { DEFAULT_SCENARIO, scenarioById } from '../scenarios';
import { customInput, isBig, isBigManifests, simulateInputInWorker, simulateInWorker, simulateNow } from './simulation';
import { placeAfterReplace } from './place';
import { cursorForSeq, visibleSteps } from './visible';

/** Wall time of one step at 1×. */
export const STEP_MS = 1000;
export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;
export type Speed = (typeof SPEEDS)[number];
export type Theme = 'system' | 'light' | 'dark';

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
  theme: Theme;
  /** The trace on screen is the learner's own YAML (the editor's Apply), on the scenario's cluster. */
  custom: boolean;
}

export interface PlayerActions {
  load(trace: Trace): void;
  /** Simulate a scenario and show it from its start. */
  setScenario(id: string): void;
  /** Simulate the learner's manifests on the current scenario's cluster, keeping the place. */
  applyManifests(manifests: unknown[]): void;
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
}

export type PlayerStore = PlayerState & PlayerActions;

let timer: ReturnType<typeof setTimeout> | undefined;
/** Bumped by every new run asked for: a Worker run that finishes after a newer request is dropped. */
let latestRun = 0;

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
      if (s.cursor >= s.visible.length) {
        if (!s.loop) return set({ playing: false });
        set({ cursor: 0, direction: 0 });
        return schedule();
      }
      set({ cursor: s.cursor + 1, direction: 1 });
      if (get().cursor >= get().visible.length && !get().loop) set({ playing: false });
      else schedule();
    }, STEP_MS / speed);
  };
  const move = (cursor: number): void => {
    const { visible, cursor: now } = get();
    const clamped = Math.max(0, Math.min(visible.length, Math.round(cursor)));
    set({ cursor: clamped, direction: clamped === now + 1 ? 1 : 0 });
    if (get().playing) schedule();
  };
  const initialLevel: DetailLevel = 'overview';
  const first = simulateNow(DEFAULT_SCENARIO);
  return {
    scenario: DEFAULT_SCENARIO.id,
    shownScenario: DEFAULT_SCENARIO.id,
    simulating: false,
    trace: first,
    level: initialLevel,
    visible: visibleSteps(first.steps, initialLevel),
    cursor: 0,
    direction: 0,
    playing: false,
    loop: false,
    speed: 1,
    language: detectLanguage(browserLanguages()),
    theme: 'system',
    custom: false,

    load(next) {
      clearTimeout(timer);
      set({ trace: next, visible: visibleSteps(next.steps, get().level), cursor: 0, direction: 0, playing: false });
    },
    setScenario(id) {
      const scenario = scenarioById(id);
      if (!scenario || (id === get().scenario && !get().custom)) return;
      latestRun++;
      get().pause();
      if (!isBig(scenario)) {
        set({ scenario: id, shownScenario: id, simulating: false, custom: false });
        return get().load(simulateNow(scenario));
      }
      set({ scenario: id, simulating: true });
      void simulateInWorker(scenario).then(
        (trace) => {
          // A later pick wins over a run that finishes late.
          if (get().scenario !== id) return;
          set({ simulating: false, shownScenario: id, custom: false });
          get().load(trace);
        },
        () => set({ simulating: false }),
      );
    },
    applyManifests(manifests) {
      const scenario = scenarioById(get().scenario) ?? DEFAULT_SCENARIO;
      const input = customInput(scenario, manifests);
      const show = (trace: Trace): void => {
        const before = get();
        const visible = visibleSteps(trace.steps, before.level);
        clearTimeout(timer);
        set({
          trace,
          visible,
          cursor: placeAfterReplace(before.visible, before.cursor, visible),
          direction: 0,
          playing: false,
          custom: true,
          shownScenario: scenario.id,
        });
      };
      const run = ++latestRun;
      get().pause();
      if (!isBig(scenario) && !isBigManifests(manifests)) return show(simulate(input));
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
    play() {
      const s = get();
      // Play at the end starts over, as media players do.
      if (s.cursor >= s.visible.length) set({ cursor: 0, direction: 0 });
      set({ playing: true });
      const t = get();
      if (t.cursor === 0) set({ cursor: 1, direction: 1 });
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
      set({ cursor: get().visible.length, direction: 0, playing: false });
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
      set({ language });
    },
    setTheme(theme) {
      set({ theme });
    },
  };
});

/** The step the cursor is on, or null before the first. */
export function currentStep(s: PlayerState): Step | null {
  return s.cursor === 0 ? null : (s.visible[s.cursor - 1] ?? null);
}

/** The trace position the view shows: every step up to this seq has happened. */
export function currentSeq(s: PlayerState): number {
  return currentStep(s)?.seq ?? -1;
}
