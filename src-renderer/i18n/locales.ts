import { Locale } from '../../src-shared/contract/index.js';

export const LOCALES = Locale.options;

/** Each language named in itself, so that someone who cannot read the current one still finds theirs. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  fr: 'Français',
  ro: 'Română',
};

/** The first of the browser's preferred languages that we translate, by primary subtag ("fr-CA" → fr). */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    const match = LOCALES.find((l) => l === primary);
    if (match) return match;
  }
  return 'en';
}

/**
 * The browser's own tag for a language the window speaks, with its region ("en-GB" for English when the browser
 * prefers British English): dates then read as they do in that country. The language alone when the browser
 * prefers no variant of it, or names one JavaScript does not know.
 */
export function regionalLocale(language: string, preferred: readonly string[]): string {
  const primary = language.toLowerCase().split(/[-_]/)[0];
  for (const tag of preferred) {
    if (tag.toLowerCase().split(/[-_]/)[0] !== primary) continue;
    try {
      return Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0] ?? language;
    } catch {
      return language;
    }
  }
  return language;
}
