/**
 * A straight edge that lights itself when the current step travels it. Each
 * edge reads only its own state, so a step re-renders the edges it touches,
 * not the whole edge list.
 */
import { BaseEdge, getStraightPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { currentStep, usePlayer } from '../store/store';
import { failureOfStep } from './failures';
import { edgeId } from './topology';

/** 'error' when the step that travels this edge is a failure (a refusal, a runtime error). */
function useLit(id: string): 'lit' | 'error' | null {
  return usePlayer((s) => {
    const step = currentStep(s);
    if (!step || step.from === step.to) return null;
    const on = edgeId(step.from, step.to) === id || (step.fanout?.some((to) => edgeId(step.from, to) === id) ?? false);
    if (!on) return null;
    return failureOfStep(s.trace, step.seq) ? 'error' : 'lit';
  });
}

export const FlowEdge = memo(function FlowEdge({ id, sourceX, sourceY, targetX, targetY }: EdgeProps) {
  const lit = useLit(id);
  const [path] = getStraightPath({ sourceX, sourceY, targetX, targetY });
  return (
    <BaseEdge
      id={id}
      path={path}
      className={lit === 'error' ? 'edge-path-active edge-path-error' : lit ? 'edge-path-active' : undefined}
    />
  );
});

export const EDGE_TYPES = { flow: FlowEdge };
