import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from '../../src-shared/contract/client.js';
import { bannerPng } from '../helpers/attachment-mail.js';
import { SMTP_PASSWORD, startPlainSmtp } from '../helpers/compose-accounts.js';
import { startDovecot, type Dovecot } from '../helpers/dovecot.js';
import { openTestEngine } from '../helpers/engine.js';
import { base64Lines } from '../helpers/mail.js';
import { accountFolder, imapSettings, otherClient } from '../helpers/mail-accounts.js';
import { parseWithPython } from '../helpers/python-email.js';
import type { SmtpReceiver } from '../helpers/smtp-receiver.js';

let dovecot: Dovecot;
const receivers: SmtpReceiver[] = [];
beforeAll(async () => {
  dovecot = await startDovecot();
});
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.stop()));
  await dovecot?.stop();
});

const utf8 = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'utf8');

/** Élodie writes to Alice's own mailbox, copying Ioana and Marc; it answers an earlier message of Alice's. */
const toAlice = utf8([
  'From: Élodie Lefèvre <elodie@exemple.fr>',
  'To: Alice Martin <alice@facteur.test>, Ioana Dumitrescu <ioana@firma.ro>',
  'Cc: Marc Blanc <marc@exemple.fr>',
  'Subject: RE : Devis chantier',
  'Date: Tue, 10 Mar 2026 09:30:00 +0100',
  'Message-ID: <m1@exemple.fr>',
  'In-Reply-To: <m0@facteur.test>',
  'References: <m0@facteur.test>',
  'MIME-Version: 1.0',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<html><body><p>Le devis me convient, merci.</p></body></html>',
  '',
]);

/** Ion writes to the shared support address (and to Alice), asking for answers at the orders desk, with a file. */
const toSupport = utf8([
  'From: Ion Popescu <ion@firma.ro>',
  'Reply-To: Comenzi Firma <comenzi@firma.ro>',
  'To: Support <bob@facteur.test>, Alice Martin <alice@facteur.test>',
  'Cc: Ana Ionescu <ana@firma.ro>',
  'Subject: Răs: Comandă 17',
  'Date: Wed, 11 Mar 2026 14:05:00 +0200',
  'Message-ID: <m2@firma.ro>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="b"',
  '',
  '--b',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Bună ziua, comanda <b>17</b> e gata?',
  '--b',
  'Content-Type: image/png',
  'Content-Transfer-Encoding: base64',
  'Content-Disposition: attachment; filename="schita.png"',
  '',
  ...base64Lines(bannerPng(20, 10)),
  '--b--',
  '',
]);

async function imapAccount(api: Client['api'], user: string, smtp: SmtpReceiver, agentIds?: number[]) {
  const settings = imapSettings(dovecot, user, smtp.port);
  return api.accounts.add({
    email: `${user}@facteur.test`,
    password: SMTP_PASSWORD,
    ...(agentIds ? { agentIds } : {}),
    settings: { ...settings, outgoing: { ...settings.outgoing, security: 'none' } },
  });
}

async function deliver(user: string, raw: Buffer) {
  const other = await otherClient(dovecot, user);
  await other.append('INBOX', raw);
  await other.logout();
}

async function inboxMessage(api: Client['api'], accountId: number) {
  const inbox = await accountFolder(api, accountId, 'INBOX');
  return (await api.messages.list({ folderId: inbox.id })).items[0]!;
}

