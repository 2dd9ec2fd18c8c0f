/** Title, the Kubernetes version followed, and the preferences: detail level, language, theme. */
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DETAIL_LEVELS } from '../engine/types';
import { HTML_LANG, LANGUAGES, type Language } from '../i18n';
import { useEditor } from '../editor/draft';
import { SCENARIOS } from '../scenarios';
import { usePlayer, type Theme } from '../store/store';
import { usePresenter } from '../present/presenter';
import { ClusterDialog } from './ClusterDialog';
import { EmbedDialog } from './EmbedDialog';
import { ExportButton } from './ExportButton';
import { ShareButton } from './ShareButton';
import { useT } from './useT';

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', zh: '简体中文' };
const THEMES: { value: Theme; key: string }[] = [
  { value: 'system', key: 'settings.themeSystem' },
  { value: 'light', key: 'settings.themeLight' },
  { value: 'dark', key: 'settings.themeDark' },
];

interface ChoiceProps<T extends string> {
  label: string;
  value: T;
  onChange: (value: T) => void;
  options: { value: T; label: string; lang?: string }[];
  testId: string;
}

/** A labelled select of one preference. */
function Choice<T extends string>({ label, value, onChange, options, testId }: ChoiceProps<T>) {
  return (
    <label>
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.currentTarget.value as T)} data-testid={testId}>
        {options.map((o) => (
          <option key={o.value} value={o.value} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export const Header = memo(function Header() {
  const t = useT();
  const s = usePlayer(
    useShallow((st) => ({
      scenario: st.scenario,
      setScenario: st.setScenario,
      level: st.level,
      language: st.language,
      theme: st.theme,
      version: st.trace.kubernetesVersion,
      setLevel: st.setLevel,
      setLanguage: st.setLanguage,
      setTheme: st.setTheme,
      custom: st.custom,
    })),
  );
  const editorOpen = useEditor((st) => st.open);
  return (
    <header className="header">
      <div className="brand">
        <h1>{t('app.title')}</h1>
        <span className="tagline">{t('app.tagline')}</span>
        <span className="version" data-testid="k8s-version">
          {t('app.version', { version: s.version })}
        </span>
        {s.custom && (
          <span className="version custom-badge" data-testid="custom-badge">
            {t('editor.shown')}
          </span>
        )}
      </div>
      <div className="preferences">
        <button
          type="button"
          className="toggle"
          aria-pressed={editorOpen}
          onClick={() => useEditor.getState().setOpen(!editorOpen)}
          data-testid="edit-yaml"
        >
          {t('editor.open')}
        </button>
        <Choice
          label={t('settings.scenario')}
          value={s.scenario}
          onChange={s.setScenario}
          testId="scenario"
          options={SCENARIOS.map((sc) => ({ value: sc.id, label: t(`scenario.${sc.id}.title`) }))}
        />
        <Choice
          label={t('transport.level')}
          value={s.level}
          onChange={s.setLevel}
          testId="level"
          options={DETAIL_LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))}
        />
        <Choice
          label={t('settings.language')}
          value={s.language}
          onChange={s.setLanguage}
          testId="language"
          options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l], lang: HTML_LANG[l] }))}
        />
        <Choice
          label={t('settings.theme')}
          value={s.theme}
          onChange={s.setTheme}
          testId="theme"
          options={THEMES.map((th) => ({ value: th.value, label: t(th.key) }))}
        />
        <ClusterDialog />
        <ShareButton />
        <EmbedDialog />
        <ExportButton />
        <button
          type="button"
          onClick={() => usePresenter.getState().start()}
          title={t('present.title')}
          aria-keyshortcuts="P"
          data-testid="present-button"
        >
          {t('present.button')}
        </button>
      </div>
    </header>
  );
});
