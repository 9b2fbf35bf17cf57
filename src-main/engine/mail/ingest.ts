import type Database from 'better-sqlite3';
import type { MessageFlags } from '../../../src-shared/contract/index.js';
import { sha256Hex, type BlobStore } from '../blobs/blob-store.js';
import { saveConversationKeys } from '../store/conversation-repo.js';
import { linkNewMessage } from '../crm/links.js';
import type { EventBus } from '../events.js';
import { noteReports } from '../reports/report-hook.js';
import type { MessagesRepo, NewMessage } from '../store/messages-repo.js';
import { analyzeMessage } from './analyze.js';
import type { ConversationKeys } from './conversation-keys.js';
import type { ParsePool } from './parse-pool.js';

/** SQLite reads and writes blobs under ~100 kB faster than the file system does (sqlite.org/intern-v-extern-blob.html). */
const INLINE_SOURCE_MAX_BYTES = 128 * 1024;

export interface IngestTarget {
  folderId: number;
  accountId: number | null;
  direction: 'in' | 'out';
  flags?: Partial<MessageFlags>;
  ownerAgentId?: number | null;
  /** The server's reference, for synced mail: the IMAP UID in this folder. */
  remote?: { uid: number; uidValidity: number };
}

export interface IngestResult {
  id: number;
  duplicate: boolean;
  malformed: boolean;
}

export interface IngestDeps {
  sqlite: Database.Database;
  blobs: BlobStore;
  messages: MessagesRepo;
  /** Worker threads for parsing; without it, parsing runs on the calling thread. */
  pool?: ParsePool;
  /** Told which sent messages and contacts a read receipt or delivery report changed. */
  events?: Pick<EventBus, 'changed'>;
}

/**
 * The one path from raw RFC 5322 bytes to a stored message (sync, import, send and the CLI all use it).
 * Order matters for crash safety: every blob is durable on disk before the transaction that names it commits,
 * so a crash leaves at worst an unnamed blob for the sweeper, never a row pointing at nothing. A message that
 * cannot be decoded is stored all the same, flagged malformed with the reason, and its raw bytes are kept.
 */
export async function ingestMessage(deps: IngestDeps, raw: Buffer, target: IngestTarget): Promise<IngestResult> {
  const prepared = await prepareMessage(deps, raw, target);
  if ('id' in prepared) return prepared;
  const [result] = await commitPrepared(deps, [prepared]);
  return result!;
}

/** A message parsed and with its files durable on disk, waiting for the transaction that names them. */
export interface PreparedMessage {
  row: NewMessage;
  /** Blob files still being written; the commit waits for them. */
  writes: Promise<void>[];
  remote: IngestTarget['remote'];
  malformed: boolean;
  conversation: ConversationKeys;
}

/**
 * Everything but the database write: de-duplication, parsing, and blob files written and fsynced. Splitting this
 * from the commit lets sync commit a batch in one transaction (one fsync for many messages) with the same
 * guarantee: no row is ever written before the files it names.
 */
export async function prepareMessage(deps: IngestDeps, raw: Buffer, target: IngestTarget): Promise<PreparedMessage | IngestResult> {
  const sha256 = sha256Hex(raw);
  const existing = deps.messages.findInFolderBySha(target.folderId, sha256);
  if (existing && !target.remote) return { id: existing.id, duplicate: true, malformed: existing.malformed === 1 };
  if (existing && target.remote && existing.uid === null) {
    // The same bytes we already hold without a server reference (moved here locally, or left unmapped by a
    // UIDVALIDITY change): claim the row, keeping everything that hangs off it, rather than adding a copy.
    deps.messages.setRemote(existing.id, target.remote.uid, target.remote.uidValidity);
    if (target.flags) deps.messages.setFlags([existing.id], target.flags);
    return { id: existing.id, duplicate: true, malformed: existing.malformed === 1 };
  }

  const { parsed, problems, source, attachmentShas, conversation } = deps.pool ? await deps.pool.analyze(raw, sha256) : await analyzeMessage(raw, sha256);

  const writes: Promise<void>[] = [];
  const attachments = parsed.attachments.map((a, i) => {
    const { sha256: blob, done } = deps.blobs.putAsync(a.content, attachmentShas[i]);
    writes.push(done);
    return { filename: a.filename, contentType: a.contentType, size: a.content.length, contentId: a.contentId, inline: a.inline, sha256: blob };
  });
  const inline = source.bytes.length <= INLINE_SOURCE_MAX_BYTES;
  let sourceBlob: string | null = null;
  if (!inline) {
    const put = deps.blobs.putAsync(source.bytes);
    writes.push(put.done);
    sourceBlob = put.sha256;
  }

  const flags: MessageFlags = { seen: false, flagged: false, answered: false, draft: false, junk: false, mdnSent: false, ...target.flags };
  return {
    writes,
    remote: target.remote,
    malformed: problems.length > 0,
    conversation,
    row: {
      folderId: target.folderId,
      accountId: target.accountId,
      messageId: parsed.messageId,
      inReplyTo: parsed.inReplyTo,
      references: parsed.references,
      subject: parsed.subject,
      addresses: { from: parsed.from ? [parsed.from] : [], to: parsed.to, cc: parsed.cc, bcc: parsed.bcc, 'reply-to': parsed.replyTo },
      date: parsed.date,
      receivedAt: new Date(),
      direction: target.direction,
      flags,
      malformedReason: problems.length > 0 ? problems.join(' ') : null,
      ownerAgentId: target.ownerAgentId ?? null,
      sha256,
      size: raw.length,
      source: { format: source.format, inline: inline ? source.bytes : null, blob: sourceBlob },
      headers: parsed.headerBlock,
      text: parsed.text,
      html: parsed.html,
      snippet: snippetOf(parsed.text),
      attachments,
    },
  };
}

/** Writes prepared messages in one transaction, once their files are durable; each keeps its identity and thread. */
export async function commitPrepared(deps: IngestDeps, batch: PreparedMessage[]): Promise<IngestResult[]> {
  await Promise.all(batch.flatMap((p) => p.writes));
  return deps.sqlite.transaction(() => commitWritten(deps, batch)).immediate();
}

/**
 * The rows of prepared messages whose files are already durable, inside the caller's transaction (an import
 * commits its checkpoint with them).
 */
export function commitWritten(deps: IngestDeps, batch: PreparedMessage[]): IngestResult[] {
  return batch.map((p) => {
    const id = deps.messages.insert(p.row);
    saveConversationKeys(deps.sqlite, id, p.conversation, p.row.date ?? p.row.receivedAt);
    linkNewMessage(deps.sqlite, id, p.row);
    if (p.remote) deps.messages.setRemote(id, p.remote.uid, p.remote.uidValidity);
    noteReports(deps, id, p);
    return { id, duplicate: false, malformed: p.malformed };
  });
}

function snippetOf(text: string | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);
}
