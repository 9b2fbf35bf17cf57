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
