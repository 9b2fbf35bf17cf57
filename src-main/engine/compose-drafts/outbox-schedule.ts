import type { Draft, DraftAttachment, OutboxItem } from '../../../src-shared/contract/index.js';
import { EngineError, forbidden } from '../errors.js';
import { resolveCidLinks } from '../mail/cid.js';
import { parseMessage } from '../mail/parse.js';
import type { OutboxEntry } from '../store/outbox-repo.js';
import { cached } from '../store/statements.js';
import type { CallContext, DomainHandlers, ServiceDeps } from '../services/handler.js';
import { usableAccount } from './drafts.js';
import { draftsRuntime } from './runtime.js';

/** A time this close to now still counts as "to come" (the picker's minute, a slow click). */
const PAST_TOLERANCE_MS = 60_000;

const item = ({ envelopeFrom: _f, inReplyToMessage: _r, ...rest }: OutboxEntry): OutboxItem => rest;

/** Scheduled messages changed before they go: another time, or back to a draft (to edit, or not send at all). */
export function outboxScheduleHandlers(deps: ServiceDeps): Pick<DomainHandlers<'outbox'>, 'outbox.cancel' | 'outbox.reschedule'> {
  const waiting = (ctx: CallContext, messageId: number) => {
    const entry = deps.outbox.get(messageId);
    usableAccount(deps, ctx.agentId, entry.accountId);
    return entry;
  };

  return {
    'outbox.reschedule': (input, ctx) => {
      const entry = waiting(ctx, input.messageId);
      const at = Date.parse(input.sendAt);
      if (at < Date.now() - PAST_TOLERANCE_MS) throw new EngineError('INVALID_INPUT', 'That time has passed; choose a time to come, or send the message now.');
      if (!deps.outbox.reschedule(entry.messageId, at)) throw notWaiting(deps.outbox.get(entry.messageId));
      deps.events.changed('outbox', [entry.messageId]);
      return item(deps.outbox.get(entry.messageId));
    },

    'outbox.cancel': async (input, ctx) => {
      const entry = waiting(ctx, input.messageId);
      if (entry.state === 'sending' || entry.state === 'sent') throw notWaiting(entry);
      const row = deps.messages.get(entry.messageId);
      if (!deps.access.canSeeContent(ctx.agentId, row)) throw forbidden('take back a private message of another agent');
      const draft = await draftOf(deps, entry, row);
      // Checked again after reading it: the scheduler may have started sending it meanwhile. From here on nothing
      // awaits, so no send can start between this check and the message leaving the Outbox.
      const now = deps.outbox.get(entry.messageId);
      if (now.state === 'sending' || now.state === 'sent') throw notWaiting(now);
      const sqlite = deps.store.sqlite;
      const saved = sqlite.transaction(() => {
        const { id } = draftsRuntime(deps).drafts.save(ctx.agentId, undefined, draft);
        // Never sent, so never correspondence: no record's history keeps it (crm/kept-history.ts would).
        cached(sqlite, 'DELETE FROM message_links WHERE message_id = ?').run(entry.messageId);
        deps.changes.delete([entry.messageId], true);
        return id;
      })();
      deps.events.changed('outbox', [entry.messageId]);
      deps.events.changed('messages', [entry.messageId]);
      deps.events.changed('folders', [row.folder_id]);
      return { draftId: saved };
    },
  };
}

function notWaiting(entry: OutboxEntry): EngineError {
  const why = entry.state === 'sending' ? 'it is being sent right now' : entry.state === 'sent' ? 'it was sent already' : `it is ${entry.state}`;
  return new EngineError('CONFLICT', `This message can no longer be changed: ${why}.`);
}

/**
 * The draft a queued message came from, read back from the MIME the Outbox keeps: recipients, subject, the HTML
 * with its pictures back as data: URLs (as the editor holds them) or the text, the files, the receipt request, the
 * privacy and category, the message it answers, and its time when still to come.
 */
async function draftOf(deps: ServiceDeps, entry: OutboxEntry, row: { private: number; category: string | null }): Promise<Draft> {
  const parsed = await parseMessage(deps.sourceOf(entry.messageId));
  const source = parsed.html;
  // Pictures the HTML shows by cid: go back into it; every other part is a file.
  const pictures = source === null ? [] : parsed.attachments.filter((a) => a.contentId !== null && /^image\//.test(a.contentType) && source.includes(`cid:${a.contentId}`));
  const html = source === null ? null : resolveCidLinks(bodyOf(source), pictures.map((a) => ({ contentId: a.contentId!, contentType: a.contentType, load: () => a.content })));
  const files = parsed.attachments.filter((a) => !pictures.includes(a));
  const attachments = files.map((a): DraftAttachment => ({ kind: 'upload', filename: a.filename || 'attachment', contentType: a.contentType, data: a.content.toString('base64') }));
  const sendAfter = entry.sendAfter === null ? null : Date.parse(entry.sendAfter);
  const origin = entry.inReplyToMessage !== null ? { kind: 'reply' as const, messageId: entry.inReplyToMessage } : null;
  return {
    accountId: entry.accountId,
    to: parsed.to,
    cc: parsed.cc,
    bcc: parsed.bcc,
    subject: parsed.subject,
    html: html ?? '',
    text: html === null ? (parsed.text ?? '') : '',
    plainText: html === null,
    attachments,
    readReceipt: /^disposition-notification-to:/im.test(parsed.headerBlock),
    private: row.private === 1,
    category: row.category,
    sendAt: sendAfter !== null && sendAfter > Date.now() ? entry.sendAfter : null,
    // The message it answers may have been deleted since.
    origin: origin && cached(deps.store.sqlite, 'SELECT 1 FROM messages WHERE id = ?').get(origin.messageId) ? origin : null,
    templateId: null,
  };
}

/** What the editor holds is the body's content, not the document the compose engine wraps around it. */
function bodyOf(html: string): string {
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html);
  return (body ? body[1]! : html).trim();
}
