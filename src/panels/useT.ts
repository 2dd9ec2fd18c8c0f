import { useMemo } from 'react';
import { translator, type Translate } from '../i18n';
import { usePlayer } from '../store/store';

/** The translator for the chosen language; re-renders only when the language changes. */
export function useT(): Translate {
  const language = usePlayer((s) => s.language);
  return useMemo(() => translator(language), [language]);
}
