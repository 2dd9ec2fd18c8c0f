/**
 * Which tab of the side column is shown and what the inspector looks at. The
 * inspectors themselves read (trace, cursor) from the player store.
 */
import { create } from 'zustand';
import type { ComponentId } from '../engine';

export type SideTab = 'narration' | 'inspector' | 'kubectl' | 'transcript';
export const SIDE_TABS: readonly SideTab[] = ['narration', 'inspector', 'kubectl', 'transcript'];

/** A component of the diagram, or an API object by its etcd key. */
export type InspectTarget = { component: ComponentId } | { object: string };

interface InspectState {
  tab: SideTab;
  target: InspectTarget;
  setTab(tab: SideTab): void;
  inspect(target: InspectTarget): void;
}

export const useInspect = create<InspectState>()((set) => ({
  tab: 'narration',
  target: { component: 'kube-apiserver' },
  setTab: (tab) => set({ tab }),
  inspect: (target) => set({ target, tab: 'inspector' }),
}));
