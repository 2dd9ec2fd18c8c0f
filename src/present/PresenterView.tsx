/**
 * The presentation: the diagram filling the screen, the narration over its
 * bottom as subtitles in large type, and a corner of quiet controls.
 */
import { ClusterDiagram } from '../diagram/ClusterDiagram';
import { narrationOf } from '../i18n/narrate';
import { useT } from '../panels/useT';
import { currentStep, usePlayer } from '../store/store';
import { usePresenter } from './presenter';

export function PresenterView() {
  const t = useT();
  const step = usePlayer(currentStep);
  const cursor = usePlayer((s) => s.cursor);
  const total = usePlayer((s) => s.visible.length);
  const scenario = usePlayer((s) => s.shownScenario);
  const custom = usePlayer((s) => s.custom);
  const blank = usePresenter((s) => s.blank);
  const text = step
    ? narrationOf(t, step)
    : custom
      ? { title: t('editor.shown'), body: t('editor.lesson') }
      : { title: t(`scenario.${scenario}.title`), body: t(`scenario.${scenario}.lesson`) };
  return (
    <div className="presenter" data-testid="presenter" role="region" aria-label={t('present.label')}>
      <ClusterDiagram />
      <div className="subtitles" aria-live="polite" aria-atomic="true" data-testid="subtitles">
        <div className="subtitle-title">{text.title}</div>
        <div className="subtitle-body">{text.body}</div>
      </div>
      <div className="presenter-chrome">
        <span className="presenter-count mono" data-testid="presenter-count">
          {t('present.step', { n: cursor, total })}
        </span>
        <button type="button" onClick={() => usePresenter.getState().openNotes()} data-testid="present-notes">
          {t('present.notes')}
        </button>
        <button type="button" onClick={() => usePresenter.getState().stop()} data-testid="present-exit">
          {t('present.exit')}
        </button>
      </div>
      {blank && (
        <div className="presenter-blank" data-testid="presenter-blank" role="status">
          <span className="visually-hidden">{t('present.blanked')}</span>
        </div>
      )}
    </div>
  );
}
