/**
 * Message catalogs and the translator. rosetta does the lookup and the
 * `{{name}}` templating; the catalogs are typed so a missing key is a
 * compile error as well as a failing test. English is bundled (it is also
 * the fallback); other languages load on demand, so a page in one language
 * does not download the other. What the steps say (steps-*.ts, two thirds
 * of the words) is not in the page's first script: no step is told before
 * the first run, so those texts load with it (`loadStepTexts`).
 */
import rosetta from 'rosetta';
import { en, type Catalog } from './en';
import type { StepTexts } from './steps-en';

export type Language = 'en' | 'zh';
export const LANGUAGES: readonly Language[] = ['en', 'zh'];

/** The BCP 47 tag for <html lang>. */
export const HTML_LANG: Record<Language, string> = { en: 'en', zh: 'zh-CN' };

const LOADERS: Record<Exclude<Language, 'en'>, () => Promise<Catalog>> = {
  zh: () => import('./zh').then((m) => m.zh),
};

const STEP_TEXTS: Record<Language, () => Promise<StepTexts>> = {
  en: () => import('./steps-en').then((m) => m.enSteps),
  zh: () => import('./steps-zh').then((m) => m.zhSteps),
};

// A copy: rosetta merges the step texts into the table it holds.
const i18n = rosetta<Catalog | { steps: StepTexts }>({ en: { ...en } });
const loaded = new Set<Language>(['en']);
const withSteps = new Set<Language>();

export function catalogLoaded(lang: Language): boolean {
  return loaded.has(lang);
}

/** Fetches a language's catalog once; later calls resolve at once. */
export async function loadCatalog(lang: Language): Promise<void> {
  if (lang === 'en' || loaded.has(lang)) return;
  i18n.set(lang, await LOADERS[lang]());
  loaded.add(lang);
}

export function stepTextsLoaded(lang: Language): boolean {
  return withSteps.has(lang);
}

/** For a caller that has the step texts at hand (the headless API in Node): no fetch. */
export function addStepTexts(lang: Language, steps: StepTexts): void {
  i18n.set(lang, { steps });
  withSteps.add(lang);
}

/** Fetches what the steps say in `lang`, and in English, the fallback; later calls resolve at once. */
export async function loadStepTexts(lang: Language): Promise<void> {
  const wanted: Language[] = lang === 'en' ? ['en'] : ['en', lang];
  await Promise.all(
    wanted.map(async (l) => {
      if (!withSteps.has(l)) addStepTexts(l, await STEP_TEXTS[l]());
    }),
  );
}

export type Params = Record<string, string | number>;
export type Translate = (key: string, params?: Params) => string;

/** Translates into `lang` once its catalog is loaded, into English until then. */
export function translator(lang: Language): Translate {
  const use = loaded.has(lang) ? lang : 'en';
  return (key, params) => i18n.t(key, params ?? {}, use) || key;
}

/** The browser's preference: Chinese for any zh-* tag, English otherwise. */
export function detectLanguage(languages: readonly string[]): Language {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'zh') return 'zh';
    if (primary === 'en') return 'en';
  }
  return 'en';
}
