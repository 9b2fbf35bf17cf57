import { cached } from './statements.js';
import type Database from 'better-sqlite3';
import type { AccountNode, FolderNode } from '../../../src-shared/contract/index.js';
import { folderRank, LOCAL_FOLDERS_NAME, STANDARD_FOLDERS, type FolderKind } from '../../../src-shared/domain/folder-kinds.js';
import { EngineError, notFound } from '../errors.js';

export interface FolderRow {
  id: number;
  parent_id: number | null;
  account_id: number | null;
  kind: FolderKind;
  name: string;
}

/** Names the local tree uses for its standard folders; the UI translates by kind, these are the stored names. */
const LOCAL_NAMES: Record<FolderKind, string> = {
  inbox: 'Inbox',
  sent: 'Sent',
  drafts: 'Drafts',
  outbox: 'Outbox',
  junk: 'Junk',
  trash: 'Trash',
  templates: 'Templates',
  archive: 'Archive',
  user: 'Folder',
  shared: 'Shared',
  internal: 'Internal',
};

export class FoldersRepo {
  constructor(private readonly sqlite: Database.Database) {}

  /** Local Folders: the standard folders plus Internal and Shared, for a store with no account at all. */
  ensureLocalFolders(): void {
    const insert = cached(this.sqlite, 
      `INSERT INTO folders (parent_id, account_id, kind, name) SELECT NULL, NULL, ?, ?
       WHERE NOT EXISTS (SELECT 1 FROM folders WHERE account_id IS NULL AND kind = ?)`,
    );
    this.sqlite.transaction(() => {
      for (const kind of [...STANDARD_FOLDERS, 'internal', 'shared'] as const) insert.run(kind, LOCAL_NAMES[kind], kind);
    })();
  }

  all(): FolderRow[] {
    return cached(this.sqlite, 'SELECT id, parent_id, account_id, kind, name FROM folders').all() as FolderRow[];
  }

  get(id: number): FolderRow {
    const row = cached(this.sqlite, 'SELECT id, parent_id, account_id, kind, name FROM folders WHERE id = ?').get(id) as FolderRow | undefined;
    if (!row) throw notFound(`Folder ${id}`);
    return row;
  }

  localByKind(kind: FolderKind): FolderRow {
    const row = cached(this.sqlite, 'SELECT id, parent_id, account_id, kind, name FROM folders WHERE account_id IS NULL AND parent_id IS NULL AND kind = ?')
      .get(kind) as FolderRow | undefined;
    if (!row) throw notFound(`The local ${kind} folder`);
    return row;
  }

  accounts(): Array<AccountNode & { agentIds: number[] }> {
    const rows = cached(this.sqlite, 
        `SELECT a.id, a.name, a.email, group_concat(aa.agent_id) AS agents FROM accounts a
         LEFT JOIN account_agents aa ON aa.account_id = a.id GROUP BY a.id ORDER BY a.name`,
      )
      .all() as Array<{ id: number; name: string; email: string; agents: string | null }>;
    return rows.map((r) => {
      const agentIds = r.agents ? r.agents.split(',').map(Number) : [];
      return { id: r.id, name: r.name, email: r.email, private: agentIds.length > 0, agentIds };
    });
  }

  /** Folders with their paths and counts, ordered as the tree shows them (parents before children). */
  tree(visibleAccountIds: ReadonlySet<number>, accountNames: ReadonlyMap<number, string>): FolderNode[] {
    const counts = new Map<number, { total: number; unread: number }>();
    for (const c of cached(this.sqlite, 'SELECT folder_id, count(*) AS total, sum(seen = 0) AS unread FROM messages GROUP BY folder_id')
      .all() as Array<{ folder_id: number; total: number; unread: number }>) {
      counts.set(c.folder_id, { total: c.total, unread: c.unread });
    }
    const rows = this.all().filter((r) => r.account_id === null || visibleAccountIds.has(r.account_id));
    const byParent = new Map<number | null, FolderRow[]>();
    for (const r of rows) {
      const list = byParent.get(r.parent_id) ?? [];
      list.push(r);
      byParent.set(r.parent_id, list);
    }
    const out: FolderNode[] = [];
    const visit = (parent: number | null, prefix: string | null) => {
      const children = (byParent.get(parent) ?? []).sort(
        (a, b) => folderRank(a.kind) - folderRank(b.kind) || a.name.localeCompare(b.name),
      );
      for (const r of children) {
        const top = prefix ?? (r.account_id === null ? LOCAL_FOLDERS_NAME : (accountNames.get(r.account_id) ?? `Account ${r.account_id}`));
        const path = `${top}/${r.name}`;
        const c = counts.get(r.id) ?? { total: 0, unread: 0 };
        out.push({ id: r.id, parentId: r.parent_id, accountId: r.account_id, kind: r.kind, name: r.name, path, total: c.total, unread: c.unread });
        visit(r.id, path);
      }
    };
    visit(null, null);
    return out;
  }

