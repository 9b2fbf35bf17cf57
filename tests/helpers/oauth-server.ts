import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OAuthServerOptions {
  clientId: string;
  /** Required at the token endpoint when set (Google's desktop clients); public clients have none (Microsoft). */
  clientSecret: string | null;
  /** The path registered for the loopback redirect; any port is allowed (RFC 8252 §7.3), as Entra and Google do. */
  redirectPath: string;
  /** The user clicks "Cancel" on the consent screen. */
  deny: boolean;
  /** Issue a new refresh token with each refresh and retire the old one (Microsoft does). */
  rotateRefreshTokens: boolean;
  accessTokenTtlSeconds: number;
  /** Whose mailbox the consent is for (introspection answers this username). */
  user: string;
  /** A careless provider that quotes what it was sent in error_description, to prove the client scrubs it. */
  echoSecretsInErrors: boolean;
}

export interface OAuthServer {
  authorizationEndpoint: string;
  tokenEndpoint: string;
  /** RFC 7662 token introspection (POST token=…), for Dovecot's oauth2 passdb and for the tests. */
  introspectionEndpoint: string;
  /** Changeable between tests. */
  options: OAuthServerOptions;
  /** Requests seen, by endpoint; reset with `reset()`. */
  counts: { authorize: number; token: number };
  /** The query of the last /authorize request. */
  lastAuthorize: URLSearchParams | null;
  /** Every code and token ever issued, to search error messages for leaks. */
  issued: string[];
  reset(options?: Partial<OAuthServerOptions>): void;
  close(): Promise<void>;
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  scope: string;
  expiresAt: number;
  used: boolean;
  /** The refresh token this code produced, revoked if the code is presented again. */
  refreshToken?: string;
}
interface Grant {
  clientId: string;
  scope: string;
  user: string;
  active: boolean;
}

const DEFAULTS: Omit<OAuthServerOptions, 'clientId'> = {
  clientSecret: null,
  redirectPath: '/callback',
  deny: false,
  rotateRefreshTokens: false,
  accessTokenTtlSeconds: 3600,
  user: 'alice',
  echoSecretsInErrors: false,
};

/**
 * A small but real OAuth2 authorization server on 127.0.0.1: the authorization code grant with mandatory PKCE S256
 * (RFC 6749 §4.1, RFC 7636), loopback-only redirect URIs (RFC 8252 §7.3), refresh grants (§6), introspection.
 */
