import nodemailer from 'nodemailer';
import type { ConnectionOutcome } from '../../../../src-shared/contract/index.js';
import { isLoopbackHost } from '../../../../src-shared/domain/account-settings.js';
import { EngineError } from '../../errors.js';
import type { SyncDeps } from '../account-sync.js';
import { connectError } from '../connect-errors.js';
import { passwordOf } from '../credentials.js';
import { tlsOptions } from '../imap/client.js';

/** A nodemailer SMTP transport for the account: implicit TLS (RFC 8314), or STARTTLS that must succeed. */
export async function smtpTransport(deps: Pick<SyncDeps, 'accounts' | 'secrets'>, accountId: number, onServerReply?: (line: string) => void) {
  const account = deps.accounts.get(accountId);
  const s = account.settings.outgoing;
  if (s.security === 'none' && !isLoopbackHost(s.host)) {
    throw new EngineError('TLS_ERROR', `Refusing to send the password to ${s.host} without encryption; choose TLS or STARTTLS.`);
  }
  const password = await passwordOf(deps.accounts, deps.secrets, accountId);
  return nodemailer.createTransport({
    host: s.host,
    port: s.port,
    secure: s.security === 'tls',
    requireTLS: s.security === 'starttls',
    ignoreTLS: s.security === 'none',
    auth: { user: s.username, pass: password },
    tls: tlsOptions(s.host, account.settings.caCertPem),
    connectionTimeout: 20_000,
    greetingTimeout: 15_000,
    socketTimeout: 120_000,
    // Only the server's replies are watched (to know when DATA began); nothing is written anywhere.
    ...(onServerReply ? { transactionLog: true, logger: serverReplyLogger(onServerReply) } : { logger: false }),
  });
}

export async function testSmtp(deps: Pick<SyncDeps, 'accounts' | 'secrets'>, accountId: number): Promise<ConnectionOutcome> {
  const host = deps.accounts.get(accountId).settings.outgoing.host;
  try {
    const transport = await smtpTransport(deps, accountId);
    await transport.verify();
    transport.close();
    return { ok: true, capabilities: [], secure: true };
  } catch (error) {
    const e = connectError(error, host);
    return { ok: false, code: e.code, message: e.message };
  }
}

function serverReplyLogger(onServerReply: (line: string) => void) {
  const ignore = () => undefined;
  return {
    trace: ignore,
    info: ignore,
    warn: ignore,
    error: ignore,
    fatal: ignore,
    debug: (entry: { tnx?: string }, message: string) => {
      if (entry?.tnx === 'server' && typeof message === 'string') onServerReply(message);
    },
    level: ignore,
  };
}