  /** An account's folder that lives only here (Outbox; Templates when the server has none), made once. */
  ensureAccountFolder(accountId: number, kind: FolderKind, name: string): void {
    const exists = cached(this.sqlite, 'SELECT 1 FROM folders WHERE account_id = ? AND kind = ?').get(accountId, kind);
    if (!exists) cached(this.sqlite, 'INSERT INTO folders (parent_id, account_id, kind, name) VALUES (NULL, ?, ?, ?)').run(accountId, kind, name);
  }

  remoteName(id: number): string | null {
    return (cached(this.sqlite, 'SELECT remote_name FROM folders WHERE id = ?').get(id) as { remote_name: string | null } | undefined)?.remote_name ?? null;
  }

  accountFolderOfKind(accountId: number, kind: FolderKind): FolderRow | undefined {
    return cached(this.sqlite, 'SELECT id, parent_id, account_id, kind, name FROM folders WHERE account_id = ? AND kind = ? ORDER BY id LIMIT 1')
      .get(accountId, kind) as FolderRow | undefined;
  }

  /** "Local Folders/Inbox/Customers" or "<account name>/INBOX/…". */
  path(id: number): string {
    const names: string[] = [];
    let row: FolderRow | undefined = this.get(id);
    let accountId: number | null = row.account_id;
    while (row) {
      names.unshift(row.name);
      accountId = row.account_id;
      row = row.parent_id === null ? undefined : this.get(row.parent_id);
    }
    const top = accountId === null
      ? LOCAL_FOLDERS_NAME
      : ((cached(this.sqlite, 'SELECT name FROM accounts WHERE id = ?').get(accountId) as { name: string } | undefined)?.name ?? `Account ${accountId}`);
    return [top, ...names].join('/');
  }

  create(parentId: number | null, name: string, accountId: number | null, remote: { name: string; delimiter: string } | null = null): number {
    this.assertFreeName(parentId, name, accountId);
    const info = cached(this.sqlite, "INSERT INTO folders (parent_id, account_id, kind, name, remote_name, delimiter) VALUES (?, ?, 'user', ?, ?, ?)")
      .run(parentId, accountId, name, remote?.name ?? null, remote?.delimiter ?? null);
    return Number(info.lastInsertRowid);
  }

  assertFreeName(parentId: number | null, name: string, accountId: number | null, except?: number): void {
    const dup = cached(this.sqlite, 'SELECT id FROM folders WHERE coalesce(account_id, 0) = coalesce(?, 0) AND coalesce(parent_id, 0) = coalesce(?, 0) AND name = ?')
      .get(accountId, parentId, name) as { id: number } | undefined;
    if (dup && dup.id !== except) throw new EngineError('CONFLICT', `A folder named "${name}" already exists there; choose another name.`);
  }

  /** Renames and re-parents a folder row; on an account, its and its descendants' server paths follow. */
  relocate(id: number, parentId: number | null, name: string, remote: { from: string; to: string; delimiter: string } | null): void {
    this.sqlite.transaction(() => {
      cached(this.sqlite, 'UPDATE folders SET parent_id = ?, name = ? WHERE id = ?').run(parentId, name, id);
      if (!remote) return;
      const row = this.get(id);
      cached(this.sqlite, `UPDATE folders SET remote_name = ? || substr(remote_name, ?) WHERE account_id = ? AND (remote_name = ? OR substr(remote_name, 1, ?) = ?)`)
        .run(remote.to, remote.from.length + 1, row.account_id, remote.from, remote.from.length + remote.delimiter.length, remote.from + remote.delimiter);
    })();
  }

  /** This folder and everything below it, deepest first. */
  subtree(id: number): FolderRow[] {
    const out: FolderRow[] = [];
    const visit = (folderId: number) => {
      for (const child of cached(this.sqlite, 'SELECT id, parent_id, account_id, kind, name FROM folders WHERE parent_id = ?').all(folderId) as FolderRow[]) visit(child.id);
      out.push(this.get(folderId));
    };
    visit(id);
    return out;
  }

  delimiterOf(id: number): string {
    return (cached(this.sqlite, 'SELECT delimiter FROM folders WHERE id = ?').get(id) as { delimiter: string | null } | undefined)?.delimiter ?? '/';
  }

  deleteRows(ids: number[]): void {
    const del = cached(this.sqlite, 'DELETE FROM folders WHERE id = ?');
    this.sqlite.transaction(() => ids.forEach((id) => del.run(id)))();
  }
}
