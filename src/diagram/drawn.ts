/**
 * When the page's first diagram is drawn (React Flow's `onInit`: its nodes
 * are measured and fitted), or when the page opens on a view with no
 * diagram. The page's first run waits for it: the simulator's script and
 * first slice would otherwise compete with React Flow's first layout.
 */
let resolve: () => void;
export const firstDiagramDrawn = new Promise<void>((done) => (resolve = done));

export function diagramDrawn(): void {
  resolve();
}
