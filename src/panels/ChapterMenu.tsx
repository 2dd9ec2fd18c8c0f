/**
 * The story's chapters (the-story.md) for the run on screen: where the
 * learner is, and a menu to jump to the start of any chapter.
 */
import { memo, useMemo } from 'react';
import { usePlayer } from '../store/store';
import { chapterAt, chapterStarts, CHAPTERS } from '../story/chapters';
import { useT } from './useT';

export const ChapterMenu = memo(function ChapterMenu() {
  const t = useT();
  const visible = usePlayer((s) => s.visible);
  const cursor = usePlayer((s) => s.cursor);
  const seek = usePlayer((s) => s.seek);
  // While a run is made the menu keeps its place (disabled), so the transport does not shift when it lands.
  const simulating = usePlayer((s) => s.simulating);
  const starts = useMemo(() => chapterStarts(visible), [visible]);
  const current = chapterAt(starts, cursor);
  if (starts.length === 0 && !simulating) return null;
  return (
    <label className="chapter">
      <span>{t('chapter.label')}</span>
      <select
        value={current?.cursor ?? ''}
        onChange={(e) => seek(Number(e.currentTarget.value))}
        disabled={starts.length === 0}
        data-testid="chapter"
      >
        {!current && <option value="">{t('chapter.none')}</option>}
        {starts.map((s) => (
          <option key={s.chapter} value={s.cursor}>
            {CHAPTERS.indexOf(s.chapter)} · {t(`chapter.${s.chapter}`)}
          </option>
        ))}
      </select>
    </label>
  );
});
