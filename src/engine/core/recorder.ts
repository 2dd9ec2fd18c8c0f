/**
 * The trace recorder: steps in order, and for every etcd key the list of
 * values it held, so the objects at any step are found by binary search
 * instead of replaying the run.
 */
import { SOURCES } from '../sources';
import type { ApiObject, ObjectChange, Step, TraceData } from '../types';
import type { History } from './trace';

/**
 * The writes of a step that made none: one frozen empty list shared by every
 * such step (nine in ten), replaced by the step's own list at its first write.
 */
export const NO_CHANGES: readonly ObjectChange[] = Object.freeze([]);

/** Objects that exist before the first step carry this sequence number. */
const INITIAL = -1;

export class TraceRecorder {
  readonly steps: Step[] = [];
  private readonly history = new Map<string, History>();

  seed(key: string, value: ApiObject): void {
    this.remember(key, INITIAL, value);
  }

  /** Takes ownership of `step`, numbers it, and names the upstream file it follows. */
  add(step: Omit<Step, 'seq'>): Step {
    const full = step as Step;
    full.seq = this.steps.length;
    full.source ??= SOURCES[full.say.key];
    this.steps.push(full);
    return full;
  }

  /** Attach a write to the most recent step. */
  change(key: string, before: ApiObject | null, after: ApiObject | null, revision: number): void {
    const step = this.steps[this.steps.length - 1];
    if (!step) throw new Error('a change needs a step to belong to');
    const write: ObjectChange = { key, before, after, revision };
    if (step.changes === NO_CHANGES) step.changes = [write];
    else (step.changes as ObjectChange[]).push(write);
    this.remember(key, step.seq, after);
  }

  /** Drop every step from `length` on, with the writes they made. */
  truncate(length: number): void {
    if (length >= this.steps.length) return;
    this.steps.length = length;
    for (const h of this.history.values()) {
      let n = h.seqs.length;
      while (n > 0 && h.seqs[n - 1]! >= length) n--;
      h.seqs.length = n;
      h.values.length = n;
    }
  }

  /** The run as plain data: structured-cloneable, so a Worker can post it. */
  finish(meta: Pick<TraceData, 'kubernetesVersion' | 'nodes' | 'end'>): TraceData {
    return { ...meta, steps: this.steps, history: this.history };
  }

  private remember(key: string, seq: number, value: ApiObject | null): void {
    const h = this.history.get(key);
    if (!h) {
      // Made with the first value in (most keys, every Event, are written once): lists of one, not empty ones grown.
      this.history.set(key, { seqs: [seq], values: [value] });
    } else if (h.seqs[h.seqs.length - 1] === seq) {
      h.values[h.values.length - 1] = value;
    } else {
      h.seqs.push(seq);
      h.values.push(value);
    }
  }
}
