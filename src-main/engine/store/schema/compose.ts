import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns.js';
import { accounts, agents, folders, messages } from './mail.js';

/** Writing and sending: templates, signatures, drafts, held blobs and group mailings. */

/** Templates, in a Templates folder tree; written in parts (greeting, body, closing) with merge fields. */
export const templates = sqliteTable(
  'templates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    folderId: integer('folder_id').notNull().references(() => folders.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    subject: text('subject').notNull().default(''),
    greeting: text('greeting').notNull().default(''),
    body: text('body').notNull().default(''),
    closing: text('closing').notNull().default(''),
    category: text('category'),
    /** DraftAttachment[] of kind 'blob' as JSON; their blobs are held in blob_holds. */
    attachments: text('attachments').notNull().default('[]'),
    deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
    createdAt: createdAt(),
  },
  (t) => [index('templates_folder').on(t.folderId)],
);

/** Each account's signature (HTML, images inline) and where it goes in a reply. */
export const signatures = sqliteTable('signatures', {
  accountId: integer('account_id').primaryKey().references(() => accounts.id, { onDelete: 'cascade' }),
  html: text('html').notNull().default(''),
  position: text('position', { enum: ['above-quote', 'below-quote'] }).notNull().default('above-quote'),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
});

/**
 * What a composer holds, saved as it is typed: the Draft as JSON, and the MIME copy last stored in the account's
 * Drafts folder (uploaded to the server's Drafts for IMAP accounts).
 */
export const drafts = sqliteTable(
  'drafts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agentId: integer('agent_id').notNull().references(() => agents.id, { onDelete: 'cascade' }),
    draft: text('draft').notNull(),
    messageId: integer('message_id').references(() => messages.id, { onDelete: 'set null' }),
    savedAt: integer('saved_at', { mode: 'timestamp_ms' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('drafts_agent').on(t.agentId, t.savedAt)],
);

/** Small per-agent choices the engine remembers (the last account sent from). */
export const agentPreferences = sqliteTable(
  'agent_preferences',
  {
    agentId: integer('agent_id').notNull().references(() => agents.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    value: text('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agentId, t.key] })],
);

/** Blobs that rows hold by hash inside JSON (drafts' and templates' files): the sweeper keeps them. */
export const blobHolds = sqliteTable(
  'blob_holds',
  {
    sha256: text('sha256').notNull(),
    holder: text('holder', { enum: ['draft', 'template', 'upload', 'mailing'] }).notNull(),
    holderId: integer('holder_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.holder, t.holderId, t.sha256] }), index('blob_holds_sha256').on(t.sha256)],
);

export const mailings = sqliteTable('mailings', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  templateId: integer('template_id').notNull().references(() => templates.id, { onDelete: 'restrict' }),
  accountId: integer('account_id').notNull().references(() => accounts.id, { onDelete: 'cascade' }),
  agentId: integer('agent_id').references(() => agents.id, { onDelete: 'set null' }),
  subject: text('subject').notNull(),
  state: text('state', { enum: ['running', 'paused', 'cancelled', 'done'] }).notNull().default('running'),
  perMinute: integer('per_minute').notNull().default(30),
  /** The next recipient's message is built no earlier than this (the throttle). */
  nextAt: integer('next_at', { mode: 'timestamp_ms' }),
  createdAt: createdAt(),
});

export const mailingRecipients = sqliteTable(
  'mailing_recipients',
  {
    mailingId: integer('mailing_id').notNull().references(() => mailings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    recordType: text('record_type'),
    recordId: integer('record_id'),
    name: text('name').notNull().default(''),
    address: text('address'),
    state: text('state', { enum: ['waiting', 'queued', 'sent', 'failed', 'skipped'] }).notNull().default('waiting'),
    reason: text('reason', { enum: ['blacklisted', 'hard-bounce', 'no-address', 'duplicate', 'send-failed'] }),
    messageId: integer('message_id').references(() => messages.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ columns: [t.mailingId, t.position] }), index('mailing_recipients_message').on(t.messageId)],
);
