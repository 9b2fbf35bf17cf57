import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../src-shared/contract/client.js';
import { openTestEngine } from '../helpers/engine.js';
import { base64Lines, crlf } from '../helpers/mail.js';

interface Spec {
  n: number;
  from: string;
  to?: string;
  subject: string;
  bodyBytes?: number;
  attachment?: { name: string; type: string };
  inReplyTo?: number;
}

function message(s: Spec): Buffer {
  const head = [
    `From: ${s.from}`,
    `To: ${s.to ?? 'Céline <celine@facteur.test>'}`,
    `Subject: ${s.subject}`,
    `Date: ${new Date(Date.UTC(2026, 5, s.n)).toUTCString()}`,
    `Message-ID: <list${s.n}@x.test>`,
    ...(s.inReplyTo ? [`In-Reply-To: <list${s.inReplyTo}@x.test>`] : []),
    'MIME-Version: 1.0',
  ];
  const body = 'x'.repeat(s.bodyBytes ?? 10);
  if (!s.attachment) return crlf([...head, 'Content-Type: text/plain', '', body, '']);
  return crlf([...head, 'Content-Type: multipart/mixed; boundary="b"', '', '--b', 'Content-Type: text/plain', '', body, '--b',
    `Content-Type: ${s.attachment.type}`, 'Content-Transfer-Encoding: base64', `Content-Disposition: attachment; filename="${s.attachment.name}"`, '',
    ...base64Lines(Buffer.from('data')), '--b--', '']);
}

async function seeded() {
  const t = await openTestEngine();
  const tree = await t.api.folders.tree();
  const local = (kind: string) => tree.folders.find((f) => f.accountId === null && f.kind === kind)!.id;
  const add = async (s: Spec, folder = local('inbox')) => (await t.api.messages.ingest({ raw: message(s).toString('base64'), folder })).id;
  const ids = {
    zoe: await add({ n: 1, from: 'Zoé Martin <zoe@client.test>', subject: 'banana', bodyBytes: 5000, attachment: { name: 'devis.pdf', type: 'application/pdf' } }),
    ana: await add({ n: 2, from: 'Ana Ionescu <ana@client.test>', subject: 'Cherry' }),
    bob: await add({ n: 3, from: 'bob@client.test', subject: 'apple', bodyBytes: 2000 }),
    reply: await add({ n: 4, from: 'Zoé Martin <zoe@client.test>', subject: 'Re: banana', inReplyTo: 1 }),
    sent: await add({ n: 5, from: 'Céline <celine@facteur.test>', to: 'Ana Ionescu <ana@client.test>', subject: 'Offer' }, local('sent')),
    trashed: await add({ n: 6, from: 'spam@junk.test', subject: 'old' }, local('trash')),
  };
  return { ...t, ids, local };
}

const order = (items: Array<{ id: number }>) => items.map((m) => m.id);

