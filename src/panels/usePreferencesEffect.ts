/** Reflect the language and theme on <html>, where CSS and assistive tech read them. */
import { useEffect } from 'react';
import { HTML_LANG } from '../i18n';
import { usePlayer } from '../store/store';

export function usePreferencesEffect(): void {
  const language = usePlayer((s) => s.language);
  const theme = usePlayer((s) => s.theme);
  useEffect(() => {
    document.documentElement.lang = HTML_LANG[language];
  }, [language]);
  useEffect(() => {
    const root = document.documentElement;
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = (): void => {
      root.dataset.theme = theme === 'system' ? (media.matches ? 'dark' : 'light') : theme;
    };
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [theme]);
}
