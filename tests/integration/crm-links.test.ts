import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../src-shared/contract/client.js';
import { openLocalMailEngine } from '../helpers/local-mail.js';
import { mailSequence } from '../helpers/utf8-mail.js';

const mail = mailSequence('crm', Date.UTC(2026, 3, 1));

const subjects = (h: { items: Array<{ subject: string }> }) => h.items.map((m) => m.subject);
const links = (m: { links: Array<{ type: string; id: number; reason: string }> }) => m.links.map((l) => `${l.type}:${l.id}:${l.reason}`).sort();

describe('records and the mail filed under them', () => {
  it('files mail by address, both ways, into the contact and its company, including mail that came before the contact', async () => {
    const { api, engine, receive, send } = await openLocalMailEngine();
    const before = await receive(mail('Ana Ionescu <ANA@exemplu.ro>', 'me@facteur.test', 'Avant la fiche'));
    const contact = await api.contacts.create({ firstName: 'Ana', lastName: 'Ionescu', email: 'ana@exemplu.ro', email2: 'ana.i@perso.ro', companyName: 'Exemplu SRL' });
    expect(contact).toMatchObject({ companyName: 'Exemplu SRL', email: 'ana@exemplu.ro' });
    const received = await receive(mail('ana.i@perso.ro', 'me@facteur.test', 'Depuis son adresse perso'));
    const sent = await send(mail('me@facteur.test', 'Ana <ana@exemplu.ro>', 'Notre réponse'));
    // Sent mail files by its recipients only: the office's own address is no contact's history.
    const unrelated = await send(mail('ana@exemplu.ro', 'someone@else.test', 'Envoyé par erreur depuis son adresse'));

    expect(links(await api.messages.get({ id: before }))).toEqual([`company:${contact.companyId}:address`, `contact:${contact.id}:address`]);
    expect(links(await api.messages.get({ id: received }))).toEqual([`company:${contact.companyId}:address`, `contact:${contact.id}:address`]);
    expect(links(await api.messages.get({ id: sent }))).toEqual([`company:${contact.companyId}:address`, `contact:${contact.id}:address`]);
    expect((await api.messages.get({ id: unrelated })).links).toEqual([]);
    expect(subjects(await api.contacts.history({ id: contact.id }))).toEqual(['Notre réponse', 'Depuis son adresse perso', 'Avant la fiche']);
    expect((await api.companies.history({ id: contact.companyId! })).total).toBe(3);
    // The list shows the records too, by name.
    const listed = (await api.messages.list({ view: 'inboxes' })).items.find((m) => m.id === received)!;
    expect(listed.links.map((l) => l.name).sort()).toEqual(['Ana Ionescu', 'Exemplu SRL']);
    await engine.close();
  });

  it('lets a reply join its thread\'s records, and keeps manual links, with their reason, until removed', async () => {
    const { api, engine, receive } = await openLocalMailEngine();
    const contact = await api.contacts.create({ firstName: 'Marc', email: 'marc@client.fr' });
    const first = await receive(mail('marc@client.fr', 'me@facteur.test', 'Devis', { messageId: 'devis@client.fr' }));
    const reply = await receive(mail('assistante@client.fr', 'me@facteur.test', 'Re: Devis', { inReplyTo: 'devis@client.fr' }));
    expect(links(await api.messages.get({ id: reply }))).toEqual([`contact:${contact.id}:thread`]);
    // Further down the thread, References name the original: the contact follows, without piling up what replies
    // only inherited (a reply from another contact adds that one alone).
    const other = await api.contacts.create({ firstName: 'Zoé', email: 'zoe@client.fr' });
    const third = await receive(mail('zoe@client.fr', 'me@facteur.test', 'Re: Re: Devis', { inReplyTo: 'devis@client.fr' }));
    expect(links(await api.messages.get({ id: third }))).toEqual([`contact:${contact.id}:thread`, `contact:${other.id}:address`].sort());

    const unlinked = await receive(mail('inconnu@ailleurs.test', 'me@facteur.test', 'Sans lien'));
    const company = await api.companies.create({ name: 'Client SA' });
    expect((await api.links.add({ messageId: unlinked, type: 'company', id: company.id })).items).toEqual([{ type: 'company', id: company.id, name: 'Client SA', reason: 'manual' }]);
    expect(subjects(await api.companies.history({ id: company.id }))).toEqual(['Sans lien']);
    expect((await api.links.remove({ messageId: unlinked, type: 'company', id: company.id })).items).toEqual([]);
    await expect(api.links.remove({ messageId: unlinked, type: 'company', id: company.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(api.links.add({ messageId: unlinked, type: 'contact', id: 9999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Linking by hand what an address already filed records the choice.
    expect((await api.links.add({ messageId: first, type: 'contact', id: contact.id })).items[0]).toMatchObject({ reason: 'manual' });
    await engine.close();
  });

  it('refuses a second contact with the same address, deletes softly, and asks once about an address two contacts share', async () => {
    const { api, engine, receive } = await openLocalMailEngine();
    const a = await api.contacts.create({ firstName: 'Alice', email: 'contact@agence.fr' });
    await expect(api.contacts.create({ firstName: 'Autre', email: 'Contact@Agence.fr' })).rejects.toMatchObject({
      code: 'CONFLICT', message: expect.stringContaining(`already the address of Alice (contact ${a.id})`),
    });
    await api.contacts.delete({ id: a.id });
    expect((await api.contacts.list({})).items).toEqual([]);
    expect((await api.contacts.list({ includeDeleted: true })).items.map((c) => c.deleted)).toEqual([true]);
    const ignored = await receive(mail('contact@agence.fr', 'me@facteur.test', 'Pendant la suppression'));
    expect((await api.messages.get({ id: ignored })).links).toEqual([]);

    // With Alice deleted the address is free; restoring her makes two contacts share it.
    const b = await api.contacts.create({ firstName: 'Bruno', email: 'contact@agence.fr' });
    await api.contacts.restore({ id: a.id });
    const shared = await receive(mail('contact@agence.fr', 'me@facteur.test', 'Qui écrit ?'));
    expect((await api.messages.get({ id: shared })).links).toEqual([]);
    expect((await api.links.ambiguous()).items).toEqual([{ address: 'contact@agence.fr', contacts: [{ id: a.id, name: 'Alice' }, { id: b.id, name: 'Bruno' }] }]);
    // Bruno's creation filed the mail sent while Alice was deleted; settling files the one that waited.
    expect((await api.links.settle({ address: 'contact@agence.fr', contactId: b.id })).linked).toBe(1);
    expect(links(await api.messages.get({ id: ignored }))).toEqual([`contact:${b.id}:address`]);
    expect((await api.links.ambiguous()).items).toEqual([]);
    expect(links(await api.messages.get({ id: shared }))).toEqual([`contact:${b.id}:address`]);
    const later = await receive(mail('contact@agence.fr', 'me@facteur.test', 'Après le choix'));
    expect(links(await api.messages.get({ id: later }))).toEqual([`contact:${b.id}:address`]);
    await expect(api.links.settle({ address: 'autre@agence.fr', contactId: b.id })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await engine.close();
  });

  it('shows each agent only the history it may see, and of a private message only that it exists', async () => {
    const { api, engine, receive } = await openLocalMailEngine();
    const contact = await api.contacts.create({ firstName: 'Ioana', email: 'ioana@client.ro' });
    const ioanaAgent = await api.agents.create({ name: 'Ioana (agent)', email: null });
    const db = new Database(engine.layout.database);
    const account = (db.prepare("INSERT INTO accounts (name, email) VALUES ('Privé', 'prive@facteur.test') RETURNING id").get() as { id: number }).id;
    db.prepare('INSERT INTO account_agents (account_id, agent_id) VALUES (?, ?)').run(account, ioanaAgent.id);
    const privateInbox = (db.prepare("INSERT INTO folders (account_id, kind, name) VALUES (?, 'inbox', 'INBOX') RETURNING id").get(account) as { id: number }).id;
    db.close();
    const asIoana = createClient(engine.transport(ioanaAgent.id)).api;
    await asIoana.messages.ingest({ folder: privateInbox, raw: mail('ioana@client.ro', 'prive@facteur.test', 'Dans un compte privé') });
    const secret = await receive(mail('ioana@client.ro', 'me@facteur.test', 'Confidentiel'));
    const db2 = new Database(engine.layout.database);
    db2.prepare('UPDATE messages SET private = 1, owner_agent_id = ? WHERE id = ?').run(ioanaAgent.id, secret);
    db2.close();

    expect(subjects(await api.contacts.history({ id: contact.id }))).toEqual(['']);
    expect((await api.contacts.history({ id: contact.id })).items[0]).toMatchObject({ private: true, subject: '', snippet: '' });
    expect(subjects(await asIoana.contacts.history({ id: contact.id }))).toEqual(['Confidentiel', 'Dans un compte privé']);
    await engine.close();
  });
});
