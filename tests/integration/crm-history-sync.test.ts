import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEngine } from '../helpers/engine.js';
import { startDovecot, type Dovecot } from '../helpers/dovecot.js';
import { accountFolder, addImapAccount, otherClient } from '../helpers/mail-accounts.js';

let dovecot: Dovecot;
beforeAll(async () => {
  dovecot = await startDovecot([{ name: 'office', password: 's3cret-pass' }]);
});
afterAll(async () => dovecot?.stop());

// UTF-8 on the wire (the crlf helper writes Latin-1).
const order = Buffer.from([
  'From: Ioana Vasile <ioana@construct.ro>',
  'To: office@facteur.test',
  'Subject: Comanda 118',
  'Date: Tue, 10 Nov 2026 10:00:00 +0200',
  'Message-ID: <comanda-118@construct.ro>',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Vă rog să confirmați comanda.',
  '',
].join('\r\n'), 'utf8');

describe('a filed email in a mailbox another mail client changes', () => {
  it('keeps its hand-made links when another client moves it, and stays in the history when another client deletes it', async () => {
    const other = await otherClient(dovecot, 'office');
    await other.mailboxCreate('Archive').catch(() => undefined);
    await other.append('INBOX', order);
    await other.logout();

    const { api, engine } = await openTestEngine();
    const account = await addImapAccount(api, dovecot, 'office');
    await api.sync.run({ accountId: account.id });
    const contact = await api.contacts.create({ firstName: 'Ioana', lastName: 'Vasile', email: 'ioana@construct.ro' });
    const inbox = await accountFolder(api, account.id, 'INBOX');
    const [email] = (await api.messages.list({ folderId: inbox.id })).items;
    const ticket = await api.tickets.create({ subject: 'Comanda 118', requesterId: contact.id, messageId: email!.id });

    // Another client files it in Archive: here it leaves INBOX and arrives in Archive as a new row, with its ticket.
    const mover = await otherClient(dovecot, 'office');
    await mover.mailboxOpen('INBOX');
    await mover.messageMove('1:*', 'Archive');
    await mover.logout();
    await api.sync.run({ accountId: account.id });
    const archive = await accountFolder(api, account.id, 'Archive');
    const [moved] = (await api.messages.list({ folderId: archive.id })).items;
    expect(moved!.id).not.toBe(email!.id);
    expect(moved!.links.map((l) => `${l.type}:${l.id}:${l.reason}`).sort()).toEqual([`contact:${contact.id}:address`, `ticket:${ticket.id}:manual`]);
    expect((await api.tickets.get({ id: ticket.id })).messages).toBe(1);
    expect((await api.records.timeline({ type: 'ticket', id: ticket.id })).items.map((i) => i.kind)).toEqual(['message']);

    // Another client deletes it for good: the ticket's history still shows it, marked as deleted from the mailbox.
    const deleter = await otherClient(dovecot, 'office');
    await deleter.mailboxOpen('Archive');
    await deleter.messageDelete('1:*');
    await deleter.logout();
    await api.sync.run({ accountId: account.id });
    expect((await api.messages.list({ folderId: archive.id })).total).toBe(0);
    const [kept] = (await api.records.timeline({ type: 'ticket', id: ticket.id })).items;
    expect(kept).toMatchObject({ kind: 'removed-message', message: { id: moved!.id, subject: 'Comanda 118', text: expect.stringContaining('confirmați comanda') } });
    await engine.close();
  });
});
