// @vitest-environment node
import { readFileSync } from 'node:fs';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';

/**
 * Given the three catalogs the window ships, every key exists in each, parses as ICU, names the same arguments in
 * each language, and every plural offers each category that language's plural rules can select (a French
 * "one/other" compiles fine and then prints "1 000 000 messages" where French wants "de messages").
 */
const LOCALES = ['en', 'fr', 'ro'] as const;
type Catalog = Record<string, string>;

function loadCatalog(locale: string): Catalog {
  const url = new URL(`../../src-renderer/i18n/messages/${locale}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Catalog;
}

const catalogs = Object.fromEntries(LOCALES.map((l) => [l, loadCatalog(l)])) as Record<(typeof LOCALES)[number], Catalog>;

interface Walked {
  /** Argument names, and tags as `<name>`, since a missing tag breaks rich-text rendering just as an argument. */
  names: Set<string>;
  /** One line per plural that lacks a category the locale needs. */
  missing: string[];
}

function walk(elements: MessageFormatElement[], locale: string, found: Walked): Walked {
  for (const el of elements) {
    switch (el.type) {
      case TYPE.argument:
      case TYPE.number:
      case TYPE.date:
      case TYPE.time:
        found.names.add(el.value);
        break;
      case TYPE.tag:
        found.names.add(`<${el.value}>`);
        walk(el.children, locale, found);
        break;
      case TYPE.select:
        found.names.add(el.value);
        for (const option of Object.values(el.options)) walk(option.value, locale, found);
        break;
      case TYPE.plural: {
        found.names.add(el.value);
        const rules = new Intl.PluralRules(locale, { type: el.pluralType ?? 'cardinal' });
        const required = new Set([...rules.resolvedOptions().pluralCategories, 'other']);
        // `=0`-style exact selectors are extra cases, never a substitute for a category.
        const offered = new Set(Object.keys(el.options).filter((k) => !k.startsWith('=')));
        for (const category of required) {
          if (!offered.has(category)) found.missing.push(`{${el.value}, plural} lacks "${category}"`);
        }
        for (const option of Object.values(el.options)) walk(option.value, locale, found);
        break;
      }
      case TYPE.literal:
      case TYPE.pound:
        break;
    }
  }
  return found;
}

function analyse(locale: string, message: string): Walked {
  return walk(parse(message), locale, { names: new Set(), missing: [] });
}

describe('translation catalogs', () => {
  const allKeys = [...new Set(LOCALES.flatMap((l) => Object.keys(catalogs[l])))].sort();

  it('has every key in every language', () => {
    const missing = LOCALES.flatMap((l) => allKeys.filter((k) => !(k in catalogs[l])).map((k) => `${l}: ${k}`));
    expect(missing).toEqual([]);
  });

  it('has only non-empty string messages', () => {
    const bad = LOCALES.flatMap((l) =>
      Object.entries(catalogs[l])
        .filter(([, m]) => typeof m !== 'string' || m.trim() === '')
        .map(([k]) => `${l}: ${k}`),
    );
    expect(bad).toEqual([]);
  });

  for (const locale of LOCALES) {
    it(`parses every ${locale} message as ICU`, () => {
      const errors: string[] = [];
      for (const [key, message] of Object.entries(catalogs[locale])) {
        try {
          parse(message);
        } catch (error) {
          errors.push(`${key}: ${(error as Error).message}`);
        }
      }
      expect(errors).toEqual([]);
    });

    it(`gives every ${locale} plural each category ${locale} needs`, () => {
      const missing: string[] = [];
      for (const [key, message] of Object.entries(catalogs[locale])) {
        try {
          for (const line of analyse(locale, message).missing) missing.push(`${key}: ${line}`);
        } catch {
          // Reported by the parse test.
        }
      }
      expect(missing).toEqual([]);
    });
  }

  it('uses the same argument names in every language', () => {
    const differing: string[] = [];
    for (const key of allKeys) {
      const seen = LOCALES.filter((l) => key in catalogs[l]).map((l) => {
        try {
          return { locale: l, names: [...analyse(l, catalogs[l][key]!).names].sort().join(',') };
        } catch {
          return { locale: l, names: '(unparsable)' };
        }
      });
      if (new Set(seen.map((s) => s.names)).size > 1) {
        differing.push(`${key}: ${seen.map((s) => `${s.locale}=[${s.names}]`).join(' ')}`);
      }
    }
    expect(differing).toEqual([]);
  });
});

/**
 * One word for one thing of the CRM in each language: a company called "société" in the workspace and
 * "entreprise" in the reader's links panel reads as two different things.
 */
describe('CRM words', () => {
  const CRM_KEYS = /^(crm|crmLinks|crmActions|contactsImport|documents|mailings)\.|^messages\.column\.(contact|company)$/;
  const AVOID: Record<'fr' | 'ro', Array<[RegExp, string]>> = {
    // Letters around, not \b: JavaScript's \b knows only ASCII letters ("firmă" would slip through).
    fr: [[/(?<!\p{L})entreprises?(?!\p{L})/iu, 'société']],
    ro: [
      [/(?<!\p{L})firm(a|ă|e|ei|elor)(?!\p{L})/iu, 'companie'],
      [/(?<!\p{L})clien(t|ți) potenți(al|ali)(?!\p{L})/iu, 'potențial client'],
    ],
  };
  for (const locale of ['fr', 'ro'] as const) {
    it(`names each CRM record kind with one word in ${locale}`, () => {
      const drift = Object.entries(catalogs[locale])
        .filter(([key]) => CRM_KEYS.test(key))
        .flatMap(([key, message]) => AVOID[locale].filter(([word]) => word.test(message)).map(([, instead]) => `${key}: “${message}” (say ${instead})`));
      expect(drift).toEqual([]);
    });
  }
});
