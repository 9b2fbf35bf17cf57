import type Database from 'better-sqlite3';
import type { RecipientSuggestion } from '../../../src-shared/contract/compose.js';
import { likeWords } from '../crm/sql-values.js';
import { searchFold } from '../store/text-functions.js';

interface ContactHit {
  id: number;
  first_name: string;
  last_name: string;
  email: string | null;
  email2: string | null;
  company: string | null;
}

/**
 * fold() is a call into JavaScript per row, and what a search over thousands of rows spends its time on; a text of
 * plain ASCII needs none (lower() is the same there, and LIKE ignores ASCII case anyway).
 */
const folded = (x: string) => `CASE WHEN (${x}) GLOB '*[^ -~]*' THEN fold(${x}) ELSE lower(${x}) END`;
const likeFolded = (x: string, param: string) => `((${x}) LIKE ${param} ESCAPE '\\' OR ((${x}) GLOB '*[^ -~]*' AND fold(${x}) LIKE ${param} ESCAPE '\\'))`;

/** A field searched: names may carry accents (folded when they do), addresses are stored lower-case ASCII. */
type Field = { sql: string; address?: true };

/** Every word typed (folded already) must be in one of the fields, accents and case optional: `@w0`, `@w1`… */
const words = (fields: Field[], count: number) =>
  Array.from({ length: count }, (_, i) => `(${fields.map((f) => (f.address ? `${f.sql} LIKE @w${i} ESCAPE '\\'` : likeFolded(f.sql, `@w${i}`))).join(' OR ')})`).join(' AND ');
const wordParams = (like: string[]) => Object.fromEntries(like.map((w, i) => [`w${i}`, w]));
const prefixOf = (query: string) => `${searchFold(query).trim().split(/\s+/)[0]!.replace(/[%_\\]/g, '\\$&')}%`;

/**
 * What the recipient fields offer as a person types: CRM contacts first (name, either address, company), then the
 * people mail was exchanged with who are no contact (most recent first, from the messages the agent may see), then
 * colleagues. Our own accounts' addresses are never offered as correspondents.
 */
export function suggestRecipients(sqlite: Database.Database, q: { query: string; limit: number; agentId: number; accountIds: number[] }): RecipientSuggestion[] {
  const like = likeWords(q.query);
  if (like.length === 0) return [];
  const out: Array<Omit<RecipientSuggestion, 'blacklisted' | 'bounce'>> = [];
  const taken = new Set<string>();
  const add = (s: Omit<RecipientSuggestion, 'blacklisted' | 'bounce'>) => {
    if (out.length >= q.limit || taken.has(s.address)) return;
    taken.add(s.address);
    out.push(s);
  };

  for (const c of contactHits(sqlite, like, prefixOf(q.query), q.limit)) {
    const name = `${c.first_name} ${c.last_name}`.trim();
    for (const address of [c.email, c.email2]) if (address) add({ name, address, contactId: c.id, companyName: c.company, source: 'contact' });
  }
  if (out.length < q.limit) {
    for (const r of recentCorrespondents(sqlite, like, q)) add({ name: r.name, address: r.address, contactId: null, companyName: null, source: 'recent' });
  }
  if (out.length < q.limit) {
    const agents = sqlite
      .prepare(`SELECT name, email FROM agents WHERE email IS NOT NULL AND ${words([{ sql: 'name' }, { sql: 'lower(email)', address: true }], like.length)} ORDER BY ${folded('name')}, id LIMIT @limit`)
      .all({ ...wordParams(like), limit: q.limit }) as Array<{ name: string; email: string }>;
    for (const a of agents) add({ name: a.name, address: a.email.trim().toLowerCase(), contactId: null, companyName: null, source: 'agent' });
  }
  return withAddressStates(sqlite, out);
}

/** A contact's names and company as one text: one fold() per contact rather than one per field. */
const CONTACT_NAMES = "c.first_name || ' ' || c.last_name || ' ' || coalesce(co.name, '')";

function contactHits(sqlite: Database.Database, like: string[], prefix: string, limit: number): ContactHit[] {
  return sqlite
    .prepare(
      `SELECT c.id, c.first_name, c.last_name, c.email, c.email2, co.name AS company
       FROM contacts c LEFT JOIN companies co ON co.id = c.company_id AND co.deleted_at IS NULL
       WHERE c.deleted_at IS NULL AND (c.email IS NOT NULL OR c.email2 IS NOT NULL)
         AND ${words([{ sql: CONTACT_NAMES }, { sql: 'c.email', address: true }, { sql: 'c.email2', address: true }], like.length)}
       ORDER BY CASE WHEN ${likeFolded('c.first_name', '@p')} OR ${likeFolded('c.last_name', '@p')}
                       OR c.email LIKE @p ESCAPE '\\' OR c.email2 LIKE @p ESCAPE '\\' THEN 0 ELSE 1 END,
                ${folded('c.last_name')}, ${folded('c.first_name')}, c.id
       LIMIT @limit`,
    )
    .all({ ...wordParams(like), p: prefix, limit }) as ContactHit[];
}

/**
 * Addresses matching the words, each with its latest message the agent may see (on the address index, then the
 * message by id). Addresses of contacts are left to the contacts above; our own addresses are not correspondents.
 * CROSS JOIN keeps that order: the planner cannot tell how few addresses fold() lets through, and scanning every
 * message's addresses instead costs a fold() per row.
 */
export const RECENT_SQL = (wordCount: number) => `
  SELECT a.address, a.name, max(coalesce(m.date, m.received_at)) AS last
  FROM addresses a
  CROSS JOIN message_addresses ma ON ma.address_id = a.id
  CROSS JOIN messages m ON m.id = ma.message_id
  WHERE ${words([{ sql: 'a.address', address: true }, { sql: 'a.name' }], wordCount)}
    AND a.address NOT IN (SELECT lower(trim(email)) FROM accounts)
    AND NOT EXISTS (SELECT 1 FROM contacts c WHERE c.email = a.address AND c.deleted_at IS NULL)
    AND NOT EXISTS (SELECT 1 FROM contacts c WHERE c.email2 = a.address AND c.deleted_at IS NULL)
    AND (m.account_id IS NULL OR m.account_id IN (SELECT value FROM json_each(@accounts)))
    AND (m.private = 0 OR m.owner_agent_id = @agent)
  GROUP BY a.id
  ORDER BY last DESC, a.address
  LIMIT @limit`;

function recentCorrespondents(sqlite: Database.Database, like: string[], q: { limit: number; agentId: number; accountIds: number[] }) {
  return sqlite.prepare(RECENT_SQL(like.length)).all({ ...wordParams(like), accounts: JSON.stringify(q.accountIds), agent: q.agentId, limit: q.limit }) as Array<{ address: string; name: string }>;
}

function withAddressStates(sqlite: Database.Database, items: Array<Omit<RecipientSuggestion, 'blacklisted' | 'bounce'>>): RecipientSuggestion[] {
  if (items.length === 0) return [];
  const states = sqlite
    .prepare('SELECT address, blacklisted_at, bounce FROM address_states WHERE address IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(items.map((i) => i.address))) as Array<{ address: string; blacklisted_at: number | null; bounce: 'hard' | 'soft' | null }>;
  const byAddress = new Map(states.map((s) => [s.address, s]));
  return items.map((i) => {
    const s = byAddress.get(i.address);
    return { ...i, blacklisted: s?.blacklisted_at != null, bounce: s?.bounce ?? null };
  });
}
