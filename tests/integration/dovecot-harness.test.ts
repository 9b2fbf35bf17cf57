import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type Dovecot } from '../helpers/dovecot.js';

let dovecot: Dovecot;
beforeAll(async () => {
  dovecot = await startDovecot();
});
afterAll(async () => dovecot?.stop());

describe('the private Dovecot the sync tests use', () => {
  it('speaks IMAP over STARTTLS with its own certificate and lists special-use folders', async () => {
    const client = new ImapFlow({
      host: '127.0.0.1', port: dovecot.imapPort, secure: false, logger: false,
      auth: { user: 'alice', pass: 's3cret-pass' }, tls: { ca: [dovecot.certPem], servername: 'localhost' },
    });
    await client.connect();
    expect(client.secureConnection).toBe(true);
    const list = await client.list();
    expect(list.map((m) => [m.path, m.specialUse ?? null])).toEqual(
      expect.arrayContaining([['INBOX', '\\Inbox'], ['Sent', '\\Sent'], ['Trash', '\\Trash'], ['Drafts', '\\Drafts'], ['Junk', '\\Junk']]),
    );
    await client.logout();
  });
});
