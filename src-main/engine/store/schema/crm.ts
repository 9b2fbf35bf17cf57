import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { bool, createdAt, deletedAt } from './columns.js';
import { agents, messages } from './mail.js';

/** CRM: records, the mail filed under them, what a history keeps of deleted mail, and records' documents. */

export const companies = sqliteTable('companies', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  notes: text('notes').notNull().default(''),
  /** Set when deleted: kept, restorable, out of lists and of automatic linking. */
  deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
  createdAt: createdAt(),
});

export const contacts = sqliteTable(
  'contacts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    firstName: text('first_name').notNull().default(''),
    lastName: text('last_name').notNull().default(''),
    /** Normalised like addresses.address, so linking is an index lookup. */
    email: text('email'),
    email2: text('email2'),
    companyId: integer('company_id').references(() => companies.id, { onDelete: 'set null' }),
    /** Phone numbers as a JSON array of strings. */
    phones: text('phones').notNull().default('[]'),
    notes: text('notes').notNull().default(''),
    deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('contacts_email').on(t.email), index('contacts_email2').on(t.email2), index('contacts_company').on(t.companyId)],
);

/**
 * A message filed in a record's history, and why: `address` (a contact's address is on it, or it is that contact's
 * company), `thread` (it answers a linked message), `manual` (someone linked it).
 */
export const messageLinks = sqliteTable(
  'message_links',
  {
    messageId: integer('message_id').notNull().references(() => messages.id, { onDelete: 'cascade' }),
    recordType: text('record_type', { enum: ['contact', 'company', 'lead', 'deal', 'ticket', 'task', 'event'] }).notNull(),
    recordId: integer('record_id').notNull(),
    reason: text('reason', { enum: ['address', 'thread', 'manual'] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.recordType, t.recordId] }), index('message_links_record').on(t.recordType, t.recordId, t.messageId)],
);

/**
 * Addresses that match several contacts: mail from or to them is not linked by guess; the person settles each
 * once (`contactId`), and from then on it links to that contact.
 */
export const ambiguousAddresses = sqliteTable('ambiguous_addresses', {
  address: text('address').primaryKey(),
  /** The contact chosen for this address; null while it waits in the queue. */
  contactId: integer('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
});

export const leads = sqliteTable('leads', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  firstName: text('first_name').notNull().default(''),
  lastName: text('last_name').notNull().default(''),
  email: text('email'),
  phone: text('phone').notNull().default(''),
  companyName: text('company_name').notNull().default(''),
  source: text('source').notNull().default(''),
  status: text('status', { enum: ['new', 'qualified', 'lost', 'converted'] }).notNull().default('new'),
  notes: text('notes').notNull().default(''),
  contactId: integer('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
  deletedAt: deletedAt(),
  createdAt: createdAt(),
});

export const deals = sqliteTable(
  'deals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    companyId: integer('company_id').references(() => companies.id, { onDelete: 'set null' }),
    contactId: integer('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    amount: real('amount'),
    currency: text('currency').notNull().default('EUR'),
    stage: text('stage', { enum: ['open', 'won', 'lost'] }).notNull().default('open'),
    notes: text('notes').notNull().default(''),
    deletedAt: deletedAt(),
    createdAt: createdAt(),
  },
  (t) => [index('deals_company').on(t.companyId), index('deals_contact').on(t.contactId)],
);

export const tickets = sqliteTable(
  'tickets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: integer('number').notNull().unique(),
    subject: text('subject').notNull(),
    status: text('status', { enum: ['open', 'closed'] }).notNull().default('open'),
    requesterId: integer('requester_id').notNull().references(() => contacts.id, { onDelete: 'restrict' }),
    companyId: integer('company_id').references(() => companies.id, { onDelete: 'set null' }),
    queue: text('queue').notNull(),
    assigneeId: integer('assignee_id').references(() => agents.id, { onDelete: 'set null' }),
    closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
    deletedAt: deletedAt(),
    createdAt: createdAt(),
  },
  (t) => [index('tickets_requester').on(t.requesterId), index('tickets_company').on(t.companyId)],
);

/** CRM tasks and actions (the sync engine's work queue is `tasks`). */
export const crmTasks = sqliteTable('crm_tasks', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  title: text('title').notNull(),
  category: text('category').notNull().default(''),
  status: text('status', { enum: ['todo', 'doing', 'done'] }).notNull().default('todo'),
  dueAt: integer('due_at', { mode: 'timestamp_ms' }),
  assigneeId: integer('assignee_id').references(() => agents.id, { onDelete: 'set null' }),
  notes: text('notes').notNull().default(''),
  doneAt: integer('done_at', { mode: 'timestamp_ms' }),
  deletedAt: deletedAt(),
  createdAt: createdAt(),
});

export const events = sqliteTable('events', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  title: text('title').notNull(),
  startsAt: integer('starts_at', { mode: 'timestamp_ms' }).notNull(),
  endsAt: integer('ends_at', { mode: 'timestamp_ms' }),
  location: text('location').notNull().default(''),
  notes: text('notes').notNull().default(''),
  deletedAt: deletedAt(),
  createdAt: createdAt(),
});

