import { ImapFlow } from 'imapflow';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AccountSettings } from '../../src-shared/domain/account-settings.js';
import type { Client } from '../../src-shared/contract/client.js';
import type { Dovecot } from './dovecot.js';

export const PASSWORD = 's3cret-pass';

/** Settings for a Dovecot user, as a person would enter them (STARTTLS on the IMAP port, the server's CA trusted). */
export function imapSettings(dovecot: Dovecot, user: string, smtpPort = 2525): AccountSettings {
  return {
    incoming: { protocol: 'imap', host: '127.0.0.1', port: dovecot.imapPort, security: 'starttls', username: user },
    // The test SMTP receiver presents Dovecot's certificate (see smtpWithDovecotCert), so both legs verify TLS.
    outgoing: { host: '127.0.0.1', port: smtpPort, security: 'starttls', username: user },
    auth: 'password',
    oauthProvider: null,
    caCertPem: dovecot.certPem,
    refreshSeconds: 300,
    serverFilesSent: false,
    pop3: { leaveOnServer: true, deleteAfterDays: null, deleteWhenTrashed: false },
  };
}

export async function addImapAccount(api: Client['api'], dovecot: Dovecot, user: string, smtpPort?: number) {
  return api.accounts.add({ email: `${user}@facteur.test`, settings: imapSettings(dovecot, user, smtpPort), password: PASSWORD });
}

/** Another mail client on the same mailbox: what other devices do, seen from the server's side. */
export async function otherClient(dovecot: Dovecot, user: string): Promise<ImapFlow> {
  const client = new ImapFlow({
    host: '127.0.0.1', port: dovecot.imapsPort, secure: true, logger: false,
    auth: { user, pass: PASSWORD }, tls: { ca: [dovecot.certPem] },
  });
  // Dovecot may reset the socket after BYE; a failing command still rejects where the test awaits it.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** Local folder of an account by its server path. */
export async function accountFolder(api: Client['api'], accountId: number, path: string) {
  const tree = await api.folders.tree();
  const account = tree.accounts.find((a) => a.id === accountId)!;
  const folder = tree.folders.find((f) => f.path === `${account.name}/${path}`);
  if (!folder) throw new Error(`No local folder ${account.name}/${path}; have: ${tree.folders.map((f) => f.path).join(', ')}`);
  return folder;
}

/** TLS material for a test SMTP receiver, so the account's one CA setting covers IMAP and SMTP alike. */
export function dovecotTls(dovecot: Dovecot): { key: Buffer; cert: string } {
  return { key: readFileSync(join(dovecot.dir, 'tls', 'key.pem')), cert: dovecot.certPem };
}
