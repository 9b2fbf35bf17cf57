/**
 * The store's tables, by area. drizzle-kit reads this file (and what it re-exports) to generate the SQL in
 * /migrations; the FTS5 table and its tokenizer are in a hand-written migration because drizzle has no DSL for
 * virtual tables.
 */
export * from './schema/mail.js';
export * from './schema/crm.js';
export * from './schema/compose.js';
