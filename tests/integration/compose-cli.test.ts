import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountInfo, Contact, Template } from '../../src-shared/contract/index.js';
import { bannerPng } from '../helpers/attachment-mail.js';
import { runCli, runCliJson, spawnCli } from '../helpers/cli.js';
import { SMTP_PASSWORD, startPlainSmtp } from '../helpers/compose-accounts.js';
import { leaves, parseWithPython, shape } from '../helpers/python-email.js';
import type { SmtpReceiver } from '../helpers/smtp-receiver.js';
import { tempDir } from '../helpers/temp.js';

let smtp: SmtpReceiver | undefined;
afterEach(async () => smtp?.stop());

/** `facteur outbox send` in its own process, awaited without blocking this one (the SMTP server lives here). */
async function outboxSend(data: string): Promise<{ code: number | null; stdout: string }> {
  const child = spawnCli(data, ['outbox', 'send']);
  let stdout = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, stdout };
}

function addAccount(data: string, user: string): AccountInfo {
  process.env.FACTEUR_COMPOSE_TEST_PASSWORD = SMTP_PASSWORD;
  return runCliJson<AccountInfo>(data, [
    'account', 'add', '--email', `${user}@facteur.test`, '--name', 'Ștefan Țurcanu', '--incoming', 'imap',
    '--in-host', '127.0.0.1', '--in-port', '9', '--in-security', 'none',
    '--out-host', '127.0.0.1', '--out-port', String(smtp!.port), '--out-security', 'none',
    '--user', user, '--password-env', 'FACTEUR_COMPOSE_TEST_PASSWORD',
  ]);
}

