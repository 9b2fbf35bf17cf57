import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../../src-shared/contract/client.js';
import type { RecordRef, StoreTable } from '../../src-shared/contract/index.js';
import { OPEN_RECORD_ENV } from '../../src-main/hosts/node/shell.js';
import { openStore } from '../../src-main/engine/store/open.js';
import { messageWithFiles, WINDOWS_PROGRAM } from '../helpers/attachment-mail.js';
import { openTestEngine, type TestEngine } from '../helpers/engine.js';
import { migrationCount, migrationsFolder } from '../helpers/migrations.js';
import { tempDir } from '../helpers/temp.js';

/**
 * Given a customer's record, the office keeps its files in a folder tree of the record's own: added from the
 * window, or filed from an email's attachment without a second copy; renamed, moved, deleted and restored; and a
 * file a document still uses outlives the email it came from.
 */

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(4000, 0x42)]);
const QUOTE = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2500, 0x51)]);
const b64 = (b: Buffer) => b.toString('base64');
const DAY = 24 * 60 * 60 * 1000;

let record: string;
beforeEach(() => {
  record = join(tempDir(), 'opened.jsonl');
  process.env[OPEN_RECORD_ENV] = record;
});
afterEach(() => {
  delete process.env[OPEN_RECORD_ENV];
});

const blobFiles = (dataDir: string) =>
  readdirSync(join(dataDir, 'blobs'))
    .filter((d) => /^[0-9a-f]{2}$/.test(d))
    .flatMap((d) => readdirSync(join(dataDir, 'blobs', d)));

async function customer(t: TestEngine): Promise<RecordRef> {
  const contact = await t.api.contacts.create({ firstName: 'Renée', lastName: 'Façade', email: 'renee@exemple.fr' });
  return { type: 'contact', id: contact.id };
}

/** An email from the customer with a quote and a program dressed as one. */
async function quoteEmail(t: TestEngine, from = 'Renée Façade <renee@exemple.fr>') {
  const raw = messageWithFiles({
    subject: 'Devis vitrine',
    from,
    messageId: `devis-${Math.random()}@exemple.fr`,
    files: [
      { name: 'Devis n° 7.pdf', contentType: 'application/pdf', bytes: QUOTE },
      { name: 'devis.pdf.exe', contentType: 'application/octet-stream', bytes: WINDOWS_PROGRAM },
    ],
  });
  const { id } = await t.api.messages.ingest({ raw: b64(raw) });
  const detail = await t.api.messages.get({ id });
  return { id, quote: detail.attachments[0]!, program: detail.attachments[1]! };
}

