import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type Dovecot } from '../helpers/dovecot.js';
import { openTestEngine } from '../helpers/engine.js';
import { accountFolder, addImapAccount, otherClient } from '../helpers/mail-accounts.js';
import { simpleMessage } from '../helpers/mail.js';

let dovecot: Dovecot;
beforeAll(async () => {
  dovecot = await startDovecot();
});
afterAll(async () => dovecot?.stop());

async function serverPaths(user: string): Promise<string[]> {
  const c = await otherClient(dovecot, user);
  const list = (await c.list()).map((m) => m.path).sort();
  await c.logout();
  return list;
}

describe('IMAP folders both ways', () => {
  it('creates, renames, moves and deletes folders here and on the server', async () => {
    const { api, engine } = await openTestEngine();
    const account = await addImapAccount(api, dovecot, 'alice');
    await api.sync.run({ accountId: account.id });
    const inbox = await accountFolder(api, account.id, 'INBOX');

    const clients = await api.folders.create({ parentId: null, accountId: account.id, name: 'Clients' });
    const acme = await api.folders.create({ parentId: clients.id, name: 'ACME' });
    const notes = await api.folders.create({ parentId: null, accountId: account.id, name: 'Notes été' });
    expect(acme.path).toBe('alice@facteur.test/Clients/ACME');
    await api.sync.run({ accountId: account.id });
    expect(await serverPaths('alice')).toEqual(expect.arrayContaining(['Clients', 'Clients/ACME', 'Notes été']));

    await api.folders.rename({ id: clients.id, name: 'Customers' });
    await api.folders.move({ id: notes.id, parentId: clients.id });
    await api.sync.run({ accountId: account.id });
    const paths = await serverPaths('alice');
    expect(paths).toEqual(expect.arrayContaining(['Customers', 'Customers/ACME', 'Customers/Notes été']));
    expect(paths).not.toContain('Clients');
    // The same rows, not copies: ids survive renames and moves.
    expect((await accountFolder(api, account.id, 'Customers/ACME')).id).toBe(acme.id);
    expect((await accountFolder(api, account.id, 'Customers/Notes été')).id).toBe(notes.id);

    // Mail is never deleted as a side effect of deleting its folder.
    const other = await otherClient(dovecot, 'alice');
    await other.append('Customers/ACME', simpleMessage(1));
    await other.logout();
    await api.sync.run({ accountId: account.id });
    await expect(api.folders.delete({ id: clients.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(api.folders.rename({ id: inbox.id, name: 'Boîte' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const [msg] = (await api.messages.list({ folderId: acme.id })).items;
    await api.messages.delete({ ids: [msg!.id], permanent: true });
    expect(await api.folders.delete({ id: clients.id })).toEqual({ deleted: 3 });
    await api.sync.run({ accountId: account.id });
    expect((await serverPaths('alice')).filter((p) => p.startsWith('Customers'))).toEqual([]);
    await engine.close();
  });

  it('follows folders created, renamed and deleted by another client', async () => {
    const other = await otherClient(dovecot, 'bob');
    await other.mailboxCreate('Projets');
    await other.append('Projets', simpleMessage(1));
    await other.mailboxCreate('Ancien');
    await other.logout();
    const { api, engine } = await openTestEngine();
    const account = await addImapAccount(api, dovecot, 'bob');
    await api.sync.run({ accountId: account.id });
    expect((await accountFolder(api, account.id, 'Projets')).total).toBe(1);

    const again = await otherClient(dovecot, 'bob');
    await again.mailboxRename('Projets', 'Projets 2026');
    await again.mailboxDelete('Ancien');
    await again.logout();
    await api.sync.run({ accountId: account.id });
    expect((await accountFolder(api, account.id, 'Projets 2026')).total).toBe(1);
    const paths = (await api.folders.tree()).folders.map((f) => f.path);
    expect(paths).not.toContain('bob@facteur.test/Ancien');
    expect(paths).not.toContain('bob@facteur.test/Projets');
    await engine.close();
  });
});
