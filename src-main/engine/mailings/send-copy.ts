import type { MergeTarget } from '../../../src-shared/contract/index.js';
import { buildMime } from '../compose/build-mime.js';
import { draftFiles } from '../compose/draft-files.js';
import { queueOutgoing } from '../services/outbox-service.js';
import type { ServiceDeps } from '../services/handler.js';
import { cached } from '../store/statements.js';
import { renderTemplate } from '../templates/render-template.js';
import type { MailingRow, RecipientRow } from './mailings-repo.js';

/** Whom the template is filled for: the record itself, so its own fields (and a contact's company) are used. */
function mergeTarget(r: RecipientRow): MergeTarget {
  switch (r.record_type) {
    case 'contact':
      return { contactId: r.record_id! };
    case 'lead':
      return { leadId: r.record_id! };
    default:
      return { address: { name: r.name, address: r.address! } };
  }
}

/**
 * One recipient's copy: the template filled for them as sent (a field without a value is empty), built like any
 * message Facteur sends, stored in the account's Outbox with the template's category, and filed under the
 * recipient's record even when its address alone would not file it there (a lead, an address two contacts share).
 * Returns the stored message's id.
 */
export async function sendCopy(deps: ServiceDeps, mailing: MailingRow, recipient: RecipientRow, agentId: number, now: Date): Promise<number> {
  const sqlite = deps.store.sqlite;
  const account = deps.accounts.get(mailing.account_id);
  const rendered = renderTemplate(sqlite, mailing.template_id, mergeTarget(recipient), { agentId, markMissing: false, now });
  const files = draftFiles(deps, agentId);
  const built = await buildMime({
    from: { name: account.name === account.email ? '' : account.name, address: account.email },
    to: [{ name: recipient.name, address: recipient.address! }],
    cc: [],
    bcc: [],
    subject: rendered.subject.trim(),
    html: rendered.html,
    text: '',
    files: rendered.template.attachments.map((a) => files.load(a)),
    readReceipt: false,
    inReplyTo: null,
    references: [],
    domain: account.email.split('@')[1] ?? 'facteur.invalid',
    date: now,
  });
  const { messageId } = await queueOutgoing(deps, agentId, account, built.raw, { inReplyTo: null, sendAfter: null, category: rendered.template.category });
  if (recipient.record_type === 'contact' || recipient.record_type === 'lead') {
    cached(sqlite, "INSERT OR IGNORE INTO message_links (message_id, record_type, record_id, reason) VALUES (?, ?, ?, 'manual')").run(messageId, recipient.record_type, recipient.record_id);
    deps.events.changed(recipient.record_type === 'contact' ? 'contacts' : 'leads', [recipient.record_id!]);
  }
  return messageId;
}
