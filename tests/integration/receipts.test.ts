import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../src-shared/contract/client.js';
import { REPORT_SQL } from '../../src-main/engine/reports/apply-report.js';
import { REPORTS_NAMING } from '../../src-main/engine/reports/report-hook.js';
import { ContractError, type EventName, type EventPayload } from '../../src-shared/contract/index.js';
import { startDovecot, type Dovecot } from '../helpers/dovecot.js';
import { openTestEngine, type TestEngine } from '../helpers/engine.js';
import { accountFolder, addImapAccount, dovecotTls, otherClient } from '../helpers/mail-accounts.js';
import { openLocalMailEngine } from '../helpers/local-mail.js';
import { eximTextBounce, gmailReceipt, postfixBounce, postfixDelay, type Original } from '../helpers/report-samples.js';
import { startSmtpReceiver, type SmtpReceiver } from '../helpers/smtp-receiver.js';

/**
 * Read receipts and delivery reports, through the contract: given a message we sent, when its receipt or bounce
 * arrives (synced from the server or taken in locally), then the sent message says it was read or not delivered,
 * and the recipient's contact shows the bounced address. Given a message asking us for a receipt, when the
 * person answers, then a real MDN leaves through the outbox and the SMTP server, and $MDNSent reaches the server.
 */

let dovecot: Dovecot;
let smtp: SmtpReceiver | undefined;
let open: Array<{ engine: TestEngine['engine'] }> = [];

beforeAll(async () => {
  dovecot = await startDovecot();
});
afterAll(async () => dovecot?.stop());
afterEach(async () => {
  await smtp?.stop();
  smtp = undefined;
  for (const t of open) await t.engine.close();
  open = [];
});

type Api = Client['api'];