export async function startOAuthServer(options: Partial<OAuthServerOptions> & { clientId: string }): Promise<OAuthServer> {
  const codes = new Map<string, PendingCode>();
  const refreshTokens = new Map<string, Grant>();
  const accessTokens = new Map<string, Grant & { expiresAt: number }>();
  const initial = { ...DEFAULTS, ...options };

  const state: OAuthServer = {
    authorizationEndpoint: '', tokenEndpoint: '', introspectionEndpoint: '',
    options: { ...initial },
    counts: { authorize: 0, token: 0 },
    lastAuthorize: null,
    issued: [],
    reset(overrides = {}) {
      state.options = { ...initial, ...overrides };
      state.counts = { authorize: 0, token: 0 };
      state.lastAuthorize = null;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const issue = (prefix: string) => {
    const value = `${prefix}${randomBytes(24).toString('base64url')}`;
    state.issued.push(value);
    return value;
  };

  function authorizeEndpoint(url: URL, res: ServerResponse): void {
    state.counts.authorize++;
    const q = url.searchParams;
    state.lastAuthorize = q;
    const o = state.options;
    // §4.1.2.1: with a bad client or redirect URI the server must not redirect; it tells the user instead.
    if (q.get('client_id') !== o.clientId) return send(res, 400, 'text/plain', 'unknown client_id');
    const redirectUri = q.get('redirect_uri') ?? '';
    if (!isLoopbackRedirect(redirectUri, o.redirectPath)) return send(res, 400, 'text/plain', 'redirect_uri must be http://127.0.0.1:<port>' + o.redirectPath);
    const back = new URL(redirectUri);
    const redirect = (params: Record<string, string>) => {
      for (const [k, v] of Object.entries(params)) back.searchParams.set(k, v);
      res.writeHead(302, { Location: back.toString() }).end();
    };
    const stateParam = q.get('state');
    if (!stateParam) return redirect({ error: 'invalid_request', error_description: 'state is required' });
    if (q.get('response_type') !== 'code') return redirect({ error: 'unsupported_response_type', state: stateParam });
    if (q.get('code_challenge_method') !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(q.get('code_challenge') ?? '')) {
      return redirect({ error: 'invalid_request', error_description: 'PKCE with S256 is required', state: stateParam });
    }
    if (o.deny) return redirect({ error: 'access_denied', error_description: 'The user declined the requested permissions.', state: stateParam });
    const code = issue('code_');
    codes.set(code, { clientId: o.clientId, redirectUri, challenge: q.get('code_challenge')!, scope: q.get('scope') ?? '', expiresAt: Date.now() + 60_000, used: false });
    redirect({ code, state: stateParam });
  }

  function tokenEndpoint(form: URLSearchParams, res: ServerResponse): void {
    state.counts.token++;
    const o = state.options;
    const fail = (status: number, error: string, description: string, leak = '') =>
      json(res, status, { error, error_description: o.echoSecretsInErrors ? `${description} (you sent ${leak})` : description });
    if (form.get('client_id') !== o.clientId) return fail(401, 'invalid_client', 'unknown client');
    if (o.clientSecret !== null && form.get('client_secret') !== o.clientSecret) return fail(401, 'invalid_client', 'bad client secret');
    const grantType = form.get('grant_type');
    if (grantType === 'authorization_code') {
      const code = form.get('code') ?? '';
      const pending = codes.get(code);
      if (!pending || pending.expiresAt < Date.now()) return fail(400, 'invalid_grant', 'unknown or expired code', code);
      // §4.1.2: a code is used once; a replay revokes what it produced.
      if (pending.used) {
        if (pending.refreshToken) refreshTokens.get(pending.refreshToken)!.active = false;
        return fail(400, 'invalid_grant', 'code already used', code);
      }
      pending.used = true;
      if (pending.clientId !== form.get('client_id') || pending.redirectUri !== form.get('redirect_uri')) return fail(400, 'invalid_grant', 'redirect_uri mismatch');
      const verifier = form.get('code_verifier') ?? '';
      if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier) || createHash('sha256').update(verifier).digest('base64url') !== pending.challenge) {
        return fail(400, 'invalid_grant', 'code_verifier does not match the code_challenge', verifier);
      }
      const refreshToken = issue('rt_');
      pending.refreshToken = refreshToken;
      refreshTokens.set(refreshToken, { clientId: pending.clientId, scope: pending.scope, user: o.user, active: true });
      return json(res, 200, { ...accessToken(refreshTokens.get(refreshToken)!), refresh_token: refreshToken });
    }
    if (grantType === 'refresh_token') {
      const presented = form.get('refresh_token') ?? '';
      const grant = refreshTokens.get(presented);
      if (!grant?.active || grant.clientId !== form.get('client_id')) return fail(400, 'invalid_grant', 'refresh token revoked or unknown', presented);
      const scope = form.get('scope');
      if (scope && !scope.split(' ').every((s) => grant.scope.split(' ').includes(s))) return fail(400, 'invalid_scope', 'scope exceeds the grant');
      if (!o.rotateRefreshTokens) return json(res, 200, accessToken(grant));
      grant.active = false;
      const next = issue('rt_');
      refreshTokens.set(next, { ...grant, active: true });
      return json(res, 200, { ...accessToken(grant), refresh_token: next });
    }
    fail(400, 'unsupported_grant_type', `grant_type ${grantType ?? '(none)'} is not supported`);
  }

  function accessToken(grant: Grant) {
    const token = issue('at_');
    accessTokens.set(token, { ...grant, expiresAt: Date.now() + state.options.accessTokenTtlSeconds * 1000 });
    return { access_token: token, token_type: 'Bearer', expires_in: state.options.accessTokenTtlSeconds, scope: grant.scope };
  }

  function introspect(form: URLSearchParams, res: ServerResponse): void {
    const found = accessTokens.get(form.get('token') ?? '');
    if (!found || found.expiresAt < Date.now()) return json(res, 200, { active: false });
    json(res, 200, { active: true, username: found.user, scope: found.scope, client_id: found.clientId, exp: Math.floor(found.expiresAt / 1000) });
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'GET' && url.pathname === '/authorize') return authorizeEndpoint(url, res);
    if (req.method !== 'POST' || !['/token', '/introspect'].includes(url.pathname)) return send(res, 404, 'text/plain', 'not found');
    if (!req.headers['content-type']?.startsWith('application/x-www-form-urlencoded')) return json(res, 400, { error: 'invalid_request' });
    readForm(req).then(
      (form) => (url.pathname === '/token' ? tokenEndpoint(form, res) : introspect(form, res)),
      () => json(res, 400, { error: 'invalid_request' }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.authorizationEndpoint = `${base}/authorize`;
  state.tokenEndpoint = `${base}/token`;
  state.introspectionEndpoint = `${base}/introspect`;
  return state;
}

export interface BrowserLanding {
  status: number;
  page: string;
}

/**
 * Plays the system browser: opens the authorization URL at the provider (which consents at once), then follows
 * its redirect to Facteur's loopback listener. The tamper hooks play an attacker or a broken provider.
 */
export async function playBrowser(authorizationUrl: string, tamper: { request?: (url: URL) => void; redirect?: (url: URL) => void } = {}): Promise<BrowserLanding> {
  const url = new URL(authorizationUrl);
  tamper.request?.(url);
  const consent = await fetch(url, { redirect: 'manual' });
  if (consent.status !== 302) throw new Error(`The authorization endpoint answered ${consent.status}: ${await consent.text()}`);
  const location = new URL(consent.headers.get('location')!);
  tamper.redirect?.(location);
  const landing = await fetch(location);
  return { status: landing.status, page: await landing.text() };
}

function isLoopbackRedirect(value: string, path: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' && ['127.0.0.1', '[::1]'].includes(url.hostname) && url.port !== '' && url.pathname === path && url.hash === '';
  } catch {
    return false;
  }
}

function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 64 * 1024) req.destroy(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  // §5.1: token responses must not be cached.
  send(res, status, 'application/json', JSON.stringify(body), { 'Cache-Control': 'no-store' });
}

function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': type, ...headers }).end(body);
}
