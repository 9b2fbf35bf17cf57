import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../src-shared/contract/client.js';
import { openLocalMailEngine } from '../helpers/local-mail.js';
import { mailSequence } from '../helpers/utf8-mail.js';

const mail = mailSequence('records', Date.UTC(2026, 5, 1));
/** A reply as mailers write it: In-Reply-To and References name the message it answers. */
const answering = (messageId: string) => ({ inReplyTo: messageId, references: [messageId] });

const linkTypes = (m: { links: Array<{ type: string; reason: string }> }) => m.links.map((l) => `${l.type}:${l.reason}`).sort();

describe('tickets', () => {
  it('opens a ticket from an email, numbers tickets in order, keeps one ticket per email, and lets the thread join it', async () => {
    const { api, engine, receive, send } = await openLocalMailEngine();
    const ana = await api.contacts.create({ firstName: 'Ana', lastName: 'Pop', email: 'ana@client.ro', companyName: 'Client SRL' });
    const first = await receive(mail('Ana Pop <ana@client.ro>', 'support@facteur.test', 'Imprimanta nu merge', { messageId: 'print@client.ro' }));
    const ticket = await api.tickets.create({ subject: 'Imprimanta nu merge', requesterId: ana.id, queue: 'Hardware', messageId: first });
    expect(ticket).toMatchObject({ number: 1, status: 'open', requesterName: 'Ana Pop', companyName: 'Client SRL', queue: 'Hardware', messages: 1 });
    expect((await api.tickets.create({ subject: 'Autre', requesterId: ana.id })).number).toBe(2);
    expect(linkTypes(await api.messages.get({ id: first }))).toEqual(['company:address', 'contact:address', 'ticket:manual']);

    // One ticket per email: the second one is refused, naming the first.
    const other = await api.tickets.create({ subject: 'Encore', requesterId: ana.id });
    await expect(api.links.add({ messageId: first, type: 'ticket', id: other.id })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('#1 Imprimanta nu merge') });
    await expect(api.tickets.create({ subject: 'Doublon', requesterId: ana.id, messageId: first })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await api.tickets.list({ requesterId: ana.id })).total).toBe(3);

    // Our answer and the customer's reply join the ticket; the reply reopens it once closed.
    await api.tickets.update({ id: ticket.id, status: 'closed' });
    const answer = await send(mail('support@facteur.test', 'ana@client.ro', 'Re: Imprimanta nu merge', { messageId: 'answer@facteur.test', ...answering('print@client.ro') }));
    expect((await api.tickets.get({ id: ticket.id })).status).toBe('closed');
    const reply = await receive(mail('ana@client.ro', 'support@facteur.test', 'Re: Re: Imprimanta nu merge', answering('answer@facteur.test')));
    expect(linkTypes(await api.messages.get({ id: answer }))).toContain('ticket:thread');
    expect((await api.messages.get({ id: reply })).links.filter((l) => l.type === 'ticket').map((l) => l.id)).toEqual([ticket.id]);
    expect(await api.tickets.get({ id: ticket.id })).toMatchObject({ status: 'open', closedAt: null, messages: 3 });

    // Found by number, by its requester, by its company, and only while open when asked.
    expect((await api.records.search({ query: '#2', types: ['ticket'] })).items[0]).toMatchObject({ type: 'ticket', name: '#2 Autre' });
    expect((await api.records.search({ query: '', types: ['ticket'], companyId: ana.companyId! })).items).toHaveLength(3);
    await api.tickets.update({ id: other.id, status: 'closed' });
    expect((await api.records.search({ query: '', types: ['ticket'], openOnly: true })).items.map((h) => h.name).sort()).toEqual(['#1 Imprimanta nu merge', '#2 Autre']);
    expect((await api.tickets.queues()).items).toEqual(['Hardware', 'Support']);
    await engine.close();
  });
});