function sent(o: Original): Buffer {
  return Buffer.from([
    `From: Alice Martin <${o.from}>`,
    `To: Marc Durand <${o.to}>`,
    `Subject: ${o.subject}`,
    'Date: Mon, 10 Jun 2024 12:14:57 +0200',
    `Message-ID: <${o.messageId}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    'Bonjour Marc, voici le devis pour la façade.',
    '',
  ].join('\r\n'), 'utf8');
}

/** The store.changed events an engine emits, by table. */
function changes(t: TestEngine) {
  const seen = new Map<string, Set<number>>();
  t.engine.subscribe(<E extends EventName>(event: E, payload: EventPayload<E>) => {
    if (event !== 'store.changed') return;
    const { table, ids } = payload as EventPayload<'store.changed'>;
    const set = seen.get(table) ?? new Set<number>();
    for (const id of ids) set.add(id);
    seen.set(table, set);
  });
  return (table: string) => [...(seen.get(table) ?? [])];
}

async function findBySubject(api: Api, folderId: number, subject: string) {
  const found = (await api.messages.list({ folderId })).items.find((m) => m.subject === subject);
  if (!found) throw new Error(`No "${subject}" in folder ${folderId}`);
  return found;
}

const stateOf = async (api: Api, address: string) => (await api.addresses.states({ addresses: [address] })).items[0];

describe('delivery reports', () => {
  it("synced bounces mark the sent message and the contact's address: a delay soft, then a failure hard, a later delay never undoing it", async () => {
    const devis: Original = { messageId: 'devis-42@facteur.test', from: 'alice@facteur.test', to: 'marc.durand@client.fr', subject: 'Devis façade' };
    const t = await openTestEngine();
    open.push(t);
    const { api } = t;
    const changed = changes(t);
    const marc = await api.contacts.create({ firstName: 'Marc', lastName: 'Durand', email: devis.to });
    const account = await addImapAccount(api, dovecot, 'alice');
    const server = await otherClient(dovecot, 'alice');
    await server.append('Sent', sent(devis), ['\\Seen']);
    await server.append('INBOX', postfixDelay(devis));
    await api.sync.run({ accountId: account.id });

    const sentFolder = await accountFolder(api, account.id, 'Sent');
    const original = await findBySubject(api, sentFolder.id, devis.subject);
    expect((await api.messages.get({ id: original.id })).bounce).toBe('soft');
    expect(await stateOf(api, devis.to)).toEqual({ address: devis.to, blacklisted: false, bounce: 'soft' });
    await expect.poll(() => changed('messages')).toContain(original.id);
    await expect.poll(() => changed('contacts')).toContain(marc.id);

    await server.append('INBOX', postfixBounce(devis));
    await api.sync.run({ accountId: account.id });
    expect((await api.messages.get({ id: original.id })).bounce).toBe('hard');
    expect((await api.contacts.get({ id: marc.id })).addressStates).toEqual([{ address: devis.to, blacklisted: false, bounce: 'hard' }]);

    await server.append('INBOX', postfixDelay(devis, 'Tue, 11 Jun 2024 08:00:00 +0200 (CEST)'));
    await server.logout();
    await api.sync.run({ accountId: account.id });
    expect((await api.messages.get({ id: original.id })).bounce).toBe('hard');
    expect(await stateOf(api, devis.to)).toMatchObject({ bounce: 'hard' });
  });

  it('a bounce about a message we never sent changes nothing, nor does a text bounce naming someone the original did not go to', async () => {
    const t = await openLocalMailEngine();
    open.push(t);
    const { api } = t;
    const theirs: Original = { messageId: 'newsletter-7@boutique.fr', from: 'alice@facteur.test', to: 'paul@atelier.fr', subject: 'Promo' };
    // The same Message-ID on mail we received (a newsletter someone forwarded us) is not mail we sent.
    const received = await t.receive(sent(theirs).toString('base64'));
    await t.receive(postfixBounce(theirs).toString('base64'));
    const ghost: Original = { ...theirs, messageId: 'never-stored@facteur.test' };
    await t.receive(postfixBounce(ghost).toString('base64'));
    expect((await api.messages.get({ id: received })).bounce).toBeNull();

    const devis: Original = { messageId: 'devis-43@facteur.test', from: 'alice@facteur.test', to: 'marc.durand@client.fr', subject: 'Devis' };
    const original = await t.send(sent(devis).toString('base64'));
    await t.receive(eximTextBounce({ ...devis, to: 'quelquun@ailleurs.fr' }).toString('base64'));
    expect((await api.messages.get({ id: original })).bounce).toBeNull();
    expect((await api.addresses.states({ addresses: ['paul@atelier.fr', 'quelquun@ailleurs.fr', devis.to] })).items.map((s) => s.bounce)).toEqual([null, null, null]);

    // The same text bounce about the real recipient does count.
    await t.receive(eximTextBounce(devis).toString('base64'));
    expect((await api.messages.get({ id: original })).bounce).toBe('hard');
    expect(await stateOf(api, devis.to)).toMatchObject({ bounce: 'hard' });
  });
});

describe('read receipts', () => {
  it("a displayed receipt marks the sent message read at the receipt's date, under its original in the conversation; a deleted one does not", async () => {
    const t = await openLocalMailEngine();
    open.push(t);
    const { api } = t;
    const devis: Original = { messageId: 'devis-44@facteur.test', from: 'alice@facteur.test', to: 'marc.durand@client.fr', subject: 'Devis' };
    const original = await t.send(sent(devis).toString('base64'));
    await new Promise((r) => setTimeout(r, 300)); // past the bus's coalescing window, so what follows is the receipts' doing
    const changed = changes(t);
    await t.receive(gmailReceipt(devis, 'Mon, 10 Jun 2024 14:32:40 +0200', 'deleted').toString('base64'));
    expect((await api.messages.get({ id: original })).readByRecipientAt).toBeNull();

    const receipt = await t.receive(gmailReceipt(devis, 'Mon, 10 Jun 2024 14:32:40 +0200').toString('base64'));
    expect((await api.messages.get({ id: original })).readByRecipientAt).toBe('2024-06-10T12:32:40.000Z');
    // Taken in locally (messages.ingest) as when synced, the windows hear that the original changed.
    await expect.poll(() => changed('messages')).toContain(original);
    // A second receipt (another device) later on does not move the first reading.
    await t.receive(gmailReceipt(devis, 'Tue, 11 Jun 2024 09:00:00 +0200').toString('base64'));
    expect((await api.messages.get({ id: original })).readByRecipientAt).toBe('2024-06-10T12:32:40.000Z');

    const { nodes } = await api.threads.conversation({ messageId: original });
    expect(nodes.find((n) => n.id === receipt)).toMatchObject({ kind: 'receipt', parentKey: `m:${original}`, linkedBy: 'report' });
  });

  it('a receipt that arrives before its original is stored is applied when the original comes (Inbox synced before Sent)', async () => {
    const t = await openLocalMailEngine();
    open.push(t);
    const devis: Original = { messageId: 'devis-45@facteur.test', from: 'alice@facteur.test', to: 'marc.durand@client.fr', subject: 'Devis' };
    await t.receive(gmailReceipt(devis).toString('base64'));
    await t.receive(postfixDelay(devis).toString('base64'));
    const original = await t.send(sent(devis).toString('base64'));
    expect(await t.api.messages.get({ id: original })).toMatchObject({ readByRecipientAt: '2024-06-10T12:32:40.000Z', bounce: 'soft' });
  });
});

/** Python's email package reads the MDN as a mail program on the other side would. */
function parseWithPython(raw: Buffer) {
  const script = `
import email, json, sys
from email import policy
m = email.message_from_bytes(sys.stdin.buffer.read(), policy=policy.default)
parts = m.get_payload()
notification = parts[1].get_payload(0)
print(json.dumps({
  'type': m.get_content_type(), 'reportType': m.get_param('report-type'), 'defects': [str(d) for d in m.defects],
  'from': str(m['from']), 'to': str(m['to']), 'subject': str(m['subject']), 'inReplyTo': str(m['in-reply-to']),
  'parts': [p.get_content_type() for p in parts],
  'text': parts[0].get_content(),
  'fields': dict(notification.items()),
  'returned': parts[2].get_content() if len(parts) > 2 else None,
}))
`;
  return JSON.parse(execFileSync('python3', ['-c', script], { input: raw }).toString('utf8')) as {
    type: string; reportType: string; defects: string[]; from: string; to: string; subject: string; inReplyTo: string;
    parts: string[]; text: string; fields: Record<string, string>; returned: string | null;
  };
}

function askingForReceipt(id: string, extra: string[] = []): Buffer {
  return Buffer.from([
    'From: Ștefan Popescu <stefan@exemplu.ro>',
    'To: Bob <bob@facteur.test>',
    'Subject: Ofertă pentru fațadă',
    'Date: Tue, 11 Jun 2024 09:30:00 +0300',
    `Message-ID: <${id}>`,
    'Disposition-Notification-To: Ștefan Popescu <stefan@exemplu.ro>',
    ...extra,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    'Bună ziua, vă trimit oferta.',
    '',
  ].join('\r\n'), 'utf8');
}

describe('the cost for ordinary mail', () => {
  it('every lookup a report or a sent message makes is an index search, never a table scan', async () => {
    const t = await openTestEngine();
    open.push(t);
    const db = new Database(join(t.dataDir, 'facteur.sqlite'), { readonly: true });
    try {
      const plan = (sql: string, ...params: unknown[]) =>
        (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail);
      expect(plan(REPORTS_NAMING, 'x')).toEqual([
        'SEARCH c USING COVERING INDEX message_conversation_report_original (report_original=?)',
        'SEARCH m USING INTEGER PRIMARY KEY (rowid=?)',
      ]);
      expect(plan(REPORT_SQL.originals, 'x')).toEqual(['SEARCH messages USING INDEX messages_message_id (message_id=?)']);
      for (const sql of [REPORT_SQL.read, REPORT_SQL.bounceMessages]) {
        expect(plan(sql, 1, '[1]', 1).join(' ')).toMatch(/SEARCH messages USING INTEGER PRIMARY KEY/);
      }
      expect(plan(REPORT_SQL.recipients, '[1]')).toContain('SEARCH ma USING INDEX sqlite_autoindex_message_addresses_1 (message_id=? AND role=?)');
      expect(plan(REPORT_SQL.contacts, '[]', '[]')).toEqual(expect.arrayContaining([
        'SEARCH contacts USING INDEX contacts_email (email=?)', 'SEARCH contacts USING INDEX contacts_email2 (email2=?)',
      ]));
    } finally {
      db.close();
    }
  });
});

describe('answering a request for a read receipt', () => {
  it('sends an MDN in the agent\'s language through the outbox and the SMTP server, and sets $MDNSent on the server', async () => {
    smtp = await startSmtpReceiver({ user: 'bob', pass: 's3cret-pass' }, dovecotTls(dovecot));
    const t = await openTestEngine();
    open.push(t);
    const { api } = t;
    await api.agents.update({ id: t.engine.defaultAgentId, name: 'Bob Lefèvre', locale: 'ro' });
    const account = await addImapAccount(api, dovecot, 'bob', smtp.port);
    const server = await otherClient(dovecot, 'bob');
    await server.append('INBOX', askingForReceipt('oferta-1@exemplu.ro'));
    await api.sync.run({ accountId: account.id });
    const inbox = await accountFolder(api, account.id, 'INBOX');
    const [request] = (await api.messages.list({ folderId: inbox.id })).items;
    expect((await api.messages.get({ id: request!.id })).receiptRequested).toBe(true);

    const answer = await api.receipts.answer({ messageId: request!.id, send: true });
    expect(answer).toEqual({ sent: true, outboxMessageId: expect.any(Number) });
    expect((await api.outbox.list({})).items).toEqual([expect.objectContaining({ messageId: answer.outboxMessageId, state: 'queued', to: ['stefan@exemplu.ro'] })]);
    expect(await api.messages.get({ id: request!.id })).toMatchObject({ receiptRequested: false, flags: expect.objectContaining({ mdnSent: true, answered: false }) });

    expect(await api.outbox.send({ accountId: account.id })).toMatchObject({ sent: 1 });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(['stefan@exemplu.ro']);
    const mdn = parseWithPython(smtp.received[0]!.raw);
    expect(mdn).toMatchObject({
      type: 'multipart/report',
      reportType: 'disposition-notification',
      defects: [],
      from: 'Bob Lefèvre <bob@facteur.test>',
      to: 'stefan@exemplu.ro',
      subject: 'Citit: Ofertă pentru fațadă',
      inReplyTo: '<oferta-1@exemplu.ro>',
      parts: ['text/plain', 'message/disposition-notification', 'text/rfc822-headers'],
      fields: {
        'Reporting-UA': 'facteur.test; Facteur',
        'Final-Recipient': 'rfc822;bob@facteur.test',
        'Original-Message-ID': '<oferta-1@exemplu.ro>',
        'Disposition': 'manual-action/MDN-sent-manually; displayed',
      },
    });
    expect(mdn.text).toContain('cu subiectul „Ofertă pentru fațadă” a fost afișat');
    expect(mdn.returned).toContain('Message-ID: <oferta-1@exemplu.ro>');

    // The local flag goes up with the next pass; another client then sees the keyword and does not ask again.
    await api.sync.run({ accountId: account.id });
    await server.mailboxOpen('INBOX');
    const onServer = await server.fetchOne('*', { flags: true, envelope: true });
    expect(onServer && onServer.envelope?.messageId).toBe('<oferta-1@exemplu.ro>');
    expect(onServer && [...onServer.flags!]).toContain('$MDNSent');
    await server.logout();
  });

  it("declining sends nothing and sets $MDNSent; a second answer, a message asking nothing and a report are refused with the reason", async () => {
    const t = await openLocalMailEngine();
    open.push(t);
    const { api } = t;
    const request = await t.receive(askingForReceipt('oferta-2@exemplu.ro').toString('base64'));
    expect(await api.receipts.answer({ messageId: request, send: false })).toEqual({ sent: false, outboxMessageId: null });
    expect((await api.messages.get({ id: request })).flags.mdnSent).toBe(true);
    expect((await api.outbox.list({})).items).toEqual([]);

    const refusal = async (messageId: number) => {
      try {
        await api.receipts.answer({ messageId, send: true });
      } catch (error) {
        return error instanceof ContractError ? { code: error.code, message: error.message } : error;
      }
      throw new Error('receipts.answer was not refused');
    };
    expect(await refusal(request)).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already answered/) });
    const plain = await t.receive(sent({ messageId: 'plain@exemplu.ro', from: 'x@exemplu.ro', to: 'alice@facteur.test', subject: 'Salut' }).toString('base64'));
    expect(await refusal(plain)).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/asks for no read receipt/) });
    const report = await t.receive(Buffer.from(gmailReceipt({ messageId: 'x@y', from: 'alice@facteur.test', to: 'marc@client.fr', subject: 'S' })
      .toString('utf8').replace('MIME-Version: 1.0', 'MIME-Version: 1.0\r\nDisposition-Notification-To: marc@client.fr')).toString('base64'));
    expect(await refusal(report)).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/itself a delivery report or read receipt/) });

    // In Local Folders with no account of ours among its recipients, there is nothing to send from.
    const local = await t.receive(askingForReceipt('oferta-3@exemplu.ro').toString('base64'));
    expect(await refusal(local)).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/No account of yours received this message/) });
    expect((await api.messages.get({ id: local })).flags.mdnSent).toBe(false);
  });
});
