import { z } from 'zod';
import { AccountSettings, OAuthProvider, ServerSettings } from '../domain/account-settings.js';
import { Id } from './common.js';
import { command, event } from './define.js';
import { ErrorCode } from './errors.js';

export const AccountInfo = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  settings: AccountSettings,
  /** Agents the account is attached to; empty means public (every agent sees it). */
  agentIds: z.array(Id),
  hasSecret: z.boolean(),
});
export type AccountInfo = z.infer<typeof AccountInfo>;

export const ConnectionOutcome = z.union([
  z.object({ ok: z.literal(true), capabilities: z.array(z.string()), secure: z.boolean() }),
  z.object({ ok: z.literal(false), code: ErrorCode, message: z.string() }),
]);
export type ConnectionOutcome = z.infer<typeof ConnectionOutcome>;

export const FolderSyncSummary = z.object({
  folderId: Id,
  path: z.string(),
  added: z.number().int(),
  updated: z.number().int(),
  removed: z.number().int(),
  error: z.string().nullable(),
});
export type FolderSyncSummary = z.infer<typeof FolderSyncSummary>;

export const SyncSummary = z.object({
  accountId: Id,
  folders: z.array(FolderSyncSummary),
  tasksApplied: z.number().int(),
  outboxSent: z.number().int(),
  seconds: z.number(),
  error: z.object({ code: ErrorCode, message: z.string() }).nullable(),
});
export type SyncSummary = z.infer<typeof SyncSummary>;

export const DiscoveredSettings = z.object({
  source: z.enum(['preset', 'autoconfig', 'well-known', 'srv', 'guess']),
  provider: z.string().nullable(),
  settings: z.object({
    incoming: AccountSettings.shape.incoming,
    outgoing: ServerSettings,
    auth: z.enum(['password', 'oauth2']),
    oauthProvider: OAuthProvider.nullable(),
    serverFilesSent: z.boolean().optional(),
  }),
  /** Both servers answered a TCP + TLS handshake just now (no login was tried). */
  verified: z.boolean(),
});
export type DiscoveredSettings = z.infer<typeof DiscoveredSettings>;

/** Written only: the password goes in, is sealed by the engine, and never comes back out. */
const password = z.string().min(1).max(1024);

export const accountsCommands = {
  /** Server settings for an address: provider presets, then autoconfig, SRV records and common names, verified. */
  'accounts.discover': command(z.object({ email: z.email() }), z.object({ candidates: z.array(DiscoveredSettings) })),
  'accounts.list': command(z.object({}), z.object({ items: z.array(AccountInfo) })),
  'accounts.add': command(
    z.object({
      name: z.string().trim().min(1).max(200).optional(),
      email: z.email(),
      settings: AccountSettings,
      password: password.optional(),
      /** Omitted: attached to the calling agent. Empty: public. */
      agentIds: z.array(Id).optional(),
    }),
    AccountInfo,
  ),
  /** Changes an account in place (its mail, folders and links stay); a new password or sign-in replaces the old. */
  'accounts.update': command(
    z.object({
      id: Id,
      name: z.string().trim().min(1).max(200).optional(),
      settings: AccountSettings.optional(),
      password: password.optional(),
      agentIds: z.array(Id).optional(),
    }),
    AccountInfo,
  ),
  'accounts.test': command(
    z.object({ id: Id }),
    z.object({ incoming: ConnectionOutcome, outgoing: ConnectionOutcome }),
  ),
  'accounts.remove': command(z.object({ id: Id }), z.object({ removed: z.boolean() })),
  'sync.run': command(z.object({ accountId: Id.optional() }), z.object({ accounts: z.array(SyncSummary) })),
  /** Stops the account's pass in progress; what was already stored stays, the next pass resumes from there. */
  'sync.cancel': command(z.object({ accountId: Id }), z.object({ cancelled: z.boolean() })),
};

export const accountsEvents = {
  /** Progress lives in rows; this says which account and folder to look at again. */
  'sync.progress': event(
    z.object({
      accountId: Id,
      folderId: Id.nullable(),
      phase: z.enum(['connecting', 'folders', 'messages', 'tasks', 'outbox', 'idle', 'done', 'error']),
      done: z.number().int(),
      total: z.number().int(),
      error: z.object({ code: ErrorCode, message: z.string() }).nullable(),
    }),
  ),
};
