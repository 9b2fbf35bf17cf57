import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountSettings } from '../../src-shared/domain/account-settings.js';
import { startDovecot, type Dovecot } from '../helpers/dovecot.js';
import { openTestEngine } from '../helpers/engine.js';
import { accountFolder, imapSettings, otherClient, PASSWORD } from '../helpers/mail-accounts.js';
import { crlf, simpleMessage } from '../helpers/mail.js';

let dovecot: Dovecot;
beforeAll(async () => {
  dovecot = await startDovecot();
});
afterAll(async () => dovecot?.stop());

function pop3Settings(user: string, pop3: Partial<AccountSettings['pop3']>, security: 'tls' | 'starttls' = 'starttls'): AccountSettings {
  const base = imapSettings(dovecot, user);
  return {
    ...base,
    incoming: { protocol: 'pop3', host: '127.0.0.1', port: security === 'tls' ? dovecot.pop3sPort : dovecot.pop3Port, security, username: user },
    pop3: { leaveOnServer: true, deleteAfterDays: null, deleteWhenTrashed: false, ...pop3 },
  };
}

async function serverCount(user: string): Promise<number> {
  const c = await otherClient(dovecot, user);
  const s = await c.status('INBOX', { messages: true });
  await c.logout();
  return s ? (s.messages ?? -1) : -1;
}

async function deliver(user: string, raws: Buffer[]) {
  const c = await otherClient(dovecot, user);
  for (const r of raws) await c.append('INBOX', r);
  await c.logout();
}

describe('POP3 download against a real Dovecot', () => {
  it('downloads each message once by UIDL, byte for byte, and leaves them on the server', async () => {
    // A line starting with "." is byte-stuffed on the wire (RFC 1939 §3) and must come back as it was.
    const dotted = crlf(['From: a@x.test', 'To: alice@facteur.test', 'Subject: Point', 'Message-ID: <dot@x>', '', 'Ligne normale', '.Ligne qui commence par un point', '..deux', 'fin', '']);
    await deliver('alice', [simpleMessage(1), simpleMessage(2), dotted]);
    const { api, engine } = await openTestEngine();
    const account = await api.accounts.add({ email: 'alice@facteur.test', settings: pop3Settings('alice', {}, 'tls'), password: PASSWORD });
    const [first] = (await api.sync.run({ accountId: account.id })).accounts;
    expect(first!.error).toBeNull();
    expect(first!.folders[0]).toMatchObject({ added: 3 });
    const inbox = await accountFolder(api, account.id, 'Inbox');
    expect(inbox).toMatchObject({ kind: 'inbox', total: 3 });
    const point = (await api.messages.list({ folderId: inbox.id })).items.find((m) => m.subject === 'Point')!;
    expect(Buffer.from((await api.messages.source({ id: point.id })).raw, 'base64').equals(dotted)).toBe(true);

    const [second] = (await api.sync.run({ accountId: account.id })).accounts;
    expect(second!.folders[0]).toMatchObject({ added: 0 });
    await deliver('alice', [simpleMessage(3)]);
    const [third] = (await api.sync.run({ accountId: account.id })).accounts;
    expect(third!.folders[0]).toMatchObject({ added: 1 });
    expect(await serverCount('alice')).toBe(4);
    await engine.close();
  });

  it('deletes from the server only after the local copy is committed: at once, after N days, or when trashed here', async () => {
    const { api, engine } = await openTestEngine();

    await deliver('bob', [simpleMessage(1), simpleMessage(2)]);
    const noCopy = await api.accounts.add({ email: 'bob@facteur.test', settings: pop3Settings('bob', { leaveOnServer: false }), password: PASSWORD });
    await api.sync.run({ accountId: noCopy.id });
    expect((await accountFolder(api, noCopy.id, 'Inbox')).total).toBe(2);
    expect(await serverCount('bob')).toBe(0);

    await deliver('carol', [simpleMessage(1), simpleMessage(2)]);
    const aged = await api.accounts.add({ email: 'carol@facteur.test', settings: pop3Settings('carol', { deleteAfterDays: 7 }), password: PASSWORD });
    await api.sync.run({ accountId: aged.id });
    expect(await serverCount('carol')).toBe(2);
    const db = new Database(engine.layout.database);
    db.prepare('UPDATE pop3_seen SET first_seen_at = ? WHERE account_id = ? AND rowid = (SELECT min(rowid) FROM pop3_seen WHERE account_id = ?)').run(Date.now() - 8 * 86400_000, aged.id, aged.id);
    db.close();
    await api.sync.run({ accountId: aged.id });
    expect(await serverCount('carol')).toBe(1);
    expect((await accountFolder(api, aged.id, 'Inbox')).total).toBe(2);

    await deliver('dave', [simpleMessage(1), simpleMessage(2)]);
    const trashing = await api.accounts.add({ email: 'dave@facteur.test', settings: pop3Settings('dave', { deleteWhenTrashed: true }), password: PASSWORD });
    await api.sync.run({ accountId: trashing.id });
    const inbox = await accountFolder(api, trashing.id, 'Inbox');
    const [one] = (await api.messages.list({ folderId: inbox.id })).items;
    expect(await api.messages.delete({ ids: [one!.id] })).toEqual({ trashed: 1, removed: 0 });
    await api.sync.run({ accountId: trashing.id });
    expect(await serverCount('dave')).toBe(1);
    expect((await accountFolder(api, trashing.id, 'Trash')).total).toBe(1);
    await engine.close();
  });
});
