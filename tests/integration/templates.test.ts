import Database from 'better-sqlite3';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../src-shared/contract/client.js';
import { longDate } from '../../src-shared/domain/merge-fields.js';
import { runCli, runCliJson } from '../helpers/cli.js';
import { openTestEngine } from '../helpers/engine.js';
import { tempDir } from '../helpers/temp.js';

const OFFER = {
  name: 'Offre de prix',
  subject: 'Votre devis — {{company.name}}',
  greeting: '<p>{{greeting}}</p>',
  body: '<p>Comme convenu le {{date.today}}, voici notre offre pour {{company.name}}. Nous vous appellerons au {{contact.phone}}.</p>',
  closing: '<p>Bien cordialement,</p><p>{{agent.fullName}}<br>{{agent.email}}</p>',
};

describe('templates', () => {
  it('fill an offer for a contact of a company, and mark what a contact without company or phone lacks', async () => {
    const { api, engine } = await openTestEngine();
    await api.agents.update({ id: engine.defaultAgentId, name: 'Jean Martin', email: 'jean@facteur.test', locale: 'fr' });
    await api.categories.create({ name: 'Devis', direction: 'out', family: 'Ventes' });
    const marie = await api.contacts.create({ firstName: 'Marie', lastName: 'Lefèvre', email: 'marie@boulangerie.fr', phones: ['01 23 45 67 89'], companyName: 'Boulangerie Lefèvre & Fils' });
    const ion = await api.contacts.create({ firstName: 'Ion', lastName: 'Popescu', email: 'ion@exemplu.ro' });

    const offer = await api.templates.create({ ...OFFER, category: 'devis' });
    const local = (await api.folders.tree()).folders.find((f) => f.accountId === null && f.kind === 'templates')!;
    expect(offer).toMatchObject({ folderId: local.id, category: 'Devis', attachments: [] });

    const today = longDate(new Date(), 'fr');
    const forMarie = await api.templates.render({ id: offer.id, target: { contactId: marie.id } });
    expect(forMarie).toEqual({
      subject: 'Votre devis — Boulangerie Lefèvre & Fils',
      html:
        '<p>Bonjour Marie,</p>\n' +
        `<p>Comme convenu le ${today}, voici notre offre pour Boulangerie Lefèvre &amp; Fils. Nous vous appellerons au 01 23 45 67 89.</p>\n` +
        '<p>Bien cordialement,</p><p>Jean Martin<br>jean@facteur.test</p>',
      missing: [],
      unknown: [],
    });

    const forIon = await api.templates.render({ id: offer.id, target: { contactId: ion.id } });
    expect(forIon.subject).toBe('Votre devis — {{company.name}}');
    expect(forIon.html).toContain('<p>Bonjour Ion,</p>');
    expect(forIon.html).toContain('offre pour <mark class="merge-missing" data-field="company.name">{{company.name}}</mark>.');
    expect(forIon.html).toContain('au <mark class="merge-missing" data-field="contact.phone">{{contact.phone}}</mark>.');
    expect(forIon.missing).toEqual(['company.name', 'contact.phone']);
    // As sent: no braces reach Ion, and the caller still learns what was empty.
    const sent = await api.templates.render({ id: offer.id, target: { contactId: ion.id }, markMissing: false });
    expect(sent.subject).toBe('Votre devis — ');
    expect(sent.html).not.toContain('{{');
    expect(sent.missing).toEqual(['company.name', 'contact.phone']);

    // A company alone, an address that is a contact's, an address that is no one's, and nobody at all.
    const company = await api.companies.create({ name: 'Atelier Dupuis' });
    expect((await api.templates.render({ id: offer.id, target: { companyId: company.id } })).subject).toBe('Votre devis — Atelier Dupuis');
    const byAddress = await api.templates.render({ id: offer.id, target: { address: { name: '', address: 'Marie@Boulangerie.fr' } } });
    expect(byAddress.html).toContain('<p>Bonjour Marie,</p>');
    expect(byAddress.subject).toBe('Votre devis — Boulangerie Lefèvre & Fils');
    const stranger = await api.templates.create({ name: 'Accusé', subject: 'Re: {{contact.fullName}}', body: '<p>{{greeting}} {{contact.email}}</p>' });
    expect(await api.templates.render({ id: stranger.id, target: { address: { name: 'Paul Girard', address: 'paul@girard.fr' } } })).toMatchObject({
      subject: 'Re: Paul Girard',
      html: '<p>Madame, Monsieur, paul@girard.fr</p>',
      missing: [],
    });
    expect((await api.templates.render({ id: stranger.id })).missing).toEqual(['contact.fullName', 'contact.email']);
    await expect(api.templates.render({ id: offer.id, target: { contactId: 9999 } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await engine.close();
  });

  it('fill lead fields for a lead, in the agent’s language', async () => {
    const { api, engine } = await openTestEngine();
    await api.agents.update({ id: engine.defaultAgentId, name: 'Andrei Pop', locale: 'ro' });
    const lead = await api.leads.create({ firstName: 'Ana', lastName: 'Ionescu', companyName: 'Exemplu SRL', phone: '+40 21 123 4567' });
    const t = await api.templates.create({ name: 'Prospect', subject: 'Oferta pentru {{lead.companyName}}', greeting: '<p>{{greeting}}</p>', body: '<p>{{lead.fullName}}, {{lead.phone}}, {{company.name}}, {{agent.firstName}}</p>' });
    expect(await api.templates.render({ id: t.id, target: { leadId: lead.id } })).toEqual({
      subject: 'Oferta pentru Exemplu SRL',
      html: '<p>Bună ziua, Ana,</p>\n<p>Ana Ionescu, +40 21 123 4567, Exemplu SRL, Andrei</p>',
      missing: [],
      unknown: [],
    });
    await engine.close();
  });

  it('preview parts being edited before they are saved, unknown names reported', async () => {
    const { api, engine } = await openTestEngine();
    await api.agents.update({ id: engine.defaultAgentId, name: 'Jean Martin', locale: 'en' });
    const marie = await api.contacts.create({ firstName: 'Marie', lastName: 'Lefèvre', email: 'marie@boulangerie.fr' });
    const parts = { subject: 'For {{contact.fullName}}', greeting: '<p>{{greeting}}</p>', body: '<p><br></p>', closing: '<p>{{agent.fullname}} {{agent.nickname}}</p>' };
    expect(await api.templates.preview({ parts, target: { contactId: marie.id } })).toEqual({
      subject: 'For Marie Lefèvre',
      // The empty body adds no blank paragraph.
      html: '<p>Dear Marie,</p>\n<p>Jean Martin <mark class="merge-unknown" data-field="agent.nickname">{{agent.nickname}}</mark></p>',
      missing: [],
      unknown: ['agent.nickname'],
    });
    expect((await api.templates.list({})).items).toEqual([]);
    await engine.close();
  });

  it('live in a Templates tree, refuse unknown fields and categories, change only what an update names, and delete softly', async () => {
    const { api, engine } = await openTestEngine();
    const tree = await api.folders.tree();
    const templates = tree.folders.find((f) => f.accountId === null && f.kind === 'templates')!;
    const inbox = tree.folders.find((f) => f.accountId === null && f.kind === 'inbox')!;
    const sales = await api.folders.create({ parentId: templates.id, name: 'Ventes' });
    const archive = await api.folders.create({ parentId: inbox.id, name: 'Archive' });

    const relance = await api.templates.create({ folderId: sales.id, name: 'Relance', subject: 'Relance {{company.name}}', body: '<p>Corps</p>' });
    expect(relance.folderId).toBe(sales.id);
    await api.templates.create({ name: 'Bienvenue', subject: 'Bienvenue' });
    await expect(api.templates.create({ folderId: inbox.id, name: 'X' })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('"Inbox" is not a Templates folder') });
    await expect(api.templates.create({ folderId: archive.id, name: 'X' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(api.templates.update({ id: relance.id, folderId: inbox.id })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(api.templates.create({ name: 'X', body: '<p>{{contact.prenom}} {{agent.name}}</p>' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('{{contact.prenom}}, {{agent.name}} are not merge fields'),
    });
    await expect(api.templates.create({ name: 'X', category: 'Inexistante' })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('no outgoing category named "Inexistante"') });
    await api.categories.create({ name: 'Relances', direction: 'in' });
    await expect(api.templates.create({ name: 'X', category: 'Relances' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(api.templates.create({ name: '  ' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });

    const updated = await api.templates.update({ id: relance.id, closing: '<p>{{ Agent.FullName }}</p>' });
    expect(updated).toMatchObject({ name: 'Relance', subject: 'Relance {{company.name}}', body: '<p>Corps</p>', closing: '<p>{{ Agent.FullName }}</p>', folderId: sales.id });
    expect(Date.parse(updated.updatedAt)).toBeGreaterThanOrEqual(Date.parse(relance.updatedAt));

    expect((await api.templates.list({})).items.map((t) => t.name)).toEqual(['Bienvenue', 'Relance']);
    expect((await api.templates.list({ folderId: sales.id })).items.map((t) => t.name)).toEqual(['Relance']);
    expect((await api.templates.list({ query: 'relance' })).items.map((t) => t.name)).toEqual(['Relance']);
    await expect(api.templates.list({ folderId: inbox.id })).rejects.toMatchObject({ code: 'INVALID_INPUT' });

    expect(await api.templates.delete({ id: relance.id })).toEqual({ deleted: true });
    expect(await api.templates.delete({ id: relance.id })).toEqual({ deleted: false });
    expect((await api.templates.list({})).items.map((t) => t.name)).toEqual(['Bienvenue']);
    await expect(api.templates.get({ id: relance.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(api.templates.render({ id: relance.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await engine.close();
  });

  it('in an account’s Templates folder are seen only by the agents of that account', async () => {
    const { api, engine } = await openTestEngine();
    const ioana = await api.agents.create({ name: 'Ioana', email: null });
    // An account with its Templates folder, private to Ioana (no server needed to keep templates).
    const db = new Database(engine.layout.database);
    const account = (db.prepare("INSERT INTO accounts (name, email) VALUES ('Ioana', 'ioana@facteur.test') RETURNING id").get() as { id: number }).id;
    db.prepare('INSERT INTO account_agents (account_id, agent_id) VALUES (?, ?)').run(account, ioana.id);
    const folder = (db.prepare("INSERT INTO folders (account_id, kind, name) VALUES (?, 'templates', 'Templates') RETURNING id").get(account) as { id: number }).id;
    db.close();

    const asIoana = createClient(engine.transport(ioana.id)).api;
    const hers = await asIoana.templates.create({ folderId: folder, name: 'Signature Ioana' });
    expect((await asIoana.templates.list({})).items.map((t) => t.name)).toEqual(['Signature Ioana']);
    expect((await api.templates.list({})).items).toEqual([]);
    await expect(api.templates.get({ id: hers.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(api.templates.render({ id: hers.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(api.templates.create({ folderId: folder, name: 'Intrus' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await engine.close();
  });

  it('keep their files as long as they carry them', async () => {
    const { api, engine } = await openTestEngine();
    const pdf = Buffer.from('%PDF-1.4 conditions générales');
    const t = await api.templates.create({
      name: 'Conditions',
      attachments: [{ kind: 'upload', filename: 'Conditions générales.pdf', contentType: 'application/pdf', data: pdf.toString('base64') }],
    });
    const file = t.attachments[0]!;
    expect(file).toMatchObject({ kind: 'blob', filename: 'Conditions générales.pdf', contentType: 'application/pdf', size: pdf.length });
    const path = engine.layout.blobs + `/${(file as { sha256: string }).sha256.slice(0, 2)}/${(file as { sha256: string }).sha256}`;
    expect(existsSync(path)).toBe(true);
    engine.sweep(0);
    expect(existsSync(path)).toBe(true);

    // A file held elsewhere cannot be borrowed; a blob Facteur no longer has is refused with the way out.
    await expect(api.templates.update({ id: t.id, attachments: [{ kind: 'attachment', attachmentId: 1, filename: 'x.pdf' }] })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(
      api.templates.update({ id: t.id, attachments: [{ kind: 'blob', filename: 'gone.pdf', contentType: 'application/pdf', sha256: 'f'.repeat(64), size: 3 }] }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('"gone.pdf" is no longer held') });

    // Kept by name only: a copy of the template refers to the same file.
    const copy = await api.templates.create({ name: 'Conditions (copie)', attachments: [file] });
    await api.templates.update({ id: t.id, attachments: [] });
    engine.sweep(0);
    expect(existsSync(path)).toBe(true);
    await api.templates.update({ id: copy.id, attachments: [] });
    engine.sweep(0);
    expect(existsSync(path)).toBe(false);
    await engine.close();
  });

  it('are added and listed from the command line', async () => {
    const data = tempDir();
    const seed = await openTestEngine(data);
    await seed.api.categories.create({ name: 'Relance', direction: 'out' });
    const sales = await seed.api.folders.create({ parentId: (await seed.api.folders.tree()).folders.find((f) => f.kind === 'templates')!.id, name: 'Ventes' });
    await seed.engine.close();
    const body = join(tempDir(), 'relance.html');
    writeFileSync(body, '<p>{{greeting}}</p><p>Avez-vous pu lire notre offre, {{contact.firstName}} ?</p>');

    const added = runCliJson<{ id: number; name: string; folderId: number; category: string; body: string }>(data, [
      'templates', 'add', '--name', 'Relance à J+7', '--subject', 'Notre offre pour {{company.name}}', '--body-file', body, '--folder', 'Local Folders/Templates/Ventes', '--category', 'Relance',
    ]);
    expect(added).toMatchObject({ name: 'Relance à J+7', folderId: sales.id, category: 'Relance', body: expect.stringContaining('{{contact.firstName}}') });
    const plain = runCli(data, ['templates', 'list']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('Relance à J+7  — Notre offre pour {{company.name}}  [Local Folders/Templates/Ventes]  (Relance)');
    expect(runCliJson<Array<{ id: number }>>(data, ['templates', 'list']).map((t) => t.id)).toEqual([added.id]);

    writeFileSync(body, '<p>{{contact.prenom}}</p>');
    const refused = runCli(data, ['templates', 'add', '--name', 'X', '--body-file', body]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('{{contact.prenom}} is not a merge field');
    expect(refused.stderr).toContain('[INVALID_INPUT]');
    const usage = runCli(data, ['templates', 'add', '--name', 'X']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--body-file');
    expect(runCli(data, ['templates', 'add', '--name', 'X', '--body-file', join(data, 'none.html')]).stderr).toContain('Cannot read the body file');
  });
});
