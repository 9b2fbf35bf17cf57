import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../src-shared/contract/client.js';
import { openTestEngine } from '../helpers/engine.js';
import { simpleMessage } from '../helpers/mail.js';

describe('who sees what', () => {
  it('an agent sees its own and public accounts, not a colleague\'s private one', async () => {
    const { api, engine } = await openTestEngine();
    const ioana = await api.agents.create({ name: 'Ioana', email: null });
    // Accounts are created by the sync engine's commands in a later issue; here we seed rows directly.
    const db = new Database(engine.layout.database);
    const insertAccount = db.prepare("INSERT INTO accounts (name, email) VALUES (?, ?) RETURNING id");
    const shared = (insertAccount.get('Contact', 'contact@facteur.test') as { id: number }).id;
    const mine = (insertAccount.get('Céline', 'celine@facteur.test') as { id: number }).id;
    const hers = (insertAccount.get('Ioana', 'ioana@facteur.test') as { id: number }).id;
    db.prepare('INSERT INTO account_agents (account_id, agent_id) VALUES (?, ?), (?, ?)').run(mine, engine.defaultAgentId, hers, ioana.id);
    const folder = db.prepare("INSERT INTO folders (account_id, kind, name) VALUES (?, 'inbox', 'INBOX') RETURNING id");
    const hersInbox = (folder.get(hers) as { id: number }).id;
    folder.get(shared);
    db.close();

    const tree = await api.folders.tree();
    expect(tree.accounts.map((a) => [a.name, a.private])).toEqual([
      ['Contact', false],
      ['Céline', true],
    ]);
    expect(tree.folders.some((f) => f.accountId === hers)).toBe(false);
    await expect(api.messages.list({ folderId: hersInbox })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(api.messages.ingest({ folder: hersInbox, raw: simpleMessage(1).toString('base64') })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const asIoana = createClient(engine.transport(ioana.id)).api;
    expect((await asIoana.folders.tree()).accounts.map((a) => a.name)).toEqual(['Contact', 'Ioana']);
    expect((await asIoana.messages.list({ folderId: hersInbox })).total).toBe(0);
    await engine.close();
  });
});
