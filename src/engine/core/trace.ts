/**
 * A trace over its plain data: the objects at any step found by binary
 * search in each key's history. The page needs only this (a run may come
 * from a Worker); recording a run is the simulator's (recorder.ts).
 */
import type { ApiObject, ObjectMap, Trace, TraceData } from '../types';

export interface History {
  seqs: number[];
  values: (ApiObject | null)[];
}

/** The functions a Trace offers, over its plain data (which may have come from a Worker). */
export function traceFromData(data: TraceData): Trace {
  const history = data.history;
  const objectAt = (key: string, seq: number): ApiObject | undefined => {
    const h = history.get(key);
    if (!h) return undefined;
    const i = lastAtOrBefore(h.seqs, seq);
    return i < 0 ? undefined : (h.values[i] ?? undefined);
  };
  return {
    kubernetesVersion: data.kubernetesVersion,
    nodes: data.nodes,
    end: data.end,
    steps: data.steps,
    objectAt,
    objectsAt(seq: number, prefix?: string): ObjectMap {
      const out = new Map<string, ApiObject>();
      for (const key of history.keys()) {
        if (prefix && !key.startsWith(prefix)) continue;
        const v = objectAt(key, seq);
        if (v) out.set(key, v);
      }
      return out;
    },
  };
}

/** Index of the last element ≤ target in an ascending array, or -1. */
export function lastAtOrBefore(sorted: readonly number[], target: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= target) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}