export const notes = sqliteTable(
  'notes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    body: text('body').notNull(),
    authorId: integer('author_id').references(() => agents.id, { onDelete: 'set null' }),
    addresseeId: integer('addressee_id').references(() => agents.id, { onDelete: 'set null' }),
    /** The email it is about; not a foreign key, so the note outlives the email's removal from the mailbox. */
    messageId: integer('message_id'),
    readAt: integer('read_at', { mode: 'timestamp_ms' }),
    deletedAt: deletedAt(),
    createdAt: createdAt(),
  },
  (t) => [index('notes_addressee').on(t.addresseeId, t.readAt), index('notes_message').on(t.messageId)],
);

/**
 * What a record concerns: a task about a contact, a note on a ticket, an event with a company. The record
 * (task, event, note, deal, ticket…) appears in the timeline of each record it is related to.
 */
export const recordRelations = sqliteTable(
  'record_relations',
  {
    recordType: text('record_type').notNull(),
    recordId: integer('record_id').notNull(),
    relatedType: text('related_type').notNull(),
    relatedId: integer('related_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.recordType, t.recordId, t.relatedType, t.relatedId] }), index('record_relations_related').on(t.relatedType, t.relatedId)],
);

/** Per address: kept out of mass mailings, and the last bounce a delivery report gave. */
export const addressStates = sqliteTable('address_states', {
  address: text('address').primaryKey(),
  blacklistedAt: integer('blacklisted_at', { mode: 'timestamp_ms' }),
  bounce: text('bounce', { enum: ['hard', 'soft'] }),
  bouncedAt: integer('bounced_at', { mode: 'timestamp_ms' }),
});

/**
 * A filed email deleted from the mailbox stays in its records' history: what the history shows of it (not its
 * source or attachments) under its old message id, and its links. It comes back to life if the same bytes are
 * stored again (a move by another mail client), and goes for good only by "remove from history".
 */
export const removedMessages = sqliteTable(
  'removed_messages',
  {
    id: integer('id').primaryKey(),
    accountId: integer('account_id'),
    sha256: text('sha256').notNull(),
    threadId: text('thread_id').notNull(),
    subject: text('subject').notNull(),
    fromName: text('from_name').notNull(),
    fromAddress: text('from_address').notNull(),
    /** The To addresses as a JSON array of {name, address}. */
    recipients: text('recipients').notNull(),
    date: integer('date', { mode: 'timestamp_ms' }),
    direction: text('direction', { enum: ['in', 'out'] }).notNull(),
    private: bool('private'),
    ownerAgentId: integer('owner_agent_id'),
    snippet: text('snippet').notNull(),
    textBody: text('text_body'),
    removedAt: integer('removed_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('removed_messages_sha256').on(t.sha256)],
);

export const removedMessageLinks = sqliteTable(
  'removed_message_links',
  {
    messageId: integer('message_id').notNull().references(() => removedMessages.id, { onDelete: 'cascade' }),
    recordType: text('record_type').notNull(),
    recordId: integer('record_id').notNull(),
    reason: text('reason', { enum: ['address', 'thread', 'manual'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.recordType, t.recordId] }), index('removed_message_links_record').on(t.recordType, t.recordId)],
);

/**
 * A CRM record's files (crm/documents-repo.ts), the office's like the record. Their bytes are blobs, as
 * attachments' are: a file filed from an email names the attachment's blob. `deletedAt` is set while a deleted
 * document can still be restored.
 */
export const documents = sqliteTable(
  'documents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    recordType: text('record_type', { enum: ['contact', 'company', 'lead', 'deal', 'ticket', 'task', 'event'] }).notNull(),
    recordId: integer('record_id').notNull(),
    /** Its folder's path: names joined with '/', '' for the top. */
    folder: text('folder').notNull().default(''),
    name: text('name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    addedBy: integer('added_by').references(() => agents.id, { onDelete: 'set null' }),
    /** The email it was filed from, and that email's subject then ('' when it was private). */
    sourceMessageId: integer('source_message_id').references(() => messages.id, { onDelete: 'set null' }),
    sourceSubject: text('source_subject'),
    deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('documents_record').on(t.recordType, t.recordId, t.folder),
    index('documents_sha256').on(t.sha256),
    // Deleting a message sets this to null: without the index each deleted message would scan every document.
    index('documents_source_message').on(t.sourceMessageId).where(sql`${t.sourceMessageId} IS NOT NULL`),
    index('documents_deleted').on(t.deletedAt).where(sql`${t.deletedAt} IS NOT NULL`),
  ],
);

/** A record's document folders, empty ones included; a folder's parents have rows too. */
export const documentFolders = sqliteTable(
  'document_folders',
  {
    recordType: text('record_type', { enum: ['contact', 'company', 'lead', 'deal', 'ticket', 'task', 'event'] }).notNull(),
    recordId: integer('record_id').notNull(),
    path: text('path').notNull(),
  },
  (t) => [primaryKey({ columns: [t.recordType, t.recordId, t.path] })],
);
