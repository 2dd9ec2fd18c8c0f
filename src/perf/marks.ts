/**
 * Performance marks the benchmark reads (bench/run.mjs): when the first
 * diagram is drawn, and when each step's update is committed. Marks are
 * cleared as they are made, so a long playback does not grow the timeline;
 * a PerformanceObserver still receives every one. Nothing here imports the
 * app, so the bench's floor page can set the same marks and stay bare.
 */

export const MARK = {
  firstDiagram: 'podflow:first-diagram',
  key: 'podflow:key',
  stepCommitted: 'podflow:step-committed',
} as const;

export function mark(name: string, detail?: unknown): void {
  performance.clearMarks(name);
  performance.mark(name, { detail });
}
