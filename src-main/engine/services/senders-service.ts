import type Database from 'better-sqlite3';
import { normalizeAddress } from '../../../src-shared/domain/address.js';
import type { DomainHandlers, ServiceDeps } from './handler.js';

/** Per agent: one person's trust in a sender's images is not a colleague's. */
export function sendersService(deps: ServiceDeps): DomainHandlers<'senders'> {
  const sqlite = deps.store.sqlite;
  return {
    'senders.remoteContent': (input, ctx) => {
      const address = normalizeAddress(input.address);
      return { address, allowed: remoteContentAllowed(sqlite, ctx.agentId, address) };
    },
    'senders.setRemoteContent': (input, ctx) => {
      const address = normalizeAddress(input.address);
      if (input.allowed) sqlite.prepare('INSERT OR IGNORE INTO remote_content_senders (agent_id, address) VALUES (?, ?)').run(ctx.agentId, address);
      else sqlite.prepare('DELETE FROM remote_content_senders WHERE agent_id = ? AND address = ?').run(ctx.agentId, address);
      return { address, allowed: input.allowed };
    },
  };
}

export function remoteContentAllowed(sqlite: Database.Database, agentId: number, address: string | undefined): boolean {
  if (!address) return false;
  return sqlite.prepare('SELECT 1 FROM remote_content_senders WHERE agent_id = ? AND address = ?').get(agentId, normalizeAddress(address)) !== undefined;
}
