import { z } from 'zod';
import { Id } from './common.js';
import { command, event } from './define.js';

export const StoreTable = z.enum(['agents', 'accounts', 'folders', 'messages', 'outbox', 'contacts', 'companies', 'leads', 'deals', 'tickets', 'tasks', 'events', 'notes', 'documents', 'templates', 'categories', 'imports']);
export type StoreTable = z.infer<typeof StoreTable>;

export const StoreCheckReport = z.object({
  ok: z.boolean(),
  /** Lines from SQLite's integrity_check and foreign_key_check; empty when the database is sound. */
  integrity: z.array(z.string()),
  /** Blobs a row names that are not on disk. */
  missingBlobs: z.array(z.object({ sha256: z.string(), usedBy: z.string() })),
  /** Blob files that no row names (the sweeper removes them). */
  orphanBlobs: z.number().int(),
  messages: z.number().int(),
  malformed: z.number().int(),
});
export type StoreCheckReport = z.infer<typeof StoreCheckReport>;

export const storeCommands = {
  'store.check': command(z.object({}), StoreCheckReport),
  'store.backup': command(z.object({ path: z.string().min(1) }), z.object({ path: z.string(), bytes: z.number().int() })),
};

export const storeEvents = {
  'store.changed': event(z.object({ table: StoreTable, ids: z.array(Id) })),
};