describe('starting a reply or a forward', () => {
  it('answers from the account the mail arrived on, asking only when it is not the agent\'s own, and fills recipients, subject and quote', async () => {
    const [smtpAlice, smtpSupport] = [await startPlainSmtp('alice'), await startPlainSmtp('bob')];
    receivers.push(smtpAlice, smtpSupport);
    await deliver('alice', toAlice);
    await deliver('bob', toSupport);
    const { api, engine } = await openTestEngine();
    const me = await api.agents.current({});
    await api.agents.update({ id: me.id, locale: 'fr' });
    const bianca = await api.agents.create({ name: 'Bianca', email: null });
    const alice = await imapAccount(api, 'alice', smtpAlice); // attached to me alone
    const support = await imapAccount(api, 'bob', smtpSupport, []); // public
    await api.sync.run({});
    const fromElodie = await inboxMessage(api, alice.id);
    const fromIon = await inboxMessage(api, support.id);

    await api.signatures.set({ accountId: alice.id, html: '<p>Alice Martin — Boulangerie</p>', position: 'below-quote' });
    // My own private account: no question. The shared one: preselected, with the choice offered.
    const reply = await api.compose.start({ mode: 'reply', messageId: fromElodie.id });
    expect([reply.signatureHtml, reply.signaturePosition]).toEqual(['<p>Alice Martin — Boulangerie</p>', 'below-quote']);
    expect(reply.draft).toMatchObject({
      accountId: alice.id,
      to: [{ name: 'Élodie Lefèvre', address: 'elodie@exemple.fr' }],
      cc: [],
      subject: 'RE : Devis chantier',
      origin: { kind: 'reply', messageId: fromElodie.id },
    });
    expect(reply.accountSettled).toBe(true);
    expect(reply.accounts.map((a) => [a.email, a.private])).toEqual([['alice@facteur.test', true], ['bob@facteur.test', false]]);
    expect(reply.quoteHtml).toMatch(/Le \d{1,2} mars 2026 [^,]*, Élodie Lefèvre a écrit :/);
    expect(reply.quoteHtml).toContain('<p>Le devis me convient, merci.</p>');

    const replyAll = await api.compose.start({ mode: 'reply-all', messageId: fromElodie.id });
    expect(replyAll.draft.to.map((a) => a.address)).toEqual(['elodie@exemple.fr', 'ioana@firma.ro']);
    expect(replyAll.draft.cc.map((a) => a.address)).toEqual(['marc@exemple.fr']);

    const supportReplyAll = await api.compose.start({ mode: 'reply-all', messageId: fromIon.id, quote: false });
    expect(supportReplyAll.draft.accountId).toBe(support.id);
    expect(supportReplyAll.accountSettled).toBe(false);
    // Reply-To wins over From; both of my own addresses are left out.
    expect(supportReplyAll.draft.to).toEqual([{ name: 'Comenzi Firma', address: 'comenzi@firma.ro' }]);
    expect(supportReplyAll.draft.cc).toEqual([{ name: 'Ana Ionescu', address: 'ana@firma.ro' }]);
    expect(supportReplyAll.draft.subject).toBe('Răs: Comandă 17');
    expect(supportReplyAll.quoteHtml).toBe('');
    expect([supportReplyAll.signatureHtml, supportReplyAll.signaturePosition]).toEqual(['', 'above-quote']);
    // A text original is quoted as text: its markup shows, it does not format.
    expect((await api.compose.start({ mode: 'reply', messageId: fromIon.id })).quoteHtml).toContain('comanda &lt;b&gt;17&lt;/b&gt; e gata?');

    const forward = await api.compose.start({ mode: 'forward', messageId: fromIon.id });
    const [schita] = (await api.messages.get({ id: fromIon.id })).attachments;
    expect(forward.draft).toMatchObject({
      to: [],
      cc: [],
      subject: 'Fwd: Răs: Comandă 17',
      attachments: [{ kind: 'attachment', attachmentId: schita!.id, filename: 'schita.png' }],
      origin: { kind: 'forward', messageId: fromIon.id },
    });
    expect(forward.quoteHtml).toContain('-------- Message transféré --------');
    expect(forward.quoteHtml).toContain('<b>Objet:</b> Răs: Comandă 17');
    const asFile = await api.compose.start({ mode: 'forward-as-attachment', messageId: fromIon.id });
    expect(asFile.draft.attachments).toEqual([{ kind: 'message', messageId: fromIon.id, filename: expect.stringMatching(/^Răs.*Comandă 17\.eml$/) }]);
    expect(asFile.quoteHtml).toBe('');

    // Bianca sees the shared account only: it is hers without a question, and Alice's mail is not hers to answer.
    const asBianca = createClient(engine.transport(bianca.id)).api;
    const hers = await asBianca.compose.start({});
    expect([hers.draft.accountId, hers.accountSettled, hers.accounts.map((a) => a.id)]).toEqual([support.id, true, [support.id]]);
    await expect(asBianca.compose.start({ mode: 'reply', messageId: fromElodie.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(asBianca.compose.send({ draft: { ...reply.draft, html: '<p>Bonjour</p>' } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await engine.close();
  });

  it('sends the reply with In-Reply-To and References, flags the original answered, and remembers the account for the next message', async () => {
    const [smtpAlice, smtpSupport] = [await startPlainSmtp('carol'), await startPlainSmtp('dave')];
    receivers.push(smtpAlice, smtpSupport);
    await deliver('carol', toAlice);
    await deliver('dave', toSupport);
    const { api } = await openTestEngine();
    const carol = await imapAccount(api, 'carol', smtpAlice);
    const shared = await imapAccount(api, 'dave', smtpSupport, []);
    await api.sync.run({});
    const fromElodie = await inboxMessage(api, carol.id);
    const fromIon = await inboxMessage(api, shared.id);
    // Nothing sent yet: the first account the agent may use.
    expect((await api.compose.start({})).draft.accountId).toBe(carol.id);

    const started = await api.compose.start({ mode: 'reply', messageId: fromIon.id });
    const sent = await api.compose.send({ draft: { ...started.draft, html: `<p>Da, e gata.</p>${started.quoteHtml}` } });
    expect(await api.outbox.send({ accountId: shared.id })).toMatchObject({ sent: 1 });
    const wire = parseWithPython(smtpSupport.received[0]!.raw);
    expect(wire.headers['in-reply-to']).toEqual(['<m2@firma.ro>']);
    expect(wire.headers.references).toEqual(['<m2@firma.ro>']);
    expect(wire.headers.from).toEqual(['dave@facteur.test']);
    expect((await api.messages.get({ id: fromIon.id })).flags.answered).toBe(true);
    expect((await api.messages.get({ id: sent.messageId })).threadId).toBe(fromIon.threadId);
    // The shared account was the last one used: a new message starts from it.
    expect((await api.compose.start({})).draft.accountId).toBe(shared.id);

    // A forward joins the conversation in References, answers nothing, and leaves the original unflagged.
    const forward = await api.compose.start({ mode: 'forward', messageId: fromElodie.id });
    await api.compose.send({ draft: { ...forward.draft, to: [{ name: '', address: 'chef@facteur.test' }], html: `<p>Pour info.</p>${forward.quoteHtml}` } });
    await api.outbox.send({ accountId: carol.id });
    const forwarded = parseWithPython(smtpAlice.received[0]!.raw);
    expect(forwarded.headers['in-reply-to']).toBeUndefined();
    expect(forwarded.headers.references).toEqual(['<m0@facteur.test> <m1@exemple.fr>']);
    expect(forwarded.headers.subject).toEqual(['Fwd: RE : Devis chantier']);
    expect((await api.messages.get({ id: fromElodie.id })).flags.answered).toBe(false);
  });
});
