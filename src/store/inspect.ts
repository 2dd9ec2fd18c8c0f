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

/** The side column as a link writes it (store/link.ts checks it), or nothing for the narration. */
export function inspectLink(st: Pick<InspectState, 'tab' | 'target'>): string | undefined {
  if (st.tab === 'narration') return undefined;
  if (st.tab !== 'inspector') return st.tab;
  return `inspector:${'component' in st.target ? st.target.component : st.target.object}`;
}

/** Opens what a (checked) link names. */
export function openInspectLink(raw: string): void {
  const st = useInspect.getState();
  if (raw === 'kubectl' || raw === 'transcript') return st.setTab(raw);
  const what = raw.slice('inspector:'.length);
  st.inspect(what.startsWith('/registry/') ? { object: what } : { component: what as ComponentId });
}
