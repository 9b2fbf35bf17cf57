import type { DiscoveredSettings, ErrorCode, EventPayload, SearchField } from '../../src-shared/contract/index.js';
import type { IncomingProtocol, Security } from '../../src-shared/domain/account-settings.js';
import type { FolderKind } from '../../src-shared/domain/folder-kinds.js';
import type { MessageKey } from './catalogs.js';

/** Records rather than lookups by string concatenation, so a new error code or folder kind fails to compile here. */
export const ERROR_KEYS: Record<ErrorCode | 'UNKNOWN', MessageKey> = {
  INVALID_INPUT: 'error.code.INVALID_INPUT',
  UNKNOWN_COMMAND: 'error.code.UNKNOWN_COMMAND',
  NOT_FOUND: 'error.code.NOT_FOUND',
  FORBIDDEN: 'error.code.FORBIDDEN',
  CONFLICT: 'error.code.CONFLICT',
  BLOB_MISSING: 'error.code.BLOB_MISSING',
  STORE_ERROR: 'error.code.STORE_ERROR',
  STORE_TOO_NEW: 'error.code.STORE_TOO_NEW',
  UNAVAILABLE: 'error.code.UNAVAILABLE',
  INTERNAL: 'error.code.INTERNAL',
  DNS_FAILED: 'error.code.DNS_FAILED',
  CONNECT_FAILED: 'error.code.CONNECT_FAILED',
  TLS_ERROR: 'error.code.TLS_ERROR',
  AUTH_FAILED: 'error.code.AUTH_FAILED',
  CAPABILITY_MISSING: 'error.code.CAPABILITY_MISSING',
  PROTOCOL_ERROR: 'error.code.PROTOCOL_ERROR',
  SECRETS_UNAVAILABLE: 'error.code.SECRETS_UNAVAILABLE',
  UNKNOWN: 'error.code.UNKNOWN',
};

/** User folders show their own name; every other kind is the app's or the server's and is shown translated. */
export const FOLDER_KIND_KEYS: Record<Exclude<FolderKind, 'user'>, MessageKey> = {
  inbox: 'folder.kind.inbox',
  sent: 'folder.kind.sent',
  drafts: 'folder.kind.drafts',
  outbox: 'folder.kind.outbox',
  junk: 'folder.kind.junk',
  trash: 'folder.kind.trash',
  templates: 'folder.kind.templates',
  archive: 'folder.kind.archive',
  shared: 'folder.kind.shared',
  internal: 'folder.kind.internal',
};

export const SECURITY_KEYS: Record<Security, MessageKey> = {
  tls: 'accounts.security.tls',
  starttls: 'accounts.security.starttls',
  none: 'accounts.security.none',
};

export const PROTOCOL_KEYS: Record<IncomingProtocol | 'smtp', MessageKey> = {
  imap: 'accounts.protocol.imap',
  pop3: 'accounts.protocol.pop3',
  smtp: 'accounts.protocol.smtp',
};

/** Where discovery found a suggestion: said so the person can judge how much to trust it. */
export const SOURCE_KEYS: Record<DiscoveredSettings['source'], MessageKey> = {
  preset: 'accounts.source.preset',
  autoconfig: 'accounts.source.autoconfig',
  'well-known': 'accounts.source.wellKnown',
  srv: 'accounts.source.srv',
  guess: 'accounts.source.guess',
};

/** What an account's status line says in each sync phase; errors and downloads have their own wording. */
export const SYNC_PHASE_KEYS: Record<Exclude<EventPayload<'sync.progress'>['phase'], 'error' | 'messages'>, MessageKey> = {
  connecting: 'sync.phase.connecting',
  folders: 'sync.phase.folders',
  tasks: 'sync.phase.tasks',
  outbox: 'sync.phase.outbox',
  idle: 'sync.phase.upToDate',
  done: 'sync.phase.upToDate',
};

/** What each search field looks in, in the order the menu offers them. */
export const SEARCH_FIELD_KEYS: Record<SearchField, MessageKey> = {
  'subject-people': 'search.field.subjectPeople',
  'subject-sender': 'search.field.subjectSender',
  fulltext: 'search.field.fulltext',
  attachment: 'search.field.attachment',
  category: 'search.field.category',
  'unknown-sender': 'search.field.unknownSender',
};
