import { spawn } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLI } from '../helpers/cli.js';
import { startDovecot, type Dovecot } from '../helpers/dovecot.js';
import { openTestEngine } from '../helpers/engine.js';
import { accountFolder, addImapAccount, dovecotTls, otherClient } from '../helpers/mail-accounts.js';
import { crlf, simpleMessage } from '../helpers/mail.js';
import { startSmtpReceiver, type SmtpReceiver } from '../helpers/smtp-receiver.js';
import { tempDir } from '../helpers/temp.js';

let dovecot: Dovecot;
let smtp: SmtpReceiver;
beforeAll(async () => {
  dovecot = await startDovecot();
});
afterAll(async () => dovecot?.stop());
afterEach(async () => smtp?.stop());

function outgoing(user: string, n: number): Buffer {
  return crlf([
    `From: ${user} <${user}@facteur.test>`,
    'To: Client <client@exemple.fr>',
    'Bcc: boss@facteur.test',
    `Subject: Devis ${n}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Bonjour, voici le devis ${n}.`,
    '',
  ]);
}

/** `facteur outbox send` in its own process, killed with SIGKILL once the server has the message and before it answers. */
async function sendKilledAfterData(data: string): Promise<void> {
  smtp.faults.push({ kind: 'hang' });
  const child = spawn(process.execPath, [CLI, 'outbox', 'send', '--data', data], { stdio: 'ignore' });
  try {
    await smtp.nextData();
  } finally {
    child.kill('SIGKILL');
  }
  await new Promise((r) => child.once('exit', r));
}

