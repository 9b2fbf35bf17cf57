import type { SyncSummary } from '../../../../src-shared/contract/index.js';
import { STANDARD_FOLDERS } from '../../../../src-shared/domain/folder-kinds.js';
import { sha256Hex } from '../../blobs/blob-store.js';
import { EngineError } from '../../errors.js';
import type { Pop3Repo, Pop3SeenRow } from '../../store/pop3-repo.js';
import type { SyncDeps } from '../account-sync.js';
import { openPop3, type Pop3Session } from '../connect/pop3-session.js';

const DAY_MS = 24 * 3600 * 1000;
const NAMES: Record<string, string> = { inbox: 'Inbox', sent: 'Sent', drafts: 'Drafts', outbox: 'Outbox', junk: 'Junk', trash: 'Trash', templates: 'Templates' };

/**
 * One POP3 pass (RFC 1939): download what the per-account UIDL set has not seen, newest first, each message
 * committed before its UIDL is recorded; then DELE only messages whose stored copy is verified by hash, per the
 * account's options; QUIT applies the deletions. A pass cut short downloads the rest next time, never twice.
 */
export async function syncPop3Account(deps: SyncDeps & { pop3: Pop3Repo }, accountId: number, signal?: AbortSignal): Promise<SyncSummary> {
  const started = performance.now();
  const account = deps.accounts.get(accountId);
  for (const kind of STANDARD_FOLDERS) deps.folders.ensureAccountFolder(accountId, kind, NAMES[kind]!);
  const inbox = deps.folders.accountFolderOfKind(accountId, 'inbox')!;
  const summary: SyncSummary = { accountId, folders: [], tasksApplied: 0, outboxSent: 0, seconds: 0, error: null };
  const folder = { folderId: inbox.id, path: deps.folders.path(inbox.id), added: 0, updated: 0, removed: 0, error: null as string | null };
  summary.folders.push(folder);
  let pop: Pop3Session | undefined;
  try {
    deps.events.emit('sync.progress', { accountId, folderId: null, phase: 'connecting', done: 0, total: 0, error: null });
    pop = await openPop3(account.settings.incoming, await deps.credentials.secretFor(accountId), account.settings.caCertPem, 120_000);
    const listing = (await pop.UIDL()) as Array<[string, string]>;
    const onServer = new Map(listing.map(([num, uidl]) => [uidl, Number(num)]));
    let seen = deps.pop3.seen(accountId);
    const fresh = [...onServer].filter(([uidl]) => !seen.has(uidl)).sort((a, b) => b[1] - a[1]);
    let done = 0;
    for (const [uidl, num] of fresh) {
      signal?.throwIfAborted();
      const raw = await retr(pop, num);
      const r = await deps.ingest(raw, { folderId: inbox.id, accountId, direction: 'in' });
      deps.pop3.record(accountId, uidl, r.id, sha256Hex(raw));
      if (!r.duplicate) folder.added++;
      deps.events.emit('sync.progress', { accountId, folderId: inbox.id, phase: 'messages', done: ++done, total: fresh.length, error: null });
    }
    if (folder.added) deps.events.changed('messages', []);

    seen = deps.pop3.seen(accountId);
    const doomed = [...onServer].filter(([uidl]) => shouldDelete(seen.get(uidl), account.settings.pop3));
    for (const [, num] of doomed) await pop.DELE(num);
    await pop.QUIT();
    pop = undefined;
    deps.pop3.markDeleted(accountId, doomed.map(([uidl]) => uidl));
    deps.pop3.prune(accountId, new Set([...onServer.keys()].filter((u) => !doomed.some(([d]) => d === u))));
    deps.events.changed('folders', [inbox.id]);
    deps.events.emit('sync.progress', { accountId, folderId: null, phase: 'done', done: folder.added, total: folder.added, error: null });
  } catch (error) {
    const e = error instanceof EngineError ? error : new EngineError('PROTOCOL_ERROR', (error as Error).message);
    summary.error = { code: e.code, message: e.message };
    deps.events.emit('sync.progress', { accountId, folderId: null, phase: 'error', done: 0, total: 0, error: summary.error });
  } finally {
    // Without QUIT the server discards the DELEs (RFC 1939 §6): a broken pass deletes nothing.
    pop?._socket?.destroy();
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/** DELE only what is safely here: the stored copy's hash equals what was downloaded (or the user deleted it here). */
function shouldDelete(row: Pop3SeenRow | undefined, options: { leaveOnServer: boolean; deleteAfterDays: number | null; deleteWhenTrashed: boolean }): boolean {
  if (!row || row.deletedOnServer) return false;
  const removedHere = row.messageId === null;
  const verified = removedHere || row.storedSha256 === row.sha256;
  if (!verified) return false;
  if (!options.leaveOnServer) return true;
  if (options.deleteAfterDays !== null && Date.now() - row.firstSeenAt >= options.deleteAfterDays * DAY_MS) return true;
  return options.deleteWhenTrashed && (removedHere || row.folderKind === 'trash');
}

/**
 * RETR as bytes: node-pop3's RETR decodes to a UTF-8 string, which would alter 8-bit messages, and leaves the
 * RFC 1939 §3 byte-stuffing in place. The stream ends before "CRLF.CRLF", whose first CRLF ends the last line.
 */
async function retr(pop: Pop3Session, num: number): Promise<Buffer> {
  const [, stream] = (await pop.command('RETR', String(num))) as [string, NodeJS.ReadableStream];
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, 'latin1'));
  return unstuff(Buffer.concat([...chunks, Buffer.from('\r\n')]));
}

export function unstuff(data: Buffer): Buffer {
  const text = data.toString('latin1');
  const out = text.replace(/(^|\r\n)\.\./g, '$1.');
  return out.length === text.length ? data : Buffer.from(out, 'latin1');
}
