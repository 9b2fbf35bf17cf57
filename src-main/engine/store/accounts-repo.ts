import type Database from 'better-sqlite3';
import type { AccountInfo } from '../../../src-shared/contract/index.js';
import { AccountSettings } from '../../../src-shared/domain/account-settings.js';
import { notFound } from '../errors.js';
import { deleteMessageRows } from './messages-repo.js';

interface AccountRow {
  id: number;
  name: string;
  email: string;
  settings: string;
  agents: string | null;
  secrets: number;
}

export class AccountsRepo {
  constructor(private readonly sqlite: Database.Database) {}

  list(): AccountInfo[] {
    return (this.sqlite
      .prepare(
        `SELECT a.id, a.name, a.email, a.settings,
           (SELECT group_concat(agent_id) FROM account_agents x WHERE x.account_id = a.id) AS agents,
           (SELECT count(*) FROM account_secrets s WHERE s.account_id = a.id) AS secrets
         FROM accounts a ORDER BY a.name, a.id`,
      )
      .all() as AccountRow[]).map(toInfo);
  }

  get(id: number): AccountInfo {
    const found = this.list().find((a) => a.id === id);
    if (!found) throw notFound(`Account ${id}`);
    return found;
  }

  create(values: { name: string; email: string; settings: AccountSettings; agentIds: number[] }): number {
    return this.sqlite.transaction(() => {
      const { id } = this.sqlite
        .prepare('INSERT INTO accounts (name, email, incoming_protocol, settings) VALUES (?, ?, ?, ?) RETURNING id')
        .get(values.name, values.email, values.settings.incoming.protocol, JSON.stringify(values.settings)) as { id: number };
      const attach = this.sqlite.prepare('INSERT INTO account_agents (account_id, agent_id) VALUES (?, ?)');
      for (const agentId of new Set(values.agentIds)) attach.run(id, agentId);
      return id;
    })();
  }

  update(id: number, values: { name?: string | undefined; settings?: AccountSettings | undefined; agentIds?: number[] | undefined }): void {
    this.sqlite.transaction(() => {
      if (values.name !== undefined) this.sqlite.prepare('UPDATE accounts SET name = ? WHERE id = ?').run(values.name, id);
      if (values.settings !== undefined) {
        this.sqlite
          .prepare('UPDATE accounts SET settings = ?, incoming_protocol = ? WHERE id = ?')
          .run(JSON.stringify(values.settings), values.settings.incoming.protocol, id);
      }
      if (values.agentIds !== undefined) {
        this.sqlite.prepare('DELETE FROM account_agents WHERE account_id = ?').run(id);
        const attach = this.sqlite.prepare('INSERT INTO account_agents (account_id, agent_id) VALUES (?, ?)');
        for (const agentId of new Set(values.agentIds)) attach.run(id, agentId);
      }
    })();
  }

  remove(id: number): boolean {
    return this.sqlite.transaction(() => {
      // Messages are kept out of the cascade on purpose: they go with their folders, explicitly, below.
      const folderIds = (this.sqlite.prepare('SELECT id FROM folders WHERE account_id = ? ORDER BY id DESC').all(id) as Array<{ id: number }>).map((f) => f.id);
      for (const folderId of folderIds) {
        const ids = (this.sqlite.prepare('SELECT id FROM messages WHERE folder_id = ?').all(folderId) as Array<{ id: number }>).map((m) => m.id);
        deleteMessageRows(this.sqlite, ids);
      }
      // Children before parents (ids grow with depth as folders are created under existing ones; retry until none).
      for (let guard = 0; guard < 100; guard++) {
        const info = this.sqlite.prepare('DELETE FROM folders WHERE account_id = ? AND id NOT IN (SELECT parent_id FROM folders WHERE parent_id IS NOT NULL)').run(id);
        if (info.changes === 0) break;
      }
      return this.sqlite.prepare('DELETE FROM accounts WHERE id = ?').run(id).changes > 0;
    })();
  }

  setSecret(accountId: number, kind: 'password' | 'oauth', sealed: Buffer): void {
    this.sqlite
      .prepare(
        `INSERT INTO account_secrets (account_id, kind, sealed, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (account_id, kind) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at`,
      )
      .run(accountId, kind, sealed, Date.now());
  }

  secret(accountId: number, kind: 'password' | 'oauth'): Buffer | null {
    const row = this.sqlite.prepare('SELECT sealed FROM account_secrets WHERE account_id = ? AND kind = ?').get(accountId, kind) as
      | { sealed: Buffer }
      | undefined;
    return row?.sealed ?? null;
  }
}

function toInfo(r: AccountRow): AccountInfo {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    settings: AccountSettings.parse(JSON.parse(r.settings)),
    agentIds: r.agents ? r.agents.split(',').map(Number).sort((a, b) => a - b) : [],
    hasSecret: r.secrets > 0,
  };
}
