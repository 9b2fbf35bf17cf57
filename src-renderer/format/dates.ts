import type { IntlShape } from 'react-intl';
import { regionalLocale } from '../i18n/locales.js';

type Style = 'short' | 'full';
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Dates arrive as ISO strings from the engine; shown in the machine's time zone, in the window's language as the
 * browser's region writes it: a British English browser reads 06/10/2025, 09:00, not 6/10/25, 9:00 AM.
 */
function formatter(language: string, style: Style): Intl.DateTimeFormat {
  const locale = regionalLocale(language, typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]));
  const key = `${locale} ${style}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { dateStyle: style, timeStyle: 'short' });
    formatters.set(key, f);
  }
  return f;
}

function format(intl: Pick<IntlShape, 'locale'>, iso: string, style: Style): string {
  const date = new Date(iso);
  // Intl throws on an invalid date; the text as it came says more than nothing.
  return Number.isNaN(date.getTime()) ? iso : formatter(intl.locale, style).format(date);
}

export function formatShortDate(intl: Pick<IntlShape, 'locale'>, iso: string): string {
  return format(intl, iso, 'short');
}

export function formatLongDate(intl: Pick<IntlShape, 'locale'>, iso: string): string {
  return format(intl, iso, 'full');
}