describe('the message list', () => {
  it('sorts a folder by any column, ties newest first, and pages through the sorted rows', async () => {
    const { api, engine, ids: m, local } = await seeded();
    const inbox = local('inbox');
    const list = async (by: 'date' | 'subject' | 'correspondent' | 'size' | 'attachment', dir: 'asc' | 'desc' = 'asc') =>
      order((await api.messages.list({ folderId: inbox, sort: { by, dir } })).items);
    expect(await list('date', 'desc')).toEqual([m.reply, m.bob, m.ana, m.zoe]);
    expect(await list('subject')).toEqual([m.bob, m.zoe, m.ana, m.reply]);
    expect(await list('subject', 'desc')).toEqual([m.reply, m.ana, m.zoe, m.bob]);
    // The name shown, else the address; the two from Zoé newest first.
    expect(await list('correspondent')).toEqual([m.ana, m.bob, m.reply, m.zoe]);
    expect((await list('size', 'desc'))[0]).toBe(m.zoe);
    expect((await list('attachment', 'desc'))[0]).toBe(m.zoe);
    const page = await api.messages.list({ folderId: inbox, sort: { by: 'subject', dir: 'asc' }, limit: 2, offset: 2 });
    expect(page.total).toBe(4);
    expect(order(page.items)).toEqual([m.ana, m.reply]);
    expect((await api.messages.ids({ folderId: inbox, sort: { by: 'subject', dir: 'asc' } })).ids).toEqual([m.bob, m.zoe, m.ana, m.reply]);
    await engine.close();
  });

  it('sorts again after any change: a new message, or a write by another process', async () => {
    const { api, engine, ids: m, local } = await seeded();
    const inbox = local('inbox');
    const bySubject = async () => order((await api.messages.list({ folderId: inbox, sort: { by: 'subject', dir: 'asc' } })).items);
    expect(await bySubject()).toEqual([m.bob, m.zoe, m.ana, m.reply]);
    const added = (await api.messages.ingest({ raw: message({ n: 7, from: 'a@client.test', subject: 'Aardvark' }).toString('base64') })).id;
    expect(await bySubject()).toEqual([added, m.bob, m.zoe, m.ana, m.reply]);
    // Another connection (the CLI, say) renames a subject: the next page sees it.
    const other = new Database(engine.layout.database);
    other.prepare("UPDATE messages SET subject = 'zzz' WHERE id = ?").run(added);
    other.close();
    expect(await bySubject()).toEqual([m.bob, m.zoe, m.ana, m.reply, added]);
    await engine.close();
  });

  it('says which rows answer another, how big their conversation is and what their first attachment is', async () => {
    const { api, engine, ids: m, local } = await seeded();
    const items = (await api.messages.list({ folderId: local('inbox') })).items;
    const byId = new Map(items.map((i) => [i.id, i]));
    expect(byId.get(m.reply)).toMatchObject({ isReply: true, related: 1 });
    expect(byId.get(m.zoe)).toMatchObject({ isReply: false, related: 1, firstAttachment: { contentType: 'application/pdf', filename: 'devis.pdf' } });
    expect(byId.get(m.ana)).toMatchObject({ isReply: false, related: 0, firstAttachment: null });
    await engine.close();
  });

  it('gathers every visible inbox, and the newest sent and received mail outside Trash and Junk', async () => {
    const { api, engine, ids: m } = await seeded();
    expect(order((await api.messages.list({ view: 'inboxes' })).items)).toEqual([m.reply, m.bob, m.ana, m.zoe]);
    expect(order((await api.messages.list({ view: 'last-sent' })).items)).toEqual([m.sent]);
    const received = await api.messages.list({ view: 'last-received', sort: { by: 'subject', dir: 'asc' } });
    expect(order(received.items)).toEqual([m.bob, m.zoe, m.ana, m.reply]);
    expect(received.items.some((i) => i.id === m.trashed)).toBe(false);
    await expect(api.messages.list({})).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await engine.close();
  });

  it('keeps a colleague\'s private inbox out of the Inboxes view', async () => {
    const { api, engine, ids: m } = await seeded();
    const ioana = await api.agents.create({ name: 'Ioana', email: null });
    const db = new Database(engine.layout.database);
    const hers = (db.prepare("INSERT INTO accounts (name, email) VALUES ('Ioana', 'ioana@facteur.test') RETURNING id").get() as { id: number }).id;
    db.prepare('INSERT INTO account_agents (account_id, agent_id) VALUES (?, ?)').run(hers, ioana.id);
    const hersInbox = (db.prepare("INSERT INTO folders (account_id, kind, name) VALUES (?, 'inbox', 'INBOX') RETURNING id").get(hers) as { id: number }).id;
    db.close();
    const asIoana = createClient(engine.transport(ioana.id)).api;
    const hersOnly = (await asIoana.messages.ingest({ folder: hersInbox, raw: message({ n: 9, from: 'x@client.test', subject: 'for Ioana' }).toString('base64') })).id;
    expect(order((await api.messages.list({ view: 'inboxes' })).items)).not.toContain(hersOnly);
    expect(order((await asIoana.messages.list({ view: 'inboxes' })).items)).toEqual([hersOnly, m.reply, m.bob, m.ana, m.zoe]);
    await engine.close();
  });

  it('moves junk to Junk and "not junk" back to the Inbox, with the flag set and cleared', async () => {
    const { api, engine, ids: m, local } = await seeded();
    expect(await api.messages.setJunk({ ids: [m.ana, m.bob], junk: true })).toEqual({ updated: 2, moved: 2 });
    const junk = await api.messages.list({ folderId: local('junk') });
    expect(order(junk.items).sort()).toEqual([m.ana, m.bob].sort());
    expect(junk.items.every((i) => i.flags.junk)).toBe(true);
    expect(await api.messages.setJunk({ ids: [m.bob], junk: false })).toEqual({ updated: 1, moved: 1 });
    const back = await api.messages.get({ id: m.bob });
    expect([back.folderId, back.flags.junk]).toEqual([local('inbox'), false]);
    await engine.close();
  });
});
