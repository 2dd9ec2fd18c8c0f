/** Title, the Kubernetes version followed, and the preferences: detail level, language, theme. */
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DETAIL_LEVELS, type DetailLevel } from '../engine';
import { LANGUAGES, type Language } from '../i18n';
import { usePlayer, type Theme } from '../store/store';
import { useT } from './useT';

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', zh: '简体中文' };
const THEMES: { value: Theme; key: string }[] = [
  { value: 'system', key: 'settings.themeSystem' },
  { value: 'light', key: 'settings.themeLight' },
  { value: 'dark', key: 'settings.themeDark' },
];

export const Header = memo(function Header() {
  const t = useT();
  const s = usePlayer(
    useShallow((st) => ({
      level: st.level,
      language: st.language,
      theme: st.theme,
      version: st.trace.kubernetesVersion,
      setLevel: st.setLevel,
      setLanguage: st.setLanguage,
      setTheme: st.setTheme,
    })),
  );
  return (
    <header className="header">
      <div className="brand">
        <h1>{t('app.title')}</h1>
        <span className="tagline">{t('app.tagline')}</span>
        <span className="version" data-testid="k8s-version">
          {t('app.version', { version: s.version })}
        </span>
      </div>
      <div className="preferences">
        <label>
          <span>{t('transport.level')}</span>
          <select
            value={s.level}
            onChange={(e) => s.setLevel(e.currentTarget.value as DetailLevel)}
            data-testid="level"
          >
            {DETAIL_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`level.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('settings.language')}</span>
          <select
            value={s.language}
            onChange={(e) => s.setLanguage(e.currentTarget.value as Language)}
            data-testid="language"
          >
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l === 'zh' ? 'zh-CN' : 'en'}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('settings.theme')}</span>
          <select value={s.theme} onChange={(e) => s.setTheme(e.currentTarget.value as Theme)} data-testid="theme">
            {THEMES.map((th) => (
              <option key={th.value} value={th.value}>
                {t(th.key)}
              </option>
            ))}
          </select>
        </label>
      </div>
    </header>
  );
});
