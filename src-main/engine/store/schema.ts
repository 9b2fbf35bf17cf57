import { sql } from 'drizzle-orm';
import { blob, check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The store's tables. drizzle-kit reads this file to generate the SQL in /migrations; the FTS5 table and its
 * tokenizer are in a hand-written migration because drizzle has no DSL for virtual tables.
 */

const createdAt = () => integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`);
const bool = (name: string) => integer(name, { mode: 'boolean' }).notNull().default(false);

export const agents = sqliteTable('agents', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  email: text('email'),
  locale: text('locale', { enum: ['en', 'fr', 'ro'] }),
  isDefault: bool('is_default'),
  createdAt: createdAt(),
});

export const accounts = sqliteTable('accounts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  email: text('email').notNull(),
  incomingProtocol: text('incoming_protocol', { enum: ['imap', 'pop3', 'none'] }).notNull().default('none'),
  /** Server settings as JSON; secrets are never here in clear (see the Shell's secrets). */
  settings: text('settings', { mode: 'json' }).notNull().default(sql`'{}'`),
  createdAt: createdAt(),
});

/** An account attached to no agent is public. */
export const accountAgents = sqliteTable(
  'account_agents',
  {
    accountId: integer('account_id').notNull().references(() => accounts.id, { onDelete: 'cascade' }),
    agentId: integer('agent_id').notNull().references(() => agents.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.agentId] }), index('account_agents_agent').on(t.agentId)],
);

export const folders = sqliteTable(
  'folders',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    parentId: integer('parent_id').references((): any => folders.id, { onDelete: 'restrict' }),
    /** Null for Local Folders, which belong to no account. */
    accountId: integer('account_id').references(() => accounts.id, { onDelete: 'cascade' }),
    kind: text('kind', {
      enum: ['inbox', 'sent', 'drafts', 'outbox', 'junk', 'trash', 'templates', 'archive', 'user', 'shared', 'internal'],
    }).notNull(),
    name: text('name').notNull(),
    /** The server's mailbox name for account folders (IMAP path), null for local ones. */
    remoteName: text('remote_name'),
    /** The server's path delimiter for this mailbox, to build children's paths. */
    delimiter: text('delimiter'),
    createdAt: createdAt(),
  },
  // The unique indexes over coalesce(account_id, 0) live in migrations/0001 because drizzle-kit garbles
  // expression indexes.
  (t) => [index('folders_parent').on(t.parentId)],
);

export const addresses = sqliteTable('addresses', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** Normalised (trimmed, lower-cased) address: the key CRM linking matches on. */
  address: text('address').notNull().unique(),
  /** The display name seen most recently with this address. */
  name: text('name').notNull().default(''),
});

export const messages = sqliteTable(
  'messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    folderId: integer('folder_id').notNull().references(() => folders.id, { onDelete: 'restrict' }),
    accountId: integer('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    /** Message-ID without angle brackets; null when the message has none. */
    messageId: text('message_id'),
    inReplyTo: text('in_reply_to'),
    subject: text('subject').notNull().default(''),
    fromName: text('from_name').notNull().default(''),
    fromAddress: text('from_address').notNull().default(''),
    date: integer('date', { mode: 'timestamp_ms' }),
    receivedAt: integer('received_at', { mode: 'timestamp_ms' }).notNull(),
    direction: text('direction', { enum: ['in', 'out'] }).notNull().default('in'),
    seen: bool('seen'),
    flagged: bool('flagged'),
    answered: bool('answered'),
    draft: bool('draft'),
    junk: bool('junk'),
    mdnSent: bool('mdn_sent'),
    malformed: bool('malformed'),
    malformedReason: text('malformed_reason'),
    /**
     * Imported with the Message-ID of a message already stored but other content: kept (nothing is dropped), and
     * pointing at the message it varies from.
     */
    variantOf: integer('variant_of'),
    category: text('category'),
    private: bool('private'),
    ownerAgentId: integer('owner_agent_id').references(() => agents.id, { onDelete: 'set null' }),
    threadId: text('thread_id').notNull(),
    uid: integer('uid'),
    uidValidity: integer('uid_validity'),
    pop3Uidl: text('pop3_uidl'),
    /** sha256 of the exact raw bytes: the message's identity for de-duplication and byte-exact export. */
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    /**
     * The raw source, whole or as a skeleton whose large parts point at attachment blobs (see mail/source.ts).
     * Small sources live in the row (`source`), which saves a file and two fsyncs per message; large ones in a
     * blob file (`source_blob`). Exactly one of the two is set.
     */
    source: blob('source', { mode: 'buffer' }),
    sourceBlob: text('source_blob'),
    sourceFormat: text('source_format', { enum: ['raw', 'skeleton1'] }).notNull(),
    headers: text('headers').notNull().default(''),
    textBody: text('text_body'),
    htmlBody: text('html_body'),
    snippet: text('snippet').notNull().default(''),
    hasAttachments: bool('has_attachments'),
    /** A read receipt for it came back (MDN): when its recipient read it. */
    readByRecipientAt: integer('read_by_recipient_at', { mode: 'timestamp_ms' }),
    /** A delivery report for it: 'hard' (5.x.x, undeliverable), 'soft' (4.x.x, delayed or refused for now). */
    bounce: text('bounce', { enum: ['hard', 'soft'] }),
    createdAt: createdAt(),
  },
  (t) => [
    index('messages_folder_date').on(t.folderId, t.date, t.id),
    index('messages_message_id').on(t.messageId),
    index('messages_thread').on(t.threadId),
    index('messages_sha256').on(t.sha256),
    index('messages_source_blob').on(t.sourceBlob),
    index('messages_folder_uid').on(t.folderId, t.uid),
    // Search and lists find ids in a full-text index, then need each row's date and visibility: from this narrow
    // index rather than from rows whose bodies make them pages long (5 ms instead of 17 ms for 4,000 matches).
    index('messages_search_cover').on(t.id, t.date, t.folderId, t.private, t.ownerAgentId),
    check('messages_one_source', sql`(${t.source} IS NULL) <> (${t.sourceBlob} IS NULL)`),
  ],
);

export const messageAddresses = sqliteTable(
  'message_addresses',
  {
    messageId: integer('message_id').notNull().references(() => messages.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['from', 'to', 'cc', 'bcc', 'reply-to'] }).notNull(),
    position: integer('position').notNull(),
    addressId: integer('address_id').notNull().references(() => addresses.id, { onDelete: 'restrict' }),
    /** The display name as this message gave it. */
    name: text('name').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.role, t.position] }), index('message_addresses_address').on(t.addressId)],
);

/** Message-IDs a message names in References and In-Reply-To, so a parent arriving late finds its children. */
export const messageRefs = sqliteTable(
  'message_refs',
  {
    messageId: integer('message_id').notNull().references(() => messages.id, { onDelete: 'cascade' }),
    ref: text('ref').notNull(),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.ref] }), index('message_refs_ref').on(t.ref)],
);

export const attachments = sqliteTable(
  'attachments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    messageId: integer('message_id').notNull().references(() => messages.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    contentId: text('content_id'),
    inline: bool('inline'),
    sha256: text('sha256').notNull(),
  },
  (t) => [index('attachments_message').on(t.messageId), index('attachments_sha256').on(t.sha256)],
);

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

const deletedAt = () => integer('deleted_at', { mode: 'timestamp_ms' });

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

/** An account's secrets (password or OAuth tokens), sealed by the host's Shell; never in clear text. */
export const accountSecrets = sqliteTable(
  'account_secrets',
  {
    accountId: integer('account_id').notNull().references(() => accounts.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['password', 'oauth'] }).notNull(),
    sealed: blob('sealed', { mode: 'buffer' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.kind] })],
);

/** Where each server folder's sync stands: the UI and `sync --once` derive progress from these rows. */
export const folderSync = sqliteTable('folder_sync', {
  folderId: integer('folder_id').primaryKey().references(() => folders.id, { onDelete: 'cascade' }),
  uidValidity: integer('uid_validity'),
  uidNext: integer('uid_next'),
  highestModseq: integer('highest_modseq'),
  /** Messages the server reported at the last completed sync. */
  serverCount: integer('server_count'),
  /** Lowest UID fetched so far: the initial sync goes newest-first and resumes below this after a crash. */
  lowestUid: integer('lowest_uid'),
  syncedAt: integer('synced_at', { mode: 'timestamp_ms' }),
  error: text('error'),
});

/**
 * Local-first changes waiting for the server: one row per change, applied to the store at once and replayed by
 * the account's worker (Mailspring's task model). Retries are data: attempts and retryAfter.
 */
export const tasks = sqliteTable(
  'tasks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id').notNull().references(() => accounts.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    payload: text('payload', { mode: 'json' }).notNull(),
    state: text('state', { enum: ['queued', 'done', 'failed'] }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    retryAfter: integer('retry_after', { mode: 'timestamp_ms' }),
    lastError: text('last_error'),
    createdAt: createdAt(),
  },
  (t) => [index('tasks_account_state').on(t.accountId, t.state, t.id)],
);

/**
 * The send state of each message in an Outbox. The raw MIME (with our Message-ID) is stored as a message before
 * any byte goes out; `sending` is committed before DATA, so a crash there is found on restart and becomes
 * `unknown`, never a blind resend.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    messageId: integer('message_id').primaryKey().references(() => messages.id, { onDelete: 'cascade' }),
    accountId: integer('account_id').notNull().references(() => accounts.id, { onDelete: 'cascade' }),
    state: text('state', { enum: ['queued', 'sending', 'sent', 'failed', 'unknown'] }).notNull().default('queued'),
    envelopeFrom: text('envelope_from').notNull(),
    envelopeTo: text('envelope_to', { mode: 'json' }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    retryAfter: integer('retry_after', { mode: 'timestamp_ms' }),
    sendAfter: integer('send_after', { mode: 'timestamp_ms' }),
    lastError: text('last_error'),
    /** The original this message answers, flagged \Answered once it is sent. */
    inReplyToMessage: integer('in_reply_to_message').references(() => messages.id, { onDelete: 'set null' }),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('outbox_account_state').on(t.accountId, t.state)],
);

/** POP3 messages already seen per account (RFC 1939 UIDL), so each is downloaded once. */
export const pop3Seen = sqliteTable(
  'pop3_seen',
  {
    accountId: integer('account_id').notNull().references(() => accounts.id, { onDelete: 'cascade' }),
    uidl: text('uidl').notNull(),
    messageId: integer('message_id').references(() => messages.id, { onDelete: 'set null' }),
    /** sha256 of the bytes downloaded: DELE only after the stored copy is verified against it. */
    sha256: text('sha256').notNull(),
    firstSeenAt: integer('first_seen_at', { mode: 'timestamp_ms' }).notNull(),
    deletedOnServer: integer('deleted_on_server', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.uidl] })],
);

/** Senders whose remote content (images, styles, fonts from the web) an agent chose to load always. */
export const remoteContentSenders = sqliteTable(
  'remote_content_senders',
  {
    agentId: integer('agent_id').notNull().references(() => agents.id, { onDelete: 'cascade' }),
    /** Normalised like addresses.address. */
    address: text('address').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.agentId, t.address] })],
);

/**
 * What places a message in its conversation beyond References and In-Reply-To (message_refs), for the forum view:
 * Outlook's Thread-Index, the original a read receipt or delivery report answers, and, for messages with no such
 * key, their normalised subject. A row exists only for messages with one of these; partial indexes keep the
 * lookups small. Messages stored before this table existed have no row (its values come from parsing the source).
 */
export const messageConversation = sqliteTable(
  'message_conversation',
  {
    messageId: integer('message_id').primaryKey().references(() => messages.id, { onDelete: 'cascade' }),
    /** Decoded, lower-case hex: a conversation is every index sharing the first 22 bytes (44 hex digits). */
    threadIndex: text('thread_index'),
    reportKind: text('report_kind', { enum: ['receipt', 'delivery-report'] }),
    /** The Message-ID the report is about, without angle brackets. */
    reportOriginal: text('report_original'),
    /** Set only for messages with no References, In-Reply-To or report link: subject grouping is for them alone. */
    subjectKey: text('subject_key'),
    /** The subject starts with "Re:", "TR:"…: a reply looks for the latest original of its subject before it. */
    subjectReply: integer('subject_reply', { mode: 'boolean' }).notNull().default(false),
    /** The message's date (or, without one, when it arrived), for that "latest before it". */
    date: integer('date', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('message_conversation_thread_index').on(t.threadIndex).where(sql`${t.threadIndex} IS NOT NULL`),
    index('message_conversation_report_original').on(t.reportOriginal).where(sql`${t.reportOriginal} IS NOT NULL`),
    index('message_conversation_subject').on(t.subjectKey, t.subjectReply, t.date).where(sql`${t.subjectKey} IS NOT NULL`),
  ],
);

/**
 * Categories a message can carry (its `category` column holds the name): incoming and outgoing ones are separate
 * lists, each grouped in families ("Sales", "Support"…), managed in settings and shared by all agents.
 */
export const categories = sqliteTable(
  'categories',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    direction: text('direction', { enum: ['in', 'out'] }).notNull(),
    family: text('family').notNull().default(''),
    /** A CSS colour for the chip, from a fixed palette the UI offers. */
    color: text('color'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('categories_direction_name').on(t.direction, t.name)],
);

/**
 * An import of a PST, MSG, EML tree or mbox: where it reads, where it writes, and how far it got. `position` counts
 * the source's items already committed, in the same transaction as their rows, so a crash resumes exactly there.
 */
export const importJobs = sqliteTable('import_jobs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  agentId: integer('agent_id').references(() => agents.id, { onDelete: 'set null' }),
  sourcePath: text('source_path').notNull(),
  format: text('format', { enum: ['pst', 'msg', 'eml', 'mbox'] }).notNull(),
  /** The folder the source's tree is recreated under. */
  targetFolderId: integer('target_folder_id').references(() => folders.id, { onDelete: 'set null' }),
  state: text('state', { enum: ['running', 'interrupted', 'cancelled', 'done', 'failed'] }).notNull(),
  position: integer('position').notNull().default(0),
  total: integer('total'),
  /** Contacts, appointments, tasks and notes the source held besides mail (JSON NonMailCounts). */
  nonMail: text('non_mail'),
  error: text('error'),
  createdAt: createdAt(),
  finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
});

/** Per folder of the source: the reconciliation report's lines. */
export const importJobFolders = sqliteTable(
  'import_job_folders',
  {
    jobId: integer('job_id').notNull().references(() => importJobs.id, { onDelete: 'cascade' }),
    /** The source folder's names joined with '/' ('' for its top). */
    path: text('path').notNull(),
    folderId: integer('folder_id').references(() => folders.id, { onDelete: 'set null' }),
    found: integer('found').notNull().default(0),
    imported: integer('imported').notNull().default(0),
    duplicates: integer('duplicates').notNull().default(0),
    variants: integer('variants').notNull().default(0),
    failed: integer('failed').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.path] })],
);

/** Each item that could not be imported as a message, with why; `messageId` when its raw bytes were kept. */
export const importFailures = sqliteTable(
  'import_failures',
  {
    jobId: integer('job_id').notNull().references(() => importJobs.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    itemKey: text('item_key').notNull(),
    path: text('path').notNull(),
    reason: text('reason').notNull(),
    messageId: integer('message_id').references(() => messages.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.position] })],
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
