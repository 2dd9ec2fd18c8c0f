/**
 * A run posted from the Worker in parts. The page reads a message where it
 * receives it, on its main thread: one structured clone of a 20,000-step
 * run took 150 ms and more there, one long task. In parts, each message is
 * a task of its own. The object versions go first; the steps follow with
 * each write naming its versions by their place in the key's history, so
 * the page gets the versions shared as the Worker had them (a step's
 * `after` is the history's value, not a copy of it).
 */
import type { ApiObject, ObjectChange, Step, TraceData } from '../types';
import type { History } from './trace';

/** A version not in its key's history (a key written twice in one step keeps only the last) travels whole. */
const NULL = -1;
const INLINE = -2;

interface ChangeRef {
  key: string;
  revision: number;
  /** The version's index in the key's history, NULL, or INLINE (then it is in `inline`). */
  before: number;
  after: number;
  inline?: [ApiObject | null, ApiObject | null];
}

type StepRef = Omit<Step, 'changes'> & { changes: ChangeRef[] };

export type TracePart =
  | { part: 'history'; entries: [string, History][] }
  | { part: 'steps'; steps: StepRef[] }
  | { part: 'end'; kubernetesVersion: string; nodes: TraceData['nodes']; end: TraceData['end'] };

/** About this many object versions, or steps, to a message: a few ms to read on the page's main thread. */
export const PART_SIZE = 500;

export function* traceParts(data: TraceData, size = PART_SIZE): Generator<TracePart, void, void> {
  const place = new Map<ApiObject, number>();
  let entries: [string, History][] = [];
  let count = 0;
  for (const [key, h] of data.history) {
    h.values.forEach((v, i) => {
      if (v) place.set(v, i);
    });
    entries.push([key, h]);
    count += h.values.length;
    if (count >= size) {
      yield { part: 'history', entries };
      entries = [];
      count = 0;
    }
  }
  if (entries.length) yield { part: 'history', entries };
  const ref = (key: string, v: ApiObject | null): number => {
    if (v === null) return NULL;
    const i = place.get(v);
    return i !== undefined && data.history.get(key)?.values[i] === v ? i : INLINE;
  };
  for (let from = 0; from < data.steps.length; from += size) {
    const steps = data.steps.slice(from, from + size).map((s): StepRef => {
      const changes = s.changes.map((c): ChangeRef => {
        const before = ref(c.key, c.before);
        const after = ref(c.key, c.after);
        return {
          key: c.key,
          revision: c.revision,
          before,
          after,
          ...(before === INLINE || after === INLINE ? { inline: [c.before, c.after] } : {}),
        };
      });
      return { ...s, changes };
    });
    yield { part: 'steps', steps };
  }
  yield { part: 'end', kubernetesVersion: data.kubernetesVersion, nodes: data.nodes, end: data.end };
}

/** Puts the parts back together, in the order they were posted; `add` returns the run with its last part. */
export class TraceAssembler {
  private readonly history = new Map<string, History>();
  private readonly steps: Step[] = [];

  add(part: TracePart): TraceData | undefined {
    if (part.part === 'history') {
      for (const [key, h] of part.entries) this.history.set(key, h);
      return undefined;
    }
    if (part.part === 'steps') {
      for (const s of part.steps) {
        const changes = s.changes.map((c): ObjectChange => ({
          key: c.key,
          before: this.version(c, c.before, 0),
          after: this.version(c, c.after, 1),
          revision: c.revision,
        }));
        this.steps.push({ ...s, changes });
      }
      return undefined;
    }
    return {
      steps: this.steps,
      history: this.history,
      kubernetesVersion: part.kubernetesVersion,
      nodes: part.nodes,
      end: part.end,
    };
  }

  private version(c: ChangeRef, at: number, side: 0 | 1): ApiObject | null {
    if (at === NULL) return null;
    if (at === INLINE) return c.inline![side];
    return this.history.get(c.key)!.values[at] ?? null;
  }
}
