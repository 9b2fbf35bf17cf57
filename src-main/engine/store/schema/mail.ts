import { sql } from 'drizzle-orm';
import { blob, check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { bool, createdAt } from './columns.js';

/** Mail: agents, accounts, folders, messages and what sync, the outbox, imports and the reader keep about them. */

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
