import { afterEach, describe, expect, it } from 'vitest';
import type { Draft, EventPayload } from '../../src-shared/contract/index.js';
import { emptyDraft } from '../../src-shared/domain/empty-draft.js';
import { sendingAccount, startPlainSmtp } from '../helpers/compose-accounts.js';
import { openTestEngine, type TestEngine } from '../helpers/engine.js';
import { TINY_PNG } from '../helpers/mail.js';
import type { SmtpReceiver } from '../helpers/smtp-receiver.js';
import { tempDir } from '../helpers/temp.js';

let smtp: SmtpReceiver | undefined;
afterEach(async () => smtp?.stop());

const iso = (ms: number) => new Date(ms).toISOString();
const HOUR = 3_600_000;

function draftFor(accountId: number, subject: string, sendAt: number | null, patch: Partial<Draft> = {}): Draft {
  return {
    ...emptyDraft(accountId),
    to: [{ name: 'Ioana Constantin', address: 'ioana@exemplu.ro' }],
    subject,
    html: `<p>Bună ziua, doamnă Constantin,</p><p>${subject}.</p>`,
    sendAt: sendAt === null ? null : iso(sendAt),
    ...patch,
  };
}

/** The subjects the SMTP server took, in order, with when each arrived. */
function arrivals(server: SmtpReceiver) {
  const seen: Array<{ subject: string; at: number }> = [];
  const timer = setInterval(() => {
    for (const mail of server.received.slice(seen.length)) seen.push({ subject: /^Subject: (.*)$/m.exec(mail.raw.toString())?.[1] ?? '', at: Date.now() });
  }, 20);
  return { seen, stop: () => clearInterval(timer) };
}

function lateNotices(t: TestEngine): Array<EventPayload<'outbox.late'>> {
  const found: Array<EventPayload<'outbox.late'>> = [];
  t.engine.subscribe((event, payload) => {
    if (event === 'outbox.late') found.push(payload as EventPayload<'outbox.late'>);
  });
  return found;
}

