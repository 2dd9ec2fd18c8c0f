/**
 * Performance marks the benchmark reads (bench/run.mjs): when the first
 * diagram is drawn, and when each step's update is committed. Marks are
 * cleared as they are made, so a long playback does not grow the timeline;
 * a PerformanceObserver still receives every one.
 */
import { useLayoutEffect } from 'react';
import { usePlayer } from '../store/store';

export const MARK = {
  firstDiagram: 'podflow:first-diagram',
  key: 'podflow:key',
  stepCommitted: 'podflow:step-committed',
} as const;

export function mark(name: string, detail?: unknown): void {
  performance.clearMarks(name);
  performance.mark(name, { detail });
}

/** Marks the commit of every cursor change: React runs layout effects after the DOM is updated. */
export function StepCommitMark() {
  const cursor = usePlayer((s) => s.cursor);
  useLayoutEffect(() => mark(MARK.stepCommitted, cursor), [cursor]);
  return null;
}
