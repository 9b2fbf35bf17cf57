import type { Client } from '../../src-shared/contract/client.js';
import { startSmtpReceiver, type SmtpReceiver } from './smtp-receiver.js';

export const SMTP_PASSWORD = 's3cret-pass';

/**
 * A real SMTP server on loopback taking plain AUTH without TLS (allowed to loopback only, as the accounts' rules
 * say), for tests about what is sent rather than how the connection is secured.
 */
export function startPlainSmtp(user: string): Promise<SmtpReceiver> {
  return startSmtpReceiver({ user, pass: SMTP_PASSWORD }, { allowInsecureAuth: true, hideSTARTTLS: true });
}

/**
 * An account that sends through that server. Its IMAP side points at a closed port: nothing in these tests syncs,
 * mail is written, queued and sent, and the sent copy filed in Local Folders' Sent.
 */
export function sendingAccount(api: Client['api'], smtp: SmtpReceiver, user: string, options: { name?: string; agentIds?: number[] } = {}) {
  return api.accounts.add({
    email: `${user}@facteur.test`,
    ...(options.name ? { name: options.name } : {}),
    ...(options.agentIds ? { agentIds: options.agentIds } : {}),
    password: SMTP_PASSWORD,
    settings: {
      incoming: { protocol: 'imap', host: '127.0.0.1', port: 9, security: 'none', username: user },
      outgoing: { host: '127.0.0.1', port: smtp.port, security: 'none', username: user },
    },
  });
}
