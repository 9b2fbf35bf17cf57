import type Database from 'better-sqlite3';

/** Lower case in every alphabet; SQLite's own lower() folds ASCII only ("LEFÈVRE" stays "lefÈvre"). */
export const unicodeLower = (text: string): string => text.normalize('NFC').toLowerCase();

/** What "contains" compares: lower case without accents, so "lefevre" finds "Lefèvre" and "stefan" "Ștefan". */
export const searchFold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * SQL functions for names people type: `ulower(x)` for identity ("the company named…"), `fold(x)` for searches.
 * Deterministic, so SQLite may use them in indexes and cache their results within a statement.
 */
export function registerTextFunctions(sqlite: Database.Database): void {
  const nullable = (f: (s: string) => string) => (value: unknown) => (value === null || value === undefined ? null : f(String(value)));
  sqlite.function('ulower', { deterministic: true }, nullable(unicodeLower));
  sqlite.function('fold', { deterministic: true }, nullable(searchFold));
}
