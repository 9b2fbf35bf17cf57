import { ImapFlow, type ImapFlowError } from 'imapflow';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { ServerSettings } from '../../../../src-shared/domain/account-settings.js';
import type { EngineError } from '../../errors.js';
import { imapFlowOptions, smtpAuth, smtpOptions, type Secret } from './client-options.js';
import { networkError, stepError } from './failure.js';
import { openPop3, type Pop3Session } from './pop3-session.js';
import { tlsProblem } from './tls-problem.js';

/**
 * The login and capability steps of "Test connection", with the client libraries the sync itself uses, so a
 * success here means the sync will get in too. Each returns the capabilities to show, or throws a step's error.
 */
export type LoginCheck = (server: ServerSettings, secret: Secret, caCertPem: string | null, offered: string[]) => Promise<string[]>;

const ignore = () => {};
const has = (capabilities: string[], name: string) => capabilities.some((c) => c.split(/[\s=]/)[0]?.toUpperCase() === name);
const refusedWhat = (secret: Secret) => ('password' in secret ? 'user name or password' : 'access token');

/** IMAP: login with imapflow; IMAP4rev1 (RFC 3501) is what the sync speaks. The list is read after login, where servers show it all. */
export const checkImapLogin: LoginCheck = async (server, secret, caCertPem) => {
  const client = new ImapFlow(imapFlowOptions(server, secret, caCertPem));
  client.on('error', ignore);
  try {
    await client.connect();
  } catch (error) {
    throw imapError(error as ImapFlowError, server, secret);
  }
  try {
    const capabilities = [...client.capabilities.keys()];
    // RFC 9051 servers may announce only IMAP4rev2, which imapflow speaks as well.
    if (!has(capabilities, 'IMAP4REV1') && !has(capabilities, 'IMAP4REV2')) {
      throw stepError('CAPABILITY_MISSING', `${server.host} does not announce IMAP4rev1, the IMAP version Facteur needs.`, 'IMAP4rev1');
    }
    return capabilities;
  } finally {
    await client.logout().catch(() => client.close());
  }
};

function imapError(e: ImapFlowError, server: ServerSettings, secret: Secret): EngineError {
  if (e.authenticationFailed) {
    return stepError('AUTH_FAILED', `${server.host} refused the ${refusedWhat(secret)} for ${server.username}.`, e.serverResponseCode ?? e.responseText ?? 'AUTHENTICATIONFAILED');
  }
  if (e.tlsFailed) return tlsProblem(e, server.host) ?? stepError('TLS_ERROR', `The secure connection to ${server.host} failed: ${e.message}`, e.code ?? 'TLS');
  return networkError(e, server.host, server.port) ?? stepError('PROTOCOL_ERROR', `${server.host}: ${e.message}`, e.code ?? e.responseText);
}

/** POP3: login with node-pop3; UIDL (RFC 1939 §7) is how the sync knows which messages it already has. */
export const checkPop3Login: LoginCheck = async (server, secret, caCertPem, offered) => {
  const pop = await openPop3(server, secret, caCertPem);
  try {
    // CAPA (RFC 2449) is optional: a server that did not list UIDL may still support it, so ask.
    if (!has(offered, 'UIDL') && !(await supportsUidl(pop))) {
      throw stepError('CAPABILITY_MISSING', `${server.host} does not support UIDL, which Facteur needs to know which messages it already downloaded.`, 'UIDL');
    }
    return offered;
  } finally {
    await pop.QUIT().catch(ignore);
  }
};

async function supportsUidl(pop: Pop3Session): Promise<boolean> {
  const [count] = (await pop.STAT()).split(' ');
  try {
    // "UIDL 1" on an empty mailbox fails for want of a message 1, so list the (empty) set instead.
    await (Number(count) > 0 ? pop.UIDL(1) : pop.UIDL());
    return true;
  } catch {
    return false;
  }
}

/** SMTP: login with nodemailer's SMTPConnection; a submission server must offer AUTH (RFC 4954, RFC 6409 §4.3). */
export const checkSmtpLogin: LoginCheck = async (server, secret, caCertPem, offered) => {
  const connection = new SMTPConnection(smtpOptions(server, caCertPem));
  connection.on('error', ignore);
  try {
    await new Promise<void>((resolve, reject) => connection.connect((err) => (err ? reject(smtpError(err, server, secret)) : resolve())));
    if (!connection.allowsAuth) {
      throw stepError('CAPABILITY_MISSING', `${server.host} does not offer authentication (AUTH), so it cannot send mail for you.`, 'AUTH');
    }
    await new Promise<void>((resolve, reject) =>
      connection.login(smtpAuth(server, secret), (err) => (err ? reject(smtpError(err, server, secret)) : resolve())),
    );
    connection.quit();
    return offered;
  } finally {
    connection.close();
  }
};

function smtpError(error: Error, server: ServerSettings, secret: Secret): EngineError {
  const e = error as Error & { code?: string; originalCode?: string; response?: string };
  if (e.code === 'EAUTH') {
    return stepError('AUTH_FAILED', `${server.host} refused the ${refusedWhat(secret)} for ${server.username}.`, e.response ?? e.message);
  }
  // nodemailer files socket errors under its own code and keeps the system's (ECONNREFUSED, CERT_HAS_EXPIRED...) aside.
  const inner = { code: e.originalCode ?? e.code, message: e.message };
  return (
    tlsProblem(inner, server.host) ??
    networkError(inner, server.host, server.port) ??
    stepError(e.code === 'ETLS' ? 'TLS_ERROR' : 'PROTOCOL_ERROR', `${server.host}: ${e.message}`, e.response ?? e.code)
  );
}
