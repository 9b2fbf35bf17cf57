/**
 * Read receipts and bounces as real servers and clients write them (structure, field order, wording and line
 * folding taken from what Postfix 3, Exim 4, qmail, Exchange Online, Exchange 2010, Gmail and Outlook send), about
 * an original we choose. Written CRLF, as they arrive over IMAP.
 */

export interface Original {
  /** Message-ID without brackets. */
  messageId: string;
  from: string;
  to: string;
  subject: string;
}

const lines = (l: string[]) => Buffer.from(l.join('\r\n'), 'utf8');

function returnedHeaders(o: Original): string[] {
  return [
    `Return-Path: <${o.from}>`,
    'Received: from [192.168.1.20] (lfbn-lyo-1-234-56.w90-1.abo.wanadoo.fr [90.1.2.3])',
    '\tby mail.facteur.test (Postfix) with ESMTPSA id 4W1yKf2Qz7z9rxN',
    `\tfor <${o.to}>; Mon, 10 Jun 2024 12:14:58 +0200 (CEST)`,
    `Message-ID: <${o.messageId}>`,
    'Date: Mon, 10 Jun 2024 12:14:57 +0200',
    'MIME-Version: 1.0',
    'User-Agent: Facteur',
    `From: Alice Martin <${o.from}>`,
    `To: ${o.to}`,
    `Subject: ${o.subject}`,
    'Content-Type: text/plain; charset=UTF-8; format=flowed',
    'Content-Transfer-Encoding: 8bit',
  ];
}

/** The headers Postfix gives every report it writes (after any Received lines), about the sender's message. */
function postfixHeaders(o: Original, at: string, subject: string, boundary: string, messageId: string): string[] {
  return [
    `Date: ${at}`,
    'From: MAILER-DAEMON@mail.facteur.test (Mail Delivery System)',
    `Subject: ${subject}`,
    `To: ${o.from}`,
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status;',
    `\tboundary="${boundary}"`,
    'Content-Transfer-Encoding: 8bit',
    `Message-Id: <${messageId}>`,
    '',
  ];
}

