/**
 * The transcript: the run as text, one line a step (the diagram's text
 * alternative), each line seeking there, the current one marked and kept
 * in view. A run of 200 replicas has 22,000 steps at the
 * deep level, so only the lines in view (and a few around them) are in the
 * page: the side column scrolls over the whole list's height.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useLayoutEffect, useRef, useState } from 'react';
import { narrationOf } from '../i18n/narrate';
import { useT } from '../panels/useT';
import { usePlayer } from '../store/store';

/** A line's height before it is measured (one line of text at the transcript's size). */
const LINE_PX = 24;

export const Transcript = memo(function Transcript() {
  const t = useT();
  const visible = usePlayer((s) => s.visible);
  const cursor = usePlayer((s) => s.cursor);
  const seek = usePlayer((s) => s.seek);
  const list = useRef<HTMLOListElement>(null);
  // The side column scrolls (its tabs and the transcript together): the list starts this far down it.
  const [scroller, setScroller] = useState<{ element: HTMLElement; margin: number } | null>(null);
  useLayoutEffect(() => {
    const element = list.current?.closest<HTMLElement>('.side');
    if (!element || !list.current) return;
    const margin = list.current.getBoundingClientRect().top - element.getBoundingClientRect().top + element.scrollTop;
    setScroller({ element, margin });
  }, []);
  // podflow does not use the React Compiler, and the virtualizer's functions stay in this component.
  // oxlint-disable-next-line react/incompatible-library
  const lines = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scroller?.element ?? null,
    estimateSize: () => LINE_PX,
    scrollMargin: scroller?.margin ?? 0,
    overscan: 12,
  });
  useLayoutEffect(() => {
    if (cursor > 0 && scroller) lines.scrollToIndex(cursor - 1, { align: 'auto' });
  }, [cursor, scroller, lines]);
  const margin = lines.options.scrollMargin;
  return (
    <section aria-label={t('inspect.tab.transcript')} data-testid="transcript">
      <ol className="transcript" ref={list} style={{ height: lines.getTotalSize() }} data-lines={visible.length}>
        {lines.getVirtualItems().map((line) => {
          const s = visible[line.index]!;
          const n = line.index + 1;
          return (
            <li
              key={s.seq}
              ref={lines.measureElement}
              data-index={line.index}
              aria-posinset={n}
              aria-setsize={visible.length}
              style={{ transform: `translateY(${line.start - margin}px)` }}
            >
              <button
                type="button"
                className="transcript-line"
                aria-current={cursor === n ? 'step' : undefined}
                onClick={() => seek(n)}
              >
                <span className="mono muted">{n}.</span> <span className="mono">{s.from}</span>
                {s.from !== s.to ? <span className="mono"> → {s.to}</span> : null}: {narrationOf(t, s).title}
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
});
