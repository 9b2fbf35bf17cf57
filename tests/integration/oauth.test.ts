import { request } from 'node:http';
import { inspect } from 'node:util';
import { ImapFlow } from 'imapflow';
import { createTransport } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  authorize, isConfigured, loadOAuthProvider, OAuthError, oauthBearer, readOAuthChallenge, refresh,
  requireClient, resolveProvider, TokenKeeper, TokenSet, xoauth2, type OAuthProviderConfig,
} from '../../src-main/engine/sync/oauth/index.js';
import { imapAuthenticate, startOAuthDovecot, type OAuthDovecot } from '../helpers/dovecot-oauth.js';
import { playBrowser, startOAuthServer, type BrowserLanding, type OAuthServer } from '../helpers/oauth-server.js';

const CLIENT_ID = 'facteur-test-client';
const CLIENT_SECRET = 'test-client-secret-1234';
let server: OAuthServer;
let config: OAuthProviderConfig;
/** Every OAuthError the tests saw, searched at the end for secrets. */
const seen: OAuthError[] = [];

beforeAll(async () => {
  server = await startOAuthServer({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  config = resolveProvider(
    {
      label: 'Test Mail', authorizationEndpoint: server.authorizationEndpoint, tokenEndpoint: server.tokenEndpoint,
      scopes: ['mail', 'offline_access'], authParams: { access_type: 'offline' }, refreshWithScope: true,
      clientIdEnv: 'TEST_OAUTH_CLIENT_ID', clientSecretEnv: 'TEST_OAUTH_CLIENT_SECRET',
    },
    { TEST_OAUTH_CLIENT_ID: CLIENT_ID, TEST_OAUTH_CLIENT_SECRET: CLIENT_SECRET },
  );
});
beforeEach(() => server.reset());
afterAll(() => server?.close());

/**
 * The sign-in flow with a browser that records what it showed. The flow may settle before the page finished
 * loading (it ends as soon as the redirect arrives), so the page is a promise.
 */
function signIn(tamper?: Parameters<typeof playBrowser>[1]) {
  const visited: { url: string; landing: Promise<BrowserLanding> }[] = [];
  const tokens = authorize({
    config,
    loginHint: 'alice@example.com',
    openBrowser: async (url) => {
      const landing = playBrowser(url, tamper);
      visited.push({ url, landing });
      await landing;
    },
  });
  return { tokens, visited };
}

async function failure(promise: Promise<unknown>, code: OAuthError['code']): Promise<OAuthError> {
  const error = await promise.then(
    () => {
      throw new Error(`expected ${code}, but it succeeded`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OAuthError);
  expect((error as OAuthError).code).toBe(code);
  seen.push(error as OAuthError);
  return error as OAuthError;
}

async function isListening(redirectUri: string): Promise<boolean> {
  return fetch(redirectUri).then(() => true, () => false);
}

describe('signing in with the system browser (RFC 8252 loopback + PKCE)', () => {
  it('returns tokens the provider honours, and tells the user to go back to Facteur', async () => {
    const before = Date.now();
    const { tokens, visited } = signIn();
    const set = await tokens;
    expect(TokenSet.parse(set)).toEqual(set);
    expect(set).toMatchObject({ tokenType: 'Bearer', scope: 'mail offline_access' });
    expect(set.expiresAt).toBeGreaterThanOrEqual(before + 3600_000);

    const sent = new URL(visited[0]!.url).searchParams;
    expect(Object.fromEntries(sent)).toMatchObject({
      response_type: 'code', client_id: CLIENT_ID, scope: 'mail offline_access', code_challenge_method: 'S256',
      login_hint: 'alice@example.com', access_type: 'offline',
    });
    expect(sent.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(sent.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await visited[0]!.landing).toMatchObject({ status: 200, page: expect.stringContaining('You can close this window and return to Facteur') });
    expect((await visited[0]!.landing).page).not.toMatch(/<script|src=|href=/);

    const introspection = await fetch(server.introspectionEndpoint, { method: 'POST', body: new URLSearchParams({ token: set.accessToken }) });
    expect(await introspection.json()).toMatchObject({ active: true, username: 'alice' });
    expect(await isListening(sent.get('redirect_uri')!)).toBe(false);
  });

  it('refuses a redirect whose state was tampered with, without ever calling the token endpoint', async () => {
    const { tokens, visited } = signIn({ redirect: (url) => url.searchParams.set('state', 'forged-by-another-program') });
    const error = await failure(tokens, 'OAUTH_STATE_MISMATCH');
    expect(error.message).toMatch(/state mismatch/);
    expect((await visited[0]!.landing).status).toBe(400);
    expect(server.counts.token).toBe(0);
  });

  it('says the user declined when consent is denied', async () => {
    server.reset({ deny: true });
    const { tokens, visited } = signIn();
    const error = await failure(tokens, 'OAUTH_DENIED');
    expect(error.providerError).toBe('access_denied');
    expect(error.message).toContain('The user declined the requested permissions');
    expect((await visited[0]!.landing).page).toContain('access_denied');
    expect(server.counts.token).toBe(0);
  });

  it('fails when the provider holds another code_challenge than our verifier (substituted request)', async () => {
    const { tokens } = signIn({ request: (url) => url.searchParams.set('code_challenge', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM') });
    const error = await failure(tokens, 'OAUTH_TOKEN_ERROR');
    expect(error.providerError).toBe('invalid_grant');
    expect(error.message).toContain('code_verifier does not match');
    expect(server.counts.token).toBe(1);
  });

  it('gives up after the timeout and stops listening', async () => {
    let redirectUri = '';
    const tokens = authorize({ config, timeoutMs: 300, openBrowser: async (url) => void (redirectUri = new URL(url).searchParams.get('redirect_uri')!) });
    await failure(tokens, 'OAUTH_TIMEOUT');
    expect(await isListening(redirectUri)).toBe(false);
  });

  it('stops when the user cancels, whether before or while waiting', async () => {
    const controller = new AbortController();
    let redirectUri = '';
    const tokens = authorize({
      config, signal: controller.signal,
      openBrowser: async (url) => {
        redirectUri = new URL(url).searchParams.get('redirect_uri')!;
        setTimeout(() => controller.abort(), 50);
      },
    });
    await failure(tokens, 'OAUTH_CANCELLED');
    expect(await isListening(redirectUri)).toBe(false);
    let opened = false;
    await failure(authorize({ config, signal: AbortSignal.abort(), openBrowser: async () => void (opened = true) }), 'OAUTH_CANCELLED');
    expect(opened).toBe(false);
  });

  it('answers only GET /callback on its own address, and keeps waiting for the real redirect', async () => {
    const answers: number[] = [];
    const tokens = authorize({
      config,
      openBrowser: async (url) => {
        const callback = new URL(new URL(url).searchParams.get('redirect_uri')!);
        answers.push((await fetch(callback, { method: 'POST' })).status);
        answers.push((await fetch(new URL('/favicon.ico', callback))).status);
        answers.push(await statusWithHost(callback, 'rebound.example:80'));
        await playBrowser(url);
      },
    });
    expect((await tokens).accessToken).toMatch(/^at_/);
    expect(answers).toEqual([405, 404, 400]);
  });

  it('names the environment variable to set when no client id is configured, before opening anything', async () => {
    let opened = false;
    const unconfigured = resolveProvider({ ...config, clientIdEnv: 'FACTEUR_OAUTH_TEST_CLIENT_ID' }, {});
    const error = await failure(authorize({ config: unconfigured, openBrowser: async () => void (opened = true) }), 'OAUTH_CONFIG_MISSING');
    expect(error.message).toContain('FACTEUR_OAUTH_TEST_CLIENT_ID');
    expect(opened).toBe(false);
  });
});

describe('the shipped provider settings', () => {
  it('read Google and Microsoft from resources/oauth-providers.json and their clients from the environment', () => {
    const google = loadOAuthProvider('google', { FACTEUR_OAUTH_GOOGLE_CLIENT_ID: 'g-id' });
    expect(google).toMatchObject({ scopes: ['https://mail.google.com/'], authParams: { access_type: 'offline', prompt: 'consent' }, clientId: 'g-id', clientSecret: null });
    expect(isConfigured(google)).toBe(false);
    expect(() => requireClient(google)).toThrow(/FACTEUR_OAUTH_GOOGLE_CLIENT_SECRET/);

    const microsoft = loadOAuthProvider('microsoft', { FACTEUR_OAUTH_MICROSOFT_CLIENT_ID: 'm-id' });
    expect(microsoft.scopes).toEqual([
      'https://outlook.office.com/IMAP.AccessAsUser.All', 'https://outlook.office.com/POP.AccessAsUser.All',
      'https://outlook.office.com/SMTP.Send', 'offline_access',
    ]);
    expect(isConfigured(microsoft)).toBe(true);
    expect(requireClient(microsoft)).toEqual({ clientId: 'm-id', clientSecret: null });
    expect(() => requireClient(loadOAuthProvider('microsoft', {}))).toThrow(/FACTEUR_OAUTH_MICROSOFT_CLIENT_ID/);
  });
});

describe('keeping an account signed in', () => {
  it('refreshes, keeping the refresh token when the provider does not send a new one', async () => {
    const first = await signIn().tokens;
    const next = await refresh({ config, refreshToken: first.refreshToken });
    expect(next.accessToken).not.toBe(first.accessToken);
    expect(next.refreshToken).toBe(first.refreshToken);
  });

  it('takes the rotated refresh token when the provider sends one; the old one is then refused', async () => {
    server.reset({ rotateRefreshTokens: true });
    const first = await signIn().tokens;
    const next = await refresh({ config, refreshToken: first.refreshToken });
    expect(next.refreshToken).not.toBe(first.refreshToken);
    const error = await failure(refresh({ config, refreshToken: first.refreshToken }), 'OAUTH_TOKEN_ERROR');
    expect(error).toMatchObject({ providerError: 'invalid_grant', status: 400, retryable: false });
    expect(error.message).toMatch(/Sign in to the account again/);
  });

  it('TokenKeeper refreshes once for concurrent callers, 60 s before expiry, and persists the result', async () => {
    server.reset({ rotateRefreshTokens: true });
    const tokens = await signIn().tokens;
    let now = tokens.expiresAt - 61_000;
    const persisted: TokenSet[] = [];
    const keeper = new TokenKeeper({ config, tokens, persist: (t) => void persisted.push(t), now: () => now });
    const requestsAfterSignIn = server.counts.token;

    expect(await keeper.getAccessToken()).toBe(tokens.accessToken);
    expect(server.counts.token).toBe(requestsAfterSignIn);

    now = tokens.expiresAt - 59_000;
    const handed = await Promise.all(Array.from({ length: 5 }, () => keeper.getAccessToken()));
    expect(new Set(handed).size).toBe(1);
    expect(handed[0]).not.toBe(tokens.accessToken);
    expect(server.counts.token).toBe(requestsAfterSignIn + 1);
    expect(persisted).toHaveLength(1);
    expect(persisted[0]).toMatchObject({ accessToken: handed[0], refreshToken: expect.not.stringMatching(tokens.refreshToken) });
    expect(inspect(keeper)).not.toContain(handed[0]);
    expect(JSON.stringify(keeper)).not.toContain(persisted[0]!.refreshToken);

    keeper.invalidate();
    expect(await keeper.getAccessToken()).not.toBe(handed[0]);
    expect(persisted).toHaveLength(2);
  });

  it('TokenKeeper retries persisting a refreshed token that could not be stored', async () => {
    const tokens = await signIn().tokens;
    let failPersist = true;
    const stored: TokenSet[] = [];
    const keeper = new TokenKeeper({
      config, tokens: { ...tokens, expiresAt: Date.now() },
      persist: async (t) => {
        if (failPersist) throw new Error('disk full');
        stored.push(t);
      },
    });
    await expect(keeper.getAccessToken()).rejects.toThrow('disk full');
    failPersist = false;
    const token = await keeper.getAccessToken();
    expect(stored).toEqual([expect.objectContaining({ accessToken: token })]);
  });
});

describe('secrets stay out of error messages', () => {
  it('scrubs what a careless provider echoes back', async () => {
    server.reset({ echoSecretsInErrors: true, rotateRefreshTokens: true });
    const first = await signIn().tokens;
    await refresh({ config, refreshToken: first.refreshToken });
    const revoked = await failure(refresh({ config, refreshToken: first.refreshToken }), 'OAUTH_TOKEN_ERROR');
    expect(revoked.message).toContain('you sent [redacted]');
    const { tokens } = signIn({ request: (url) => url.searchParams.set('code_challenge', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM') });
    expect((await failure(tokens, 'OAUTH_TOKEN_ERROR')).message).toContain('you sent [redacted]');
  });

  it('no error seen in this file holds a code, a token or the client secret', () => {
    expect(seen.length).toBeGreaterThan(8);
    for (const error of seen) {
      for (const secret of [...server.issued, CLIENT_SECRET]) expect(`${error.message} ${inspect(error)}`).not.toContain(secret);
    }
  });
});

describe('SASL bearer responses', () => {
  it('builds XOAUTH2 as Google documents it', () => {
    // developers.google.com/workspace/gmail/imap/xoauth2-protocol: the example before base64 encoding.
    const decoded = Buffer.from(xoauth2('someuser@example.com', 'ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg'), 'base64').toString();
    expect(decoded).toBe('user=someuser@example.com\x01auth=Bearer ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg\x01\x01');
  });

  it('builds OAUTHBEARER as in RFC 7628 §4.1, escaping the GS2 authzid', () => {
    const decoded = Buffer.from(oauthBearer('user@example.com', 'vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg==', { host: 'server.example.com', port: 143 }), 'base64').toString();
    expect(decoded).toBe('n,a=user@example.com,\x01host=server.example.com\x01port=143\x01auth=Bearer vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg==\x01\x01');
    expect(Buffer.from(oauthBearer('a=b,c', 't0ken'), 'base64').toString()).toBe('n,a=a=3Db=2Cc,\x01auth=Bearer t0ken\x01\x01');
  });

  it('refuses a control character that would forge a field', () => {
    expect(() => xoauth2('eve\x01auth=Bearer x', 'token')).toThrow(TypeError);
    expect(() => oauthBearer('eve', 'tok\x01en')).toThrow(TypeError);
  });
});

describe('bearer logins on real servers', () => {
  let dovecot: OAuthDovecot;
  beforeAll(async () => {
    dovecot = await startOAuthDovecot(server.introspectionEndpoint);
  });
  afterAll(() => dovecot?.stop());

  it('imapflow logs in to Dovecot with the access token from the flow (auth: { user, accessToken })', async () => {
    const { accessToken } = await signIn().tokens;
    const client = new ImapFlow({ host: '127.0.0.1', port: dovecot.imapPort, secure: false, logger: false, auth: { user: 'alice', accessToken } });
    await client.connect();
    expect((await client.list()).map((m) => m.path)).toContain('INBOX');
    await client.logout();
  });

  it('Dovecot accepts the hand-built XOAUTH2 and OAUTHBEARER responses, and refuses a token it does not know', async () => {
    const { accessToken } = await signIn().tokens;
    expect((await imapAuthenticate(dovecot.imapPort, 'XOAUTH2', xoauth2('alice', accessToken))).tagged).toMatch(/^a1 OK/);
    const bearer = oauthBearer('alice', accessToken, { host: '127.0.0.1', port: dovecot.imapPort });
    expect((await imapAuthenticate(dovecot.imapPort, 'OAUTHBEARER', bearer)).tagged).toMatch(/^a1 OK/);

    const refused = await imapAuthenticate(dovecot.imapPort, 'OAUTHBEARER', oauthBearer('alice', 'at_revoked-or-made-up-token'));
    expect(refused.tagged).toMatch(/^a1 NO/);
    expect(readOAuthChallenge(refused.challenge ?? '')).toMatchObject({ status: 'invalid_token' });
  });

  it('nodemailer submits with the token as XOAUTH2 (auth: { type: OAuth2, user, accessToken })', async () => {
    const { accessToken } = await signIn().tokens;
    const logins: string[] = [];
    const smtp = new SMTPServer({
      authMethods: ['XOAUTH2'], allowInsecureAuth: true, disabledCommands: ['STARTTLS'], logger: false, disableReverseLookup: true,
      onAuth(auth, _session, done) {
        void fetch(server.introspectionEndpoint, { method: 'POST', body: new URLSearchParams({ token: auth.accessToken ?? '' }) })
          .then((r) => r.json() as Promise<{ active: boolean; username?: string }>)
          .then((info) => {
            logins.push(`${auth.method} ${auth.username} ${info.active}`);
            done(null, info.active && info.username === auth.username ? { user: auth.username } : { data: { status: '401' } });
          });
      },
      onData(stream, _session, done) {
        stream.resume().on('end', () => done());
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    try {
      const port = (smtp.server.address() as { port: number }).port;
      const transport = createTransport({ host: '127.0.0.1', port, secure: false, auth: { type: 'OAuth2', user: 'alice', accessToken } });
      await transport.sendMail({ from: 'alice@example.com', to: 'bob@example.com', subject: 'OAuth', text: 'Sent with a bearer token.' });
      expect(logins).toEqual(['XOAUTH2 alice true']);
    } finally {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });
});

function statusWithHost(url: URL, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request({ host: url.hostname, port: url.port, path: url.pathname, headers: { Host: host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject).end();
  });
}
