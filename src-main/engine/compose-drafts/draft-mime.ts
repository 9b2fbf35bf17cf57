import MailComposer from 'nodemailer/lib/mail-composer';
import type { Draft } from '../../../src-shared/contract/compose.js';
import type { OutgoingFile } from '../compose/draft-files.js';
import { sanitizeOutgoingHtml } from '../compose/html-body.js';

/**
 * The Message-ID every copy of one draft carries: stable across saves, so a copy that outlived its replacement (an
 * upload in flight when the draft was saved again, found back on the server) is recognised as that draft's and
 * removed with the next save. The creation time keeps two installations' draft 5 apart.
 */
export function draftMessageId(draftId: number, createdAt: number): string {
  return `facteur-draft-${draftId}-${createdAt.toString(36)}@drafts.facteur.invalid`;
}

/**
 * The MIME of a draft's copy in the Drafts folder: what another mail client (or webmail) shows of a draft, with
 * its recipients (Bcc kept: it is the author's own copy), subject, body and files. Built with nodemailer's composer
 * like a sent message, but not by the compose engine's buildMime: a copy keeps the draft's stable Message-ID, and
 * its pictures left in the HTML as the editor keeps them (the copy is never sent). The HTML is sanitised all the
 * same: webmail and other clients show the copy, and it may quote someone else's mail.
 */
export async function buildDraftMime(draft: Draft, from: { name: string; address: string }, messageId: string, files: OutgoingFile[], now = new Date()): Promise<Buffer> {
  const node = new MailComposer({
    from,
    to: draft.to,
    cc: draft.cc,
    bcc: draft.bcc,
    subject: draft.subject,
    messageId: `<${messageId}>`,
    date: now,
    ...(draft.plainText || draft.html === '' ? { text: draft.text } : { html: sanitizeOutgoingHtml(draft.html), ...(draft.text ? { text: draft.text } : {}) }),
    // message/rfc822 too is a file to save, not a part to show inline.
    attachments: files.map((f) => ({ filename: f.filename, contentType: f.contentType, content: f.content, contentDisposition: 'attachment' as const })),
    headers: draft.readReceipt ? { 'Disposition-Notification-To': from.address } : {},
    newline: 'windows',
    disableFileAccess: true,
    disableUrlAccess: true,
  }).compile();
  node.keepBcc = true;
  return node.build();
}
