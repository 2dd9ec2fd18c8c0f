/**
 * Which steps a detail level shows. Levels nest (overview ⊂ standard ⊂
 * deep), except summary steps: they stand for several finer steps and show
 * at the overview level only.
 */
import { DETAIL_LEVELS, type DetailLevel, type Step } from '../engine/types';

export function isVisible(step: Step, level: DetailLevel): boolean {
  if (step.summary) return level === 'overview';
  return DETAIL_LEVELS.indexOf(step.level) <= DETAIL_LEVELS.indexOf(level);
}

export function visibleSteps(steps: readonly Step[], level: DetailLevel): Step[] {
  return steps.filter((s) => isVisible(s, level));
}

/** The cursor that keeps the learner's place: the number of visible steps at or before `seq`. */
export function cursorForSeq(visible: readonly Step[], seq: number): number {
  let lo = 0;
  let hi = visible.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (visible[mid]!.seq <= seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
