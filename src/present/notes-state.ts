/** The messages between the presenting tab and its speaker-notes window. */
import { narrationOf } from '../i18n/narrate';
import { translator } from '../i18n';
import type { PlayerState } from '../store/store';
import type { NotesCommand, NotesState } from './presenter';

/** What the notes window shows for the presenter's place: this step in full, the next one's title. */
export function notesStateOf(
  s: Pick<PlayerState, 'cursor' | 'visible' | 'language' | 'shownScenario' | 'custom'>,
  blank: boolean,
  presenting: boolean,
  theme: 'light' | 'dark' = 'light',
): NotesState {
  const t = translator(s.language);
  const step = s.cursor === 0 ? null : (s.visible[s.cursor - 1] ?? null);
  const next = s.visible[s.cursor] ?? null;
  const text = step
    ? narrationOf(t, step)
    : s.custom
      ? { title: t('editor.shown'), body: t('editor.lesson') }
      : { title: t(`scenario.${s.shownScenario}.title`), body: t(`scenario.${s.shownScenario}.lesson`) };
  return {
    type: 'state',
    language: s.language,
    cursor: s.cursor,
    total: s.visible.length,
    title: text.title,
    body: text.body,
    nextTitle: next ? narrationOf(t, next).title : null,
    at: step ? step.at : null,
    blank,
    presenting,
    theme,
  };
}

/** Only these four shapes are acted on; anything else on the channel is ignored. */
export function parseNotesCommand(data: unknown): NotesCommand | null {
  if (typeof data !== 'object' || data === null) return null;
  const type = (data as { type?: unknown }).type;
  return type === 'hello' || type === 'next' || type === 'prev' || type === 'blank' ? { type } : null;
}

export function parseNotesState(data: unknown): NotesState | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Partial<NotesState>;
  if (d.type !== 'state' || typeof d.cursor !== 'number' || typeof d.total !== 'number') return null;
  if (typeof d.title !== 'string' || typeof d.body !== 'string' || typeof d.language !== 'string') return null;
  return {
    type: 'state',
    language: d.language,
    cursor: d.cursor,
    total: d.total,
    title: d.title,
    body: d.body,
    nextTitle: typeof d.nextTitle === 'string' ? d.nextTitle : null,
    at: typeof d.at === 'number' ? d.at : null,
    blank: d.blank === true,
    presenting: d.presenting === true,
    theme: d.theme === 'dark' ? 'dark' : 'light',
  };
}
