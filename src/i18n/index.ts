/**
 * Message catalogs and the translator. rosetta does the lookup and the
 * `{{name}}` templating; the catalogs are typed so a missing key is a
 * compile error as well as a failing test.
 */
import rosetta from 'rosetta';
import { en, type Catalog } from './en';
import { zh } from './zh';

export type Language = 'en' | 'zh';
export const LANGUAGES: readonly Language[] = ['en', 'zh'];
export const CATALOGS: Record<Language, Catalog> = { en, zh };

/** The BCP 47 tag for <html lang>. */
export const HTML_LANG: Record<Language, string> = { en: 'en', zh: 'zh-CN' };

const i18n = rosetta<Catalog>({ en, zh });

export type Params = Record<string, string | number>;
export type Translate = (key: string, params?: Params) => string;

export function translator(lang: Language): Translate {
  return (key, params) => i18n.t(key, params ?? {}, lang) || key;
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
