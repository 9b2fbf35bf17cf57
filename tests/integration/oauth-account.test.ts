import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src-shared/contract/client.js';
import type { AccountSettings } from '../../src-shared/domain/account-settings.js';
import { startEngine } from '../../src-main/engine/engine.js';
import { resolveProvider } from '../../src-main/engine/sync/oauth/index.js';
import { nodeShell } from '../../src-main/hosts/node/shell.js';
import { startOAuthDovecot, type OAuthDovecot } from '../helpers/dovecot-oauth.js';
import { playBrowser, startOAuthServer, type OAuthServer } from '../helpers/oauth-server.js';
import { freePort } from '../helpers/ports.js';
import { tempDir } from '../helpers/temp.js';

const CLIENT_ID = 'facteur-desktop-test';
let server: OAuthServer;
let dovecot: OAuthDovecot;

beforeAll(async () => {
  server = await startOAuthServer({ clientId: CLIENT_ID, clientSecret: null, user: 'alice', accessTokenTtlSeconds: 30 });
  dovecot = await startOAuthDovecot(server.introspectionEndpoint);
});
afterAll(async () => {
  await dovecot?.stop();
  await server?.close();
});

describe('an OAuth2 account (Gmail / Microsoft 365 style), end to end against local servers', () => {
  it('signs in through the browser, keeps only sealed tokens, syncs over XOAUTH2 and refreshes its token', async () => {
    const dataDir = tempDir();
    const opened: string[] = [];
    const shell = {
      ...nodeShell(dataDir, () => undefined),
      // The system browser: the provider consents at once and redirects to Facteur's loopback listener.
      openExternal: async (url: string) => {
        opened.push(url);
        void playBrowser(url);
      },
    };
    const google = resolveProvider(
      { label: 'Test', authorizationEndpoint: server.authorizationEndpoint, tokenEndpoint: server.tokenEndpoint, scopes: ['https://mail.google.com/'], authParams: {}, refreshWithScope: false, clientIdEnv: 'T_ID', clientSecretEnv: null },
      { T_ID: CLIENT_ID },
    );
    const engine = await startEngine({ dataDir, host: 'cli', shell, oauthProviders: { google } });
    const api = createClient(engine.transport()).api;
    const settings: AccountSettings = {
      incoming: { protocol: 'imap', host: '127.0.0.1', port: dovecot.imapPort, security: 'none', username: 'alice' },
      outgoing: { host: '127.0.0.1', port: await freePort(), security: 'none', username: 'alice' },
      auth: 'oauth2',
      oauthProvider: 'google',
      caCertPem: null,
      refreshSeconds: 300,
      serverFilesSent: false,
      pop3: { leaveOnServer: true, deleteAfterDays: null, deleteWhenTrashed: false },
    };

    const account = await api.accounts.add({ email: 'alice@gmail.test', settings });
    expect(opened).toHaveLength(1);
    expect(new URL(opened[0]!).searchParams.get('code_challenge_method')).toBe('S256');
    expect(account.hasSecret).toBe(true);
    expect(server.counts).toMatchObject({ authorize: 1, token: 1 });

    const [summary] = (await api.sync.run({ accountId: account.id })).accounts;
    expect(summary!.error).toBeNull();
    expect(summary!.folders.map((f) => f.path)).toContain('alice@gmail.test/INBOX');
    // The 30-second token was within a minute of expiry: the engine refreshed it before logging in.
    expect(server.counts.token).toBeGreaterThanOrEqual(2);

    await engine.close();
    // Tokens exist only sealed: none of the codes or tokens the server issued is in the database files.
    const files = ['facteur.sqlite', 'facteur.sqlite-wal'].map((f) => { try { return readFileSync(`${dataDir}/${f}`).toString('latin1'); } catch { return ''; } }).join('');
    for (const secret of server.issued) expect(files.includes(secret)).toBe(false);
  });
});
