import type { ImapFlow } from 'imapflow';
import type { MessageFlags } from '../../../../src-shared/contract/index.js';
import type { IngestResult, IngestTarget, PreparedMessage } from '../../mail/ingest.js';
import type { MessagesRepo } from '../../store/messages-repo.js';
import type { FolderSyncState, TasksRepo } from '../../store/tasks-repo.js';
import { flagsFromImap } from './flags.js';
import type { ServerFolder } from './folders.js';

export interface FolderSyncDeps {
  accountId: number;
  client: ImapFlow;
  messages: MessagesRepo;
  tasks: TasksRepo;
  prepare: (raw: Buffer, target: IngestTarget) => Promise<PreparedMessage | IngestResult>;
  commit: (batch: PreparedMessage[]) => Promise<IngestResult[]>;
  flagsOf: (ids: number[]) => Map<number, MessageFlags>;
  onProgress: (done: number, total: number) => void;
  signal?: AbortSignal | undefined;
}

export interface FolderResult {
  added: number;
  updated: number;
  removed: number;
}

const BATCH = 200;
const COMMIT_BYTES = 8 * 1024 * 1024;
const PARALLEL = 6;

/**
 * One folder in step with the server. The checkpoint is the store itself: every message commits on its own, and
 * a restarted sync fetches only UIDs it does not hold, so a crash or a cut connection resumes without loss or
 * duplicates. CONDSTORE (RFC 7162) makes an unchanged folder cost one SELECT and flag changes one FETCH
 * CHANGEDSINCE; without it, flags are compared in full.
 */
export async function syncFolder(deps: FolderSyncDeps, folder: ServerFolder, outgoing: boolean): Promise<FolderResult> {
  const { client, messages, tasks } = deps;
  const result: FolderResult = { added: 0, updated: 0, removed: 0 };
  // The LIST-STATUS answer already says whether anything changed: an unchanged folder is not even selected.
  const known = tasks.folderSync(folder.id);
  const listed = folder.status;
  if (known && listed && unchanged(known, { uidValidity: listed.uidValidity, uidNext: listed.uidNext, highestModseq: listed.highestModseq, serverCount: listed.messages })) {
    return result;
  }
  const lock = await client.getMailboxLock(folder.path);
  try {
    const box = client.mailbox;
    if (!box) throw new Error(`The server did not open ${folder.path}.`);
    const uidValidity = Number(box.uidValidity);
    const modseq = box.highestModseq !== undefined ? Number(box.highestModseq) : null;
    let state = tasks.folderSync(folder.id);
    const validityChanged = state?.uidValidity != null && state.uidValidity !== uidValidity;
    if (validityChanged) {
      // RFC 9051 §2.3.1.1: every UID we hold for this folder is void. Keep the rows (and all that links to them);
      // the full pass below re-claims each by content hash, and only what the server no longer has is removed.
      messages.clearRemote(folder.id);
      state = undefined;
    }
    const current: FolderSyncState = { uidValidity, uidNext: box.uidNext, highestModseq: modseq, serverCount: box.exists };
    if (state && unchanged(state, current)) {
      tasks.saveFolderSync(folder.id, current, null);
      return result;
    }

    const pending = tasks.pending(deps.accountId);
    const busy = pending.uidsByFolder.get(folder.id) ?? new Set<number>();
    const serverUids = box.exists > 0 ? ((await client.search({ all: true }, { uid: true })) || []) : [];
    const onServer = new Set(serverUids);
    const local = messages.uidsOf(folder.id);

    const gone = [...local].filter(([uid]) => !onServer.has(uid) && !busy.has(uid)).map(([, id]) => id);
    result.removed += messages.deleteMany(gone);

    const fresh = serverUids.filter((uid) => !local.has(uid) && !busy.has(uid)).sort((a, b) => b - a);
    let done = 0;
    for (let i = 0; i < fresh.length; i += BATCH) {
      deps.signal?.throwIfAborted();
      const batch = fresh.slice(i, i + BATCH);
      const ready: PreparedMessage[] = [];
      let readyBytes = 0;
      // Several messages are parsed at once (on the parse pool's threads) while the next ones arrive.
      const inFlight: Array<Promise<void>> = [];
      const flush = async () => {
        result.added += (await deps.commit(ready.splice(0))).length;
        readyBytes = 0;
      };
      const take = async (source: Buffer, uid: number, flags: Set<string> | undefined) => {
        const p = await deps.prepare(source, {
          folderId: folder.id,
          accountId: deps.accountId,
          direction: outgoing ? 'out' : 'in',
          flags: flagsFromImap(flags),
          remote: { uid, uidValidity },
        });
        if ('row' in p) {
          ready.push(p);
          readyBytes += source.length;
        }
        deps.onProgress(++done, fresh.length);
      };
      try {
        for await (const msg of client.fetch(batch.join(','), { uid: true, flags: true, source: true }, { uid: true })) {
          if (deps.signal?.aborted) break; // leaving the FETCH early; the pass ends and logs out
          if (!msg.source) continue;
          const job = take(msg.source, msg.uid, msg.flags);
          inFlight.push(job);
          void job.finally(() => inFlight.splice(inFlight.indexOf(job), 1)).catch(() => undefined);
          if (inFlight.length >= PARALLEL) await Promise.race(inFlight);
          // A bounded batch: one commit (one fsync) per batch, and little lost work if the connection drops.
          if (readyBytes > COMMIT_BYTES) await flush();
        }
        await Promise.all(inFlight);
        deps.signal?.throwIfAborted();
      } finally {
        // What arrived before a cut is kept: the next pass fetches only what is missing.
        await Promise.allSettled(inFlight);
        if (ready.length) await flush();
      }
    }

    if (local.size > 0) result.updated += await syncFlags(deps, folder.id, state, modseq, local, busy);
    if (validityChanged) {
      const orphans = messages.unmapped(folder.id).filter((id) => !pending.messageIds.has(id));
      result.removed += messages.deleteMany(orphans);
    }
    tasks.saveFolderSync(folder.id, current, null);
    return result;
  } finally {
    lock.release();
  }
}

function unchanged(a: FolderSyncState, b: FolderSyncState): boolean {
  return a.uidValidity === b.uidValidity && a.highestModseq !== null && a.highestModseq === b.highestModseq && a.uidNext === b.uidNext && a.serverCount === b.serverCount;
}

async function syncFlags(deps: FolderSyncDeps, folderId: number, state: FolderSyncState | undefined, modseq: number | null, local: Map<number, number>, busy: Set<number>): Promise<number> {
  const since = state?.highestModseq != null && modseq !== null ? BigInt(state.highestModseq) : undefined;
  const server = new Map<number, MessageFlags>();
  for await (const msg of deps.client.fetch('1:*', { uid: true, flags: true }, { uid: true, ...(since !== undefined ? { changedSince: since } : {}) })) {
    if (local.has(msg.uid) && !busy.has(msg.uid)) server.set(msg.uid, flagsFromImap(msg.flags));
  }
  const ids = [...server.keys()].map((uid) => local.get(uid)!);
  const mine = deps.flagsOf(ids);
  let updated = 0;
  for (const [uid, flags] of server) {
    const id = local.get(uid)!;
    const before = mine.get(id);
    if (before && sameFlags(before, flags)) continue;
    deps.messages.setFlags([id], flags);
    updated++;
  }
  return updated;
}

function sameFlags(a: MessageFlags, b: MessageFlags): boolean {
  return a.seen === b.seen && a.flagged === b.flagged && a.answered === b.answered && a.draft === b.draft && a.junk === b.junk && a.mdnSent === b.mdnSent;
}
