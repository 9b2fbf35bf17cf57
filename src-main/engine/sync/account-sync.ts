import type { ImapFlow } from 'imapflow';
import type { SyncSummary } from '../../../src-shared/contract/index.js';
import { EngineError } from '../errors.js';
import type { EventBus } from '../events.js';
import type { IngestResult, IngestTarget, PreparedMessage } from '../mail/ingest.js';
import type { SecretBox } from '../shell.js';
import type { AccountsRepo } from '../store/accounts-repo.js';
import type { FoldersRepo } from '../store/folders-repo.js';
import type { MessagesRepo } from '../store/messages-repo.js';
import type { OutboxRepo } from '../store/outbox-repo.js';
import type { Pop3Repo } from '../store/pop3-repo.js';
import type { TasksRepo } from '../store/tasks-repo.js';
import type { LocalChanges } from './local-changes.js';
import { connectError } from './connect-errors.js';
import type { CredentialStore } from './credentials.js';
import { applyTasks } from './imap/apply-tasks.js';
import { createImapClient } from './imap/client.js';
import { syncFolderList, type ServerFolder } from './imap/folders.js';
import { syncFolder } from './imap/sync-folder.js';
import { settleUnknownSends } from './imap/find-sent.js';
import type { ImapConnections } from './imap/connections.js';

export interface SyncDeps {
  accounts: AccountsRepo;
  folders: FoldersRepo;
  messages: MessagesRepo;
  tasks: TasksRepo;
  secrets: SecretBox;
  credentials: CredentialStore;
  connections: ImapConnections;
  events: EventBus;
  sqlite: import('better-sqlite3').Database;
  ingest: (raw: Buffer, target: IngestTarget) => Promise<IngestResult>;
  prepare: (raw: Buffer, target: IngestTarget) => Promise<PreparedMessage | IngestResult>;
  commit: (batch: PreparedMessage[]) => Promise<IngestResult[]>;
  sourceOf: (messageId: number) => Buffer;
  outbox: OutboxRepo;
  changes: LocalChanges;
  pop3: Pop3Repo;
}

const ORDER: Record<string, number> = { inbox: 0, sent: 1, drafts: 2 };

/** Opens an authenticated IMAP connection for the account, or throws a coded EngineError saying which step failed. */
export async function connectImap(deps: SyncDeps, accountId: number): Promise<ImapFlow> {
  const account = deps.accounts.get(accountId);
  const secret = await deps.credentials.secretFor(accountId);
  const user = account.settings.incoming.username;
  const client = createImapClient(account.settings, 'password' in secret ? { user, password: secret.password } : { user, accessToken: secret.accessToken });
  client.on('error', () => undefined); // surfaced through the failing command instead
  try {
    await client.connect();
  } catch (error) {
    const coded = connectError(error, account.settings.incoming.host);
    if (coded.code === 'AUTH_FAILED') deps.credentials.rejected(accountId);
    throw coded;
  }
  return client;
}

/**
 * One pass for an IMAP account: replay local changes, refresh the folder list, then bring each folder in step
 * (Inbox first). `sync --once` is this; the account worker runs it on its schedule and after IDLE wake-ups.
 */
export async function syncImapAccount(deps: SyncDeps, accountId: number, signal?: AbortSignal): Promise<SyncSummary> {
  const started = performance.now();
  const summary: SyncSummary = { accountId, folders: [], tasksApplied: 0, outboxSent: 0, seconds: 0, error: null };
  const progress = (phase: 'connecting' | 'folders' | 'messages' | 'tasks' | 'done' | 'error', folderId: number | null, done = 0, total = 0, error: SyncSummary['error'] = null) =>
    deps.events.emit('sync.progress', { accountId, folderId, phase, done, total, error });
  let client: ImapFlow | undefined;
  let failed = false;
  try {
    progress('connecting', null);
    client = await deps.connections.acquire(accountId);
    const applyDeps = { client, tasks: deps.tasks, messages: deps.messages, folders: deps.folders, sourceOf: deps.sourceOf, onConflict: (m: string) => progress('error', null, 0, 0, { code: 'CONFLICT', message: m }) };
    progress('tasks', null);
    summary.tasksApplied += await applyTasks(applyDeps, accountId);
    // Interrupted sends the server did file in Sent: our copy joins Sent (no upload), and the Sent folder's sync
    // below claims it by content hash instead of adding the server's copy beside it.
    const sentFolder = deps.folders.accountFolderOfKind(accountId, 'sent');
    const settled = sentFolder ? await settleUnknownSends(client, deps, accountId) : [];
    if (settled.length && sentFolder) {
      deps.messages.moveMany(settled, sentFolder.id, accountId);
      deps.events.changed('outbox', settled);
    }
    progress('folders', null);
    const folders = (await syncFolderList(deps.sqlite, deps.folders, client, accountId)).sort((a, b) => (ORDER[a.kind] ?? 9) - (ORDER[b.kind] ?? 9));
    deps.events.changed('folders', folders.map((f) => f.id));
    for (const folder of folders) {
      signal?.throwIfAborted();
      summary.folders.push(await syncOneFolder(deps, client, accountId, folder, signal, progress));
    }
    // Changes made while the folders synced go out now rather than at the next pass.
    summary.tasksApplied += await applyTasks(applyDeps, accountId);
    progress('done', null);
  } catch (error) {
    const coded = signal?.aborted
      ? new EngineError('UNAVAILABLE', 'Sync was cancelled; what arrived is kept and the next pass resumes from there.')
      : error instanceof EngineError ? error : connectError(error, deps.accounts.get(accountId).settings.incoming.host);
    summary.error = { code: coded.code, message: coded.message };
    failed = true;
    progress('error', null, 0, 0, summary.error);
  } finally {
    if (client) deps.connections.release(accountId, failed);
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

async function syncOneFolder(
  deps: SyncDeps,
  client: ImapFlow,
  accountId: number,
  folder: ServerFolder,
  signal: AbortSignal | undefined,
  progress: (phase: 'messages', folderId: number, done: number, total: number) => void,
): Promise<SyncSummary['folders'][number]> {
  const path = deps.folders.path(folder.id);
  try {
    const r = await syncFolder(
      {
        accountId,
        client,
        messages: deps.messages,
        tasks: deps.tasks,
        prepare: deps.prepare,
        commit: deps.commit,
        flagsOf: (ids) => deps.messages.flagsOf(ids),
        onProgress: (done, total) => progress('messages', folder.id, done, total),
        signal,
      },
      folder,
      folder.kind === 'sent' || folder.kind === 'drafts',
    );
    if (r.added || r.updated || r.removed) {
      deps.events.changed('messages', []);
      deps.events.changed('folders', [folder.id]);
    }
    return { folderId: folder.id, path, ...r, error: null };
  } catch (error) {
    if (signal?.aborted || isConnectionLoss(error)) throw error;
    const message = (error as Error).message;
    deps.tasks.saveFolderSync(folder.id, deps.tasks.folderSync(folder.id) ?? { uidValidity: null, uidNext: null, highestModseq: null, serverCount: null }, message);
    return { folderId: folder.id, path, added: 0, updated: 0, removed: 0, error: message };
  }
}

function isConnectionLoss(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return ['NoConnection', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EConnectionClosed'].includes(code) || /connection (not available|closed)|socket/i.test((error as Error).message ?? '');
}
