import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { composeCommands } from '../../../src-shared/contract/compose.js';
import type { Address, Draft, DraftAttachment, Locale } from '../../../src-shared/contract/index.js';
import { normalizeAddress } from '../../../src-shared/domain/address.js';
import { safeFileName } from '../../../src-shared/domain/attachment-files.js';
import { emptyDraft } from '../../../src-shared/domain/empty-draft.js';
import type { BlobStore } from '../blobs/blob-store.js';
import { EngineError, notFound } from '../errors.js';
import type { Access } from '../services/access.js';
import type { AccountsRepo } from '../store/accounts-repo.js';
import type { AgentsRepo } from '../store/agents-repo.js';
import type { MessagesRepo } from '../store/messages-repo.js';
import { cached } from '../store/statements.js';
import { renderTemplate } from '../templates/render-template.js';
import { TemplatesRepo } from '../templates/templates-repo.js';
import { chooseAccount, sendableAccounts } from './account-choice.js';
import { readOriginal, type Original } from './original.js';
import type { AgentPreferences } from './preferences.js';
import { forwardQuote, replyQuote } from './quote.js';
import { replyRecipients } from './reply-recipients.js';
import { forwardSubject, replySubject } from './subject-prefix.js';

export interface StartDeps {
  sqlite: Database.Database;
  accounts: AccountsRepo;
  agents: AgentsRepo;
  messages: MessagesRepo;
  access: Access;
  blobs: BlobStore;
  preferences: AgentPreferences;
}

type StartInput = z.output<(typeof composeCommands)['compose.start']['input']>;
type StartOutput = z.output<(typeof composeCommands)['compose.start']['output']>;

/** compose.start: a draft as the composer opens it, for a new message, a reply or a forward (see the contract). */
export function startDraft(deps: StartDeps, agentId: number, input: StartInput, timeZone?: string): StartOutput {
  if (input.mode !== 'new' && input.messageId === undefined) {
    throw new EngineError('INVALID_INPUT', `To ${input.mode.replace(/-/g, ' ')}, say which message (messageId).`);
  }
  const original = input.messageId !== undefined ? readOriginal(deps, agentId, input.messageId) : null;
  const sendable = sendableAccounts(deps.accounts.list(), agentId);
  const choice = chooseAccount(sendable, agentId, original?.row.account_id ?? null, deps.preferences.lastAccount(agentId));
  if (!choice) throw new EngineError('NOT_FOUND', 'You have no mail account to send from: add one, or ask for an account to be attached to you.');
  const agent = deps.agents.get(agentId);
  const locale: Locale = agent.locale ?? 'en';
  const own = new Set([...sendable.map((a) => a.email), ...(agent.email ? [agent.email] : [])].map(normalizeAddress));

  // Answering a private message keeps the answer private too.
  const draft: Draft = { ...emptyDraft(choice.account.id), private: original?.row.private === 1 };
  let quoteHtml = '';
  if (original && input.mode !== 'new') {
    const answered = answer(original, input.mode, own, locale, input.quote, timeZone);
    Object.assign(draft, answered.draft);
    quoteHtml = answered.quoteHtml;
  }
  if (input.contactId !== undefined) {
    const contact = contactAddress(deps.sqlite, input.contactId);
    if (contact && !draft.to.some((a) => normalizeAddress(a.address) === normalizeAddress(contact.address))) draft.to.push(contact);
  }
  if (input.templateId !== undefined) fromTemplate(deps, agentId, input.templateId, input.contactId, draft);

  const signature = cached(deps.sqlite, 'SELECT html, position FROM signatures WHERE account_id = ?').get(choice.account.id) as
    | { html: string; position: 'above-quote' | 'below-quote' }
    | undefined;
  return {
    draft,
    quoteHtml,
    signatureHtml: signature?.html ?? '',
    signaturePosition: signature?.position ?? 'above-quote',
    accountSettled: choice.settled,
    accounts: sendable.map((a) => ({ id: a.id, name: a.name, email: a.email, private: a.agentIds.length > 0 })),
  };
}

function answer(original: Original, mode: Exclude<StartInput['mode'], 'new'>, own: ReadonlySet<string>, locale: Locale, quote: boolean, timeZone?: string) {
  const origin = { kind: mode === 'forward-as-attachment' ? ('forward' as const) : mode, messageId: original.id };
  switch (mode) {
    case 'reply':
    case 'reply-all':
      return {
        draft: { ...replyRecipients(original, mode, own), subject: replySubject(original.subject), origin },
        quoteHtml: quote ? replyQuote(original, locale, timeZone) : '',
      };
    case 'forward': {
      const attachments: DraftAttachment[] = original.files.map((f) => ({ kind: 'attachment', attachmentId: f.id, filename: safeFileName(f.filename, `attachment-${f.id}`) }));
      return { draft: { subject: forwardSubject(original.subject), attachments, origin }, quoteHtml: quote ? forwardQuote(original, locale, timeZone) : '' };
    }
    case 'forward-as-attachment': {
      const filename = safeFileName(`${(original.subject.trim() || 'message').replace(/[/\\]/g, '-').slice(0, 200)}.eml`, 'message.eml');
      return { draft: { subject: forwardSubject(original.subject), attachments: [{ kind: 'message' as const, messageId: original.id, filename }], origin }, quoteHtml: '' };
    }
  }
}

function contactAddress(sqlite: Database.Database, contactId: number): Address | null {
  const row = cached(sqlite, 'SELECT first_name, last_name, email, email2 FROM contacts WHERE id = ? AND deleted_at IS NULL').get(contactId) as
    | { first_name: string; last_name: string; email: string | null; email2: string | null }
    | undefined;
  if (!row) throw notFound(`Contact ${contactId}`);
  const address = row.email ?? row.email2;
  return address ? { name: `${row.first_name} ${row.last_name}`.trim(), address } : null;
}

/**
 * The template's subject, parts and files, filled for the contact (or the first recipient). A field with no value
 * is left empty rather than marked: what the composer holds may be sent as it is, and braces never reach anyone.
 */
function fromTemplate(deps: StartDeps, agentId: number, templateId: number, contactId: number | undefined, draft: Draft): void {
  const template = new TemplatesRepo(deps.sqlite).get(templateId);
  deps.access.folder(agentId, template.folderId);
  const target = contactId !== undefined ? { contactId } : draft.to[0] ? { address: draft.to[0] } : {};
  const rendered = renderTemplate(deps.sqlite, templateId, target, { agentId, markMissing: false });
  if (draft.origin === null || draft.subject === '') draft.subject = rendered.subject;
  draft.html = rendered.html;
  draft.attachments = [...draft.attachments, ...template.attachments];
  draft.category = template.category;
  draft.templateId = templateId;
}
