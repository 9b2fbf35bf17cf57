import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHeaderBlock } from '../../src-main/engine/mail/mime-scan.js';
import { readReport } from '../../src-main/engine/reports/read-report.js';
import { looksLikeBounce } from '../../src-main/engine/reports/read-text-bounce.js';
import {
  eximTextBounce, exchangeNdr, gmailReceipt, outlookNdrFromPst, postfixBounce, postfixDelay, qmailBounce, type Original,
} from '../helpers/report-samples.js';

/**
 * Reading read receipts and bounces: given what a server or a mail client sends back about a message we sent,
 * which message it is about, and what happened to which recipient.
 */

const devis: Original = { messageId: '7d0c9f2e-devis-42@facteur.test', from: 'alice@facteur.test', to: 'marc.durand@client.fr', subject: 'Devis façade' };

const FIXTURES = join(import.meta.dirname, '../../../shared/fixtures/eml');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

/** As ingest decides: text bounces are read only from a bounce sender or subject. */
function read(raw: Buffer) {
  const headers = parseHeaderBlock(raw.toString('latin1').split(/\r?\n\r?\n/, 1)[0]!);
  const from = /[^\s<>"]+@[^\s<>"]+/.exec(headers.get('from') ?? '')?.[0];
  return readReport(raw, { textBounces: looksLikeBounce(from, headers.get('subject') ?? '') });
}

describe('delivery reports (RFC 3464)', () => {
  it('a Postfix bounce: 5.1.1 for the recipient, about the returned message (not a Message-ID quoted in its body)', () => {
    expect(read(postfixBounce(devis))).toEqual({
      kind: 'delivery',
      originals: [devis.messageId],
      standard: true,
      recipients: [{ address: devis.to, originalAddress: devis.to, status: '5.1.1', action: 'failed', bounce: 'hard' }],
    });
  });

  it('a Postfix delay warning: 4.4.1 delayed is a soft bounce, found by the returned headers alone', () => {
    expect(read(postfixDelay(devis))).toMatchObject({
      kind: 'delivery',
      originals: [devis.messageId],
      recipients: [{ address: devis.to, status: '4.4.1', action: 'delayed', bounce: 'soft' }],
    });
  });

  it("an Exchange Online NDR: Exchange's three-digit detail (5.1.10) read, the original returned and named by In-Reply-To", () => {
    expect(read(exchangeNdr(devis))).toMatchObject({
      kind: 'delivery',
      originals: [devis.messageId],
      standard: true,
      recipients: [{ address: devis.to, status: '5.1.10', bounce: 'hard' }],
    });
  });

  it('a delivered or relayed recipient changes nothing; a 4.x.x with a failed action is soft', () => {
    const raw = postfixBounce(devis).toString('utf8')
      .replace('Action: failed\r\nStatus: 5.1.1', 'Action: relayed\r\nStatus: 2.0.0')
      .replace(`Final-Recipient: rfc822; ${devis.to}`, 'Final-Recipient: rfc822; paul@atelier.fr\r\nAction: failed\r\nStatus: 4.2.2\r\n\r\n' +
        `Final-Recipient: rfc822; ${devis.to}`);
    const report = read(Buffer.from(raw));
    expect(report?.kind === 'delivery' && report.recipients.map((r) => [r.address, r.bounce])).toEqual([['paul@atelier.fr', 'soft'], [devis.to, null]]);
  });

  it('fixtures from other projects: Postfix through Exchange, Amazon SES, Exim, and a 1996 report with no Status field', () => {
    expect(read(fixture('mimekit/bounce.eml'))).toMatchObject({
      originals: ['44565655.JitbitHelpdesk.13439.691a0afc-a0a0-457c-8208-f20b7c4a4cb1@jitbit.com'],
      recipients: [{ bounce: 'hard' }],
    });
    expect(read(fixture('mailparser/delivery-status.eml'))).toMatchObject({
      originals: ['xxxxx@email.amazonses.com'],
      recipients: [{ address: 'xxxx@xxxx.com', status: '5.1.1', bounce: 'hard' }],
    });
    // Diagnostic-Code "X-LOCAL; 500 (err.nosuchuser)" and no Status: the 5xx reply code decides.
    expect(read(fixture('mimekit/delivery-status.eml'))).toMatchObject({
      originals: ['31FC7EB4.41C6@netscape.com'],
      recipients: [{ address: 'newsletter-request@imusic.com', status: '5.0.0', bounce: 'hard' }],
    });
    // Exim's DSN returns a message without a Message-ID: nothing names the original, so nothing can be matched.
    expect(read(fixture('mimekit/delivery-status2.eml'))).toMatchObject({ originals: [], recipients: [{ address: 'source@domain.com', bounce: 'hard' }] });
  });
});

