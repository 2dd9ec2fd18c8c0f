/**
 * The run as a sequence diagram: a lane per component, an arrow per shown
 * step, the arrow at the cursor highlighted and kept in view. Only the rows
 * in the scrolled window are rendered (a run may have 20,000 steps), and
 * nothing runs while the cursor stands still.
 */
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Translate } from '../i18n';
import { narrationOf } from '../i18n/narrate';
import { usePlayer } from '../store/store';
import { useT } from '../panels/useT';
import { sequenceModel, windowOf, type Arrow, type Lane } from './model';

/** Row height, lane width, the step-number gutter and the lane header, in px. */
const ROW = 30;
const LANE_W = 128;
const GUTTER = 52;
const HEADER = 46;

const laneX = (i: number): number => GUTTER + i * LANE_W + LANE_W / 2;

/**
 * The title sits over the arrow, centred, at least a lane and a half wide (it may spill past a short
 * arrow). Over a long arrow (to a node far right) it starts at the left end, where the eye is.
 */
function labelBox(xf: number, xt: number): { left: number; width: number; textAlign?: 'left' } {
  const span = Math.abs(xt - xf);
  if (span > LANE_W * 3) return { left: Math.min(xf, xt) + 12, width: LANE_W * 3 - 24, textAlign: 'left' };
  const width = Math.max(span - 8, LANE_W * 1.6);
  return { left: Math.max(GUTTER, (xf + xt) / 2 - width / 2), width };
}

function laneName(t: Translate, lane: Lane): string {
  return lane.node ? `${t(`component.${lane.kind}`)} (${lane.node})` : t(`component.${lane.kind}`);
}

export default function SequenceView() {
  const t = useT();
  const visible = usePlayer((s) => s.visible);
  const nodes = usePlayer((s) => s.trace.nodes);
  const cursor = usePlayer((s) => s.cursor);
  const seek = usePlayer((s) => s.seek);
  const model = useMemo(() => sequenceModel(visible, nodes), [visible, nodes]);
  const scroller = useRef<HTMLDivElement>(null);
  const [win, setWin] = useState({ start: 0, end: 40 });
  const count = model.arrows.length;

  const measure = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    const next = windowOf(count, ROW, el.scrollTop - HEADER, el.clientHeight);
    setWin((w) => (w.start === next.start && w.end === next.end ? w : next));
  }, [count]);

  useEffect(() => {
    measure();
    const el = scroller.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [measure]);

  // The arrow at the cursor stays in view as the cursor plays, steps or scrubs.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || cursor === 0) return;
    const top = HEADER + (cursor - 1) * ROW;
    const viewTop = el.scrollTop + HEADER;
    const viewBottom = el.scrollTop + el.clientHeight;
    if (top < viewTop || top + ROW > viewBottom) {
      el.scrollTop = Math.max(0, top - HEADER - (el.clientHeight - HEADER) / 2);
      measure();
    }
    // Sideways too, when the arrow lies wholly outside (a node far right in a big cluster).
    const arrow = model.arrows[cursor - 1];
    if (!arrow) return;
    const xs = [arrow.from, arrow.to, ...arrow.fanout].map(laneX);
    const lo = Math.min(...xs);
    const hi = Math.max(...xs);
    if (hi < el.scrollLeft + GUTTER || lo > el.scrollLeft + el.clientWidth)
      el.scrollLeft = Math.max(0, lo - GUTTER - LANE_W);
  }, [cursor, measure, model]);

  const onKey = (e: KeyboardEvent): void => {
    const page = Math.max(1, Math.floor(((scroller.current?.clientHeight ?? 300) - HEADER) / ROW) - 1);
    const to =
      e.key === 'ArrowDown'
        ? cursor + 1
        : e.key === 'ArrowUp'
          ? cursor - 1
          : e.key === 'PageDown'
            ? cursor + page
            : e.key === 'PageUp'
              ? cursor - page
              : e.key === 'Home'
                ? 0
                : e.key === 'End'
                  ? count
                  : null;
    if (to === null) return;
    // The transport's window listener leaves a handled key alone.
    e.preventDefault();
    seek(to);
  };

  const width = GUTTER + model.lanes.length * LANE_W;
  const height = HEADER + count * ROW;
  const rows: Arrow[] = model.arrows.slice(win.start, win.end);
  return (
    <section className="main-panel sequence" aria-label={t('sequence.label')} data-testid="sequence">
      <p className="main-hint muted">{t('sequence.hint')}</p>
      <div
        ref={scroller}
        className="sequence-scroll"
        role="listbox"
        tabIndex={0}
        aria-label={t('sequence.label')}
        aria-activedescendant={cursor > 0 ? `seq-row-${cursor}` : undefined}
        onScroll={measure}
        onKeyDown={onKey}
        data-testid="sequence-list"
      >
        <div className="sequence-inner" style={{ width, height }}>
          <div className="sequence-lanes" style={{ width }} aria-hidden="true">
            {model.lanes.map((lane, i) => (
              <div
                key={lane.id}
                className={`sequence-lane lane-${lane.kind}`}
                style={{ left: laneX(i) - LANE_W / 2, width: LANE_W }}
                title={lane.id}
              >
                <span className="sequence-lane-name">{t(`component.${lane.kind}`)}</span>
                {lane.node && <span className="sequence-lane-node mono">{lane.node}</span>}
              </div>
            ))}
          </div>
          {model.lanes.map((lane, i) => (
            <div
              key={lane.id}
              className="sequence-lifeline"
              style={{ left: laneX(i), top: HEADER, height: count * ROW }}
            />
          ))}
          {count === 0 && (
            <div role="option" aria-selected={false} className="muted sequence-empty">
              {t('sequence.empty')}
            </div>
          )}
          {rows.map((a) => (
            <SequenceRow
              key={a.step.seq}
              arrow={a}
              lanes={model.lanes}
              current={a.cursor === cursor}
              t={t}
              onSeek={seek}
            />
          ))}
        </div>
      </div>
    </section>
  );
}

