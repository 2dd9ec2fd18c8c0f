/**
 * A straight edge that lights itself when the current step travels it. Each
 * edge reads only its own state, so a step re-renders the edges it touches,
 * not the whole edge list.
 */
import { BaseEdge, getStraightPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { currentStep, usePlayer } from '../store/store';
import { edgeId } from './topology';

function useLit(id: string): boolean {
  return usePlayer((s) => {
    const step = currentStep(s);
    if (!step || step.from === step.to) return false;
    if (edgeId(step.from, step.to) === id) return true;
    return step.fanout?.some((to) => edgeId(step.from, to) === id) ?? false;
  });
}

export const FlowEdge = memo(function FlowEdge({ id, sourceX, sourceY, targetX, targetY }: EdgeProps) {
  const lit = useLit(id);
  const [path] = getStraightPath({ sourceX, sourceY, targetX, targetY });
  return <BaseEdge id={id} path={path} className={lit ? 'edge-path-active' : undefined} />;
});

export const EDGE_TYPES = { flow: FlowEdge };
