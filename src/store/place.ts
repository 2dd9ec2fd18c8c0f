/**
 * Where the learner lands when the trace is replaced by a new run of edited
 * manifests: on the same kind of step they were looking at (the same message
 * key, e.g. "the scheduler binds the Pod"), the nearest one to their old
 * position; if the new run has no such step, at the same step number,
 * clamped to the new run's length.
 */
import type { Step } from '../engine';

export function placeAfterReplace(before: Step[], cursor: number, after: Step[]): number {
  if (cursor <= 0) return 0;
  const was = before[cursor - 1];
  if (was) {
    let best = -1;
    after.forEach((s, i) => {
      if (s.say.key !== was.say.key) return;
      if (best < 0 || Math.abs(i + 1 - cursor) < Math.abs(best - cursor)) best = i + 1;
    });
    if (best > 0) return best;
  }
  return Math.min(cursor, after.length);
}