/** The start of Postfix's human-readable part. */
function postfixNotification(boundary: string): string[] {
  return [`--${boundary}`, 'Content-Description: Notification', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', 'This is the mail system at host mail.facteur.test.', ''];
}

/** Postfix's delivery-status part up to the recipient's Action (the per-message fields and the recipient). */
function postfixStatus(o: Original, boundary: string): string[] {
  return [
    `--${boundary}`,
    'Content-Description: Delivery report',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mail.facteur.test',
    'X-Postfix-Queue-ID: 4W1yKf2Qz7z9rxN',
    `X-Postfix-Sender: rfc822; ${o.from}`,
    'Arrival-Date: Mon, 10 Jun 2024 12:14:58 +0200 (CEST)',
    '',
    `Final-Recipient: rfc822; ${o.to}`,
    `Original-Recipient: rfc822;${o.to}`,
  ];
}

/** Postfix 3.x, recipient's server refused RCPT TO with 550 5.1.1: the whole message returned (message/rfc822). */
export function postfixBounce(o: Original, at = 'Mon, 10 Jun 2024 12:15:03 +0200 (CEST)'): Buffer {
  const b = '4W1yKg0cZ7z9rxP.1718014503/mail.facteur.test';
  return lines([
    'Return-Path: <>',
    'Delivered-To: alice@facteur.test',
    'Received: by mail.facteur.test (Postfix)',
    `\tid 4W1yKg0cZ7z9rxP; ${at}`,
    ...postfixHeaders(o, at, 'Undelivered Mail Returned to Sender', b, '20240610101503.4W1yKg0cZ7z9rxP@mail.facteur.test'),
    'This is a MIME-encapsulated message.',
    '',
    ...postfixNotification(b),
    "I'm sorry to have to inform you that your message could not",
    'be delivered to one or more recipients. It\'s attached below.',
    '',
    'For further assistance, please send mail to postmaster.',
    '',
    'If you do so, please include this problem report. You can',
    'delete your own text from the attached returned message.',
    '',
    '                   The mail system',
    '',
    `<${o.to}>: host mx.client.fr[203.0.113.25] said: 550 5.1.1`,
    `    <${o.to}>: Recipient address rejected: User unknown in virtual`,
    '    mailbox table (in reply to RCPT TO command)',
    '',
    ...postfixStatus(o, b),
    'Action: failed',
    'Status: 5.1.1',
    'Remote-MTA: dns; mx.client.fr',
    `Diagnostic-Code: smtp; 550 5.1.1 <${o.to}>: Recipient address rejected:`,
    '    User unknown in virtual mailbox table',
    '',
    `--${b}`,
    'Content-Description: Undelivered Message',
    'Content-Type: message/rfc822',
    'Content-Transfer-Encoding: 8bit',
    '',
    ...returnedHeaders(o),
    '',
    'Bonjour,',
    '',
    'Veuillez trouver ci-joint notre devis.',
    // The body quotes an older mail: its Message-ID line must never be taken for the original's.
    '> Message-ID: <not-the-original@client.fr>',
    '',
    `--${b}--`,
    '',
  ]);
}

/** Postfix's "still being retried" warning after 4 hours: Action delayed, 4.4.1, headers only. */
export function postfixDelay(o: Original, at = 'Mon, 10 Jun 2024 16:15:03 +0200 (CEST)'): Buffer {
  const b = '4W1yKg0cZ7z9rxQ.1718028903/mail.facteur.test';
  return lines([
    'Return-Path: <>',
    ...postfixHeaders(o, at, 'Delayed Mail (still being retried)', b, '20240610141503.4W1yKg0cZ7z9rxQ@mail.facteur.test'),
    ...postfixNotification(b),
    '####################################################################',
    '# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #',
    '####################################################################',
    '',
    'Your message could not be delivered for more than 4 hour(s).',
    'It will be retried until it is 5 day(s) old.',
    '',
    `<${o.to}>: connect to mx.client.fr[203.0.113.25]:25: Connection timed out`,
    '',
    ...postfixStatus(o, b),
    'Action: delayed',
    'Status: 4.4.1',
    'Diagnostic-Code: X-Postfix; connect to mx.client.fr[203.0.113.25]:25: Connection',
    '    timed out',
    'Will-Retry-Until: Sat, 15 Jun 2024 12:14:58 +0200 (CEST)',
    '',
    `--${b}`,
    'Content-Description: Undelivered Message Headers',
    'Content-Type: text/rfc822-headers',
    'Content-Transfer-Encoding: 8bit',
    '',
    ...returnedHeaders(o),
    '',
    `--${b}--`,
    '',
  ]);
}

/** Exchange Online's NDR: a human part (text and HTML), delivery-status with 5.1.10, the original returned. */
export function exchangeNdr(o: Original): Buffer {
  const b = '_000_a3f1e2d4c5b6a7980112233445566778emea';
  const alt = '_001_a3f1e2d4c5b6a7980112233445566778emea';
  return lines([
    'From: postmaster@contoso.onmicrosoft.com',
    `To: ${o.from}`,
    'Date: Mon, 10 Jun 2024 10:15:09 +0000',
    'Content-Type: multipart/report; report-type=delivery-status;',
    `\tboundary="${b}"`,
    'X-MS-Exchange-Message-Is-Ndr:',
    'Content-Language: en-US',
    'Message-ID: <ad5c7e3a-5d2e-4a1b-9a0f-0c2b9c7e11aa@AM6PR10MB2345.EURPRD10.PROD.OUTLOOK.COM>',
    `In-Reply-To: <${o.messageId}>`,
    `References: <${o.messageId}>`,
    `Subject: Undeliverable: ${o.subject}`,
    'MIME-Version: 1.0',
    '',
    `--${b}`,
    `Content-Type: multipart/alternative; differences=Content-Type;`,
    `\tboundary="${alt}"`,
    '',
    `--${alt}`,
    'Content-Type: text/plain; charset="us-ascii"',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    `Your message to ${o.to} couldn't be delivered.`,
    `${o.to.split('@')[0]} wasn't found at ${o.to.split('@')[1]}.`,
    'alice       Office 365      marc',
    'Action Required                 Recipient',
    'Unknown To address',
    '',
    'How to Fix It',
    "The address may be misspelled or may not exist. Try one or more of the follo=",
    'wing:',
    '',
    'Diagnostic information for administrators:',
    '',
    'Generating server: AM6PR10MB2345.EURPRD10.PROD.OUTLOOK.COM',
    '',
    o.to,
    'Remote Server returned \'550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipien=',
    't not found by SMTP address lookup\'',
    '',
    `--${alt}`,
    'Content-Type: text/html; charset="us-ascii"',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    `<html><body><p>Your message to <a href=3D"mailto:${o.to}">${o.to}</a> couldn't be delivered.</p></body></html>`,
    '',
    `--${alt}--`,
    '',
    `--${b}`,
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns;AM6PR10MB2345.EURPRD10.PROD.OUTLOOK.COM',
    'Received-From-MTA: dns;AM6PR10MB1234.EURPRD10.PROD.OUTLOOK.COM',
    'Arrival-Date: Mon, 10 Jun 2024 10:15:07 +0000',
    '',
    `Final-Recipient: rfc822;${o.to}`,
    'Action: failed',
    'Status: 5.1.10',
    'Diagnostic-Code: smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup',
    'X-Display-Name: Marc',
    '',
    '',
    `--${b}`,
    'Content-Type: message/rfc822',
    '',
    ...returnedHeaders(o),
    '',
    'Bonjour Marc,',
    '',
    `--${b}--`,
    '',
  ]);
}

/**
 * An Exchange 2010 NDR as an Outlook PST keeps it (REPORT.IPM.Note.NDR), after conversion to MIME: no
 * delivery-status part any more, only the text and the original attached as message/rfc822.
 */
export function outlookNdrFromPst(o: Original): Buffer {
  const b = '----=_NextPart_000_0012_01DAB8F1.2C4D5E60';
  return lines([
    'From: Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@client.fr>',
    `To: Alice Martin <${o.from}>`,
    `Subject: Undeliverable: ${o.subject}`,
    'Date: Mon, 10 Jun 2024 12:15:10 +0200',
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${b}"`,
    '',
    `--${b}`,
    'Content-Type: text/plain; charset="utf-8"',
    'Content-Transfer-Encoding: 8bit',
    '',
    'Delivery has failed to these recipients or groups:',
    '',
    `Marc Durand (${o.to})<mailto:${o.to}>`,
    "The e-mail address you entered couldn't be found. Please check the recipient's e-mail address and try to resend the message. If the problem continues, please contact your helpdesk.",
    '',
    'Diagnostic information for administrators:',
    '',
    'Generating server: EX01.client.local',
    '',
    o.to,
    '#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##',
    '',
    'Original message headers:',
    '',
    ...returnedHeaders(o),
    '',
    `--${b}`,
    'Content-Type: message/rfc822',
    '',
    ...returnedHeaders(o),
    '',
    'Bonjour Marc,',
    '',
    `--${b}--`,
    '',
  ]);
}

/** Exim 4's classic text bounce: no MIME report, the SMTP error in prose, the message copied after a marker. */
export function eximTextBounce(o: Original): Buffer {
  return lines([
    'Return-path: <>',
    'Envelope-to: alice@facteur.test',
    'Received: from Debian-exim by mx.hebergeur.fr with local (Exim 4.96)',
    '\tid 1sGcXy-0004Rt-2P',
    `\tfor ${o.from}; Mon, 10 Jun 2024 12:15:11 +0200`,
    'X-Failed-Recipients: ' + o.to,
    'Auto-Submitted: auto-replied',
    'From: Mail Delivery System <Mailer-Daemon@mx.hebergeur.fr>',
    `To: ${o.from}`,
    'Content-Type: text/plain; charset=us-ascii',
    'Subject: Mail delivery failed: returning message to sender',
    'Message-Id: <E1sGcXy-0004Rt-2P@mx.hebergeur.fr>',
    'Date: Mon, 10 Jun 2024 12:15:11 +0200',
    '',
    'This message was created automatically by mail delivery software.',
    '',
    'A message that you sent could not be delivered to one or more of its',
    'recipients. This is a permanent error. The following address(es) failed:',
    '',
    `  ${o.to}`,
    '    host mx1.atelier-martin.fr [198.51.100.7]',
    `    SMTP error from remote mail server after RCPT TO:<${o.to}>:`,
    '    550 Unrouteable address',
    '',
    '------ This is a copy of the message, including all the headers. ------',
    '',
    ...returnedHeaders(o),
    '',
    'Bonjour,',
    '',
  ]);
}

/** qmail's "failure notice": the remote reply in prose with its enhanced code, the message below a marker. */
export function qmailBounce(o: Original): Buffer {
  return lines([
    'From: MAILER-DAEMON@mail.hebergement.ro',
    `To: ${o.from}`,
    'Subject: failure notice',
    'Date: 10 Jun 2024 10:15:12 -0000',
    'Message-ID: <20240610101512.31337.qmail@mail.hebergement.ro>',
    '',
    'Hi. This is the qmail-send program at mail.hebergement.ro.',
    "I'm afraid I wasn't able to deliver your message to the following addresses.",
    'This is a permanent error; I\'ve given up. Sorry it didn\'t work out.',
    '',
    `<${o.to}>:`,
    '198.51.100.9 does not like recipient.',
    `Remote host said: 550 5.7.1 <${o.to}>: Relay access denied`,
    'Giving up on 198.51.100.9.',
    '',
    '--- Below this line is a copy of the message.',
    '',
    ...returnedHeaders(o),
    '',
    'Bună ziua,',
    '',
  ]);
}

/** Gmail's read receipt (Google Workspace), In-Reply-To and Original-Message-ID both naming the original. */
export function gmailReceipt(o: Original, at = 'Mon, 10 Jun 2024 14:32:40 +0200', disposition = 'displayed'): Buffer {
  const b = '000000000000c7a2d4061a8e3f10';
  return lines([
    'MIME-Version: 1.0',
    `From: Marc Durand <${o.to}>`,
    `Date: ${at}`,
    'Message-ID: <CAKx9L2bTz0gH7w-3Jk1mQ8w5rXo1kFqv=Ag4NmZ0uR@mail.gmail.com>',
    `Subject: Read: ${o.subject}`,
    `To: ${o.from}`,
    `In-Reply-To: <${o.messageId}>`,
    `References: <${o.messageId}>`,
    `Content-Type: multipart/report; boundary="${b}"; report-type=disposition-notification`,
    '',
    `--${b}`,
    'Content-Type: text/plain; charset="UTF-8"',
    '',
    'This is a receipt for the mail you sent to',
    `${o.to} at 6/10/2024, 12:14 PM`,
    '',
    "This receipt verifies that the message has been displayed on the recipient's computer at 6/10/2024, 2:32 PM",
    '',
    `--${b}`,
    'Content-Type: message/disposition-notification; charset="UTF-8"',
    '',
    'Reporting-UA: mail.google.com; Gmail',
    `Final-Recipient: rfc822;${o.to}`,
    `Original-Message-ID: <${o.messageId}>`,
    `Disposition: manual-action/MDN-sent-manually; ${disposition}`,
    '',
    `--${b}--`,
    '',
  ]);
}
