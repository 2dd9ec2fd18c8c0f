/**
 * Restart, step back, play/pause, step forward, go to end; speed; a scrubber
 * with a mark per step; "step N of M" and the virtual clock.
 */
import { memo, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { currentStep, SPEEDS, usePlayer, type Speed } from '../store/store';
import { formatVirtualTime } from './format';
import { Icon } from './icons';
import { useT } from './useT';

function StepMarks({ count }: { count: number }) {
  const d = useMemo(() => {
    let path = '';
    for (let i = 0; i <= count; i++) path += `M${(i / Math.max(count, 1)) * 1000} 0v10`;
    return path;
  }, [count]);
  return (
    <svg className="scrubber-marks" viewBox="0 0 1000 10" preserveAspectRatio="none" aria-hidden="true">
      <path d={d} stroke="currentColor" strokeWidth="2" vectorEffect="non-scaling-stroke" />
    </svg>
  );
}

export const TransportBar = memo(function TransportBar() {
  const t = useT();
  const s = usePlayer(
    useShallow((st) => ({
      cursor: st.cursor,
      total: st.visible.length,
      playing: st.playing,
      speed: st.speed,
      at: currentStep(st)?.at ?? 0,
    })),
  );
  const actions = usePlayer(
    useShallow((st) => ({
      restart: st.restart,
      prev: st.prev,
      toggle: st.toggle,
      next: st.next,
      end: st.end,
      seek: st.seek,
      setSpeed: st.setSpeed,
    })),
  );
  return (
    <div className="transport" role="group" aria-label={t('transport.label')} data-testid="transport">
      <div className="transport-buttons">
        <button
          type="button"
          onClick={actions.restart}
          aria-label={t('transport.restart')}
          title={`${t('transport.restart')} (Home)`}
        >
          <Icon name="restart" />
        </button>
        <button
          type="button"
          onClick={actions.prev}
          aria-label={t('transport.stepBack')}
          title={`${t('transport.stepBack')} (←)`}
          disabled={s.cursor === 0}
        >
          <Icon name="stepBack" />
        </button>
        <button
          type="button"
          className="primary"
          onClick={actions.toggle}
          aria-label={s.playing ? t('transport.pause') : t('transport.play')}
          title={`${s.playing ? t('transport.pause') : t('transport.play')} (Space)`}
        >
          <Icon name={s.playing ? 'pause' : 'play'} />
        </button>
        <button
          type="button"
          onClick={actions.next}
          aria-label={t('transport.stepForward')}
          title={`${t('transport.stepForward')} (→)`}
          disabled={s.cursor >= s.total}
        >
          <Icon name="stepForward" />
        </button>
        <button
          type="button"
          onClick={actions.end}
          aria-label={t('transport.end')}
          title={`${t('transport.end')} (End)`}
          disabled={s.cursor >= s.total}
        >
          <Icon name="end" />
        </button>
      </div>
      <div className="scrubber">
        <StepMarks count={s.total} />
        <input
          type="range"
          min={0}
          max={s.total}
          step={1}
          value={s.cursor}
          aria-label={t('transport.scrubber')}
          aria-valuetext={t('transport.stepOf', { n: s.cursor, total: s.total })}
          data-testid="scrubber"
          onChange={(e) => actions.seek(Number(e.currentTarget.value))}
        />
      </div>
      <div className="transport-readout">
        <span data-testid="step-counter">{t('transport.stepOf', { n: s.cursor, total: s.total })}</span>
        <span className="mono" data-testid="virtual-clock" aria-label={t('transport.clockLabel')}>
          {t('transport.clock', { time: formatVirtualTime(s.at) })}
        </span>
      </div>
      <label className="speed">
        <span>{t('transport.speed')}</span>
        <select
          value={s.speed}
          onChange={(e) => actions.setSpeed(Number(e.currentTarget.value) as Speed)}
          data-testid="speed"
        >
          {SPEEDS.map((v) => (
            <option key={v} value={v}>
              {v}×
            </option>
          ))}
        </select>
      </label>
    </div>
  );
});
