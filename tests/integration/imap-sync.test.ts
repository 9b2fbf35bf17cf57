import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEngine } from '../helpers/engine.js';
import { startDovecot, type Dovecot } from '../helpers/dovecot.js';
import { accountFolder, addImapAccount, otherClient } from '../helpers/mail-accounts.js';
import { frenchInvoiceMessage, simpleMessage } from '../helpers/mail.js';

let dovecot: Dovecot;
beforeAll(async () => {
  dovecot = await startDovecot();
});
afterAll(async () => dovecot?.stop());

async function seed(user: string, box: string, count: number, from = 0, flags: (n: number) => string[] = () => []) {
  const client = await otherClient(dovecot, user);
  try {
    await client.mailboxCreate(box).catch(() => undefined);
    for (let n = from; n < from + count; n++) await client.append(box, simpleMessage(n), flags(n));
  } finally {
    await client.logout();
  }
}

describe('IMAP sync against a real Dovecot', () => {
  it('downloads every folder with kinds from SPECIAL-USE, flags and content, and a second pass changes nothing', async () => {
    await seed('alice', 'INBOX', 30, 0, (n) => (n % 3 === 0 ? ['\\Seen'] : n === 1 ? ['\\Flagged'] : []));
    await seed('alice', 'Sent', 2, 100, () => ['\\Seen']);
    await seed('alice', 'Clients/ACME', 3, 200);
    const other = await otherClient(dovecot, 'alice');
    await other.append('INBOX', frenchInvoiceMessage());
    await other.logout();

    const { api, engine } = await openTestEngine();
    const account = await addImapAccount(api, dovecot, 'alice');
    const [first] = (await api.sync.run({ accountId: account.id })).accounts;
    expect(first!.error).toBeNull();

    const inbox = await accountFolder(api, account.id, 'INBOX');
    expect(inbox).toMatchObject({ kind: 'inbox', total: 31, unread: 21 });
    expect(await accountFolder(api, account.id, 'Sent')).toMatchObject({ kind: 'sent', total: 2 });
    expect(await accountFolder(api, account.id, 'Trash')).toMatchObject({ kind: 'trash' });
    expect(await accountFolder(api, account.id, 'Clients/ACME')).toMatchObject({ kind: 'user', total: 3 });
    expect(await accountFolder(api, account.id, 'Outbox')).toMatchObject({ kind: 'outbox' });

    const list = await api.messages.list({ folderId: inbox.id, limit: 100 });
    const flagged = list.items.find((m) => m.subject === 'Message number 1')!;
    expect(flagged.flags).toMatchObject({ flagged: true, seen: false });
    const invoice = list.items.find((m) => m.subject.startsWith('Facture'))!;
    const detail = await api.messages.get({ id: invoice.id });
    expect(detail.attachments.map((a) => a.filename)).toContain('Facture n° 42 — échéance décembre.pdf');

    const [second] = (await api.sync.run({ accountId: account.id })).accounts;
    expect(second!.folders.reduce((n, f) => n + f.added + f.updated + f.removed, 0)).toBe(0);
    await engine.close();
  });

  it('sees what another client did: new mail, flags and deletions', async () => {
    await seed('bob', 'INBOX', 10);
    const { api, engine } = await openTestEngine();
    const account = await addImapAccount(api, dovecot, 'bob');
    await api.sync.run({ accountId: account.id });

    const other = await otherClient(dovecot, 'bob');
    await other.mailboxOpen('INBOX');
    await other.messageFlagsAdd('1:2', ['\\Seen', '\\Flagged'], { uid: true });
    await other.messageFlagsAdd('4', ['$MDNSent'], { uid: true });
    await other.messageDelete('3', { uid: true });
    await other.append('INBOX', simpleMessage(500));
    await other.logout();

    const [summary] = (await api.sync.run({ accountId: account.id })).accounts;
    const inboxSummary = summary!.folders.find((f) => f.path.endsWith('/INBOX'))!;
    expect(inboxSummary).toMatchObject({ added: 1, updated: 3, removed: 1, error: null });
    const inbox = await accountFolder(api, account.id, 'INBOX');
    const list = await api.messages.list({ folderId: inbox.id, limit: 100 });
    expect(list.total).toBe(10);
    expect(list.items.filter((m) => m.flags.seen && m.flags.flagged)).toHaveLength(2);
    expect(list.items.some((m) => m.subject === 'Message number 500')).toBe(true);
    expect(list.items.some((m) => m.subject === 'Message number 2')).toBe(false);
    // A receipt already answered elsewhere ($MDNSent, RFC 3503) is not asked about again here.
    expect(list.items.find((m) => m.subject === 'Message number 3')!.flags.mdnSent).toBe(true);
    const five = list.items.find((m) => m.subject === 'Message number 5')!;
    await api.messages.setFlags({ ids: [five.id], flags: { mdnSent: true } });
    await api.sync.run({ accountId: account.id });
    const check = await otherClient(dovecot, 'bob');
    await check.mailboxOpen('INBOX');
    expect(await check.search({ keyword: '$MDNSent' }, { uid: true })).toEqual([4, 6]);
    await check.logout();
    await engine.close();
  });

  it('applies local changes at once and replays them on the server: flags, move, delete to Trash', async () => {
    await seed('carol', 'INBOX', 6);
    await seed('carol', 'Archive2026', 0);
    const { api, engine } = await openTestEngine();
    const account = await addImapAccount(api, dovecot, 'carol');
    await api.sync.run({ accountId: account.id });
    const inbox = await accountFolder(api, account.id, 'INBOX');
    const archive = await accountFolder(api, account.id, 'Archive2026');
    const items = (await api.messages.list({ folderId: inbox.id })).items;
    const bySubject = (s: string) => items.find((m) => m.subject === s)!.id;

    await api.messages.setFlags({ ids: [bySubject('Message number 0')], flags: { seen: true, flagged: true } });
    await api.messages.move({ ids: [bySubject('Message number 1'), bySubject('Message number 2')], folderId: archive.id });
    expect(await api.messages.move({ ids: [bySubject('Message number 4')], folderId: archive.id, copy: true })).toEqual({ moved: 1 });
    const deleted = await api.messages.delete({ ids: [bySubject('Message number 3')] });
    expect(deleted).toEqual({ trashed: 1, removed: 0 });
    // Local first: the store shows it before any server round trip.
    expect((await accountFolder(api, account.id, 'Archive2026')).total).toBe(3);
    expect((await accountFolder(api, account.id, 'INBOX')).total).toBe(3);

    const [summary] = (await api.sync.run({ accountId: account.id })).accounts;
    expect(summary!.error).toBeNull();
    expect(summary!.tasksApplied).toBe(4);
    // Nothing came back as "new": the moved rows were mapped to their new UIDs, not downloaded again.
    expect(summary!.folders.reduce((n, f) => n + f.added, 0)).toBe(0);
    expect((await accountFolder(api, account.id, 'Archive2026')).total).toBe(3);
    expect((await accountFolder(api, account.id, 'Trash')).total).toBe(1);

    const other = await otherClient(dovecot, 'carol');
    const status = async (box: string) => {
      const s = await other.status(box, { messages: true });
      return s ? s.messages : undefined;
    };
    expect(await status('INBOX')).toBe(3);
    expect(await status('Archive2026')).toBe(3);
    expect(await status('Trash')).toBe(1);
    await other.mailboxOpen('INBOX');
    const flagged = await other.search({ flagged: true, seen: true }, { uid: true });
    expect(flagged).toHaveLength(1);
    await other.logout();

    // Permanently deleting from Trash removes it from the server too.
    const trash = await accountFolder(api, account.id, 'Trash');
    const [inTrash] = (await api.messages.list({ folderId: trash.id })).items;
    expect(await api.messages.delete({ ids: [inTrash!.id] })).toEqual({ trashed: 0, removed: 1 });
    await api.sync.run({ accountId: account.id });
    const again = await otherClient(dovecot, 'carol');
    expect(await again.status('Trash', { messages: true })).toMatchObject({ messages: 0 });
    await again.logout();
    await engine.close();
  });

  it('uploads what is stored in a server folder: a draft saved to Drafts reaches the server once', async () => {
    const { api, engine } = await openTestEngine();
    const account = await addImapAccount(api, dovecot, 'frank');
    await api.sync.run({ accountId: account.id });
    const drafts = await accountFolder(api, account.id, 'Drafts');
    const { id } = await api.messages.ingest({ folder: drafts.id, raw: simpleMessage(77).toString('base64') });
    expect((await api.messages.get({ id })).flags).toMatchObject({ draft: true, seen: true });
    const [summary] = (await api.sync.run({ accountId: account.id })).accounts;
    expect(summary!.tasksApplied).toBe(1);
    expect((await accountFolder(api, account.id, 'Drafts')).total).toBe(1);
    const other = await otherClient(dovecot, 'frank');
    await other.mailboxOpen('Drafts');
    expect(await other.search({ draft: true }, { uid: true })).toHaveLength(1);
    await other.logout();
    await engine.close();
  });

  it('survives a UIDVALIDITY reset without losing or duplicating rows', async () => {
    await seed('dave', 'Projets', 3);
    const { api, engine } = await openTestEngine();
    const account = await addImapAccount(api, dovecot, 'dave');
    await api.sync.run({ accountId: account.id });
    const folder = await accountFolder(api, account.id, 'Projets');
    const before = (await api.messages.list({ folderId: folder.id })).items.map((m) => [m.subject, m.id]).sort();

    // The server recreates the mailbox: new UIDVALIDITY, same three messages plus one.
    const other = await otherClient(dovecot, 'dave');
    await other.mailboxDelete('Projets');
    await other.mailboxCreate('Projets');
    for (const n of [0, 1, 2, 3]) await other.append('Projets', simpleMessage(n));
    await other.logout();

    await api.sync.run({ accountId: account.id });
    const after = await accountFolder(api, account.id, 'Projets');
    expect(after.id).toBe(folder.id);
    const items = (await api.messages.list({ folderId: after.id })).items.map((m) => [m.subject, m.id]).sort();
    expect(items).toHaveLength(4);
    // The three known messages kept their ids (and so everything linked to them).
    for (const [subject, id] of before) expect(items).toContainEqual([subject, id]);
    await engine.close();
  });

  it('names the failing step when the password is wrong, and never echoes it', async () => {
    const { api, engine } = await openTestEngine();
    const account = await api.accounts.add({
      email: 'erin@facteur.test',
      settings: (await import('../helpers/mail-accounts.js')).imapSettings(dovecot, 'erin'),
      password: 'not-the-password',
    });
    const result = await api.accounts.test({ id: account.id });
    expect(result.incoming).toMatchObject({ ok: false, code: 'AUTH_FAILED' });
    expect(JSON.stringify(result)).not.toContain('not-the-password');
    const [summary] = (await api.sync.run({ accountId: account.id })).accounts;
    expect(summary!.error).toMatchObject({ code: 'AUTH_FAILED' });
    expect((await api.accounts.list()).items[0]!.hasSecret).toBe(true);
    expect(JSON.stringify(await api.accounts.list())).not.toContain('not-the-password');

    // Fixing the password in place keeps the account (and later its mail and links): no remove and re-add.
    const fixed = await api.accounts.update({ id: account.id, name: 'Erin', password: 's3cret-pass' });
    expect(fixed).toMatchObject({ id: account.id, name: 'Erin' });
    expect((await api.accounts.test({ id: account.id })).incoming).toMatchObject({ ok: true });
    const [after] = (await api.sync.run({ accountId: account.id })).accounts;
    expect(after!.error).toBeNull();
    await expect(api.accounts.update({ id: account.id, settings: { ...fixed.settings, incoming: { ...fixed.settings.incoming, protocol: 'pop3' } } })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await engine.close();
  });
});
