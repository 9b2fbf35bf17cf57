import type Database from 'better-sqlite3';
import type { ImapFlow, ListResponse } from 'imapflow';
import type { FolderKind } from '../../../../src-shared/domain/folder-kinds.js';
import type { FoldersRepo } from '../../store/folders-repo.js';
import { deleteMessageRows } from '../../store/messages-repo.js';

/** RFC 6154 SPECIAL-USE attributes; a folder is never recognised by its (localised) name. */
const SPECIAL_USE: Record<string, FolderKind> = {
  '\\Inbox': 'inbox',
  '\\Sent': 'sent',
  '\\Drafts': 'drafts',
  '\\Junk': 'junk',
  '\\Trash': 'trash',
  '\\Archive': 'archive',
};

export interface ServerFolder {
  id: number;
  path: string;
  kind: FolderKind;
  /** From LIST-STATUS (RFC 5819) or STATUS: lets an unchanged folder be skipped without selecting it. */
  status: { uidValidity: number; uidNext: number; messages: number; highestModseq: number | null } | null;
}

/**
 * Brings the account's folder rows in step with the server's LIST: new mailboxes are added under their parent,
 * kinds come from SPECIAL-USE, and local-only folders (Outbox, Templates) are made for the account. Mailboxes the
 * server no longer lists are removed here when empty of local-only mail.
 */
export async function syncFolderList(sqlite: Database.Database, folders: FoldersRepo, client: ImapFlow, accountId: number): Promise<ServerFolder[]> {
  // \Noselect and \NonExistent parents hold no mail but keep the hierarchy ("Clients" above "Clients/ACME"),
  // so they get rows too; only selectable mailboxes are synced.
  const listed = await client.list({ statusQuery: { messages: true, uidNext: true, uidValidity: true, highestModseq: true } });
  listed.sort((a, b) => a.path.split(a.delimiter || '/').length - b.path.split(b.delimiter || '/').length);
  const byPath = new Map<string, number>();
  const existing = sqlite.prepare('SELECT id, remote_name FROM folders WHERE account_id = ? AND remote_name IS NOT NULL').all(accountId) as Array<{ id: number; remote_name: string }>;
  for (const f of existing) byPath.set(f.remote_name, f.id);
  const claimedKinds = new Set<FolderKind>();
  const out: ServerFolder[] = [];
  sqlite.transaction(() => {
    for (const box of listed) {
      const kind = kindOf(box, claimedKinds);
      const id = byPath.get(box.path) ?? insertFolder(sqlite, accountId, box, kind, byPath);
      sqlite.prepare('UPDATE folders SET kind = ?, delimiter = ? WHERE id = ?').run(kind, box.delimiter || null, id);
      byPath.set(box.path, id);
      if (!box.flags.has('\\Noselect') && !box.flags.has('\\NonExistent')) out.push({ id, path: box.path, kind, status: statusOf(box) });
    }
    const gone = existing.filter((f) => !listed.some((m) => m.path === f.remote_name));
    for (const f of gone) removeFolder(sqlite, f.id);
    folders.ensureAccountFolder(accountId, 'outbox', 'Outbox');
    if (!claimedKinds.has('templates')) folders.ensureAccountFolder(accountId, 'templates', 'Templates');
  })();
  return out;
}

function statusOf(box: ListResponse): ServerFolder['status'] {
  const s = box.status;
  if (!s || s.uidValidity === undefined || s.uidNext === undefined || s.messages === undefined) return null;
  return { uidValidity: Number(s.uidValidity), uidNext: s.uidNext, messages: s.messages, highestModseq: s.highestModseq !== undefined ? Number(s.highestModseq) : null };
}

function kindOf(box: ListResponse, claimed: Set<FolderKind>): FolderKind {
  const special = box.path.toUpperCase() === 'INBOX' ? 'inbox' : box.specialUse ? SPECIAL_USE[box.specialUse] : undefined;
  // A server may mark two mailboxes \\Sent; the first keeps the kind, the other stays a user folder.
  if (special && !claimed.has(special)) {
    claimed.add(special);
    return special;
  }
  return 'user';
}

function insertFolder(sqlite: Database.Database, accountId: number, box: ListResponse, kind: FolderKind, byPath: Map<string, number>): number {
  const parentPath = box.parentPath || (box.delimiter && box.path.includes(box.delimiter) ? box.path.slice(0, box.path.lastIndexOf(box.delimiter)) : '');
  const parentId = parentPath ? (byPath.get(parentPath) ?? null) : null;
  const name = box.name || box.path;
  const { id } = sqlite
    .prepare('INSERT INTO folders (parent_id, account_id, kind, name, remote_name, delimiter) VALUES (?, ?, ?, ?, ?, ?) RETURNING id')
    .get(parentId, accountId, kind, name, box.path, box.delimiter || null) as { id: number };
  return id;
}

/** A mailbox deleted on the server: its synced copies go too (the server is the truth for IMAP mail). */
function removeFolder(sqlite: Database.Database, folderId: number): void {
  const children = sqlite.prepare('SELECT id FROM folders WHERE parent_id = ?').all(folderId) as Array<{ id: number }>;
  for (const c of children) removeFolder(sqlite, c.id);
  const ids = (sqlite.prepare('SELECT id FROM messages WHERE folder_id = ?').all(folderId) as Array<{ id: number }>).map((m) => m.id);
  deleteMessageRows(sqlite, ids);
  sqlite.prepare('DELETE FROM folders WHERE id = ?').run(folderId);
}
