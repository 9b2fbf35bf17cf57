import nodemailer from 'nodemailer';
import type { SyncDeps } from '../account-sync.js';
import { smtpOptions, smtpTransportAuth } from '../connect/client-options.js';

/** A nodemailer SMTP transport for the account, under the connection rules of `connect/` (no silent downgrade). */
export async function smtpTransport(deps: Pick<SyncDeps, 'accounts' | 'credentials'>, accountId: number, onServerReply?: (line: string) => void) {
  const account = deps.accounts.get(accountId);
  const server = account.settings.outgoing;
  const options = smtpOptions(server, account.settings.caCertPem);
  const secret = await deps.credentials.secretFor(accountId);
  return nodemailer.createTransport({
    ...options,
    auth: smtpTransportAuth(server, secret),
    // Only the server's replies are watched (to know when DATA began); nothing is written anywhere.
    ...(onServerReply ? { transactionLog: true, logger: serverReplyLogger(onServerReply) } : {}),
  });
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
