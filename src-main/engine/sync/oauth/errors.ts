/**
 * OAuth failures the engine can name. The service boundary maps them to contract codes (OAUTH_CONFIG_MISSING →
 * UNAVAILABLE, OAUTH_DENIED / OAUTH_TOKEN_ERROR → AUTH_FAILED, …); the message is for a person and never holds a
 * token, an authorization code or a secret: every text that came from outside goes through `scrub` first.
 */
export type OAuthErrorCode =
  | 'OAUTH_CONFIG_MISSING'
  | 'OAUTH_DENIED'
  | 'OAUTH_STATE_MISMATCH'
  | 'OAUTH_TIMEOUT'
  | 'OAUTH_TOKEN_ERROR'
  | 'OAUTH_CANCELLED';

export interface OAuthErrorDetails {
  /** The provider's `error` field (RFC 6749 §4.1.2.1, §5.2), e.g. "invalid_grant": the account must sign in again. */
  providerError?: string;
  /** HTTP status of the token endpoint's answer, when there was one. */
  status?: number;
  /** True when trying again later may succeed (network failure, HTTP 5xx, 429), so the task queue retries. */
  retryable?: boolean;
}

export class OAuthError extends Error {
  readonly code: OAuthErrorCode;
  readonly providerError: string | undefined;
  readonly status: number | undefined;
  readonly retryable: boolean;
  constructor(code: OAuthErrorCode, message: string, details: OAuthErrorDetails = {}) {
    super(message);
    this.name = 'OAuthError';
    this.code = code;
    this.providerError = details.providerError;
    this.status = details.status;
    this.retryable = details.retryable ?? false;
  }
}

const REDACTED = '[redacted]';

/**
 * Removes every given secret from a text that is about to become an error message, and bounds its length and
 * characters: a provider's `error_description` is free text and a buggy or hostile one could echo what we sent.
 */
export function scrub(text: string, secrets: ReadonlyArray<string | null | undefined>, maxLength = 300): string {
  let out = text;
  for (const secret of secrets) {
    // Short strings would redact ordinary words; every secret we hold is far longer than this.
    if (secret && secret.length >= 8) out = out.split(secret).join(REDACTED);
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must not reach a log line
  out = out.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return out.length > maxLength ? `${out.slice(0, maxLength)}…` : out;
}

/** "error: description" from the provider's two fields, scrubbed; empty fields are left out. */
export function describeProviderError(error: string, description: string | undefined, secrets: ReadonlyArray<string | null | undefined>): string {
  const parts = [scrub(error, secrets, 80), description ? scrub(description, secrets) : ''].filter(Boolean);
  return parts.join(': ');
}