describe('scheduled sending', () => {
  it('sends a scheduled message on time after a restart, not before', async () => {
    smtp = await startPlainSmtp('alice');
    const data = tempDir();
    let t = await openTestEngine(data);
    const account = await sendingAccount(t.api, smtp, 'alice');
    const at = Date.now() + 6_000;
    const { messageId } = await t.api.compose.send({ draft: draftFor(account.id, 'Rappel de la réunion', at) });
    await t.engine.close();

    // The app starts again; its account cannot sync (no IMAP server here), sending goes on regardless.
    t = await openTestEngine(data, { background: true });
    const wire = arrivals(smtp);
    await new Promise((r) => setTimeout(r, Math.max(0, at - Date.now() - 1_000)));
    expect(smtp.received).toHaveLength(0);
    await expect.poll(() => wire.seen.length, { timeout: 15_000, interval: 50 }).toBe(1);
    wire.stop();
    const sentAfter = wire.seen[0]!.at - at;
    console.log(`scheduled message reached the SMTP server ${sentAfter} ms after its time`);
    expect(sentAfter).toBeGreaterThanOrEqual(0);
    expect(sentAfter).toBeLessThan(5_000);
    await expect.poll(async () => (await t.api.outbox.list({})).items.find((m) => m.messageId === messageId)?.state).toBe('sent');
    const [item] = (await t.api.outbox.list({})).items;
    expect(item).toMatchObject({ sendAfter: iso(at), late: null });
    await t.engine.close();
  });

  it('sends at the next start what came due while Facteur was closed, and says it went late and why', async () => {
    smtp = await startPlainSmtp('bob');
    const data = tempDir();
    let t = await openTestEngine(data);
    const account = await sendingAccount(t.api, smtp, 'bob');
    // Planned for two hours ago: the app has been closed since (this engine, like the CLI, sends nothing by itself).
    const due = Date.now() - 2 * HOUR;
    const { messageId } = await t.api.outbox.queue({ accountId: account.id, raw: rawMessage('bob', 'Offre valable jusqu’à ce matin').toString('base64'), sendAfter: iso(due) });
    await t.engine.close();
    expect(smtp.received).toHaveLength(0);

    t = await openTestEngine(data, { background: true });
    const late = lateNotices(t);
    await expect.poll(() => smtp!.received.length, { timeout: 15_000 }).toBe(1);
    await expect.poll(() => late.length).toBe(1);
    expect(late[0]).toEqual({ messageId, accountId: account.id, sendAfter: iso(due), sentAt: expect.any(String), late: { minutes: 120, reason: 'closed' } });
    const item = (await t.api.outbox.list({})).items.find((m) => m.messageId === messageId)!;
    expect(item).toMatchObject({ state: 'sent', attempts: 1, late: { minutes: 120, reason: 'closed' } });
    expect(Date.parse(item.sentAt!) - due).toBeGreaterThan(2 * HOUR - 60_000);
    await t.engine.close();
  });

  it('takes a new time, or takes a message back to a draft (files, picture and options kept), across restarts', async () => {
    smtp = await startPlainSmtp('carol');
    const data = tempDir();
    let t = await openTestEngine(data);
    const account = await sendingAccount(t.api, smtp, 'carol');
    const later = Date.now() + HOUR;
    const moved = await t.api.compose.send({ draft: draftFor(account.id, 'Devis à relancer', later) });
    const pdf = Buffer.from('%PDF-1.4 ofertă');
    const file = await t.api.compose.upload({ filename: 'Ofertă revizuită.pdf', contentType: 'application/pdf', data: pdf.toString('base64') });
    const picture = `data:image/png;base64,${TINY_PNG.toString('base64')}`;
    const original = draftFor(account.id, 'Ofertă — versiunea finală', later, {
      html: `<p>Bună ziua,</p><p><img src="${picture}" alt="logo"></p>`,
      cc: [{ name: 'Radu Dumitru', address: 'radu@exemplu.ro' }],
      bcc: [{ name: '', address: 'arhiva@facteur.test' }],
      attachments: [file],
      readReceipt: true,
      private: true,
    });
    const taken = await t.api.compose.send({ draft: original });

    const soon = Date.now() + 5_000;
    expect(await t.api.outbox.reschedule({ messageId: moved.messageId, sendAt: iso(soon) })).toMatchObject({ messageId: moved.messageId, state: 'queued', sendAfter: iso(soon) });
    await expect(t.api.outbox.reschedule({ messageId: moved.messageId, sendAt: iso(Date.now() - HOUR) })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('has passed') });

    const { draftId } = await t.api.outbox.cancel({ messageId: taken.messageId });
    expect((await t.api.outbox.list({})).items.map((m) => m.messageId)).toEqual([moved.messageId]);
    await expect(t.api.outbox.cancel({ messageId: taken.messageId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await t.engine.close();

    t = await openTestEngine(data, { background: true });
    const back = (await t.api.drafts.get({ id: draftId })).draft;
    expect(back).toMatchObject({
      accountId: account.id,
      to: original.to,
      cc: original.cc,
      bcc: original.bcc,
      subject: 'Ofertă — versiunea finală',
      plainText: false,
      readReceipt: true,
      private: true,
      sendAt: iso(later),
      attachments: [{ kind: 'blob', filename: 'Ofertă revizuită.pdf', contentType: 'application/pdf', size: pdf.length }],
    });
    expect(back.html).toContain(picture);
    expect(back.html).not.toMatch(/cid:|<body|<html/i);

    // The rescheduled one goes at its new time; the one taken back never goes.
    await expect.poll(() => smtp!.received.length, { timeout: 15_000 }).toBe(1);
    expect(Date.now()).toBeGreaterThanOrEqual(soon);
    expect(smtp.received[0]!.raw.toString()).toMatch(/^Subject: .*relancer/m);
    // Sent again from the draft, it is an ordinary scheduled message, and the draft is gone.
    await t.api.compose.send({ draft: { ...back, sendAt: null }, draftId });
    await expect.poll(() => smtp!.received.length, { timeout: 15_000 }).toBe(2);
    await expect(t.api.drafts.get({ id: draftId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await t.engine.close();
  });

  it('refuses to change a message already sent', async () => {
    smtp = await startPlainSmtp('dave');
    const t = await openTestEngine();
    const account = await sendingAccount(t.api, smtp, 'dave');
    const { messageId } = await t.api.outbox.queue({ accountId: account.id, raw: rawMessage('dave', 'Facture').toString('base64') });
    await t.api.outbox.send({ messageId });
    // A sent message leaves the Outbox for Sent (its outbox row stays, saying so).
    await expect(t.api.outbox.cancel({ messageId })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('sent already') });
    await expect(t.api.outbox.reschedule({ messageId, sendAt: iso(Date.now() + HOUR) })).rejects.toMatchObject({ code: 'CONFLICT' });
    await t.engine.close();
  });
});

function rawMessage(user: string, subject: string): Buffer {
  return Buffer.from(
    [`From: ${user} <${user}@facteur.test>`, 'To: Client <client@exemple.fr>', `Subject: ${subject}`, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '', 'Bonjour.', ''].join('\r\n'),
    'utf8',
  );
}
