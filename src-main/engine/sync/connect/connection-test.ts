import type { AccountSettings } from '../../../../src-shared/domain/account-settings.js';
import type { Secret } from './client-options.js';
import { redact, secretForms, toFailure, type ConnectionFailure, type ConnectionResult } from './failure.js';
import { checkImapLogin, checkPop3Login, checkSmtpLogin, type LoginCheck } from './login-checks.js';
import { probeServer, type ProbeOptions } from './probe.js';

export type { ConnectionResult } from './failure.js';

const loginChecks: Record<'imap' | 'pop3' | 'smtp', LoginCheck> = { imap: checkImapLogin, pop3: checkPop3Login, smtp: checkSmtpLogin };

/**
 * "Test connection" for one side of an account, step by step so the answer names the step that failed:
 * DNS, TCP, TLS (implicit or STARTTLS/STLS, never a downgrade), then login and capabilities with the sync's own
 * client library. The first three steps send no credentials, so a password never goes to a server whose
 * certificate would be refused. Messages are English for logs; the code is what the UI translates. No message,
 * detail or log line carries the password or token.
 */
export async function testConnection(kind: 'incoming' | 'outgoing', settings: AccountSettings, secret: Secret, options: Pick<ProbeOptions, 'lookup'> = {}): Promise<ConnectionResult> {
  const server = kind === 'incoming' ? settings.incoming : settings.outgoing;
  const protocol = kind === 'incoming' ? settings.incoming.protocol : 'smtp';
  const forms = secretForms(server.username, 'password' in secret ? secret.password : secret.accessToken);
  try {
    const reached = await probeServer({ protocol, host: server.host, port: server.port, security: server.security }, { caCertPem: settings.caCertPem, ...options });
    if (!reached.ok) return scrubbed(reached, forms);
    const capabilities = await loginChecks[protocol](server, secret, settings.caCertPem, reached.capabilities);
    return { ok: true, capabilities, secure: reached.secure };
  } catch (error) {
    return toFailure(error, forms);
  }
}

/** A probe failure carries no secret (none was sent yet), but passes the same scrubbing as every other answer. */
function scrubbed(failure: ConnectionFailure, forms: string[]): ConnectionFailure {
  const out: ConnectionFailure = { ok: false, code: failure.code, message: redact(failure.message, forms) };
  if (failure.detail) out.detail = redact(failure.detail, forms);
  return out;
}
