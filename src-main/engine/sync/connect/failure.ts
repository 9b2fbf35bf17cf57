import { EngineError } from '../../errors.js';
import { tlsProblem } from './tls-problem.js';

/** The steps of reaching a mail server, in order; the first that fails names the problem. */
export type ConnectionErrorCode = 'DNS_FAILED' | 'CONNECT_FAILED' | 'TLS_ERROR' | 'AUTH_FAILED' | 'CAPABILITY_MISSING' | 'PROTOCOL_ERROR';

export type ConnectionSuccess = { ok: true; capabilities: string[]; secure: boolean };
export type ConnectionFailure = { ok: false; code: ConnectionErrorCode; message: string; detail?: string };
export type ConnectionResult = ConnectionSuccess | ConnectionFailure;

const CONNECTION_CODES = new Set<string>(['DNS_FAILED', 'CONNECT_FAILED', 'TLS_ERROR', 'AUTH_FAILED', 'CAPABILITY_MISSING', 'PROTOCOL_ERROR']);
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'ENODATA', 'ESERVFAIL']);
const CONNECT_CODES: Record<string, string> = {
  ECONNREFUSED: 'refused the connection (nothing answers on that port)',
  ETIMEDOUT: 'did not answer in time',
  EHOSTUNREACH: 'cannot be reached from this network',
  ENETUNREACH: 'cannot be reached from this network',
  ECONNRESET: 'closed the connection',
  EPIPE: 'closed the connection',
  EADDRNOTAVAIL: 'cannot be reached from this network',
};

/** A failure at one step, thrown inside the engine and turned into a result at the boundary. */
export function stepError(code: ConnectionErrorCode, message: string, detail?: string): EngineError {
  return new EngineError(code, message, detail === undefined ? undefined : { detail });
}

/** Classifies an error from a socket or a client library by the step it belongs to (DNS, TCP, TLS), if any. */
export function networkError(error: unknown, host: string, port: number): EngineError | null {
  if (error instanceof EngineError) return error;
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  if (DNS_CODES.has(code)) return stepError('DNS_FAILED', `The server name ${host} could not be found (DNS).`, code);
  const reason = Object.hasOwn(CONNECT_CODES, code) ? CONNECT_CODES[code] : undefined;
  if (reason) return stepError('CONNECT_FAILED', `${host} port ${port} ${reason}.`, code);
  return tlsProblem(error, host);
}

/**
 * The one place an error becomes a result. Every text is scrubbed of the secret's forms (see secretForms) whatever a
 * library or a server put in it: a password must never reach a log or the UI.
 */
export function toFailure(error: unknown, secrets: readonly string[]): ConnectionFailure {
  const e = error instanceof EngineError && CONNECTION_CODES.has(error.code) ? error : null;
  const code = (e?.code ?? 'PROTOCOL_ERROR') as ConnectionErrorCode;
  const message = e ? e.message : `Unexpected answer from the server: ${(error as Error)?.message ?? String(error)}`;
  const detail = (e?.details as { detail?: unknown } | undefined)?.detail;
  const failure: ConnectionFailure = { ok: false, code, message: redact(message, secrets) };
  if (typeof detail === 'string' && detail) failure.detail = redact(detail, secrets);
  return failure;
}

/** The secret as it may appear on the wire or in an error: clear, base64, and inside SASL PLAIN / XOAUTH2 blobs. */
export function secretForms(username: string, secret: string): string[] {
  const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
  return [secret, b64(secret), b64(`\u0000${username}\u0000${secret}`), b64(`user=${username}\u0001auth=Bearer ${secret}\u0001\u0001`)];
}

export function redact(text: string, forms: readonly string[]): string {
  let out = text;
  for (const form of forms) if (form.length >= 3) out = out.split(form).join('***');
  return out;
}
