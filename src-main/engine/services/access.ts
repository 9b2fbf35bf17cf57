import type Database from 'better-sqlite3';
import { forbidden } from '../errors.js';
import type { FoldersRepo } from '../store/folders-repo.js';

/**
 * Who sees what (ARCHITECTURE.md): an agent sees the accounts attached to it and the public ones (attached to no
 * agent); Local Folders belong to everyone on this machine; a private message shows its content only to its owner.
 */
export class Access {
  constructor(
    private readonly sqlite: Database.Database,
    private readonly folders: FoldersRepo,
  ) {}

  visibleAccountIds(agentId: number): Set<number> {
    const rows = this.sqlite
      .prepare(
        `SELECT a.id FROM accounts a WHERE NOT EXISTS (SELECT 1 FROM account_agents x WHERE x.account_id = a.id)
         OR EXISTS (SELECT 1 FROM account_agents x WHERE x.account_id = a.id AND x.agent_id = ?)`,
      )
      .all(agentId) as Array<{ id: number }>;
    return new Set(rows.map((r) => r.id));
  }

  /** The folder, if this agent may see it; FORBIDDEN otherwise (NOT_FOUND when it does not exist). */
  folder(agentId: number, folderId: number) {
    const folder = this.folders.get(folderId);
    if (folder.account_id !== null && !this.visibleAccountIds(agentId).has(folder.account_id)) {
      throw forbidden('open this folder: its account is not attached to you');
    }
    return folder;
  }

  canSeeContent(agentId: number, message: { private: number; owner_agent_id: number | null }): boolean {
    return message.private === 0 || message.owner_agent_id === agentId;
  }
}
