/**
 * The Export dialog: the current step as PNG or SVG, or a step range as a
 * zip of numbered PNGs or an animated GIF, at a slide size, in light or
 * dark. Loaded on the first click of Export (with the renderer and the
 * encoders), so the initial page does not grow.
 */
import { useEffect, useRef, useState } from 'react';
import { useT } from '../panels/useT';
import { usePlayer } from '../store/store';
import type { ExportFormat } from './files';
import { download, runExport } from './export';
import type { ExportTheme } from './render-svg';
import { StepField } from '../panels/StepField';

const SIZES = [
  { w: 1280, h: 720 },
  { w: 1920, h: 1080 },
  { w: 960, h: 540 },
] as const;
const FORMATS: ExportFormat[] = ['png', 'svg', 'zip', 'gif'];

function currentTheme(): ExportTheme {
  const theme = usePlayer.getState().theme;
  if (theme !== 'system') return theme;
  return typeof matchMedia !== 'undefined' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export default function ExportDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const total = usePlayer((s) => s.visible.length);
  // The dialog exports the place the learner was at when it opened; playback behind it does not move it.
  const [choice, setChoice] = useState(() => {
    const s = usePlayer.getState();
    return {
      format: 'png' as ExportFormat,
      from: s.cursor,
      to: Math.min(total, s.cursor + 4),
      size: 0,
      theme: currentTheme(),
    };
  });
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const d = dialog.current;
    d?.showModal();
    return () => d?.close();
  }, []);
  const range = choice.format === 'zip' || choice.format === 'gif';
  const update = (patch: Partial<typeof choice>): void => setChoice((c) => ({ ...c, ...patch }));

  const save = (): void => {
    const s = usePlayer.getState();
    const size = SIZES[choice.size]!;
    const from = Math.min(choice.from, range ? choice.to : choice.from);
    const to = range ? Math.max(choice.from, choice.to) : from;
    setBusy(true);
    setStatus('');
    runExport({
      format: choice.format,
      trace: s.trace,
      visible: s.visible,
      scenario: s.custom ? 'custom' : s.shownScenario,
      from,
      to,
      width: size.w,
      height: size.h,
      theme: choice.theme,
      t,
      startTitle: s.custom ? t('editor.shown') : t(`scenario.${s.shownScenario}.title`),
      onProgress: (done, all) => setStatus(t('export.working', { done, total: all })),
    }).then(
      ({ name, blob }) => {
        download(name, blob);
        setStatus(t('export.done', { name }));
        setBusy(false);
      },
      (err: unknown) => {
        setStatus(t('export.failed', { error: String(err) }));
        setBusy(false);
      },
    );
  };

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="export-heading"
      data-testid="export-dialog"
      onClose={onClose}
    >
      <h2 id="export-heading">{t('export.dialogTitle')}</h2>
      <div className="dialog-fields">
        <fieldset className="wide export-formats">
          <legend>{t('export.format')}</legend>
          {FORMATS.map((f) => (
            <label key={f} className="check">
              <input
                type="radio"
                name="export-format"
                value={f}
                checked={choice.format === f}
                onChange={() => update({ format: f })}
                data-testid={`export-format-${f}`}
              />
              <span>{t(`export.${f}`)}</span>
            </label>
          ))}
        </fieldset>
        <StepField
          label={range ? t('export.from') : t('export.step')}
          value={choice.from}
          total={total}
          onChange={(from) => update({ from })}
          testId="export-from"
        />
        {range && (
          <StepField
            label={t('export.to')}
            value={choice.to}
            total={total}
            onChange={(to) => update({ to })}
            testId="export-to"
          />
        )}
        <label>
          <span>{t('export.size')}</span>
          <select
            value={choice.size}
            onChange={(e) => update({ size: Number(e.currentTarget.value) })}
            data-testid="export-size"
          >
            {SIZES.map((sz, i) => (
              <option key={sz.w} value={i}>
                {sz.w} × {sz.h}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('export.theme')}</span>
          <select
            value={choice.theme}
            onChange={(e) => update({ theme: e.currentTarget.value as ExportTheme })}
            data-testid="export-theme"
          >
            <option value="light">{t('settings.themeLight')}</option>
            <option value="dark">{t('settings.themeDark')}</option>
          </select>
        </label>
      </div>
      <div className="dialog-actions">
        <span role="status" data-testid="export-status">
          {status}
        </span>
        <button type="button" className="primary" onClick={save} disabled={busy} data-testid="export-save">
          {t('export.save')}
        </button>
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('export.close')}
        </button>
      </div>
    </dialog>
  );
}
