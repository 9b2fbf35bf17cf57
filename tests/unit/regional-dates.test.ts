import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatLongDate, formatShortDate } from '../../src-renderer/format/dates.js';
import { regionalLocale } from '../../src-renderer/i18n/locales.js';

/**
 * Given a browser set to a country's variant of a language the window speaks, dates read as that country writes
 * them (a British English browser: 10/06/2025, 09:00); with no variant of the window's language, as the language.
 */

// Local wall-clock time, so the expectations hold in any time zone the tests run in.
const JUNE_10_9AM = new Date(2025, 5, 10, 9, 0).toISOString();

afterEach(() => {
  vi.unstubAllGlobals();
});

const browser = (languages: string[]) => vi.stubGlobal('navigator', { languages, language: languages[0] });

describe('regional dates', () => {
  it('takes the browser’s variant of the window’s language', () => {
    expect(regionalLocale('en', ['en-GB', 'fr-FR'])).toBe('en-GB');
    expect(regionalLocale('fr', ['en-GB', 'fr-FR'])).toBe('fr-FR');
    expect(regionalLocale('fr', ['fr_CA'])).toBe('fr-CA');
    expect(regionalLocale('ro', ['en-GB', 'fr'])).toBe('ro');
    expect(regionalLocale('en', ['en-US', 'en-GB'])).toBe('en-US');
    expect(regionalLocale('en', ['en-not-a-real-tag!'])).toBe('en');
  });

  it('writes dates as the browser’s region does for the chosen language, else as the language', () => {
    browser(['en-GB', 'en']);
    expect(formatShortDate({ locale: 'en' }, JUNE_10_9AM)).toBe('10/06/2025, 09:00');
    // Day first, 24-hour clock (ICU versions differ on the comma after the weekday).
    expect(formatLongDate({ locale: 'en' }, JUNE_10_9AM)).toMatch(/^Tuesday,? 10 June 2025 at 09:00$/);
    // The window in French, the browser British: French dates.
    expect(formatShortDate({ locale: 'fr' }, JUNE_10_9AM)).toBe('10/06/2025 09:00');

    browser(['en-US']);
    expect(formatShortDate({ locale: 'en' }, JUNE_10_9AM)).toBe('6/10/25, 9:00 AM');
    browser(['ro-RO']);
    expect(formatShortDate({ locale: 'ro' }, JUNE_10_9AM)).toBe('10.06.2025, 09:00');
    expect(formatShortDate({ locale: 'ro' }, 'not a date')).toBe('not a date');
  });
});
