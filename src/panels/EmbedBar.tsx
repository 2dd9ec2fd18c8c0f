/** The embed's one line of chrome: what this is, and a way out to the full app. */
import { usePlayer } from '../store/store';
import { useT } from './useT';

export function EmbedBar() {
  const t = useT();
  const scenario = usePlayer((s) => s.shownScenario);
  const full = new URL(location.href);
  full.search = '';
  return (
    <header className="embed-bar">
      <span className="embed-brand">{t('app.title')}</span>
      <span className="embed-title" data-testid="embed-title">
        {t(`scenario.${scenario}.title`)}
      </span>
      <a href={full.toString()} target="_blank" rel="noopener noreferrer" data-testid="embed-open">
        {t('embed.open')}
      </a>
    </header>
  );
}
