/**
 * Predict mode: before each overview step is revealed, the learner guesses
 * which component acts next; the step then shows whether they were right and
 * why (its narration). A score runs along. Kept beside the player store: it
 * only reads the steps and moves the cursor through the player's own actions.
 */
import { create } from 'zustand';
import type { ComponentId, Step } from '../engine/types';
import { usePlayer } from '../store/store';

/** The kinds of component a learner can name: per-node parts by their kind, not their node. */
export const ACTORS = [
  'kubectl',
  'kube-apiserver',
  'etcd',
  'kube-controller-manager',
  'kube-scheduler',
  'kubelet',
  'runtime',
  'cni',
  'kube-proxy',
  'coredns',
] as const;
export type Actor = (typeof ACTORS)[number];

export function actorOf(id: ComponentId): Actor {
  return id.split('/')[0] as Actor;
}

export interface Guess {
  seq: number;
  guess: Actor;
  actual: Actor;
}

interface PredictState {
  on: boolean;
  /** Every guess made in this run, in order. */
  guesses: Guess[];
  toggle(): void;
  /** Guess who acts in the next step, and reveal it. */
  guess(actor: Actor): void;
}

/** The step the next press of → would reveal. */
export function nextStep(): Step | undefined {
  const s = usePlayer.getState();
  return s.visible[s.cursor];
}

export const usePredict = create<PredictState>()((set, get) => ({
  on: false,
  guesses: [],
  toggle() {
    const on = !get().on;
    set({ on, guesses: [] });
    if (on) {
      const player = usePlayer.getState();
      // Predict mode is about the story's steps, revealed one at a time.
      player.pause();
      player.setLevel('overview');
    }
  },
  guess(actor) {
    const step = nextStep();
    if (!step) return;
    set({ guesses: [...get().guesses, { seq: step.seq, guess: actor, actual: actorOf(step.from) }] });
    usePlayer.getState().next();
  },
}));

// A new run (another scenario, Apply, a branch) starts the score afresh.
usePlayer.subscribe((s, prev) => {
  if (s.trace !== prev.trace && usePredict.getState().guesses.length) usePredict.setState({ guesses: [] });
});
