import { EngineError } from '../errors.js';

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ERR_SSL|EPROTO|HOSTNAME/;

/** Turns a client library's connection failure into the step that failed, for the account's status and the user. */
export function connectError(error: unknown, host: string): EngineError {
  if (error instanceof EngineError) return error;
  const e = error as { code?: string; authenticationFailed?: boolean; responseText?: string; message?: string };
  const message = e.message ?? String(error);
  if (e.authenticationFailed || /auth/i.test(e.code ?? '') || /authenticat|login failed|invalid credentials/i.test(message)) {
    return new EngineError('AUTH_FAILED', `${host} refused the user name or password${e.responseText ? ` (${e.responseText})` : ''}.`);
  }
  if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN') return new EngineError('DNS_FAILED', `The server name ${host} could not be found.`);
  if (TLS_CODES.test(e.code ?? '') || /certificate|tls|ssl|starttls/i.test(message)) {
    return new EngineError('TLS_ERROR', `A secure connection to ${host} could not be made: ${message}`);
  }
  if (['ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET'].includes(e.code ?? '')) {
    return new EngineError('CONNECT_FAILED', `${host} could not be reached (${e.code}).`);
  }
  return new EngineError('PROTOCOL_ERROR', `${host}: ${message}`);
}
