/**
 * kube-scheduler's cycles read back from its steps: each node's Filter
 * verdict, and the Score plugins' numbers for the nodes that passed (the
 * `verdicts` and `scoring` params the scheduler writes on its steps).
 */
import type { Step } from '../engine/types';

/** One scheduling cycle: each node's Filter verdict, and the Score plugins' numbers for the nodes that passed. */
export interface SchedulingCycle {
  pod: string;
  /** The seq of the Filter step. */
  seq: number;
  filter: { node: string; fits: boolean; plugin?: string; reasons: string[]; unresolvable: boolean }[];
  /** Absent when no node or a single node passed (the scheduler then does not score). */
  scores?: {
    nodes: string[];
    plugins: { plugin: string; weight: number; raw: number[]; scores: number[]; skipped: boolean }[];
    totals: number[];
  };
  /** The node picked, or null when the Pod did not fit anywhere. */
  node: string | null;
  /** FailedScheduling's message when it did not fit. */
  message?: string;
  /** The seq of the step that ended the cycle (Score, or FailedScheduling), when it has ended. */
  endSeq?: number;
}

/** Reads the cycles back from the scheduler's steps: Filter, then Score (or one node, or FailedScheduling). */
export function schedulingCycles(steps: readonly Step[]): SchedulingCycle[] {
  const cycles: SchedulingCycle[] = [];
  const open = new Map<string, SchedulingCycle>();
  for (const step of steps) {
    const p = step.say.params;
    const pod = String(p.pod ?? '');
    // No node fits: the scheduler reports Filter's verdicts with FailedScheduling in one step.
    const failedOutright = step.say.key === 'scheduler-unschedulable' && !open.has(pod) && p.verdicts;
    if (step.say.key === 'scheduler-filter' || failedOutright) {
      const verdicts = JSON.parse(String(p.verdicts)) as {
        node: string;
        reasons: string[];
        unresolvable: boolean;
        plugin?: string;
      }[];
      const cycle: SchedulingCycle = {
        pod,
        seq: step.seq,
        filter: verdicts.map((v) => ({ ...v, fits: v.reasons.length === 0 })),
        node: null,
      };
      cycles.push(cycle);
      if (failedOutright) {
        cycle.message = String(p.message);
        cycle.endSeq = step.seq;
      } else open.set(pod, cycle);
      continue;
    }
    const cycle = open.get(pod);
    if (!cycle) continue;
    if (step.say.key === 'scheduler-score' || step.say.key === 'scheduler-score-single') {
      cycle.node = String(p.node);
      if (p.scoring) cycle.scores = JSON.parse(String(p.scoring)) as SchedulingCycle['scores'];
      cycle.endSeq = step.seq;
      open.delete(pod);
    } else if (step.say.key === 'scheduler-unschedulable') {
      cycle.message = String(p.message);
      cycle.endSeq = step.seq;
      open.delete(pod);
    }
  }
  return cycles;
}
