import type { IntlShape } from 'react-intl';
import { formatShortDate } from '../../format/dates.js';

/** A date for a CRM cell: "" when there is none. */
export const shortDate = (intl: IntlShape, iso: string | null) => (iso ? formatShortDate(intl, iso) : '');

/** "1 250,50 €" in French, "€1,250.50" in English. */
export function money(intl: IntlShape, amount: number | null, currency: string): string {
  if (amount === null) return '';
  return intl.formatNumber(amount, { style: 'currency', currency });
}
