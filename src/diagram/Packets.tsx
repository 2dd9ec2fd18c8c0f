/**
 * The packet of the current step: a dot that travels its edge from the
 * acting component to each receiver. It travels only when the cursor moves
 * one step forward; a jump or a step back changes state without movement.
 */
import { ViewportPortal } from '@xyflow/react';
import { memo, useCallback } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ComponentId } from '../engine';
import { currentStep, STEP_MS, usePlayer } from '../store/store';
import { failureOfStep } from './failures';
import { center, type Topology } from './topology';
import { useReducedMotion } from './useReducedMotion';

const translate = (p: { x: number; y: number }): string => `translate(${p.x}px, ${p.y}px)`;

/**
 * One dot, moved by the browser's own animation (WAAPI) of transform and
 * opacity: no script runs while it travels, and nothing is left to stop when
 * the next step replaces it.
 */
function Packet({ from, to, ms, className }: { from: string; to: string; ms: number; className: string }) {
  // Runs when the dot is mounted (each step mounts its own), not on every render.
  const start = useCallback(
    (el: HTMLDivElement | null) => {
      el?.animate(
        [
          { transform: from, opacity: 0 },
          { opacity: 1, offset: 1 / 3 },
          { opacity: 1, offset: 2 / 3 },
          { transform: to, opacity: 0 },
        ],
        { duration: ms, easing: 'ease-in-out', fill: 'forwards' },
      );
    },
    [from, to, ms],
  );
  return <div ref={start} className={className} data-testid="packet" style={{ transform: from, opacity: 0 }} />;
}

export const Packets = memo(function Packets({ topology }: { topology: Topology }) {
  const reduce = useReducedMotion();
  const { step, cursor, direction, speed, failed } = usePlayer(
    useShallow((s) => {
      const now = currentStep(s);
      return {
        step: now,
        cursor: s.cursor,
        direction: s.direction,
        speed: s.speed,
        failed: !!now && !!failureOfStep(s.trace, now.seq),
      };
    }),
  );
  if (!step || direction !== 1 || step.from === step.to || reduce) return null;
  const place = (id: ComponentId) => topology.components.find((c) => c.id === id);
  const from = place(step.from);
  if (!from) return null;
  const a = translate(center(from.box));
  const ms = Math.min(0.8 * (STEP_MS / speed), 900);
  const targets = [step.to, ...(step.fanout ?? [])];
  const className = `packet packet-${step.kind}${failed ? ' packet-error' : ''}`;
  return (
    <ViewportPortal>
      {targets.map((id) => {
        const to = place(id);
        return (
          to && <Packet key={`${cursor}-${id}`} from={a} to={translate(center(to.box))} ms={ms} className={className} />
        );
      })}
    </ViewportPortal>
  );
});
