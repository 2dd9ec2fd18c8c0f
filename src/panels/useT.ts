import { translator, type Translate } from '../i18n';
import { usePlayer } from '../store/store';

// One translator per language and per state of its step texts: a new one when they arrive,
// so memoized views tell the steps they had left untold.
const translators = new Map<string, Translate>();

/** The translator for the chosen language; re-renders only when the language changes or its step texts arrive. */
export function useT(): Translate {
  const language = usePlayer((s) => s.language);
  const stepTexts = usePlayer((s) => s.stepTexts);
  const key = `${language}:${stepTexts}`;
  let t = translators.get(key);
  if (!t) translators.set(key, (t = translator(language)));
  return t;
}