describe('the SMTP outbox', () => {
  it('sends a stored message, files it in Sent on the server and flags the original answered', async () => {
    smtp = await startSmtpReceiver({ user: 'alice', pass: 's3cret-pass' }, dovecotTls(dovecot));
    const other = await otherClient(dovecot, 'alice');
    await other.append('INBOX', simpleMessage(1));
    await other.logout();
    const { api, engine } = await openTestEngine();
    const account = await addImapAccount(api, dovecot, 'alice', smtp.port);
    await api.sync.run({ accountId: account.id });
    const inbox = await accountFolder(api, account.id, 'INBOX');
    const [original] = (await api.messages.list({ folderId: inbox.id })).items;

    const { messageId } = await api.outbox.queue({ accountId: account.id, raw: outgoing('alice', 1).toString('base64'), inReplyTo: original!.id });
    expect((await api.outbox.list({})).items).toEqual([expect.objectContaining({ messageId, state: 'queued', to: ['client@exemple.fr', 'boss@facteur.test'] })]);
    expect((await accountFolder(api, account.id, 'Outbox')).total).toBe(1);

    expect(await api.outbox.send({ accountId: account.id })).toEqual({ sent: 1, failed: 0, unknown: 0, queued: 0 });
    expect(smtp.received).toHaveLength(1);
    const wire = smtp.received[0]!;
    expect(wire.to.sort()).toEqual(['boss@facteur.test', 'client@exemple.fr']);
    expect(wire.raw.toString()).not.toMatch(/^bcc:/im);
    expect(wire.raw.toString()).toMatch(/^Message-ID: <[^>]+@facteur\.test>/im);

    const [summary] = (await api.sync.run({ accountId: account.id })).accounts;
    expect(summary!.error).toBeNull();
    expect((await accountFolder(api, account.id, 'Outbox')).total).toBe(0);
    expect((await accountFolder(api, account.id, 'Sent')).total).toBe(1);
    const check = await otherClient(dovecot, 'alice');
    await check.mailboxOpen('Sent');
    expect(await check.search({ seen: true, header: { subject: 'Devis 1' } }, { uid: true })).toHaveLength(1);
    await check.mailboxOpen('INBOX');
    expect(await check.search({ answered: true }, { uid: true })).toHaveLength(1);
    await check.logout();
    expect((await api.messages.get({ id: original!.id })).flags.answered).toBe(true);
    await engine.close();
  });

  it('keeps a message the server asks to retry, then sends it; a refused one fails with the server\'s words', async () => {
    smtp = await startSmtpReceiver({ user: 'bob', pass: 's3cret-pass' }, dovecotTls(dovecot));
    const { api, engine } = await openTestEngine();
    const account = await addImapAccount(api, dovecot, 'bob', smtp.port);
    smtp.faults.push({ kind: 'reject', code: 451, message: 'Greylisted, try again later' });
    const a = await api.outbox.queue({ accountId: account.id, raw: outgoing('bob', 1).toString('base64') });
    expect(await api.outbox.send({ accountId: account.id })).toMatchObject({ sent: 0, queued: 1 });
    const waiting = (await api.outbox.list({})).items.find((m) => m.messageId === a.messageId)!;
    expect(waiting).toMatchObject({ state: 'queued', attempts: 1, lastError: expect.stringContaining('Greylisted') });
    expect(waiting.retryAfter).not.toBeNull();
    // "Send all" respects the backoff; "send now" does not.
    expect(await api.outbox.send({ accountId: account.id })).toMatchObject({ sent: 0 });
    expect(await api.outbox.send({ messageId: a.messageId })).toMatchObject({ sent: 1 });
    expect(smtp.received).toHaveLength(1);

    smtp.faults.push({ kind: 'reject', code: 550, message: 'No such user here' });
    const b = await api.outbox.queue({ accountId: account.id, raw: outgoing('bob', 2).toString('base64') });
    expect(await api.outbox.send({ accountId: account.id })).toMatchObject({ failed: 1 });
    expect((await api.outbox.list({})).items.find((m) => m.messageId === b.messageId)).toMatchObject({
      state: 'failed',
      lastError: expect.stringContaining('No such user here'),
    });
    // A failed message stays in the Outbox, nothing lost.
    expect((await accountFolder(api, account.id, 'Outbox')).total).toBe(1);
    await engine.close();
  });

  it('marks a send killed after DATA "unknown" and never sends it twice', async () => {
    smtp = await startSmtpReceiver({ user: 'carol', pass: 's3cret-pass' }, dovecotTls(dovecot));
    const data = tempDir();
    let t = await openTestEngine(data);
    const account = await addImapAccount(t.api, dovecot, 'carol', smtp.port);
    const { messageId } = await t.api.outbox.queue({ accountId: account.id, raw: outgoing('carol', 1).toString('base64') });
    await t.engine.close();

    await sendKilledAfterData(data);

    t = await openTestEngine(data);
    const [item] = (await t.api.outbox.list({})).items;
    expect(item).toMatchObject({ messageId, state: 'unknown', lastError: expect.stringMatching(/may or may not/) });
    expect(await t.api.outbox.send({ accountId: account.id })).toEqual({ sent: 0, failed: 0, unknown: 0, queued: 0 });
    expect(smtp.received).toHaveLength(0);
    // The person knows it arrived (the recipient answered): mark it sent, it is filed in Sent.
    expect(await t.api.outbox.resolve({ messageId, action: 'mark-sent' })).toMatchObject({ state: 'sent' });
    expect((await accountFolder(t.api, account.id, 'Outbox')).total).toBe(0);
    await t.engine.close();
  });

  it('settles an interrupted send by itself when the server filed the message in Sent', async () => {
    smtp = await startSmtpReceiver({ user: 'dave', pass: 's3cret-pass' }, dovecotTls(dovecot));
    const data = tempDir();
    let t = await openTestEngine(data);
    const account = await addImapAccount(t.api, dovecot, 'dave', smtp.port);
    await t.api.sync.run({ accountId: account.id });
    const { messageId } = await t.api.outbox.queue({ accountId: account.id, raw: outgoing('dave', 1).toString('base64') });
    await t.engine.close();

    await sendKilledAfterData(data);
    // Like Gmail or Microsoft 365: the server put the message it accepted into Sent.
    t = await openTestEngine(data);
    const stored = await t.api.messages.source({ id: messageId });
    await t.engine.close();
    const other = await otherClient(dovecot, 'dave');
    await other.append('Sent', Buffer.from(stored.raw, 'base64'), ['\\Seen']);
    await other.logout();

    t = await openTestEngine(data);
    expect((await t.api.outbox.list({})).items[0]).toMatchObject({ state: 'unknown' });
    await t.api.sync.run({ accountId: account.id });
    expect((await t.api.outbox.list({})).items[0]).toMatchObject({ messageId, state: 'sent' });
    expect((await accountFolder(t.api, account.id, 'Outbox')).total).toBe(0);
    expect((await accountFolder(t.api, account.id, 'Sent')).total).toBe(1);
    expect(smtp.received).toHaveLength(0);
    await t.engine.close();
  });
});