describe('tasks, events, notes and the timeline', () => {
  it('shows a contact\'s emails, tickets, tasks, events, notes and deals newest first, and its company\'s too', async () => {
    const { api, engine, receive } = await openLocalMailEngine();
    const marc = await api.contacts.create({ firstName: 'Marc', lastName: 'Durand', email: 'marc@durand.fr', companyName: 'Durand SA' });
    const email = await receive(mail('marc@durand.fr', 'me@facteur.test', 'Demande de devis', { messageId: 'devis@durand.fr' }));
    const ticket = await api.tickets.create({ subject: 'Devis', requesterId: marc.id });
    const task = await api.tasks.create({ title: 'Rappeler Marc', category: 'appel', related: [{ type: 'contact', id: marc.id }], messageId: email });
    const event = await api.events.create({ title: 'Visite', startsAt: '2030-01-10T09:00:00.000Z', endsAt: '2030-01-10T10:00:00.000Z', related: [{ type: 'contact', id: marc.id }] });
    const note = await api.notes.create({ body: 'Client pressé', related: [{ type: 'contact', id: marc.id }] });
    const deal = await api.deals.create({ title: 'Contrat 2027', companyId: marc.companyId, contactId: marc.id, amount: 12500.5, currency: 'EUR' });

    const timeline = await api.records.timeline({ type: 'contact', id: marc.id });
    expect(timeline.total).toBe(6);
    // The event is in 2030, the email in 2026: the records made today sit between them.
    expect(timeline.items[0]).toMatchObject({ kind: 'event', event: { id: event.id } });
    expect(timeline.items.at(-1)).toMatchObject({ kind: 'message', message: { id: email } });
    expect(timeline.items.map((i) => i.kind).sort()).toEqual(['deal', 'event', 'message', 'note', 'task', 'ticket']);
    expect(timeline.items.find((i) => i.kind === 'task')).toMatchObject({ task: { id: task.id, related: [{ type: 'contact', id: marc.id, name: 'Marc Durand' }] } });
    expect(timeline.items.find((i) => i.kind === 'note')).toMatchObject({ note: { id: note.id, authorName: expect.any(String) } });
    expect(timeline.items.find((i) => i.kind === 'deal')).toMatchObject({ deal: { id: deal.id, amount: 12500.5, companyName: 'Durand SA' } });
    expect(timeline.items.find((i) => i.kind === 'ticket')).toMatchObject({ ticket: { id: ticket.id } });
    // Paging is over the whole timeline.
    const second = await api.records.timeline({ type: 'contact', id: marc.id, limit: 4, offset: 4 });
    expect(second.items.map((i) => i.kind)).toEqual(timeline.items.slice(4).map((i) => i.kind));

    // The company: its contact's email, ticket and deal; the task's own history: its email.
    const company = await api.records.timeline({ type: 'company', id: marc.companyId! });
    expect(company.items.map((i) => i.kind).sort()).toEqual(['deal', 'message', 'ticket']);
    expect((await api.records.timeline({ type: 'task', id: task.id })).items.map((i) => i.kind)).toEqual(['message']);
    expect(linkTypes(await api.messages.get({ id: email }))).toEqual(['company:address', 'contact:address', 'task:manual']);

    // A reply is offered the task, not given it.
    const reply = await receive(mail('marc@durand.fr', 'me@facteur.test', 'Re: Demande de devis', answering('devis@durand.fr')));
    expect(linkTypes(await api.messages.get({ id: reply }))).toEqual(['company:address', 'contact:address']);

    // Done tasks leave the open list; deleted records leave the timeline and come back restored.
    await api.tasks.update({ id: task.id, status: 'done' });
    expect((await api.tasks.list({})).total).toBe(0);
    expect((await api.tasks.list({ status: 'done' })).items[0]).toMatchObject({ id: task.id, doneAt: expect.any(String) });
    expect((await api.tasks.categories()).items).toEqual(['appel']);
    await api.deals.delete({ id: deal.id });
    expect((await api.records.timeline({ type: 'contact', id: marc.id })).total).toBe(6);
    await api.deals.restore({ id: deal.id });
    await api.events.delete({ id: event.id });
    expect((await api.records.timeline({ type: 'contact', id: marc.id })).items.some((i) => i.kind === 'event')).toBe(false);
    await engine.close();
  });

  it('puts a note on an email in the addressed colleague\'s list, for them alone to mark read', async () => {
    const { api, engine, receive } = await openLocalMailEngine();
    const ioana = await api.agents.create({ name: 'Ioana', email: null });
    const asIoana = createClient(engine.transport(ioana.id)).api;
    const email = await receive(mail('client@exemplu.ro', 'me@facteur.test', 'Factura lipsă'));
    const note = await api.notes.create({ body: 'Poți să te ocupi tu?', addresseeId: ioana.id, messageId: email });
    expect(note).toMatchObject({ addresseeName: 'Ioana', messageSubject: 'Factura lipsă', readAt: null });

    expect((await api.notes.list({ toMe: true })).total).toBe(0);
    expect((await asIoana.notes.list({ toMe: true, unreadOnly: true })).items.map((n) => n.body)).toEqual(['Poți să te ocupi tu?']);
    expect((await api.notes.list({ messageId: email })).total).toBe(1);
    await expect(api.notes.markRead({ id: note.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await asIoana.notes.markRead({ id: note.id });
    expect((await asIoana.notes.list({ toMe: true, unreadOnly: true })).total).toBe(0);
    await expect(asIoana.notes.delete({ id: note.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(api.notes.create({ body: 'Nowhere' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await engine.close();
  });
});

describe('history beyond the mailbox', () => {
  it('keeps a filed email in its records\' history after it is deleted for good, brings its links back with the same bytes, and purges on request', async () => {
    const { api, engine, receive } = await openLocalMailEngine();
    const contact = await api.contacts.create({ firstName: 'Elena', email: 'elena@firma.ro' });
    const company = await api.companies.create({ name: 'Partener SRL' });
    const raw = mail('elena@firma.ro', 'me@facteur.test', 'Contractul semnat', { body: 'Găsiți atașat contractul.' });
    const email = await receive(raw);
    await api.links.add({ messageId: email, type: 'company', id: company.id });
    const note = await api.notes.create({ body: 'Contrat reçu', messageId: email, related: [{ type: 'company', id: company.id }] });

    await api.messages.delete({ ids: [email], permanent: true });
    await expect(api.messages.get({ id: email })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const kept = (await api.records.timeline({ type: 'contact', id: contact.id })).items;
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ kind: 'removed-message', message: { id: email, subject: 'Contractul semnat', text: expect.stringContaining('Găsiți atașat'), from: { address: 'elena@firma.ro' } } });
    expect((await api.records.timeline({ type: 'company', id: company.id })).items.map((i) => i.kind).sort()).toEqual(['note', 'removed-message']);
    expect((await api.notes.list({ messageId: email })).items[0]).toMatchObject({ id: note.id, messageSubject: 'Contractul semnat' });

    // The same bytes again (another client moved it back): the hand-made link and the note follow the new copy.
    const back = await receive(raw);
    expect(linkTypes(await api.messages.get({ id: back }))).toEqual(['company:manual', 'contact:address']);
    expect((await api.notes.list({ messageId: back })).total).toBe(1);
    expect((await api.records.timeline({ type: 'contact', id: contact.id })).items.map((i) => i.kind)).toEqual(['message']);

    // Removing from history for good: the links go now, and once deleted from the mailbox nothing is kept.
    expect(await api.links.purge({ messageId: back })).toEqual({ removed: true });
    expect((await api.messages.get({ id: back })).links).toEqual([]);
    await api.messages.delete({ ids: [back], permanent: true });
    expect((await api.records.timeline({ type: 'contact', id: contact.id })).total).toBe(0);
    await engine.close();
  });

  it('leaves out of a colleague\'s timeline the emails of accounts that are not attached to them, deleted or not', async () => {
    const { api, engine, receive } = await openLocalMailEngine();
    const ioana = await api.agents.create({ name: 'Ioana', email: null });
    const asIoana = createClient(engine.transport(ioana.id)).api;
    // Accounts are created by the sync engine; here a private account of the default agent is seeded directly.
    const db = new Database(engine.layout.database);
    const account = (db.prepare("INSERT INTO accounts (name, email) VALUES ('Céline', 'celine@facteur.test') RETURNING id").get() as { id: number }).id;
    db.prepare('INSERT INTO account_agents (account_id, agent_id) VALUES (?, ?)').run(account, engine.defaultAgentId);
    const inbox = (db.prepare("INSERT INTO folders (account_id, kind, name) VALUES (?, 'inbox', 'INBOX') RETURNING id").get(account) as { id: number }).id;
    db.close();
    const contact = await api.contacts.create({ firstName: 'Radu', email: 'radu@client.ro' });
    const shared = await receive(mail('radu@client.ro', 'office@facteur.test', 'Pentru toți'));
    const personal = (await api.messages.ingest({ folder: inbox, raw: mail('radu@client.ro', 'celine@facteur.test', 'Doar pentru Céline') })).id;

    const subjects = async (who: typeof api) => (await who.records.timeline({ type: 'contact', id: contact.id })).items.map((i) => (i.kind === 'ticket' || i.kind === 'task' || i.kind === 'event' || i.kind === 'note' || i.kind === 'deal' ? i.kind : i.message.subject));
    expect(await subjects(api)).toEqual(['Doar pentru Céline', 'Pentru toți']);
    expect(await subjects(asIoana)).toEqual(['Pentru toți']);
    await api.messages.delete({ ids: [personal, shared], permanent: true });
    expect(await subjects(api)).toEqual(['Doar pentru Céline', 'Pentru toți']);
    expect(await subjects(asIoana)).toEqual(['Pentru toți']);
    await expect(asIoana.links.purge({ messageId: personal })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(api.links.purge({ messageId: personal })).resolves.toEqual({ removed: true });
    expect(await subjects(api)).toEqual(['Pentru toți']);
    await engine.close();
  });

  it('shows another agent that a private email exists in a history, never what it says', async () => {
    const { api, engine, send } = await openLocalMailEngine();
    const ioana = await api.agents.create({ name: 'Ioana', email: null });
    const asIoana = createClient(engine.transport(ioana.id)).api;
    const contact = await api.contacts.create({ firstName: 'Paul', email: 'paul@client.fr' });
    const email = await send(mail('me@facteur.test', 'paul@client.fr', 'Votre remise personnelle', { body: 'Remise de 20 %.' }));
    await api.messages.setPrivate({ ids: [email], private: true });

    const mine = (await api.records.timeline({ type: 'contact', id: contact.id })).items[0];
    const hers = (await asIoana.records.timeline({ type: 'contact', id: contact.id })).items[0];
    expect(mine).toMatchObject({ kind: 'message', message: { subject: 'Votre remise personnelle', private: true } });
    expect(hers).toMatchObject({ kind: 'message', message: { id: email, subject: '', snippet: '', private: true } });
    await expect(asIoana.messages.setPrivate({ ids: [email], private: false })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // Removing it from every history is irreversible: its owner's decision, not a colleague's who cannot read it.
    await expect(asIoana.links.purge({ messageId: email })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // Deleted from the mailbox, it stays private in the history.
    await api.messages.delete({ ids: [email], permanent: true });
    expect((await asIoana.records.timeline({ type: 'contact', id: contact.id })).items[0]).toMatchObject({ kind: 'removed-message', message: { subject: '', text: null } });
    expect((await api.records.timeline({ type: 'contact', id: contact.id })).items[0]).toMatchObject({ message: { text: expect.stringContaining('Remise de 20') } });
    await expect(asIoana.links.purge({ messageId: email })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await engine.close();
  });
});

describe('leads, deals, address book', () => {
  it('converts a lead into a contact that takes its emails, and finds records of every kind by a word', async () => {
    const { api, engine, receive } = await openLocalMailEngine();
    const email = await receive(mail('Sophie Martin <sophie@prospect.fr>', 'me@facteur.test', 'Votre offre'));
    const lead = await api.leads.create({ firstName: 'Sophie', lastName: 'Martin', email: 'sophie@prospect.fr', companyName: 'Prospect SAS', source: 'salon', messageId: email });
    expect(linkTypes(await api.messages.get({ id: email }))).toEqual(['lead:manual']);
    const { lead: converted, contactId } = await api.leads.convert({ id: lead.id });
    expect(converted).toMatchObject({ status: 'converted', contactId });
    expect(await api.contacts.get({ id: contactId })).toMatchObject({ firstName: 'Sophie', companyName: 'Prospect SAS', email: 'sophie@prospect.fr' });
    expect(linkTypes(await api.messages.get({ id: email }))).toEqual(['company:address', 'contact:address', 'lead:manual']);
    // Converting again (a double click) is the same conversion, not a second customer.
    expect((await api.leads.convert({ id: lead.id })).contactId).toBe(contactId);
    expect((await api.contacts.list({ query: 'sophie' })).total).toBe(1);
    // "PROSPECT SAS" is that company, whatever its case.
    await expect(api.companies.create({ name: 'PROSPECT sas' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Prospect SAS already exists') });

    const hits = await api.records.search({ query: 'prospect' });
    expect(hits.items.map((h) => h.type).sort()).toEqual(['company', 'contact', 'lead']);
    // A company is told apart by who works there.
    expect(hits.items.find((h) => h.type === 'company')).toMatchObject({ name: 'Prospect SAS', detail: 'Sophie Martin' });
    expect((await api.records.search({ query: 'prospect', openOnly: true })).items.map((h) => h.type).sort()).toEqual(['company', 'contact']);
    await expect(api.deals.create({ title: 'X', currency: 'euro' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await engine.close();
  });

  it('adds senders to the address book once, replaces a generic sender by a contact, and blacklists an address', async () => {
    const { api, engine, receive } = await openLocalMailEngine();
    const a = await receive(mail('"DUPONT Jean" <jean.dupont@atelier.fr>', 'me@facteur.test', 'Bonjour'));
    const b = await receive(mail('Maria Ionescu <maria@firma.ro>', 'me@facteur.test', 'Salut'));
    const c = await receive(mail('jean.dupont@atelier.fr', 'me@facteur.test', 'Encore moi'));
    const added = await api.contacts.addSenders({ messageIds: [a, b, c] });
    expect(added.created.map((x) => `${x.firstName} ${x.lastName} <${x.email}>`).sort()).toEqual(['Jean Dupont <jean.dupont@atelier.fr>', 'Maria Ionescu <maria@firma.ro>']);
    expect(added.existing).toBe(0);
    expect((await api.contacts.addSenders({ messageIds: [b] }))).toMatchObject({ created: [], existing: 1 });
    expect(linkTypes(await api.messages.get({ id: c }))).toEqual(['contact:address']);

    // A web form's generic address stands for a real customer.
    const form = await api.contacts.create({ firstName: 'Formulaire', email: 'noreply@site.fr' });
    const real = await api.contacts.create({ firstName: 'Luc', email: 'luc@client.fr', companyName: 'Client SA' });
    const viaForm = await receive(mail('noreply@site.fr', 'me@facteur.test', 'Demande de contact'));
    const replaced = await api.links.replaceSender({ messageId: viaForm, contactId: real.id });
    expect(replaced.items.map((l) => `${l.type}:${l.id}:${l.reason}`).sort()).toEqual([`company:${real.companyId}:manual`, `contact:${real.id}:manual`]);
    expect(replaced.items.some((l) => l.id === form.id && l.type === 'contact')).toBe(false);

    const state = await api.addresses.setBlacklisted({ address: 'Maria@Firma.ro', blacklisted: true });
    expect(state).toEqual({ address: 'maria@firma.ro', blacklisted: true, bounce: null });
    const maria = added.created.find((x) => x.email === 'maria@firma.ro')!;
    expect((await api.contacts.get({ id: maria.id })).addressStates).toEqual([state]);
    expect((await api.addresses.states({ addresses: ['maria@firma.ro', 'luc@client.fr'] })).items.map((s) => s.blacklisted)).toEqual([true, false]);
    await api.addresses.setBlacklisted({ address: 'maria@firma.ro', blacklisted: false });
    expect((await api.contacts.get({ id: maria.id })).addressStates).toEqual([]);
    await engine.close();
  });

  it('suggests a contact from an email\'s sender and signature, and names the contact that already has the address', async () => {
    const { api, engine, receive } = await openLocalMailEngine();
    const email = await receive(mail('Ioana Vasile <ioana.vasile@construct.ro>', 'me@facteur.test', 'Ofertă', {
      body: 'Bună ziua,\r\n\r\nVă trimit oferta.\r\n\r\nCu stimă,\r\nIoana Vasile\r\nDirector vânzări\r\nConstruct Plus SRL\r\nTel: +40 721 234 567\r\n',
    }));
    const suggestion = await api.contacts.suggest({ messageId: email });
    expect(suggestion).toMatchObject({ firstName: 'Ioana', lastName: 'Vasile', email: 'ioana.vasile@construct.ro', companyName: 'Construct Plus SRL', duplicates: [], companyId: null });
    expect(suggestion.phones.map((p) => p.replace(/\D/g, ''))).toEqual(['40721234567']);
    const existing = await api.contacts.create({ firstName: 'I.', lastName: 'Vasile', email: 'ioana.vasile@construct.ro' });
    expect((await api.contacts.suggest({ messageId: email })).duplicates.map((d) => d.id)).toEqual([existing.id]);
    await engine.close();
  });

  it('changes only the fields an update names (a contact, a lead, a deal)', async () => {
    const { api, engine } = await openLocalMailEngine();
    const ana = await api.contacts.create({ firstName: 'Ana', lastName: 'Pop', email: 'ana@exemplu.ro', phones: ['0721 234 567'], companyName: 'Exemplu SRL', notes: 'vip' });
    expect(await api.contacts.update({ id: ana.id, lastName: 'Popescu' })).toMatchObject({
      firstName: 'Ana', lastName: 'Popescu', email: 'ana@exemplu.ro', phones: ['0721 234 567'], companyId: ana.companyId, notes: 'vip',
    });
    await api.contacts.create({ firstName: 'Dan', email: 'dan@exemplu.ro', companyName: 'Exemplu SRL' });
    await api.contacts.create({ firstName: 'Exemplu', lastName: 'Elsewhere' });
    expect((await api.contacts.list({ companyId: ana.companyId! })).items.map((c) => c.firstName)).toEqual(['Dan', 'Ana']);
    const deal = await api.deals.create({ title: 'Contract', companyId: ana.companyId, amount: 900, currency: 'RON', notes: 'anual' });
    expect(await api.deals.update({ id: deal.id, stage: 'won' })).toMatchObject({ stage: 'won', companyId: ana.companyId, amount: 900, currency: 'RON', notes: 'anual' });
    const lead = await api.leads.create({ firstName: 'Ion', email: 'ion@firma.ro', source: 'târg', status: 'qualified' });
    expect(await api.leads.update({ id: lead.id, notes: 'de sunat' })).toMatchObject({ firstName: 'Ion', email: 'ion@firma.ro', source: 'târg', status: 'qualified', notes: 'de sunat' });
    await engine.close();
  });

  it('matches names in any alphabet\'s case, and finds them without their accents', async () => {
    const { api, engine } = await openLocalMailEngine();
    const first = await api.contacts.create({ firstName: 'Ștefan', lastName: 'Lefèvre', email: 'stefan@boulangerie.fr', companyName: 'Boulangerie Lefèvre' });
    const second = await api.contacts.create({ firstName: 'Élodie', email: 'elodie@boulangerie.fr', companyName: 'BOULANGERIE LEFÈVRE' });
    expect(second.companyId).toBe(first.companyId);
    expect((await api.contacts.list({ query: 'stefan lefevre' })).items.map((c) => c.id)).toEqual([first.id]);
    expect((await api.contacts.list({ query: 'ÉLODIE' })).items.map((c) => c.id)).toEqual([second.id]);
    expect((await api.companies.list({ query: 'lefevre' })).items.map((c) => c.name)).toEqual(['Boulangerie Lefèvre']);
    expect((await api.records.search({ query: 'ștefan', types: ['contact'] })).items.map((h) => h.id)).toEqual([first.id]);
    await engine.close();
  });

  it('restores a contact with the mail that came meanwhile, and asks about an address another contact took since', async () => {
    const { api, engine, receive } = await openLocalMailEngine();
    const jean = await api.contacts.create({ firstName: 'Jean', email: 'jean@acme.fr', email2: 'jean.perso@mail.fr' });
    await api.contacts.delete({ id: jean.id });
    await receive(mail('jean.perso@mail.fr', 'me@facteur.test', 'Depuis chez moi'));
    await receive(mail('jean@acme.fr', 'me@facteur.test', 'Depuis le bureau'));
    const successor = await api.contacts.create({ firstName: 'Jean', lastName: 'Martin', email: 'jean@acme.fr' });
    await api.contacts.restore({ id: jean.id });
    // The address nobody else took brings its mail; the one both now have is a question, not a guess.
    const history = await api.records.timeline({ type: 'contact', id: jean.id });
    expect(history.items.map((i) => (i.kind === 'message' ? i.message.subject : i.kind))).toEqual(['Depuis chez moi']);
    expect((await api.links.ambiguous({})).items).toEqual([{ address: 'jean@acme.fr', contacts: [{ id: jean.id, name: 'Jean' }, { id: successor.id, name: 'Jean Martin' }] }]);
    await engine.close();
  });

  it('sorts a folder by the contact, company or task its messages are filed under, unfiled ones last', async () => {
    const { api, engine, receive } = await openLocalMailEngine();
    await api.contacts.create({ firstName: 'Zoé', lastName: 'Zamfir', email: 'zoe@z.ro', companyName: 'Alfa SRL' });
    await api.contacts.create({ firstName: 'Ana', lastName: 'Ardelean', email: 'ana@a.ro', companyName: 'Beta SA' });
    const fromZoe = await receive(mail('zoe@z.ro', 'me@facteur.test', 'De la Zoé'));
    const fromAna = await receive(mail('ana@a.ro', 'me@facteur.test', 'De la Ana'));
    const unfiled = await receive(mail('x@necunoscut.ro', 'me@facteur.test', 'Necunoscut'));
    await api.tasks.create({ title: 'Răspuns', messageId: fromZoe });
    const order = async (by: 'contact' | 'company' | 'task' | 'linked', dir: 'asc' | 'desc' = 'asc') =>
      (await api.messages.list({ view: 'inboxes', sort: { by, dir } })).items.map((m) => m.id);
    expect(await order('contact')).toEqual([fromAna, fromZoe, unfiled]);
    expect(await order('company')).toEqual([fromZoe, fromAna, unfiled]);
    // Messages with no task tie, and ties read newest first, as a mailbox does.
    expect(await order('task')).toEqual([fromZoe, unfiled, fromAna]);
    expect((await order('linked', 'desc'))[0]).toBe(fromZoe);
    await engine.close();
  });
});
