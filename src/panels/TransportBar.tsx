/**
 * Restart, step back, play/pause, step forward, go to end; speed; a scrubber
 * with a mark per step; "step N of M" and the virtual clock.
 */
import { memo, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { bounds, currentStep, SPEEDS, usePlayer, type Speed } from '../store/store';
import { ChapterMenu } from './ChapterMenu';
import { formatVirtualTime } from './format';
import { Icon, type IconName } from './icons';
import { useT } from './useT';
import { useBranchMark } from './WhatIf';

interface TransportButtonProps {
  label: string;
  /** The key that does the same, shown in the tooltip. */
  hint: string;
  icon: IconName;
  onClick: () => void;
  disabled?: boolean;
  primary?: boolean;
}

function TransportButton({ label, hint, icon, onClick, disabled, primary }: TransportButtonProps) {
  return (
    <button
      type="button"
      className={primary ? 'primary' : undefined}
      onClick={onClick}
      aria-label={label}
      title={`${label} (${hint})`}
      disabled={disabled}
    >
      <Icon name={icon} />
    </button>
  );
}

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
      lo: bounds(st)[0],
      hi: bounds(st)[1],
      playing: st.playing,
      loop: st.loop,
      speed: st.speed,
      at: currentStep(st)?.at ?? 0,
      simulating: st.simulating,
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
      setLoop: st.setLoop,
    })),
  );
  const mark = useBranchMark();
  return (
    <div className="transport" role="group" aria-label={t('transport.label')} data-testid="transport">
      <div className="transport-buttons">
        <TransportButton label={t('transport.restart')} hint="Home" icon="restart" onClick={actions.restart} />
        <TransportButton
          label={t('transport.stepBack')}
          hint="←"
          icon="stepBack"
          onClick={actions.prev}
          disabled={s.cursor <= s.lo}
        />
        <TransportButton
          label={s.playing ? t('transport.pause') : t('transport.play')}
          hint="Space"
          icon={s.playing ? 'pause' : 'play'}
          onClick={actions.toggle}
          // Nothing to play until the run is made (the page's first run takes a moment after the diagram).
          disabled={!s.playing && s.hi <= s.lo}
          primary
        />
        <TransportButton
          label={t('transport.stepForward')}
          hint="→"
          icon="stepForward"
          onClick={actions.next}
          disabled={s.cursor >= s.hi}
        />
        <TransportButton
          label={t('transport.end')}
          hint="End"
          icon="end"
          onClick={actions.end}
          disabled={s.cursor >= s.hi}
        />
        <button
          type="button"
          className="toggle"
          aria-pressed={s.loop}
          aria-label={t('transport.loop')}
          title={t('transport.loop')}
          onClick={() => actions.setLoop(!s.loop)}
          data-testid="loop"
        >
          <Icon name="loop" />
        </button>
      </div>
      <div className="scrubber">
        <StepMarks count={s.hi - s.lo} />
        {mark && (
          <span
            className="branch-mark"
            style={{ left: `calc(8px + (100% - 16px) * ${mark.at})` }}
            title={t('whatif.mark', { step: mark.step })}
            data-testid="branch-mark"
          />
        )}
        <input
          type="range"
          min={s.lo}
          max={s.hi}
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
        {s.simulating && (
          <span role="status" data-testid="simulating">
            {t('transport.simulating')}
          </span>
        )}
        <span className="mono" data-testid="virtual-clock" aria-label={t('transport.clockLabel')}>
          {t('transport.clock', { time: formatVirtualTime(s.at) })}
        </span>
      </div>
      <ChapterMenu />
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