const SequenceRow = memo(function SequenceRow({
  arrow,
  lanes,
  current,
  t,
  onSeek,
}: {
  arrow: Arrow;
  lanes: Lane[];
  current: boolean;
  t: Translate;
  onSeek: (cursor: number) => void;
}) {
  const title = narrationOf(t, arrow.step).title;
  const kind = t(`narration.kind.${arrow.kind}`);
  const from = laneName(t, lanes[arrow.from]!);
  const to = laneName(t, lanes[arrow.to]!);
  const label = arrow.self
    ? t('sequence.rowSelf', { n: arrow.cursor, kind, from, title })
    : t('sequence.row', {
        n: arrow.cursor,
        kind,
        from,
        to: [to, ...arrow.fanout.map((f) => laneName(t, lanes[f]!))].join(', '),
        title,
      });
  const xf = laneX(arrow.from);
  const xt = laneX(arrow.to);
  const receivers = [xt, ...arrow.fanout.map(laneX)];
  const lo = Math.min(xf, ...receivers);
  const hi = Math.max(xf, ...receivers);
  return (
    // A click seeks; the keys are the listbox's (↑/↓ move the cursor).
    <div
      id={`seq-row-${arrow.cursor}`}
      role="option"
      aria-selected={current}
      className={`sequence-row seq-${arrow.kind}${current ? ' seq-current' : ''}${arrow.step.summary ? ' seq-summary' : ''}`}
      style={{ top: HEADER + (arrow.cursor - 1) * ROW }}
      onClick={() => onSeek(arrow.cursor)}
      title={label}
      data-seq={arrow.step.seq}
    >
      {/* The name comes from this text (the picture beside it is hidden from assistive tech). */}
      <span className="visually-hidden">{label}</span>
      <span className="seq-n mono" aria-hidden="true">
        {arrow.cursor}
      </span>
      {arrow.self ? (
        <>
          <span className="seq-self" style={{ left: xf }} aria-hidden="true" />
          <span
            className="seq-label seq-label-self"
            style={{ left: xf + 16, maxWidth: LANE_W * 2 - 20 }}
            aria-hidden="true"
          >
            {title}
          </span>
        </>
      ) : (
        <>
          <span
            className={`seq-line ${xt > xf ? 'seq-rightward' : 'seq-leftward'}`}
            style={{ left: lo, width: hi - lo }}
            aria-hidden="true"
          />
          <span
            className={`seq-head ${xt > xf ? 'seq-rightward' : 'seq-leftward'}`}
            style={{ left: xt }}
            aria-hidden="true"
          />
          {/* A watch notification reaches every watcher: an arrowhead on each. */}
          {arrow.fanout.map((f) => (
            <span
              key={f}
              className={`seq-head ${laneX(f) > xf ? 'seq-rightward' : 'seq-leftward'}`}
              style={{ left: laneX(f) }}
              aria-hidden="true"
            />
          ))}
          <span className="seq-label" style={labelBox(xf, xt)} aria-hidden="true">
            {title}
          </span>
        </>
      )}
    </div>
  );
});
