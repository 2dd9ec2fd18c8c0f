/**
 * Each Pod's lifecycle over virtual time: a band per phase with its
 * duration, restarts marked, and the cursor as a vertical line. A click
 * seeks to that moment. The bands are drawn once per run; moving the cursor
 * only moves the line (a CSS variable), so playback re-renders nothing else.
 * Each Pod's row is a toolbar with one tab stop (a roving tabindex, as in
 * WAI-ARIA's toolbar pattern): ←/→ move between its bands, Home/End to the
 * first and last, Enter or Space seeks. 200 Pods are 200 tab stops, not one
 * per band.
 */
import { memo, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { Translate } from '../i18n';
import { formatVirtualTime } from '../panels/format';
import { useT } from '../panels/useT';
import { usePlayer } from '../store/store';
import { cursorForTime, formatDuration, LIFECYCLE_PHASES, podLifecycles, type PodLifecycle } from './lifecycle';

export default function TimelineView() {
  const t = useT();
  const trace = usePlayer((s) => s.trace);
  const lives = useMemo(() => podLifecycles(trace), [trace]);
  const runEnd = trace.steps.at(-1)?.at ?? 0;
  // Start-up: until the last Pod became Ready (or its last band began), with a margin; the whole run otherwise.
  const startupEnd = useMemo(() => {
    let last = 0;
    for (const l of lives) {
      const ready = l.bands.find((b) => b.phase === 'ready');
      last = Math.max(last, ready ? ready.from : (l.bands.at(-1)?.from ?? 0));
    }
    return Math.min(runEnd, last * 1.15 + 500);
  }, [lives, runEnd]);
  const [zoom, setZoom] = useState(false);
  const end = Math.max(1, zoom ? startupEnd : runEnd);
  const body = useRef<HTMLDivElement>(null);
  const line = useRef<HTMLSpanElement>(null);

  // The cursor's line follows without re-rendering the bands.
  useLayoutEffect(() => {
    const place = (): void => {
      const s = usePlayer.getState();
      const at = s.cursor > 0 ? (s.visible[s.cursor - 1]?.at ?? 0) : 0;
      const el = body.current;
      if (!el) return;
      // One element moves: a variable on an ancestor would restyle every band of every Pod.
      if (line.current) line.current.style.left = `${Math.min(100, (at / end) * 100)}%`;
      el.dataset.cursorMs = String(at);
      el.querySelector('.timeline-now-label')!.textContent = t('timeline.cursor', { time: formatVirtualTime(at) });
    };
    place();
    return usePlayer.subscribe((s, prev) => {
      if (s.cursor !== prev.cursor || s.visible !== prev.visible) place();
    });
  }, [end, t]);

  const seekTime = (at: number): void => {
    const s = usePlayer.getState();
    s.seek(cursorForTime(s.visible, at));
  };

  return (
    <section className="main-panel timeline" aria-label={t('timeline.label')} data-testid="timeline">
      <div className="timeline-bar">
        <p className="main-hint muted">{t('timeline.hint')}</p>
        {startupEnd < runEnd * 0.9 && (
          <button type="button" className="toggle" aria-pressed={zoom} onClick={() => setZoom(!zoom)}>
            {t('timeline.zoom')}
          </button>
        )}
      </div>
      <div className="timeline-body" ref={body} data-testid="timeline-body">
        <Axis end={end} />
        <p className="timeline-now-label mono" aria-live="off" />
        {lives.length === 0 ? (
          <p className="muted">{t('timeline.none')}</p>
        ) : (
          <div className="timeline-pods-wrap">
            <ol className="timeline-pods">
              {lives.map((l) => (
                <PodTrack key={`${l.key}@${l.bands[0]?.seq ?? 0}`} life={l} end={end} t={t} onSeek={seekTime} />
              ))}
            </ol>
            <div className="timeline-now-layer" aria-hidden="true">
              <span className="timeline-now" ref={line} />
            </div>
          </div>
        )}
      </div>
      <ul className="timeline-legend" aria-label={t('timeline.legend')}>
        {LIFECYCLE_PHASES.map((p) => (
          <li key={p}>
            <span className={`timeline-swatch phase-${p}`} aria-hidden="true" /> {t(`timeline.phase.${p}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Ticks at a round step (1, 2 or 5 × 10ⁿ ms), about six across. */
function Axis({ end }: { end: number }) {
  const raw = end / 6;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let x = 0; x <= end + 1e-9; x += step) ticks.push(x);
  return (
    <div className="timeline-axis" aria-hidden="true">
      <span className="timeline-axis-spacer" />
      <div className="timeline-axis-track">
        {ticks.map((x) => (
          <span key={x} className="timeline-tick mono" style={{ left: `${(x / end) * 100}%` }}>
            {x >= 1000 ? `${+(x / 1000).toFixed(2)} s` : `${x} ms`}
          </span>
        ))}
      </div>
    </div>
  );
}

const PodTrack = memo(function PodTrack({
  life,
  end,
  t,
  onSeek,
}: {
  life: PodLifecycle;
  end: number;
  t: Translate;
  onSeek: (at: number) => void;
}) {
  const pct = (ms: number): number => Math.max(0, Math.min(100, (ms / end) * 100));
  /** A mouse click seeks to where it landed; Enter or Space on a band, to its start. */
  const atClick = (e: MouseEvent<HTMLElement>, fallback: number): number => {
    const track = (e.currentTarget.closest('.timeline-track') ?? e.currentTarget) as HTMLElement;
    if (e.detail === 0) return fallback;
    const r = track.getBoundingClientRect();
    return r.width > 0 ? ((e.clientX - r.left) / r.width) * end : fallback;
  };
  const name = t('timeline.pod', { name: life.name });
  // The bands drawn (a zoomed axis cuts off those that begin after its end); one of them is the row's tab stop.
  const shown = life.bands.filter((b) => pct(b.from) < 100);
  const [active, setActive] = useState(0);
  const current = Math.min(active, shown.length - 1);
  const bands = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const last = shown.length - 1;
    const next =
      e.key === 'ArrowRight'
        ? Math.min(last, current + 1)
        : e.key === 'ArrowLeft'
          ? Math.max(0, current - 1)
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? last
              : -1;
    if (next < 0) return;
    // Handled here: the transport's ←/→/Home/End (window-level) leave a prevented key alone.
    e.preventDefault();
    setActive(next);
    bands.current[next]?.focus();
  };
  return (
    <li className="timeline-pod">
      <div className="timeline-pod-name">
        {/* Generated names differ at the end: a long one keeps its tail (nginx-…-7x9kq), the whole in the tooltip. */}
        <strong className="mono" title={life.name}>
          {life.name.length > 24 ? `…${life.name.slice(-22)}` : life.name}
        </strong>
        {life.node && <span className="muted"> {t('timeline.onNode', { node: life.node })}</span>}
        {life.restarts.length > 0 && <span className="timeline-restarts"> ↻{life.restarts.length}</span>}
      </div>
      {/* The track's own click is a pointer shortcut; the bands inside are the keyboard's way in, one tab stop a row. */}
      <div
        className="timeline-track"
        role="toolbar"
        aria-label={name}
        onClick={(e) => onSeek(atClick(e, 0))}
        onKeyDown={onKeyDown}
        data-testid={`timeline-track-${life.name}`}
      >
        {shown.map((b, i) => {
          const from = pct(b.from);
          const width = pct(b.to) - from;
          const duration = formatDuration(b.to - b.from);
          const label = t('timeline.band', {
            phase: t(`timeline.phase.${b.phase}`),
            duration,
            from: formatVirtualTime(b.from),
          });
          return (
            <button
              key={b.seq}
              type="button"
              className={`timeline-band phase-${b.phase}`}
              style={{ left: `${from}%`, width: `${width}%` }}
              aria-label={label}
              title={label}
              data-phase={b.phase}
              tabIndex={i === current ? 0 : -1}
              ref={(el) => {
                bands.current[i] = el;
              }}
              onFocus={() => setActive(i)}
              onClick={(e) => {
                e.stopPropagation();
                onSeek(atClick(e, b.from));
              }}
            >
              <span className="timeline-band-text">{duration}</span>
            </button>
          );
        })}
        {life.restarts.map((r) => {
          const label = t('timeline.restart', { count: r.count, container: r.container, at: formatVirtualTime(r.at) });
          return (
            <span
              key={r.seq}
              className="timeline-restart"
              style={{ left: `${pct(r.at)}%` }}
              title={label}
              aria-label={label}
              role="img"
            >
              ↻
            </span>
          );
        })}
        {life.deletedAt !== undefined && (
          <span className="visually-hidden">{t('timeline.deleted', { at: formatVirtualTime(life.deletedAt) })}</span>
        )}
      </div>
    </li>
  );
});
