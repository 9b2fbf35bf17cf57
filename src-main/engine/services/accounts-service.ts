import { insecureSettingsProblem } from '../../../src-shared/domain/account-settings.js';
import type { SyncSummary } from '../../../src-shared/contract/index.js';
import { EngineError, forbidden } from '../errors.js';
import { discoverSettings } from '../sync/discovery/discover.js';
import type { DomainHandlers, ServiceDeps } from './handler.js';

export function accountsService(deps: ServiceDeps): DomainHandlers<'accounts'> & DomainHandlers<'sync'> {
  const { accounts } = deps;
  const visible = (agentId: number, id: number) => {
    const account = accounts.get(id);
    if (account.agentIds.length > 0 && !account.agentIds.includes(agentId)) throw forbidden('use this account: it is attached to other agents');
    return account;
  };
  return {
    'accounts.list': (_input, ctx) => ({ items: accounts.list().filter((a) => a.agentIds.length === 0 || a.agentIds.includes(ctx.agentId)) }),

    'accounts.add': async (input, ctx) => {
      const problem = insecureSettingsProblem(input.settings);
      if (problem) throw new EngineError('INVALID_INPUT', problem);
      const agentIds = input.agentIds ?? [ctx.agentId];
      for (const id of agentIds) deps.agents.get(id);
      // Sealed before the row exists, so a secrets failure (no keyring) or a refused sign-in leaves no half-made
      // account behind. OAuth2 accounts sign in here, in the system browser; the tokens never leave the engine.
      let sealed: { kind: 'password' | 'oauth'; bytes: Buffer } | null = null;
      if (input.settings.auth === 'oauth2') {
        if (!input.settings.oauthProvider) throw new EngineError('INVALID_INPUT', 'OAuth2 sign-in needs a provider (Google or Microsoft).');
        sealed = { kind: 'oauth', bytes: await deps.credentials.signIn(input.settings.oauthProvider, input.email) };
      } else if (input.password !== undefined) {
        sealed = { kind: 'password', bytes: await deps.shell.secrets.encrypt(input.password) };
      }
      const id = accounts.create({ name: input.name ?? input.email, email: input.email, settings: input.settings, agentIds });
      if (sealed) accounts.setSecret(id, sealed.kind, sealed.bytes);
      // Mail can be written and queued before the first sync has listed the server's folders.
      deps.folders.ensureAccountFolder(id, 'outbox', 'Outbox');
      deps.sync.accountAdded(id);
      deps.events.changed('accounts', [id]);
      return accounts.get(id);
    },

    'accounts.discover': async (input) => ({ candidates: await discoverSettings(input.email) }),

    'accounts.update': async (input, ctx) => {
      const before = visible(ctx.agentId, input.id);
      const settings = input.settings ?? before.settings;
      const problem = insecureSettingsProblem(settings);
      if (problem) throw new EngineError('INVALID_INPUT', problem);
      if (settings.incoming.protocol !== before.settings.incoming.protocol) {
        throw new EngineError('INVALID_INPUT', 'An account cannot switch between IMAP and POP3; add a new account instead (its mail is kept separately).');
      }
      for (const id of input.agentIds ?? []) deps.agents.get(id);
      // As for adding: secrets first, so a refused sign-in or a locked keyring changes nothing.
      let sealed: { kind: 'password' | 'oauth'; bytes: Buffer } | null = null;
      const provider = settings.oauthProvider;
      if (settings.auth === 'oauth2' && provider && (provider !== before.settings.oauthProvider || before.settings.auth !== 'oauth2' || !accounts.secret(input.id, 'oauth'))) {
        sealed = { kind: 'oauth', bytes: await deps.credentials.signIn(provider, before.email) };
      } else if (input.password !== undefined) {
        sealed = { kind: 'password', bytes: await deps.shell.secrets.encrypt(input.password) };
      }
      accounts.update(input.id, { name: input.name, settings: input.settings, agentIds: input.agentIds });
      if (sealed) accounts.setSecret(input.id, sealed.kind, sealed.bytes);
      // New servers or secrets: no kept connection or token may outlive the change.
      await deps.sync.accountChanged(input.id);
      deps.events.changed('accounts', [input.id]);
      deps.events.changed('folders', []);
      return accounts.get(input.id);
    },

    'accounts.test': async (input, ctx) => {
      const account = visible(ctx.agentId, input.id);
      return deps.sync.test(account.id);
    },

    'accounts.remove': async (input, ctx) => {
      visible(ctx.agentId, input.id);
      await deps.sync.accountRemoved(input.id);
      const removed = accounts.remove(input.id);
      deps.events.changed('accounts', [input.id]);
      deps.events.changed('folders', []);
      return { removed };
    },

    'sync.cancel': (input, ctx) => ({ cancelled: deps.sync.cancel(visible(ctx.agentId, input.accountId).id) }),

    'sync.run': async (input, ctx) => {
      const ids = input.accountId !== undefined ? [visible(ctx.agentId, input.accountId).id] : accounts.list().filter((a) => a.agentIds.length === 0 || a.agentIds.includes(ctx.agentId)).map((a) => a.id);
      const results: SyncSummary[] = [];
      for (const id of ids) results.push(await deps.sync.syncNow(id));
      return { accounts: results };
    },
  };
}
