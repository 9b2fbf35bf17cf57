import type Database from 'better-sqlite3';
import type { RecordRef, RecordType } from '../../../src-shared/contract/index.js';
import { notFound } from '../errors.js';
import { cached } from '../store/statements.js';

/** The table each record type lives in (the sync engine's work queue took the name `tasks`). */
export const RECORD_TABLE: Record<RecordType, string> = {
  contact: 'contacts',
  company: 'companies',
  lead: 'leads',
  deal: 'deals',
  ticket: 'tickets',
  task: 'crm_tasks',
  event: 'events',
};

const LABEL: Record<RecordType, string> = { contact: 'Contact', company: 'Company', lead: 'Lead', deal: 'Deal', ticket: 'Ticket', task: 'Task', event: 'Event' };

/** A person's name, or their address when they have no name. */
export const PERSON_NAME = (alias: string) =>
  `CASE WHEN trim(${alias}.first_name || ' ' || ${alias}.last_name) = '' THEN coalesce(${alias}.email, '') ELSE trim(${alias}.first_name || ' ' || ${alias}.last_name) END`;

/** SQL for the display name of the record a (type, id) column pair names. */
export function recordNameSql(type: string, id: string): string {
  return `CASE ${type}
    WHEN 'contact' THEN (SELECT ${PERSON_NAME('x')} FROM contacts x WHERE x.id = ${id})
    WHEN 'company' THEN (SELECT name FROM companies WHERE id = ${id})
    WHEN 'lead' THEN (SELECT CASE WHEN trim(x.first_name || ' ' || x.last_name) <> '' THEN trim(x.first_name || ' ' || x.last_name) WHEN x.company_name <> '' THEN x.company_name ELSE coalesce(x.email, '') END FROM leads x WHERE x.id = ${id})
    WHEN 'deal' THEN (SELECT title FROM deals WHERE id = ${id})
    WHEN 'ticket' THEN (SELECT '#' || number || ' ' || subject FROM tickets WHERE id = ${id})
    WHEN 'task' THEN (SELECT title FROM crm_tasks WHERE id = ${id})
    WHEN 'event' THEN (SELECT title FROM events WHERE id = ${id})
  END`;
}

/** NOT_FOUND unless the record exists (deleted ones exist: they can still be linked to and restored). */
export function assertRecord(sqlite: Database.Database, ref: RecordRef): void {
  if (!cached(sqlite, `SELECT 1 FROM ${RECORD_TABLE[ref.type]} WHERE id = ?`).get(ref.id)) throw notFound(`${LABEL[ref.type]} ${ref.id}`);
}

/** Soft delete and restore: the record leaves lists, searches and automatic linking, and keeps its history. */
export function setRecordDeleted(sqlite: Database.Database, ref: RecordRef, deleted: boolean): void {
  const changed = cached(sqlite, `UPDATE ${RECORD_TABLE[ref.type]} SET deleted_at = ? WHERE id = ?`).run(deleted ? Date.now() : null, ref.id).changes;
  if (changed === 0) throw notFound(`${LABEL[ref.type]} ${ref.id}`);
}