describe('documents', () => {
  it('keeps files in a folder tree per record: add, list with counts, rename, move, folders', async () => {
    const t = await openTestEngine();
    const { api } = t;
    const renee = await customer(t);
    const changes: Array<[StoreTable, number[]]> = [];
    t.engine.subscribe((event, payload) => {
      if (event === 'store.changed') changes.push([(payload as { table: StoreTable }).table, (payload as { ids: number[] }).ids]);
    });

    const contract = await api.documents.add({ record: renee, folder: 'Contrats/2026', name: 'Contrat signé.pdf', contentType: 'application/pdf', data: b64(PDF) });
    expect(contract).toMatchObject({ record: renee, name: 'Contrat signé.pdf', folder: 'Contrats/2026', size: PDF.length, contentType: 'application/pdf', addedBy: 'Facteur', source: null, deletedAt: null });
    // The same name in the same folder never replaces a file.
    const again = await api.documents.add({ record: renee, folder: 'Contrats/2026', name: 'contrat signé.pdf', data: b64(QUOTE) });
    expect(again.name).toBe('contrat signé (2).pdf');
    expect(again.contentType).toBe('application/octet-stream');
    const top = await api.documents.add({ record: renee, name: 'Plan.pdf', data: b64(QUOTE) });
    expect(top.folder).toBe('');
    await api.documents.createFolder({ record: renee, path: 'Factures' });

    let listing = await api.documents.list({ record: renee });
    expect(listing.record).toEqual({ ...renee, name: 'Renée Façade' });
    expect(listing.folders).toEqual([
      { path: 'Contrats', files: 0, total: 2 },
      { path: 'Contrats/2026', files: 2, total: 2 },
      { path: 'Factures', files: 0, total: 0 },
    ]);
    expect(listing.files.map((f) => [f.folder, f.name])).toEqual([
      ['', 'Plan.pdf'],
      ['Contrats/2026', 'contrat signé (2).pdf'],
      ['Contrats/2026', 'Contrat signé.pdf'],
    ]);
    // Another record's tree is its own.
    const company = await api.companies.create({ name: 'Façade SRL' });
    expect(await api.documents.list({ record: { type: 'company', id: company.id } })).toMatchObject({ folders: [], files: [], deleted: [] });

    const content = await api.documents.content({ id: contract.id });
    expect(content).toMatchObject({ name: 'Contrat signé.pdf', contentType: 'application/pdf', size: PDF.length });
    expect(Buffer.from(content.data, 'base64').equals(PDF)).toBe(true);

    expect((await api.documents.rename({ id: again.id, name: 'Avenant.pdf' })).name).toBe('Avenant.pdf');
    await expect(api.documents.rename({ id: again.id, name: 'CONTRAT SIGNÉ.pdf' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Contrat') });
    // A name is a name, never a path.
    expect((await api.documents.rename({ id: top.id, name: '../../etc/Plan final.pdf' })).name).toBe('Plan final.pdf');

    const moved = await api.documents.move({ id: again.id, folder: 'Factures/Acomptes' });
    expect(moved.folder).toBe('Factures/Acomptes');
    listing = await api.documents.list({ record: renee });
    expect(listing.folders).toEqual([
      { path: 'Contrats', files: 0, total: 1 },
      { path: 'Contrats/2026', files: 1, total: 1 },
      { path: 'Factures', files: 0, total: 1 },
      { path: 'Factures/Acomptes', files: 1, total: 1 },
    ]);

    // A folder moves with what it holds; it cannot go inside itself, nor onto a folder that exists.
    expect(await api.documents.renameFolder({ record: renee, path: 'Contrats', to: 'Archives/Contrats' })).toEqual({ path: 'Archives/Contrats' });
    expect((await api.documents.list({ record: renee })).files.find((f) => f.id === contract.id)!.folder).toBe('Archives/Contrats/2026');
    await expect(api.documents.renameFolder({ record: renee, path: 'Archives', to: 'Archives/Vieux' })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('inside itself') });
    await expect(api.documents.renameFolder({ record: renee, path: 'Archives', to: 'Factures' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(api.documents.renameFolder({ record: renee, path: 'Nulle part', to: 'Ailleurs' })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // Only an empty folder is deleted.
    await expect(api.documents.deleteFolder({ record: renee, path: 'Factures' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('1 file') });
    await api.documents.move({ id: again.id, folder: '' });
    await api.documents.deleteFolder({ record: renee, path: 'Factures' });
    expect((await api.documents.list({ record: renee })).folders.map((f) => f.path)).toEqual(['Archives', 'Archives/Contrats', 'Archives/Contrats/2026']);

    await new Promise((r) => setTimeout(r, 200));
    expect(changes.filter(([table]) => table === 'documents').flatMap(([, ids]) => ids)).toEqual(expect.arrayContaining([contract.id, again.id, top.id]));
    await t.engine.close();
  });

  it('gives every kind of record a tree of its own, named as the record is', async () => {
    const t = await openTestEngine();
    const { api } = t;
    const renee = await customer(t);
    const company = await api.companies.create({ name: 'Vitrines Dupont' });
    const lead = await api.leads.create({ firstName: 'Ion', lastName: 'Popescu' });
    const deal = await api.deals.create({ title: 'Vitrine 2027', companyId: company.id });
    const ticket = await api.tickets.create({ subject: 'Vitre fêlée', requesterId: renee.id });
    const task = await api.tasks.create({ title: 'Envoyer le devis' });
    const event = await api.events.create({ title: 'Pose de la vitrine', startsAt: '2026-12-01T09:00:00+01:00' });
    const records: Array<[RecordRef, string]> = [
      [renee, 'Renée Façade'],
      [{ type: 'company', id: company.id }, 'Vitrines Dupont'],
      [{ type: 'lead', id: lead.id }, 'Ion Popescu'],
      [{ type: 'deal', id: deal.id }, 'Vitrine 2027'],
      [{ type: 'ticket', id: ticket.id }, `#${ticket.number} Vitre fêlée`],
      [{ type: 'task', id: task.id }, 'Envoyer le devis'],
      [{ type: 'event', id: event.id }, 'Pose de la vitrine'],
    ];
    for (const [ref, name] of records) {
      await api.documents.add({ record: ref, folder: ref.type, name: `${ref.type}.txt`, data: b64(Buffer.from(name)) });
    }
    for (const [ref, name] of records) {
      const listing = await api.documents.list({ record: ref });
      expect(listing.record).toEqual({ ...ref, name });
      expect(listing.files.map((f) => `${f.folder}/${f.name}`)).toEqual([`${ref.type}/${ref.type}.txt`]);
    }
    await t.engine.close();
  });

  it('refuses bad folder paths and unknown records with reasons a person can act on, and makes names safe', async () => {
    const t = await openTestEngine();
    const { api } = t;
    const renee = await customer(t);
    const add = (folder: string) => api.documents.add({ record: renee, folder, name: 'a.txt', data: b64(Buffer.from('a')) });
    await expect(add('Contrats/../../etc')).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('"..'), });
    await expect(add('Contrats//2026')).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('empty name') });
    await expect(add('/Contrats')).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('empty name') });
    await expect(add('Contrats/')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(add('Contrats\\2026')).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('"\\"') });
    await expect(add(Array.from({ length: 11 }, (_, i) => `n${i}`).join('/'))).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('10 levels') });
    await expect(api.documents.createFolder({ record: renee, path: '' })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('name') });
    await expect(api.documents.add({ record: renee, name: '   ', data: b64(Buffer.from('a')) })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(api.documents.add({ record: { type: 'contact', id: 4242 }, name: 'a.txt', data: b64(Buffer.from('a')) })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('Contact 4242'),
    });
    await expect(api.documents.list({ record: { type: 'company', id: 4242 } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await api.documents.list({ record: renee })).toMatchObject({ folders: [], files: [] });

    // Ten levels is the limit, not an error; names in a path are made safe as attachments' names are.
    const deep = Array.from({ length: 10 }, (_, i) => `n${i}`).join('/');
    expect((await add(deep)).folder).toBe(deep);
    expect((await api.documents.createFolder({ record: renee, path: ' Devis: 2026 / .cachés ' })).path).toBe('Devis_ 2026/cachés');
    const named = await api.documents.add({ record: renee, name: '..\\..\\CON.txt', data: b64(Buffer.from('x')) });
    expect(named.name).toBe('_CON.txt');
    await t.engine.close();
  });

  it('files an attachment in two steps: same stored file, no copy, the email named; programs are never opened', async () => {
    const t = await openTestEngine();
    const { api, dataDir } = t;
    const renee = await customer(t);
    const email = await quoteEmail(t);

    // The dialog starts from the email's records: the sender's contact.
    expect(await api.documents.forAttachment({ attachmentId: email.quote.id })).toEqual({
      name: 'Devis n° 7.pdf',
      messageId: email.id,
      subject: 'Devis vitrine',
      records: [{ ...renee, name: 'Renée Façade' }],
    });

    const blobsBefore = blobFiles(dataDir).sort();
    const filed = await api.documents.fileAttachment({ attachmentId: email.quote.id, record: renee, folder: 'Devis' });
    expect(filed).toMatchObject({ name: 'Devis n° 7.pdf', folder: 'Devis', size: QUOTE.length, contentType: 'application/pdf', source: { messageId: email.id, subject: 'Devis vitrine' } });
    expect(blobFiles(dataDir).sort()).toEqual(blobsBefore);
    const row = new Database(t.engine.layout.database, { readonly: true }).prepare('SELECT sha256 FROM documents WHERE id = ?').get(filed.id) as { sha256: string };
    expect(row.sha256).toBe(email.quote.sha256);
    expect(Buffer.from((await api.documents.content({ id: filed.id })).data, 'base64').equals(QUOTE)).toBe(true);

    // Filed twice, under another name the second time.
    const renamed = await api.documents.fileAttachment({ attachmentId: email.quote.id, record: renee, folder: 'Devis', name: 'Devis accepté.pdf' });
    expect(renamed.name).toBe('Devis accepté.pdf');
    // Filed again as it already is there: refused, naming the document, rather than a "(2)" of the same bytes.
    await expect(api.documents.fileAttachment({ attachmentId: email.quote.id, record: renee, folder: 'Devis' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'This attachment is already filed in the folder "Devis" of this record, as "Devis n° 7.pdf" (document ' + filed.id + ').',
      details: { documentId: filed.id, name: 'Devis n° 7.pdf', folder: 'Devis' },
    });
    // Another file of that name, and the same attachment in another folder, are filed.
    const other = await api.documents.add({ record: renee, folder: 'Devis', name: 'Devis n° 7.pdf', data: b64(PDF) });
    expect(other.name).toBe('Devis n° 7 (2).pdf');
    expect((await api.documents.fileAttachment({ attachmentId: email.quote.id, record: renee })).name).toBe('Devis n° 7.pdf');
    expect((await api.documents.list({ record: renee })).files.map((f) => `${f.folder}/${f.name}`)).toEqual([
      '/Devis n° 7.pdf',
      'Devis/Devis accepté.pdf',
      'Devis/Devis n° 7 (2).pdf',
      'Devis/Devis n° 7.pdf',
    ]);

    const { path } = await api.documents.open({ id: filed.id });
    expect(path.startsWith(join(dataDir, 'opened'))).toBe(true);
    expect(readFileSync(path).equals(QUOTE)).toBe(true);
    const program = await api.documents.fileAttachment({ attachmentId: email.program.id, record: renee });
    await expect(api.documents.open({ id: program.id })).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('.exe') });
    const disguised = await api.documents.rename({ id: program.id, name: 'devis.pdf' });
    await expect(api.documents.open({ id: disguised.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const opened = readFileSync(record, 'utf8').trim().split('\n');
    expect(opened).toHaveLength(1);

    await expect(api.documents.fileAttachment({ attachmentId: 999_999, record: renee })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await t.engine.close();
  });

  it("does not let a colleague file a private email's attachment, nor read its subject on a document", async () => {
    const t = await openTestEngine();
    const { api } = t;
    const renee = await customer(t);
    const email = await quoteEmail(t);
    const filed = await api.documents.fileAttachment({ attachmentId: email.quote.id, record: renee });
    const ioana = await api.agents.create({ name: 'Ioana', email: null });
    const asIoana = createClient(t.engine.transport(ioana.id)).api;
    expect((await asIoana.documents.list({ record: renee })).files[0]!.source).toEqual({ messageId: email.id, subject: 'Devis vitrine' });

    // The email becomes private to the agent who has it (seeded: marking private is another command's story).
    const db = new Database(t.engine.layout.database);
    db.prepare('UPDATE messages SET private = 1, owner_agent_id = ? WHERE id = ?').run(t.engine.defaultAgentId, email.id);
    db.close();
    expect((await asIoana.documents.list({ record: renee })).files[0]!.source).toEqual({ messageId: email.id, subject: '' });
    expect((await api.documents.list({ record: renee })).files[0]!.source!.subject).toBe('Devis vitrine');
    await expect(asIoana.documents.fileAttachment({ attachmentId: email.quote.id, record: renee })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(asIoana.documents.forAttachment({ attachmentId: email.quote.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // The document itself is the office's: the colleague opens its bytes.
    expect(Buffer.from((await asIoana.documents.content({ id: filed.id })).data, 'base64').equals(QUOTE)).toBe(true);
    await t.engine.close();
  });

  it('keeps deleted documents restorable for 30 days, then lets them go', async () => {
    const t = await openTestEngine();
    const { api } = t;
    const renee = await customer(t);
    const doc = await api.documents.add({ record: renee, folder: 'Devis', name: 'Devis.pdf', data: b64(QUOTE) });
    const deleted = await api.documents.delete({ id: doc.id });
    expect(deleted.deletedAt).not.toBeNull();
    let listing = await api.documents.list({ record: renee });
    expect(listing.files).toEqual([]);
    expect(listing.deleted.map((d) => d.name)).toEqual(['Devis.pdf']);
    expect(listing.folders).toEqual([{ path: 'Devis', files: 0, total: 0 }]);
    await expect(api.documents.content({ id: doc.id })).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('restore it') });

    // Its folder went, and its name was taken meanwhile: it comes back beside the newer file.
    await api.documents.deleteFolder({ record: renee, path: 'Devis' });
    await api.documents.add({ record: renee, folder: 'Devis', name: 'Devis.pdf', data: b64(PDF) });
    const restored = await api.documents.restore({ id: doc.id });
    expect(restored).toMatchObject({ folder: 'Devis', name: 'Devis (2).pdf', deletedAt: null });
    listing = await api.documents.list({ record: renee });
    expect(listing.deleted).toEqual([]);
    expect(listing.files.map((f) => f.name)).toEqual(['Devis (2).pdf', 'Devis.pdf']);

    // Deleted 31 days ago: gone at the next start, and no longer restorable.
    await api.documents.delete({ id: doc.id });
    await t.engine.close();
    const db = new Database(t.engine.layout.database);
    db.prepare('UPDATE documents SET deleted_at = ? WHERE id = ?').run(Date.now() - 31 * DAY, doc.id);
    db.close();
    const again = await openTestEngine(t.dataDir);
    expect((await again.api.documents.list({ record: renee })).deleted).toEqual([]);
    await expect(again.api.documents.restore({ id: doc.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await again.engine.close();
  });

  it("keeps a document's file when the email it came from is deleted and the sweeper runs", async () => {
    const t = await openTestEngine();
    const { api, dataDir } = t;
    const company = await api.companies.create({ name: 'Vitrines Dupont' });
    const ref: RecordRef = { type: 'company', id: company.id };
    // From no contact: the email is filed nowhere, so deleting it removes it for good.
    const email = await quoteEmail(t, 'Inconnu <inconnu@ailleurs.example>');
    const filed = await api.documents.fileAttachment({ attachmentId: email.quote.id, record: ref });
    const blob = join(dataDir, 'blobs', email.quote.sha256.slice(0, 2), email.quote.sha256);

    await api.messages.delete({ ids: [email.id], permanent: true });
    await expect(api.messages.get({ id: email.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    t.engine.sweep(0);
    expect(existsSync(blob)).toBe(true);
    expect(Buffer.from((await api.documents.content({ id: filed.id })).data, 'base64').equals(QUOTE)).toBe(true);
    // The email is gone; the document still says where it came from.
    expect((await api.documents.list({ record: ref })).files[0]!.source).toEqual({ messageId: null, subject: 'Devis vitrine' });
    expect((await api.store.check()).ok).toBe(true);

    // Once no document names it either, the sweeper frees it.
    await api.documents.delete({ id: filed.id });
    t.engine.sweep(0);
    expect(existsSync(blob)).toBe(true);
    await t.engine.close();
    const db = new Database(t.engine.layout.database);
    db.prepare('UPDATE documents SET deleted_at = ?').run(Date.now() - 31 * DAY);
    db.close();
    const again = await openTestEngine(dataDir);
    again.engine.sweep(0);
    expect(existsSync(blob)).toBe(false);
    await again.engine.close();
  });

  it('migration 0012 adds the tables to a store of the version before, and a record’s listing reads by index', async () => {
    const file = join(tempDir(), 'facteur.sqlite');
    const backupsDir = join(tempDir(), 'backups');
    const before = await openStore({ file, backupsDir, migrationsFolder: migrationsFolder(12) });
    before.sqlite.prepare("INSERT INTO companies (name) VALUES ('Avant')").run();
    before.close();
    const after = await openStore({ file, backupsDir, migrationsFolder: migrationsFolder(Math.max(13, migrationCount())) });
    expect(after.sqlite.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: 0 });
    expect(after.sqlite.prepare('SELECT name FROM companies').all()).toEqual([{ name: 'Avant' }]);
    const plan = (sql: string) => (after.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail).join('\n');
    expect(plan("SELECT * FROM documents WHERE record_type = 'contact' AND record_id = 1 AND folder = 'a'")).toContain('documents_record');
    expect(plan("SELECT 1 FROM documents WHERE sha256 = 'x'")).toContain('documents_sha256');
    expect(plan('UPDATE documents SET source_message_id = NULL WHERE source_message_id = 5')).toContain('documents_source_message');
    after.close();
  });
});
