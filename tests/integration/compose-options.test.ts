import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../src-shared/contract/client.js';
import { DEFAULT_ATTACHMENT_LIMIT, type Draft } from '../../src-shared/contract/index.js';
import { sendingAccount, startPlainSmtp } from '../helpers/compose-accounts.js';
import { openTestEngine } from '../helpers/engine.js';
import { parseWithPython } from '../helpers/python-email.js';
import type { SmtpReceiver } from '../helpers/smtp-receiver.js';

let smtp: SmtpReceiver | undefined;
afterEach(async () => smtp?.stop());

async function setup(user: string) {
  smtp = await startPlainSmtp(user);
  const t = await openTestEngine();
  const account = await sendingAccount(t.api, smtp, user, { name: 'Céline Béranger' });
  const { draft } = await t.api.compose.start({});
  const base: Draft = { ...draft, accountId: account.id, to: [{ name: 'Élodie', address: 'elodie@exemple.fr' }], subject: 'Devis', html: '<p>Bonjour</p>' };
  return { ...t, account, base };
}

describe('sending from the composer', () => {
  it('refuses a message without recipient, subject or valid addresses, or whose files are over the limit, saying why; nothing is queued', async () => {
    const { api, engine, base } = await setup('alice');
    await expect(api.compose.send({ draft: { ...base, to: [] } })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: 'Add at least one recipient in To, Cc or Bcc.' });
    await expect(api.compose.send({ draft: { ...base, subject: '  ' } })).rejects.toMatchObject({ message: expect.stringMatching(/^Write a subject/) });
    // "Send later" at a time already past is a mistake to point out, not a message to send at once.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    await expect(api.compose.send({ draft: { ...base, sendAt: yesterday } })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('has already passed') });
    await expect(api.compose.send({ draft: { ...base, to: [{ name: 'Ana', address: 'ana popescu@firma.ro' }], cc: [{ name: '', address: 'jean@exemple' }] } })).rejects.toMatchObject({
      message: '"ana popescu@firma.ro", "jean@exemple" are not valid addresses: correct or remove them.',
    });

    const big = Buffer.alloc(DEFAULT_ATTACHMENT_LIMIT + 1_500_000, 0x61);
    const file = await api.compose.upload({ filename: 'plans.zip', contentType: 'application/zip', data: big.toString('base64') });
    const heavy = { ...base, attachments: [file] };
    expect(await api.compose.check(heavy)).toEqual({ warnings: [], attachmentBytes: big.length, attachmentLimit: DEFAULT_ATTACHMENT_LIMIT });
    await expect(api.compose.send({ draft: heavy })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'The attachments and pictures come to 11.4 MB, over the 10 MB limit: remove some, or share the larger files another way.',
    });
    expect((await api.outbox.list({})).items).toEqual([]);

    // An office that raised the limit for this agent (agent_preferences) sends it.
    const db = new Database(engine.layout.database);
    db.prepare("INSERT INTO agent_preferences (agent_id, key, value) VALUES (?, 'attachment-limit', ?)").run(engine.defaultAgentId, String(25 * 1024 * 1024));
    db.close();
    expect((await api.compose.check(heavy)).attachmentLimit).toBe(25 * 1024 * 1024);
    const sent = await api.compose.send({ draft: heavy });
    expect((await api.outbox.list({})).items.map((m) => m.messageId)).toEqual([sent.messageId]);
    await engine.close();
  });

  it('warns about blacklisted, bounced and invalid recipients before sending', async () => {
    const { api, engine, base } = await setup('bob');
    await api.addresses.setBlacklisted({ address: 'spam@exemple.fr', blacklisted: true });
    // Bounces are recorded by delivery reports (receipts); here the states are as they left them.
    const db = new Database(engine.layout.database);
    db.prepare("INSERT INTO address_states (address, bounce, bounced_at) VALUES ('ghost@exemple.fr', 'hard', 1), ('full@exemple.fr', 'soft', 1)").run();
    db.close();
    const check = await api.compose.check({
      ...base,
      to: [{ name: '', address: 'Spam@Exemple.fr' }, { name: 'Élodie', address: 'elodie@exemple.fr' }],
      cc: [{ name: '', address: 'ghost@exemple.fr' }, { name: '', address: 'pas-une-adresse' }],
      bcc: [{ name: '', address: 'full@exemple.fr' }],
    });
    expect(check.warnings).toEqual([
      { address: 'Spam@Exemple.fr', reason: 'blacklisted' },
      { address: 'ghost@exemple.fr', reason: 'hard-bounce' },
      { address: 'pas-une-adresse', reason: 'invalid' },
      { address: 'full@exemple.fr', reason: 'soft-bounce' },
    ]);
    await engine.close();
  });

  it('fills a message from a template for a contact, and the sent message takes the template\'s category', async () => {
    const { api, engine, account } = await setup('carol');
    await api.categories.create({ name: 'Devis', direction: 'out' });
    const marie = await api.contacts.create({ firstName: 'Marie', lastName: 'Lefèvre', email: 'marie@exemple.fr' });
    const conditions = await api.compose.upload({ filename: 'Conditions générales.pdf', contentType: 'application/pdf', data: Buffer.from('%PDF-1.4 conditions').toString('base64') });
    const template = await api.templates.create({
      name: 'Devis',
      subject: 'Votre devis, {{contact.firstName}}',
      greeting: '<p>{{greeting}}</p>',
      body: '<p>Voici le devis demandé.</p>',
      closing: '<p>Cordialement,<br>{{agent.fullName}}</p>',
      category: 'Devis',
      attachments: [conditions],
    });
    const started = await api.compose.start({ templateId: template.id, contactId: marie.id });
    expect(started.draft).toMatchObject({
      accountId: account.id,
      to: [{ name: 'Marie Lefèvre', address: 'marie@exemple.fr' }],
      subject: 'Votre devis, Marie',
      category: 'Devis',
      templateId: template.id,
      attachments: [expect.objectContaining({ kind: 'blob', filename: 'Conditions générales.pdf' })],
    });
    expect(started.draft.html).toBe('<p>Dear Marie,</p>\n<p>Voici le devis demandé.</p>\n<p>Cordialement,<br>Facteur</p>');

    // The agent cleared the category chooser: the template's still applies.
    const sent = await api.compose.send({ draft: { ...started.draft, category: null } });
    const stored = await api.messages.get({ id: sent.messageId });
    expect(stored.category).toBe('Devis');
    expect(stored.links).toEqual([expect.objectContaining({ type: 'contact', id: marie.id })]);
    await api.outbox.send({ messageId: sent.messageId });
    const mail = parseWithPython(smtp!.received[0]!.raw);
    expect(mail.headers.subject).toEqual(['Votre devis, Marie']);
    expect(mail.tree.parts!.at(-1)).toMatchObject({ filename: 'Conditions générales.pdf', disposition: 'attachment' });
    await engine.close();
  });

  it('keeps a private message\'s content to its sender, holds a scheduled one until its time, and removes the sent draft', async () => {
    const { api, engine, base, account } = await setup('dave');
    const bianca = await api.agents.create({ name: 'Bianca', email: null });
    await api.accounts.update({ id: account.id, agentIds: [engine.defaultAgentId, bianca.id] });
    const asBianca = createClient(engine.transport(bianca.id)).api;

    const upload = await api.compose.upload({ filename: 'note.txt', contentType: 'text/plain', data: Buffer.from('Confidentiel').toString('base64') });
    // An upload waits for its message: the sweeper keeps it however old it is.
    engine.sweep(0);
    const saved = await api.drafts.save({ draft: { ...base, subject: 'Salaire', private: true, attachments: [upload] } });
    const othersDraft = await asBianca.drafts.save({ draft: { ...base, subject: 'Le sien' } });
    await expect(api.compose.send({ draft: base, draftId: othersDraft.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await api.outbox.list({})).items).toEqual([]);

    const sendAt = new Date(Date.now() + 3_600_000).toISOString();
    const sent = await api.compose.send({ draft: { ...base, subject: 'Salaire', private: true, attachments: [upload], sendAt }, draftId: saved.id });
    expect(sent.sendAt).toBe(sendAt);
    expect((await api.drafts.list({})).items).toEqual([]);
    await expect(api.drafts.get({ id: saved.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await asBianca.drafts.list({})).items.map((d) => d.id)).toEqual([othersDraft.id]);

    expect((await api.messages.get({ id: sent.messageId })).subject).toBe('Salaire');
    expect(await asBianca.messages.get({ id: sent.messageId })).toMatchObject({ private: true, subject: '' });
    expect((await api.outbox.list({})).items).toEqual([expect.objectContaining({ messageId: sent.messageId, state: 'queued', sendAfter: sendAt })]);
    expect(await api.outbox.send({ accountId: account.id })).toEqual({ sent: 0, failed: 0, unknown: 0, queued: 0 });
    expect(smtp!.received).toEqual([]);

    // The same file again in another message: it is the sent message's attachment now. A hash Facteur was never
    // given is no way to attach a stored file.
    await api.compose.send({ draft: { ...base, subject: 'Encore', attachments: [upload] } });
    await expect(api.compose.send({ draft: { ...base, attachments: [{ kind: 'blob', filename: 'autre.txt', contentType: 'text/plain', sha256: 'ab'.repeat(32), size: 3 }] } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await engine.close();
  });
});
