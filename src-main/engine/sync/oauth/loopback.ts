import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeProviderError, OAuthError } from './errors.js';
import { sendPage } from './loopback-page.js';

export const CALLBACK_PATH = '/callback';
export const DEFAULT_REDIRECT_TIMEOUT_MS = 5 * 60_000;

export interface LoopbackOptions {
  /** The `state` sent in the authorization request; the redirect must bring it back unchanged. */
  state: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface LoopbackListener {
  /** http://127.0.0.1:<port>/callback, to send as redirect_uri. */
  readonly redirectUri: string;
  /** The authorization code; rejects with an OAuthError (state mismatch, denied, timeout, cancelled). */
  readonly code: Promise<string>;
  /** Stops listening (idempotent); a pending `code` rejects as cancelled. */
  close(): void;
}

/** Denials a person caused or can fix by signing in again (RFC 6749 §4.1.2.1, OpenID Connect Core §3.1.2.6). */
const DENIALS = new Set(['access_denied', 'consent_required', 'interaction_required', 'login_required', 'account_selection_required']);

/**
 * A one-shot HTTP listener for the authorization redirect (RFC 8252 §7.3): bound to the IPv4 loopback literal
 * (§8.3: not "localhost", which a hosts file or DNS may point elsewhere) on a port the OS picks, closed as soon as
 * the redirect arrived, the time ran out or the caller gave up.
 */
export async function listenForRedirect({ state, timeoutMs = DEFAULT_REDIRECT_TIMEOUT_MS, signal }: LoopbackOptions): Promise<LoopbackListener> {
  if (signal?.aborted) throw cancelled();
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const authority = `127.0.0.1:${(server.address() as AddressInfo).port}`;

  let settle!: { resolve: (code: string) => void; reject: (error: OAuthError) => void };
  const code = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
  code.catch(() => undefined); // the caller may await it only after opening the browser
  let done = false;
  const finish = (outcome: string | OAuthError) => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    server.close();
    server.closeIdleConnections();
    if (typeof outcome === 'string') settle.resolve(outcome);
    else settle.reject(outcome);
  };
  const timer = setTimeout(() => {
    const span = timeoutMs >= 60_000 ? `${Math.round(timeoutMs / 60_000)} minutes` : `${Math.ceil(timeoutMs / 1000)} seconds`;
    finish(new OAuthError('OAUTH_TIMEOUT', `Sign-in was not completed within ${span}; start it again when you are ready.`));
    server.closeAllConnections();
  }, timeoutMs);
  const onAbort = () => {
    finish(cancelled());
    server.closeAllConnections();
  };
  signal?.addEventListener('abort', onAbort, { once: true });

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const outcome = answer(req, res, authority, state, done);
    if (outcome !== undefined) finish(outcome);
  });
  const close = () => {
    // After the redirect was answered, closing must not cut the page still being flushed to the browser.
    if (!done) onAbort();
  };
  return { redirectUri: `http://${authority}${CALLBACK_PATH}`, code, close };
}

/** Answers one request; returns the flow's outcome when this request ends it, undefined to keep waiting. */
function answer(req: IncomingMessage, res: ServerResponse, authority: string, state: string, done: boolean): string | OAuthError | undefined {
  // A Host other than our literal means a page reached us through DNS rebinding, not the provider's redirect.
  const refuse = (status: number, title: string, headers?: Record<string, string>) => {
    sendPage(res, status, title, 'This address only accepts the sign-in redirect for Facteur.', headers);
    return undefined;
  };
  if (req.headers.host !== authority) return refuse(400, 'Bad request');
  const url = new URL(req.url ?? '/', `http://${authority}`);
  if (url.pathname !== CALLBACK_PATH) return refuse(404, 'Not found');
  if (req.method !== 'GET') return refuse(405, 'Method not allowed', { Allow: 'GET' });
  if (done) return refuse(410, 'Sign-in already finished');

  const params = url.searchParams;
  const returned = params.get('state');
  if (returned === null || !sameSecret(returned, state)) {
    sendPage(res, 400, 'Sign-in could not be verified', 'This response does not belong to the sign-in Facteur started. Return to Facteur and try again.');
    return new OAuthError('OAUTH_STATE_MISMATCH', 'The sign-in response did not match the request Facteur made (state mismatch), so it was refused. Try again.');
  }
  const error = params.get('error');
  if (error !== null) {
    const reason = describeProviderError(error, params.get('error_description') ?? undefined, [state]);
    sendPage(res, 400, 'Sign-in did not complete', `The provider answered: ${reason}. Return to Facteur to try again.`);
    return DENIALS.has(error)
      ? new OAuthError('OAUTH_DENIED', `Sign-in was refused (${reason}). Facteur needs your permission to read and send mail; try again and accept.`, { providerError: error })
      : new OAuthError('OAUTH_TOKEN_ERROR', `The provider could not complete the sign-in (${reason}).`, { providerError: error });
  }
  const code = params.get('code');
  if (!code) {
    sendPage(res, 400, 'Sign-in did not complete', 'The provider sent no authorization code. Return to Facteur and try again.');
    return new OAuthError('OAUTH_TOKEN_ERROR', 'The provider redirected back without an authorization code.');
  }
  sendPage(res, 200, 'Signed in', 'You can close this window and return to Facteur.');
  return code;
}

/** Constant-time comparison (RFC 6749 §10.12); hashing first makes the lengths equal without leaking them. */
function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}

function cancelled(): OAuthError {
  return new OAuthError('OAUTH_CANCELLED', 'Sign-in was cancelled.');
}
