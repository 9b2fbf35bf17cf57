import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../src-shared/contract/client.js';
import { RECENT_SQL } from '../../src-main/engine/compose-drafts/recipients.js';
import { registerTextFunctions } from '../../src-main/engine/store/text-functions.js';
import { seedStore } from '../bench/seed-store.js';
import { openTestEngine } from '../helpers/engine.js';
import { tempDir } from '../helpers/temp.js';
import { utf8Mail } from '../helpers/utf8-mail.js';

const day = (n: number) => new Date(Date.UTC(2026, 2, 1 + n, 9, 0));

describe('recipient suggestions', () => {
  it('offers contacts (accents optional, by name, either address or company), then recent correspondents newest first, then colleagues', async () => {
    const data = tempDir();
    let t = await openTestEngine(data);
    const api = t.api;
    await api.contacts.create({ firstName: 'Ștefan', lastName: 'Țîrcă', email: 'stefan@exemplu.ro', email2: 'stefan.tirca@gmail.com', companyName: 'Boulangerie Lefèvre' });
    await api.contacts.create({ firstName: 'Renée', lastName: 'Façade', email: 'renee@exemple.fr' });
    await api.contacts.create({ firstName: 'Sans', lastName: 'Adresse' });
    const tree = await api.folders.tree();
    const inbox = tree.folders.find((f) => f.accountId === null && f.kind === 'inbox')!.id;
    const receive = (from: string, n: number) => api.messages.ingest({ folder: inbox, raw: utf8Mail({ from, to: 'Facteur <contact@facteur.test>', subject: `Commande ${n}`, date: day(n), body: 'Bonjour' }) });
    await receive('Stéphane Martin <stephane.martin@fournisseur.fr>', 1);
    await receive('Stefania Popescu <stefania@exemplu.ro>', 5);
    await receive('Ștefan Țîrcă <stefan@exemplu.ro>', 6);
    await receive('Stéphane Martin <stephane.martin@fournisseur.fr>', 3);
    await api.agents.create({ name: 'Stéphanie Durand', email: 'Stephanie@Facteur.test' });
    await api.addresses.setBlacklisted({ address: 'stefania@exemplu.ro', blacklisted: true });
    const server = { host: '127.0.0.1', port: 1100, security: 'starttls' as const, username: 'contact' };
    await api.accounts.add({ email: 'contact@facteur.test', settings: { incoming: { ...server, protocol: 'pop3' }, outgoing: server }, password: 'x' });
    await t.engine.close();
    // A hard bounce as the delivery-report handling records it (issue 7's receipts work writes this row).
    const db = new Database(join(data, 'facteur.sqlite'));
    db.prepare("INSERT INTO address_states (address, bounce, bounced_at) VALUES ('stefan.tirca@gmail.com', 'hard', ?)").run(Date.now());
    db.close();

    t = await openTestEngine(data);
    const { items } = await t.api.recipients.suggest({ query: 'ste' });
    expect(items.map((s) => [s.source, s.address])).toEqual([
      ['contact', 'stefan@exemplu.ro'],
      ['contact', 'stefan.tirca@gmail.com'],
      ['recent', 'stefania@exemplu.ro'],
      ['recent', 'stephane.martin@fournisseur.fr'],
      ['agent', 'stephanie@facteur.test'],
    ]);
    expect(items[0]).toEqual({ name: 'Ștefan Țîrcă', address: 'stefan@exemplu.ro', contactId: expect.any(Number), companyName: 'Boulangerie Lefèvre', source: 'contact', blacklisted: false, bounce: null });
    expect(items[1]).toMatchObject({ bounce: 'hard', blacklisted: false });
    expect(items[2]).toMatchObject({ name: 'Stefania Popescu', blacklisted: true, contactId: null, companyName: null });

    const words = async (query: string) => (await t.api.recipients.suggest({ query })).items.map((s) => s.address);
    expect(await words('TIRCA')).toEqual(['stefan@exemplu.ro', 'stefan.tirca@gmail.com']);
    expect(await words('lefevre')).toEqual(['stefan@exemplu.ro', 'stefan.tirca@gmail.com']);
    expect(await words('renee fac')).toEqual(['renee@exemple.fr']);
    expect(await words('fournisseur')).toEqual(['stephane.martin@fournisseur.fr']);
    expect(await words('100%_')).toEqual([]);
    expect(await words('  ')).toEqual([]);
    // Our own address is never a correspondent; the limit holds.
    expect(await words('facteur.test')).toEqual(['stephanie@facteur.test']);
    expect((await t.api.recipients.suggest({ query: 'e', limit: 2 })).items).toHaveLength(2);
    await t.engine.close();
  });

  it('does not offer the correspondents of a colleague\'s private mail or of an account the agent does not see', async () => {
    const t = await openTestEngine();
    const colleague = await t.api.agents.create({ name: 'Ana Ionescu', email: null });
    const other = createClient(t.engine.transport(colleague.id)).api;
    const tree = await t.api.folders.tree();
    const inbox = tree.folders.find((f) => f.accountId === null && f.kind === 'inbox')!.id;
    const { id } = await t.api.messages.ingest({ folder: inbox, raw: utf8Mail({ from: 'Avocat <conseil@cabinet.fr>', to: 'contact@facteur.test', subject: 'Confidentiel', date: day(1), body: '…' }) });
    expect((await other.recipients.suggest({ query: 'cabinet' })).items).toHaveLength(1);
    await t.api.messages.setPrivate({ ids: [id], private: true });
    expect((await other.recipients.suggest({ query: 'cabinet' })).items).toEqual([]);
    expect((await t.api.recipients.suggest({ query: 'cabinet' })).items).toHaveLength(1);

    const server = { host: '127.0.0.1', port: 1100, security: 'starttls' as const, username: 'x' };
    const mine = await t.api.accounts.add({ email: 'direction@facteur.test', settings: { incoming: { ...server, protocol: 'pop3' }, outgoing: server }, password: 'x', agentIds: [t.engine.defaultAgentId] });
    // Mail of that account, here a message waiting in its Outbox.
    const outbox = (await t.api.folders.tree()).folders.find((f) => f.accountId === mine.id && f.kind === 'outbox')!;
    await t.api.messages.ingest({ folder: outbox.id, raw: utf8Mail({ from: 'direction@facteur.test', to: 'Banque <agence@banque.fr>', subject: 'Relevé', date: day(2), body: '…' }) });
    expect((await t.api.recipients.suggest({ query: 'banque' })).items).toHaveLength(1);
    expect((await other.recipients.suggest({ query: 'banque' })).items).toEqual([]);
    await t.engine.close();
  });

  it('answers on 5,000 contacts and 50,000 messages through the address indexes', async () => {
    const data = tempDir();
    const started = performance.now();
    await seedStore(data, [{ name: null, count: 50_000 }]);
    const db = new Database(join(data, 'facteur.sqlite'));
    const FIRST = ['Céline', 'Ana', 'Ștefan', 'Renée', 'Ioana', 'Marc', 'Élodie', 'Mihai', 'Hélène', 'Radu', 'Jean', 'Maria'];
    const LAST = ['Béranger', 'Ionescu', 'Țîrcă', 'Façade', 'Popescu', 'Durand', 'Lefèvre', 'Constantin', 'Moreau', 'Dumitru', 'Martin', 'Stan'];
    db.transaction(() => {
      const company = db.prepare('INSERT INTO companies (name) VALUES (?) RETURNING id');
      const companies = Array.from({ length: 500 }, (_, i) => (company.get(`Société ${LAST[i % 12]} ${i}`) as { id: number }).id);
      const contact = db.prepare('INSERT INTO contacts (first_name, last_name, email, email2, company_id) VALUES (?, ?, ?, ?, ?)');
      for (let i = 0; i < 5000; i++) {
        const first = FIRST[i % 12]!;
        const last = LAST[(i * 5) % 12]!;
        const plain = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
        contact.run(first, last, `${plain(first)}.${plain(last)}${i}@client${i % 300}.fr`, i % 4 === 0 ? `${plain(first)}${i}@gmail.com` : null, companies[i % 500]);
      }
    })();
    const counts = db.prepare('SELECT (SELECT count(*) FROM contacts) AS contacts, (SELECT count(*) FROM messages) AS messages, (SELECT count(*) FROM addresses) AS addresses').get();
    registerTextFunctions(db);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${RECENT_SQL(1)}`).all({ w0: '%ce%', accounts: '[]', agent: 1, limit: 10 }) as Array<{ detail: string }>).map((r) => r.detail);
    db.close();
    console.log(`seeded ${JSON.stringify(counts)} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    console.log(`recent correspondents' query plan:\n  ${plan.join('\n  ')}`);
    expect(plan).toContainEqual(expect.stringMatching(/SEARCH ma USING INDEX message_addresses_address \(address_id=\?\)/));
    expect(plan).toContainEqual(expect.stringMatching(/SEARCH m USING INTEGER PRIMARY KEY \(rowid=\?\)/));
    expect(plan).toContainEqual(expect.stringMatching(/USING (COVERING )?INDEX contacts_email /));

    // Speed is the plan's doing (above); here, that the big store answers as a small one does.
    const t = await openTestEngine(data);
    const found = async (query: string) => (await t.api.recipients.suggest({ query })).items;
    expect((await found('stefan')).map((r) => r.source)).toEqual(Array(10).fill('contact'));
    expect((await found('stefan'))[0]!.name).toMatch(/^Ștefan /);
    expect((await found('lefevre')).every((r) => /Lefèvre/.test(r.name))).toBe(true);
    expect(await found('zzzz')).toEqual([]);
    await t.engine.close();
  });
});
