import { listenForRedirect } from './loopback.js';
import { createPkce, createState } from './pkce.js';
import { requireClient, type OAuthProviderConfig } from './providers.js';
import { requestTokens, type TokenSet } from './token-endpoint.js';

export interface AuthorizeOptions {
  config: OAuthProviderConfig;
  /** The account's address: the provider preselects it (login_hint, OpenID Connect Core §3.1.2.1). */
  loginHint?: string;
  /** Opens the URL in the user's default browser (RFC 8252 §8.12: never an embedded web view); the host's Shell. */
  openBrowser: (url: string) => Promise<void>;
  signal?: AbortSignal;
  /** How long the user has to finish in the browser; 5 minutes by default. */
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
  now?: () => number;
}

/**
 * The authorization code grant for a native app (RFC 8252 §7.3 loopback redirect, RFC 7636 PKCE S256): opens the
 * provider's consent page in the system browser, waits for the redirect on 127.0.0.1, exchanges the code.
 */
export async function authorize(options: AuthorizeOptions): Promise<TokenSet> {
  const { config } = options;
  const { clientId } = requireClient(config); // fail before opening anything when the app is not configured
  const pkce = createPkce();
  const state = createState();
  const listener = await listenForRedirect({ state, timeoutMs: options.timeoutMs, signal: options.signal });
  try {
    const url = authorizationUrl(config, clientId, { redirectUri: listener.redirectUri, state, challenge: pkce.challenge, loginHint: options.loginHint });
    // The browser may finish before openBrowser resolves, or openBrowser may never resolve (some launchers wait
    // for the browser to exit): whichever comes first, the redirect, a timeout or a cancel, settles the flow.
    const code = await Promise.race([listener.code, options.openBrowser(url).then(() => listener.code)]);
    return await requestTokens({
      config,
      params: { grant_type: 'authorization_code', code, redirect_uri: listener.redirectUri, code_verifier: pkce.verifier },
      secrets: [code, pkce.verifier],
      fetch: options.fetch,
      signal: options.signal,
      now: options.now,
    });
  } finally {
    listener.close();
  }
}

interface AuthorizationRequest {
  redirectUri: string;
  state: string;
  challenge: string;
  loginHint: string | undefined;
}

/** RFC 6749 §4.1.1 plus PKCE (RFC 7636 §4.3) and the provider's own parameters. */
export function authorizationUrl(config: OAuthProviderConfig, clientId: string, request: AuthorizationRequest): string {
  const url = new URL(config.authorizationEndpoint);
  const params: Record<string, string> = {
    ...config.authParams,
    response_type: 'code',
    client_id: clientId,
    redirect_uri: request.redirectUri,
    scope: config.scopes.join(' '),
    state: request.state,
    code_challenge: request.challenge,
    code_challenge_method: 'S256',
  };
  if (request.loginHint) params.login_hint = request.loginHint;
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}

export interface RefreshOptions {
  config: OAuthProviderConfig;
  refreshToken: string;
  fetch?: typeof globalThis.fetch;
  signal?: AbortSignal;
  now?: () => number;
}

/**
 * A new access token from the refresh token (RFC 6749 §6). Microsoft rotates refresh tokens and Google usually
 * does not: when the answer has none, the old one stays valid and is kept.
 */
export function refresh(options: RefreshOptions): Promise<TokenSet> {
  const params: Record<string, string> = { grant_type: 'refresh_token', refresh_token: options.refreshToken };
  // Microsoft's v2 endpoint wants the scopes again; §6 allows it as long as they do not exceed the original grant.
  if (options.config.refreshWithScope) params.scope = options.config.scopes.join(' ');
  return requestTokens({
    config: options.config,
    params,
    secrets: [options.refreshToken],
    previousRefreshToken: options.refreshToken,
    fetch: options.fetch,
    signal: options.signal,
    now: options.now,
  });
}
