/**
 * What the main area shows: the cluster diagram, the run as a sequence
 * diagram, or each Pod's lifecycle over virtual time. All three read
 * (trace, cursor) from the player store; this holds only the choice.
 */
import { create } from 'zustand';
import { readLink } from './link';

export type MainView = 'diagram' | 'sequence' | 'timeline';
export const MAIN_VIEWS: readonly MainView[] = ['diagram', 'sequence', 'timeline'];

interface MainViewState {
  view: MainView;
  setView(view: MainView): void;
}

export const useMainView = create<MainViewState>()((set) => ({
  // A link may open on another view than the diagram (link.ts has checked it).
  view: (typeof location === 'undefined' ? undefined : readLink(location.hash).view.main) ?? 'diagram',
  setView: (view) => set({ view }),
}));