describe('facteur compose', () => {
  it('queues an HTML message with files, a receipt request and Bcc, and a plain-text one for later; outbox send sends the first', async () => {
    smtp = await startPlainSmtp('stefan');
    const data = tempDir();
    const files = tempDir();
    const account = addAccount(data, 'stefan');
    const body = join(files, 'offre.html');
    writeFileSync(body, '<p>Bonjour Élodie,</p><p>Voici notre <b>offre</b> : <a href="https://exemple.fr/offre">en ligne</a>.</p>');
    const pdf = join(files, 'Ofertă preț — 2026.pdf');
    writeFileSync(pdf, '%PDF-1.4 oferta');
    const png = join(files, "Plan d'accès.png");
    writeFileSync(png, bannerPng(30, 15));

    const queued = runCliJson<{ messageId: number; messageIdHeader: string; sendAt: string | null }>(data, [
      'compose', '--account', String(account.id), '--to', 'Élodie Lefèvre <elodie@exemple.fr>, ion@firma.ro', '--cc', '"Dupont, Jean" <jean@exemple.fr>',
      '--bcc', 'archive@facteur.test', '--subject', 'Offre spéciale — ofertă specială', '--body-file', body, '--attach', pdf, '--attach', png, '--read-receipt',
    ]);
    expect(queued).toMatchObject({ messageId: expect.any(Number), messageIdHeader: expect.stringMatching(/@facteur\.test>$/), sendAt: null });

    const textFile = join(files, 'rappel.txt');
    writeFileSync(textFile, 'Rappel : réunion demain.\n');
    const later = runCli(data, ['compose', '--account', String(account.id), '--to', 'elodie@exemple.fr', '--subject', 'Rappel', '--text-file', textFile, '--send-at', '2099-01-05T08:30:00+01:00', '--private']);
    expect(later.code).toBe(0);
    expect(later.stdout).toMatch(/^Queued as message \d+, Message-ID <[^>]+@facteur\.test>, to be sent at 2099-01-05T07:30:00\.000Z\.\n$/);

    const sent = await outboxSend(data);
    expect(sent.code).toBe(0);
    expect(smtp.received).toHaveLength(1);
    const wire = smtp.received[0]!;
    expect(wire.to.sort()).toEqual(['archive@facteur.test', 'elodie@exemple.fr', 'ion@firma.ro', 'jean@exemple.fr']);
    const mail = parseWithPython(wire.raw);
    expect(mail.defects).toEqual([]);
    expect(mail.headers).toMatchObject({
      from: ['Ștefan Țurcanu <stefan@facteur.test>'],
      to: ['Élodie Lefèvre <elodie@exemple.fr>, ion@firma.ro'],
      cc: ['"Dupont, Jean" <jean@exemple.fr>'],
      subject: ['Offre spéciale — ofertă specială'],
      'message-id': [queued.messageIdHeader],
      'disposition-notification-to': ['stefan@facteur.test'],
    });
    expect(mail.headers.bcc).toBeUndefined();
    expect(shape(mail.tree)).toEqual({ 'multipart/mixed': [{ 'multipart/alternative': ['text/plain', 'text/html'] }, 'application/pdf', 'image/png'] });
    const [text, , file1, file2] = leaves(mail.tree);
    expect(text!.text).toContain('Voici notre offre : en ligne <https://exemple.fr/offre>.');
    expect([file1!.filename, file2!.filename]).toEqual(['Ofertă preț — 2026.pdf', "Plan d'accès.png"]);

    const waiting = runCliJson<Array<{ subject: string; state: string; sendAfter: string }>>(data, ['outbox', 'list']).filter((m) => m.state === 'queued');
    expect(waiting).toEqual([expect.objectContaining({ subject: 'Rappel', sendAfter: '2099-01-05T07:30:00.000Z' })]);
  });

  it('writes from a template for a contact, and refuses what cannot be sent with the reason', async () => {
    smtp = await startPlainSmtp('ioana');
    const data = tempDir();
    const files = tempDir();
    const account = addAccount(data, 'ioana');
    const contact = runCliJson<Contact>(data, ['contacts', 'add', '--first', 'Mihai', '--last', 'Ionescu', '--email', 'mihai@firma.ro']);
    const templateBody = join(files, 'oferta.html');
    writeFileSync(templateBody, '<p>{{greeting}}</p><p>Vă trimitem oferta pentru {{contact.fullName}}.</p>');
    const template = runCliJson<Template>(data, ['templates', 'add', '--name', 'Ofertă', '--subject', 'Oferta pentru {{contact.lastName}}', '--body-file', templateBody]);

    const queued = runCliJson<{ messageId: number }>(data, ['compose', '--account', String(account.id), '--template', String(template.id), '--for-contact', String(contact.id)]);
    expect(queued.messageId).toEqual(expect.any(Number));
    expect((await outboxSend(data)).code).toBe(0);
    const mail = parseWithPython(smtp.received[0]!.raw);
    expect(mail.headers.to).toEqual(['Mihai Ionescu <mihai@firma.ro>']);
    expect(mail.headers.subject).toEqual(['Oferta pentru Ionescu']);
    expect(leaves(mail.tree)[1]!.text).toContain('Vă trimitem oferta pentru Mihai Ionescu.');

    const noBody = runCli(data, ['compose', '--account', String(account.id), '--to', 'mihai@firma.ro', '--subject', 'X']);
    expect([noBody.code, noBody.stderr]).toEqual([2, expect.stringContaining('--body-file F.html or --text-file F.txt')]);
    const badTime = runCli(data, ['compose', '--account', String(account.id), '--to', 'mihai@firma.ro', '--subject', 'X', '--text-file', templateBody, '--send-at', 'demain']);
    expect([badTime.code, badTime.stderr]).toEqual([2, expect.stringContaining('--send-at takes a date and time such as 2025-09-01T08:30+02:00')]);
    const missing = runCli(data, ['compose', '--account', String(account.id), '--to', 'mihai@firma.ro', '--subject', 'X', '--text-file', join(files, 'absent.txt')]);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('Cannot read the file')]);
    const invalid = runCli(data, ['compose', '--account', String(account.id), '--to', 'mihai@firma', '--subject', 'X', '--text-file', templateBody]);
    expect([invalid.code, invalid.stderr]).toEqual([1, expect.stringContaining('"mihai@firma" is not a valid address: correct or remove it. [INVALID_INPUT]')]);
  });
});
