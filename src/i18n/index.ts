/**
 * Message catalogs and the translator. rosetta does the lookup and the
 * `{{name}}` templating; the catalogs are typed so a missing key is a
 * compile error as well as a failing test. English is bundled (it is also
 * the fallback); other languages load on demand, so a page in one language
 * does not download the other.
 */
import rosetta from 'rosetta';
import { en, type Catalog } from './en';

export type Language = 'en' | 'zh';
export const LANGUAGES: readonly Language[] = ['en', 'zh'];

/** The BCP 47 tag for <html lang>. */
export const HTML_LANG: Record<Language, string> = { en: 'en', zh: 'zh-CN' };

const LOADERS: Record<Exclude<Language, 'en'>, () => Promise<Catalog>> = {
  zh: () => import('./zh').then((m) => m.zh),
};

const i18n = rosetta<Catalog>({ en });
const loaded = new Set<Language>(['en']);

export function catalogLoaded(lang: Language): boolean {
  return loaded.has(lang);
}

/** Fetches a language's catalog once; later calls resolve at once. */
export async function loadCatalog(lang: Language): Promise<void> {
  if (lang === 'en' || loaded.has(lang)) return;
  i18n.set(lang, await LOADERS[lang]());
  loaded.add(lang);
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
