/**
 * The packet of the current step: a dot that travels its edge from the
 * acting component to each receiver, moved with transforms only (GPU
 * friendly). It travels only when the cursor moves one step forward; a
 * jump or a step back changes state without movement.
 */
import { ViewportPortal } from '@xyflow/react';
import { m, useReducedMotion } from 'motion/react';
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ComponentId } from '../engine';
import { currentStep, STEP_MS, usePlayer } from '../store/store';
import { failureOfStep } from './failures';
import { center, type Topology } from './topology';

const translate = (p: { x: number; y: number }): string => `translateX(${p.x}px) translateY(${p.y}px)`;

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
  const a = center(from.box);
  const duration = Math.min(0.8 * (STEP_MS / speed), 900) / 1000;
  const targets = [step.to, ...(step.fanout ?? [])];
  return (
    <ViewportPortal>
      {targets.map((id) => {
        const to = place(id);
        if (!to) return null;
        const b = center(to.box);
        return (
          <m.div
            key={`${cursor}-${id}`}
            className={`packet packet-${step.kind}${failed ? ' packet-error' : ''}`}
            data-testid="packet"
            // One transform string, not x and y: motion hands a whole transform to the browser's own
            // animation (WAAPI, on the compositor); independent x/y run in script on every frame.
            initial={{ transform: translate(a), opacity: 0 }}
            animate={{ transform: translate(b), opacity: [0, 1, 1, 0] }}
            transition={{ duration, ease: 'easeInOut' }}
          />
        );
      })}
    </ViewportPortal>
  );
});
