import { ContractError, type Draft, type Output, type DraftAttachment, type MessageDetail, type MessageLink, type SavedDraft } from '../../../src-shared/contract/index.js';
import { engine } from '../../api/engine.js';
import { htmlFragment, splitHtml, type BodyParts } from './body-parts.js';
import { readBackup } from './compose-backup.js';
import { useComposer, type ComposerState } from './compose-store.js';
import type { ComposeTarget } from './compose-window.js';

type Started = Output<'compose.start'>;

function startParts(started: Started): BodyParts {
  return {
    html: started.draft.html,
    text: started.draft.text,
    signature: htmlFragment(started.signatureHtml),
    position: started.signaturePosition,
    quote: htmlFragment(started.quoteHtml),
  };
}

/** A saved draft as the composer holds it: the editor gets the body, the signature and the quote their blocks. */
function savedParts(draft: Draft): BodyParts {
  if (draft.plainText) return { html: '', text: draft.text, signature: '', position: 'above-quote', quote: '' };
  const split = splitHtml(draft.html);
  return { ...split, text: '', signature: htmlFragment(split.signature), quote: htmlFragment(split.quote) };
}

/**
 * The Message-ID the engine gives a draft's copy in Drafts (compose-drafts/draft-mime.ts, draftMessageId): it names
 * the draft, so the copy opens as that very draft rather than as a new one beside it.
 */
const DRAFT_COPY_ID = /^<?facteur-draft-([1-9][0-9]{0,14})-[0-9a-z]+@drafts\.facteur\.invalid>?$/;

/**
 * A message of a Drafts folder: the draft Facteur saved it for, when it is one of the agent's own; otherwise (a
 * draft written in another client) a new draft made from the message, which replaces it once saved.
 */
async function draftsMessage(messageId: number): Promise<{ saved: SavedDraft } | { made: Draft; detail: MessageDetail }> {
  const api = engine().client.api;
  const detail = await api.messages.get({ id: messageId });
  const own = DRAFT_COPY_ID.exec(detail.messageId ?? '');
  if (own) {
    try {
      return { saved: await engine().client.api.drafts.get({ id: Number(own[1]) }) };
    } catch (error) {
      // Another agent's draft, or one deleted meanwhile: its copy is taken as any other client's would be.
      if (!(error instanceof ContractError && error.code === 'NOT_FOUND')) throw error;
    }
  }
  const { folders } = await api.folders.tree();
  const accountId = folders.find((f) => f.id === detail.folderId)?.accountId ?? null;
  const attachments: DraftAttachment[] = detail.attachments
    .filter((a) => !a.inline)
    .map((a) => ({ kind: 'attachment', attachmentId: a.id, filename: a.filename || 'attachment' }));
  const made: Draft = {
    accountId: accountId ?? 0,
    to: detail.to,
    cc: detail.cc,
    bcc: detail.bcc,
    subject: detail.subject,
    html: detail.html ?? '',
    text: detail.html === null ? (detail.text ?? '') : '',
    plainText: detail.html === null,
    attachments,
    readReceipt: false,
    private: detail.private,
    category: detail.category,
    sendAt: null,
    origin: null,
    templateId: null,
  };
  return { made, detail };
}

async function linksFor(draft: Draft, contactId: number | undefined): Promise<MessageLink[]> {
  const api = engine().client.api;
  try {
    if (draft.origin) return (await api.messages.get({ id: draft.origin.messageId })).links;
    if (contactId !== undefined) {
      const contact = await api.contacts.get({ id: contactId });
      const name = [contact.firstName, contact.lastName].filter(Boolean).join(' ') || contact.email || '';
      return [{ type: 'contact', id: contactId, name, reason: 'manual' }];
    }
  } catch {
    // The records only offer their documents to attach; the mail is written without them.
  }
  return [];
}

let loading: ComposeTarget | null = null;

/** Opens the window's mail: a new one from compose.start, a saved draft, or a message of a Drafts folder. */
export async function loadComposer(target: ComposeTarget): Promise<void> {
  // Once per window (React's development mode runs effects twice).
  if (loading === target) return;
  loading = target;
  try {
    const state = await load(target);
    useComposer.setState({ ...state, phase: 'ready', loadError: null });
  } catch (error) {
    useComposer.setState({ phase: 'failed', loadError: error instanceof Error ? error.message : String(error) });
  }
}

type Loaded = Pick<ComposerState, 'draft' | 'draftId' | 'reopened' | 'replacesMessageId' | 'parts' | 'accounts' | 'accountSettled' | 'links'> &
  Partial<Pick<ComposerState, 'revision' | 'savedRevision'>>;

async function load(target: ComposeTarget): Promise<Loaded> {
  // Every composer needs the accounts the agent may send from, which compose.start gives with its new draft.
  const started = await engine().client.api.compose.start(target.kind === 'start'
      ? { mode: target.mode, messageId: target.messageId, contactId: target.contactId, templateId: target.templateId, quote: target.quote }
      : { mode: 'new' },
  );
  const common = { accounts: started.accounts, replacesMessageId: null };

  // The same window reloaded before its last change was saved: the copy kept in this tab is the newest.
  const backup = readBackup();
  if (backup) {
    return { ...common, ...backup, accountSettled: true, links: await linksFor(backup.draft, undefined), revision: 1, savedRevision: 0 };
  }

  switch (target.kind) {
    case 'start':
      return {
        ...common,
        draft: started.draft,
        draftId: null,
        reopened: false,
        parts: startParts(started),
        accountSettled: started.accountSettled || started.accounts.length < 2,
        links: await linksFor(started.draft, target.contactId),
      };
    case 'draft': {
      const saved = await engine().client.api.drafts.get({ id: target.id });
      return { ...common, draft: saved.draft, draftId: saved.id, reopened: true, parts: savedParts(saved.draft), accountSettled: true, links: await linksFor(saved.draft, undefined) };
    }
    case 'drafts-message': {
      const found = await draftsMessage(target.id);
      if ('saved' in found) {
        const { saved } = found;
        return { ...common, draft: saved.draft, draftId: saved.id, reopened: true, parts: savedParts(saved.draft), accountSettled: true, links: await linksFor(saved.draft, undefined) };
      }
      const draft = { ...found.made, accountId: found.made.accountId || started.draft.accountId };
      const parts = savedParts(draft);
      return {
        ...common,
        draft,
        draftId: null,
        reopened: true,
        replacesMessageId: target.id,
        parts: draft.plainText ? parts : { ...parts, html: htmlFragment(parts.html) },
        accountSettled: true,
        links: found.detail.links,
      };
    }
  }
}
