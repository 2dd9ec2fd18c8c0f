/**
 * The Embed dialog: pick a step range and how the embed behaves, get the
 * iframe to paste into a slide deck or a course page.
 */
import { useRef, useState } from 'react';
import { embedSnippet, embedUrl, type EmbedChoice } from '../store/embed';
import { writeLink, type View } from '../store/link';
import { usePlayer } from '../store/store';
import { viewOf } from './useLinkSync';
import { useT } from './useT';
import { StepField } from './StepField';

export function EmbedDialog() {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const total = usePlayer((s) => s.visible.length);
  const [choice, setChoice] = useState<EmbedChoice>({ from: 0, to: 0, autoplay: false, controls: true, title: '' });
  const [copied, setCopied] = useState(false);
  // The view when the dialog opened: the dialog does not follow playback behind it.
  const [view, setView] = useState<View>({});

  const open = (): void => {
    const s = usePlayer.getState();
    setChoice({
      from: s.range?.from ?? 0,
      to: Math.min(s.range?.to ?? total, total),
      autoplay: false,
      controls: true,
      title: `podflow: ${t(`scenario.${s.shownScenario}.title`)}`,
    });
    setView(viewOf(s));
    setCopied(false);
    dialog.current?.showModal();
  };
  const app = new URL(location.href);
  app.hash = '';
  app.search = '';
  const snippet = embedSnippet(
    embedUrl(app.toString(), choice, writeLink({ ...view, step: choice.from, from: choice.from, to: choice.to })),
    choice.title,
  );
  const update = (patch: Partial<EmbedChoice>): void => {
    setChoice((c) => ({ ...c, ...patch }));
    setCopied(false);
  };

  return (
    <>
      <button type="button" onClick={open} data-testid="embed-button">
        {t('embed.button')}
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby="embed-heading" data-testid="embed-dialog">
        <h2 id="embed-heading">{t('embed.dialogTitle')}</h2>
        <div className="dialog-fields">
          <StepField
            label={t('embed.from')}
            value={choice.from}
            total={total}
            onChange={(from) => update({ from })}
            testId="embed-from"
          />
          <StepField
            label={t('embed.to')}
            value={choice.to}
            total={total}
            onChange={(to) => update({ to })}
            testId="embed-to"
          />
          <label className="check">
            <input
              type="checkbox"
              checked={choice.autoplay}
              onChange={(e) => update({ autoplay: e.currentTarget.checked })}
              data-testid="embed-autoplay"
            />
            <span>{t('embed.autoplay')}</span>
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={choice.controls}
              onChange={(e) => update({ controls: e.currentTarget.checked })}
              data-testid="embed-controls"
            />
            <span>{t('embed.controls')}</span>
          </label>
          <label className="wide">
            <span>{t('embed.frameTitle')}</span>
            <input
              type="text"
              value={choice.title}
              onChange={(e) => update({ title: e.currentTarget.value })}
              data-testid="embed-title-field"
            />
          </label>
          <label className="wide">
            <span>{t('embed.snippet')}</span>
            <textarea readOnly rows={4} value={snippet} className="mono" data-testid="embed-snippet" />
          </label>
        </div>
        <div className="dialog-actions">
          <span role="status">{copied ? t('embed.copied') : ''}</span>
          <button
            type="button"
            onClick={() =>
              void navigator.clipboard?.writeText(snippet).then(
                () => setCopied(true),
                () => undefined,
              )
            }
          >
            {t('embed.copy')}
          </button>
          <button type="button" className="primary" onClick={() => dialog.current?.close()}>
            {t('embed.close')}
          </button>
        </div>
      </dialog>
    </>
  );
}
