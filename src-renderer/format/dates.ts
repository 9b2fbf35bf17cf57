import type { IntlShape } from 'react-intl';

/** Dates arrive as ISO strings from the engine; shown in the active locale and the machine's time zone. */
export function formatShortDate(intl: IntlShape, iso: string): string {
  return intl.formatDate(iso, { dateStyle: 'short', timeStyle: 'short' });
}

export function formatLongDate(intl: IntlShape, iso: string): string {
  return intl.formatDate(iso, { dateStyle: 'full', timeStyle: 'short' });
}
