import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openTestEngine } from '../helpers/engine.js';
import { base64Lines, frenchInvoiceMessage } from '../helpers/mail.js';

/** UTF-8 headers and body (RFC 6532), as modern clients send them. */
const utf8 = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'utf8');

function message(n: number, from: string, subject: string, body: string, attachment?: string): Buffer {
  const head = [`From: ${from}`, 'To: Céline <celine@facteur.test>', `Subject: ${subject}`, `Date: ${new Date(Date.UTC(2026, 5, n)).toUTCString()}`, `Message-ID: <s${n}@x.test>`, 'MIME-Version: 1.0'];
  if (!attachment) return utf8([...head, 'Content-Type: text/plain; charset=utf-8', '', body, '']);
  return utf8([...head, 'Content-Type: multipart/mixed; boundary="b"', '', '--b', 'Content-Type: text/plain; charset=utf-8', '', body, '--b',
    'Content-Type: application/octet-stream', 'Content-Transfer-Encoding: base64', `Content-Disposition: attachment; filename="${attachment}"`, '', ...base64Lines(Buffer.from('data')), '--b--', '']);
}

async function seeded() {
  const t = await openTestEngine();
  const add = async (raw: Buffer, folder?: number) => (await t.api.messages.ingest({ raw: raw.toString('base64'), folder })).id;
  const clients = await t.api.folders.create({ parentId: null, name: 'Clients' });
  const acme = await t.api.folders.create({ parentId: clients.id, name: 'ACME' });
  const ids = {
    invoice: await add(frenchInvoiceMessage()),
    eleve: await add(message(2, 'Ecole <ecole@exemple.fr>', "Réunion des élèves", 'La réunion aura lieu jeudi.')),
    quote: await add(message(3, 'Ana Ionescu <ana@exemplu.ro>', 'Ofertă pentru ședința', 'Vă trimitem oferta revizuită.', 'oferta-2026.pdf'), acme.id),
    contract: await add(message(4, 'Known Client <client@acme.test>', 'Contrat signé', 'Le contrat est signé.', 'contrat.docx'), acme.id),
  };
  return { ...t, ids, clients, acme };
}

const ids = (items: Array<{ id: number }>) => items.map((m) => m.id).sort();

describe('searching messages', () => {
  it('finds fragments of subjects and people, ignoring case and accents', async () => {
    const { api, engine, ids: m } = await seeded();
    expect(ids((await api.messages.search({ query: 'actur' })).items)).toEqual([m.invoice]);
    expect(ids((await api.messages.search({ query: 'ELEVES' })).items)).toEqual([m.eleve]);
    expect(ids((await api.messages.search({ query: 'sedinta' })).items)).toEqual([m.quote]);
    expect(ids((await api.messages.search({ query: 'ionescu' })).items).sort()).toEqual([m.invoice, m.quote].sort());
    // Subject + sender only: Ana is only in the invoice's Cc, and the quote's sender.
    expect(ids((await api.messages.search({ query: 'ionescu', field: 'subject-sender' })).items)).toEqual([m.quote]);
    // Every word must match.
    expect(ids((await api.messages.search({ query: 'contrat acme' })).items)).toEqual([m.contract]);
    await engine.close();
  });

  it('finds attachment names by extension, body words in full text, and stays in the chosen folder', async () => {
    const { api, engine, ids: m, clients } = await seeded();
    expect(ids((await api.messages.search({ query: '.pdf', field: 'attachment' })).items).sort()).toEqual([m.invoice, m.quote].sort());
    expect(ids((await api.messages.search({ query: 'revizuit', field: 'fulltext' })).items)).toEqual([m.quote]);
    expect(ids((await api.messages.search({ query: 'jeudi', field: 'subject-people' })).items)).toEqual([]);
    expect(ids((await api.messages.search({ query: '.pdf', field: 'attachment', folderId: clients.id })).items)).toEqual([m.quote]);
    // A date range alone, or with words.
    const june = { since: '2026-06-02T00:00:00Z', until: '2026-06-04T00:00:00Z' };
    expect(ids((await api.messages.search({ query: '', ...june })).items).sort()).toEqual([m.eleve, m.quote].sort());
    expect(ids((await api.messages.search({ query: 'ofert', ...june })).items)).toEqual([m.quote]);
    await engine.close();
  });

  it('lists mail from senders who are not in the address book', async () => {
    const { api, engine, ids: m } = await seeded();
    const db = new Database(engine.layout.database);
    db.prepare("INSERT INTO contacts (first_name, email) VALUES ('Known', 'client@acme.test'), ('École', 'ecole@exemple.fr')").run();
    db.close();
    expect(ids((await api.messages.search({ query: '', field: 'unknown-sender' })).items).sort()).toEqual([m.invoice, m.quote].sort());
    await engine.close();
  });

  it('keeps the index in step when messages are deleted, and db check covers it', async () => {
    const { api, engine, ids: m } = await seeded();
    await api.messages.delete({ ids: [m.invoice], permanent: true });
    expect((await api.messages.search({ query: 'actur' })).items).toEqual([]);
    expect((await api.store.check()).ok).toBe(true);
    await engine.close();
  });
});
