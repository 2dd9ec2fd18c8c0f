/**
 * The speaker-notes window (`?notes=1&session=…`, opened by the presenting
 * tab): the step's full narration, the next step's title, the counter and
 * the virtual clock. It holds no trace of its own: the presenting tab tells
 * it everything over the BroadcastChannel, and its buttons and keys drive
 * the presentation back.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { catalogLoaded, LANGUAGES, loadCatalog, translator, type Language } from '../i18n';
import { formatVirtualTime } from '../panels/format';
import { ownsKey } from '../panels/keys';
import { parseNotesState } from './notes-state';
import { channelName, type NotesCommand, type NotesState } from './presenter';

const KEYS: Record<string, NotesCommand['type']> = {
  PageDown: 'next',
  ArrowRight: 'next',
  ' ': 'next',
  PageUp: 'prev',
  ArrowLeft: 'prev',
  b: 'blank',
  B: 'blank',
  '.': 'blank',
};

export default function NotesApp({ session }: { session: string }) {
  const [state, setState] = useState<NotesState | null>(null);
  const channel = useRef<BroadcastChannel | null>(null);
  // Labels in the presenter's language once its catalog is here, English until then.
  const wanted: Language = LANGUAGES.find((l) => l === state?.language) ?? 'en';
  const [, setLoaded] = useState(0);
  useEffect(() => {
    if (!catalogLoaded(wanted))
      void loadCatalog(wanted).then(
        () => setLoaded((n) => n + 1),
        () => undefined,
      );
  }, [wanted]);
  const language = catalogLoaded(wanted) ? wanted : 'en';
  const t = useMemo(() => translator(language), [language]);

  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const ch = new BroadcastChannel(channelName(session));
    channel.current = ch;
    ch.addEventListener('message', (e: MessageEvent) => {
      const next = parseNotesState(e.data);
      if (next) setState(next);
    });
    // A BroadcastChannel reaches same-origin pages only: it takes no target origin.
    // oxlint-disable-next-line unicorn/require-post-message-target-origin
    ch.postMessage({ type: 'hello' } satisfies NotesCommand);
    return () => {
      channel.current = null;
      ch.close();
    };
  }, [session]);

  const theme = state?.theme ?? 'light';
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  useEffect(() => {
    document.title = t('present.notesTitle');
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  }, [t, language]);

  const send = (type: NotesCommand['type']): void => channel.current?.postMessage({ type } satisfies NotesCommand);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.altKey || e.ctrlKey || e.metaKey || ownsKey(e.target, e.key)) return;
      const type = KEYS[e.key];
      if (!type) return;
      e.preventDefault();
      channel.current?.postMessage({ type } satisfies NotesCommand);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <main className="notes" data-testid="notes">
      <h1 className="visually-hidden">{t('present.notesTitle')}</h1>
      {!state ? (
        <p className="notes-waiting" role="status">
          {t('present.waiting')}
        </p>
      ) : (
        <>
          <div className="notes-bar">
            <span className="notes-count mono" data-testid="notes-count">
              {t('present.step', { n: state.cursor, total: state.total })}
            </span>
            <span className="notes-clock mono" data-testid="notes-clock">
              {t('present.clock')}: {state.at === null ? '—' : formatVirtualTime(state.at)}
            </span>
            {state.blank && <span className="notes-blanked">{t('present.blanked')}</span>}
          </div>
          <section aria-live="polite">
            <h2 className="notes-title" data-testid="notes-title">
              {state.title}
            </h2>
            <p className="notes-body">{state.body}</p>
          </section>
          <p className="notes-next" data-testid="notes-next">
            <strong>{t('present.nextUp')}:</strong> {state.nextTitle ?? t('present.end')}
          </p>
          <div className="notes-actions">
            <button type="button" onClick={() => send('prev')} data-testid="notes-prev">
              {t('present.prev')}
            </button>
            <button type="button" className="primary" onClick={() => send('next')} data-testid="notes-next-button">
              {t('present.next')}
            </button>
            <button type="button" aria-pressed={state.blank} onClick={() => send('blank')} data-testid="notes-blank">
              {t('present.blank')}
            </button>
          </div>
        </>
      )}
    </main>
  );
}
