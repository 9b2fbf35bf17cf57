import type Database from 'better-sqlite3';
import { DEFAULT_ATTACHMENT_LIMIT } from '../../../src-shared/contract/index.js';
import { cached } from '../store/statements.js';

/** Keys of agent_preferences the compose engine reads and writes. */
const LAST_ACCOUNT = 'last-account';
/** The attachments' size limit in bytes, for agents whose office raised (or lowered) it. */
const ATTACHMENT_LIMIT = 'attachment-limit';

/** Small per-agent choices remembered by the engine (table agent_preferences). */
export class AgentPreferences {
  constructor(private readonly sqlite: Database.Database) {}

  private get(agentId: number, key: string): string | null {
    const row = cached(this.sqlite, 'SELECT value FROM agent_preferences WHERE agent_id = ? AND key = ?').get(agentId, key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  private set(agentId: number, key: string, value: string): void {
    cached(this.sqlite, 'INSERT INTO agent_preferences (agent_id, key, value) VALUES (?, ?, ?) ON CONFLICT (agent_id, key) DO UPDATE SET value = excluded.value').run(
      agentId,
      key,
      value,
    );
  }

  lastAccount(agentId: number): number | null {
    const value = this.get(agentId, LAST_ACCOUNT);
    return value !== null && /^\d+$/.test(value) ? Number(value) : null;
  }

  setLastAccount(agentId: number, accountId: number): void {
    this.set(agentId, LAST_ACCOUNT, String(accountId));
  }

  attachmentLimit(agentId: number): number {
    const value = this.get(agentId, ATTACHMENT_LIMIT);
    return value !== null && /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : DEFAULT_ATTACHMENT_LIMIT;
  }
}