describe('bounces written as text', () => {
  it("Exim's classic bounce: the bare 550 after 'SMTP error from remote mail server', the copy after the marker", () => {
    expect(read(eximTextBounce(devis))).toEqual({
      kind: 'delivery',
      originals: [devis.messageId],
      standard: false,
      recipients: [{ address: devis.to, originalAddress: null, status: '5.0.0', action: null, bounce: 'hard' }],
    });
  });

  it("qmail's failure notice", () => {
    expect(read(qmailBounce(devis))).toMatchObject({ originals: [devis.messageId], recipients: [{ address: devis.to, status: '5.7.1', bounce: 'hard' }] });
  });

  it('an Exchange NDR kept in a PST (no delivery-status part left): #550 5.1.1 under the address, the attached original', () => {
    expect(read(outlookNdrFromPst(devis))).toMatchObject({
      kind: 'delivery',
      originals: [devis.messageId],
      standard: false,
      recipients: [{ address: devis.to, status: '5.1.1', bounce: 'hard' }],
    });
  });

  it('is not read from ordinary mail: a colleague forwarding an error message is not a bounce', () => {
    const forwarded = Buffer.from(eximTextBounce(devis).toString('utf8')
      .replace('From: Mail Delivery System <Mailer-Daemon@mx.hebergeur.fr>', 'From: Paul <paul@facteur.test>')
      .replace('Subject: Mail delivery failed: returning message to sender', 'Subject: Fwd: erreur ?'));
    expect(read(forwarded)).toBeNull();
  });

  it('no recognisable status, no bounce: a postmaster notice without a code says nothing about delivery', () => {
    const noCode = Buffer.from(qmailBounce(devis).toString('utf8').replace('550 5.7.1', 'we do not relay for').replace('does not like recipient.', 'said:'));
    expect(read(noCode)).toBeNull();
  });
});

describe('read receipts (RFC 8098)', () => {
  it("Gmail's receipt: displayed, about the original named by Original-Message-ID", () => {
    expect(read(gmailReceipt(devis))).toEqual({ kind: 'receipt', originals: [devis.messageId], disposition: 'displayed', finalRecipient: devis.to });
  });

  it('a deleted-unread disposition is read as such (and applied as nothing)', () => {
    expect(read(gmailReceipt(devis, undefined, 'deleted'))).toMatchObject({ kind: 'receipt', disposition: 'deleted' });
  });

  it("without Original-Message-ID, the report's In-Reply-To names the original", () => {
    const raw = Buffer.from(gmailReceipt(devis).toString('utf8').replace(/Original-Message-ID: [^\r]*\r\n/, ''));
    expect(read(raw)).toMatchObject({ originals: [devis.messageId] });
  });

  it("the RFC's own example (MimeKit's fixture)", () => {
    expect(read(fixture('mimekit/disposition-notification.eml'))).toMatchObject({
      kind: 'receipt', originals: ['199509192301.23456@example.org'], disposition: 'displayed', finalRecipient: 'joe_recipient@example.com',
    });
  });
});

describe('everything else', () => {
  const reports = new Set(['mailparser/delivery-status.eml', 'mimekit/bounce.eml', 'mimekit/delivery-status.eml', 'mimekit/delivery-status2.eml',
    'mimekit/delivery-status-no-blank-line.eml', 'mimekit/disposition-notification.eml']);
  const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.eml') ? [relative(FIXTURES, join(dir, e.name))] : []));
  const others = files(FIXTURES).filter((f) => !reports.has(f));

  it.each(others)('%s is no report', (name) => {
    expect(read(fixture(name))).toBeNull();
  });
});
