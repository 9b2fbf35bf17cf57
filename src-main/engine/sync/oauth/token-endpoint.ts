import { z } from 'zod';
import { describeProviderError, OAuthError, scrub } from './errors.js';
import { requireClient, type OAuthProviderConfig } from './providers.js';

/** What an account keeps (sealed by the Shell's SecretBox): parse it with this schema when unsealing. */
export const TokenSet = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  /** Epoch milliseconds. */
  expiresAt: z.number().int(),
  scope: z.string(),
  tokenType: z.literal('Bearer'),
});
export type TokenSet = z.infer<typeof TokenSet>;

/** RFC 6749 §5.1. expires_in is RECOMMENDED; some Microsoft endpoints have sent it as a numeric string. */
const TokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string().refine((t) => t.toLowerCase() === 'bearer', 'token_type must be Bearer (RFC 6750)'),
  expires_in: z.union([z.number().nonnegative(), z.string().regex(/^\d+$/).transform(Number)]).optional(),
  refresh_token: z.string().min(1).optional(),
  scope: z.string().optional(),
});

/** RFC 6749 §5.2. */
const ErrorResponse = z.object({ error: z.string().min(1), error_description: z.string().optional() });

/** When the provider does not say how long a token lives, assume an hour (Google's and Microsoft's lifetime). */
const DEFAULT_LIFETIME_S = 3600;
const REQUEST_TIMEOUT_MS = 30_000;

export interface TokenRequest {
  config: OAuthProviderConfig;
  /** grant_type and its parameters; client_id (and client_secret when configured) are added here. */
  params: Record<string, string>;
  /** Secrets in this exchange, scrubbed from any error text (the code, the verifier, the refresh token). */
  secrets: string[];
  /** Used when the answer has no refresh_token (refresh grants: RFC 6749 §6 lets the server keep the old one). */
  previousRefreshToken?: string;
  fetch?: typeof globalThis.fetch;
  signal?: AbortSignal;
  now?: () => number;
}

/** POSTs a grant to the token endpoint (RFC 6749 §4.1.3, §6) and returns the validated tokens. */
export async function requestTokens(request: TokenRequest): Promise<TokenSet> {
  const { config, fetch = globalThis.fetch, now = Date.now } = request;
  const { clientId, clientSecret } = requireClient(config);
  const body = new URLSearchParams({ ...request.params, client_id: clientId });
  // client_secret_post (§2.3.1): only confidential-by-registration clients such as Google's desktop ones have one.
  if (clientSecret !== null) body.set('client_secret', clientSecret);
  const secrets = [...request.secrets, clientSecret];
  const host = new URL(config.tokenEndpoint).host;

  let response: Response;
  try {
    const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
    response = await fetch(config.tokenEndpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body,
      // A redirect would replay the form (code, verifier, secret) to another address: refuse it.
      redirect: 'error',
      signal: request.signal ? AbortSignal.any([request.signal, timeout]) : timeout,
    });
  } catch (error) {
    if (request.signal?.aborted) throw new OAuthError('OAUTH_CANCELLED', 'Sign-in was cancelled.');
    throw new OAuthError('OAUTH_TOKEN_ERROR', `Could not reach ${host} to get an access token (${networkReason(error, secrets)}).`, { retryable: true });
  }

  const text = await response.text().catch(() => '');
  const json = parseJson(text);
  if (!response.ok) {
    const parsed = ErrorResponse.safeParse(json);
    const retryable = response.status >= 500 || response.status === 429;
    const reason = parsed.success ? describeProviderError(parsed.data.error, parsed.data.error_description, secrets) : `HTTP ${response.status}`;
    const advice = parsed.success && parsed.data.error === 'invalid_grant' ? ' Sign in to the account again.' : '';
    throw new OAuthError('OAUTH_TOKEN_ERROR', `${config.label} refused to issue an access token (${reason}).${advice}`, {
      providerError: parsed.success ? parsed.data.error : undefined,
      status: response.status,
      retryable,
    });
  }
  const parsed = TokenResponse.safeParse(json);
  if (!parsed.success) {
    // Name the fields that are wrong, never their values: the body holds tokens.
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || 'body'))].join(', ');
    throw new OAuthError('OAUTH_TOKEN_ERROR', `${config.label} answered with an unusable token response (${fields}).`, { status: response.status });
  }
  const refreshToken = parsed.data.refresh_token ?? request.previousRefreshToken;
  if (!refreshToken) {
    throw new OAuthError('OAUTH_TOKEN_ERROR', `${config.label} did not grant offline access (no refresh token), so Facteur could not stay signed in. Try again and accept all requested permissions.`);
  }
  return {
    accessToken: parsed.data.access_token,
    refreshToken,
    expiresAt: Math.round(now() + (parsed.data.expires_in ?? DEFAULT_LIFETIME_S) * 1000),
    // §5.1: scope may be omitted when it is the one requested.
    scope: parsed.data.scope ?? config.scopes.join(' '),
    tokenType: 'Bearer',
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** "ECONNREFUSED", "timed out"…: the cause's code, not its message, which could quote the request. */
function networkReason(error: unknown, secrets: Array<string | null>): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'timed out';
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === 'string') return scrub(cause.code, secrets, 40);
  return 'network error';
}
