import type { IntlShape } from 'react-intl';

const UNITS = ['kilobyte', 'megabyte', 'gigabyte'] as const;

/**
 * "0.3 kB", "12 kB", "3.4 MB", in the active locale's digits and unit names (decimal units, as mail clients show).
 * Sizes start at kilobytes: a byte count in words ("255 octets", "259 de byți") does not fit a list column, and
 * CLDR's short English form reads "255 byte".
 */
export function formatSize(intl: IntlShape, bytes: number): string {
  let value = Math.max(0, bytes) / 1000;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  // A tiny non-empty part still shows as 0.1 kB rather than 0.
  if (bytes > 0 && value < 0.1) value = 0.1;
  return intl.formatNumber(value, {
    style: 'unit',
    unit: UNITS[unit],
    unitDisplay: 'short',
    maximumFractionDigits: value >= 10 ? 0 : 1,
  });
}
