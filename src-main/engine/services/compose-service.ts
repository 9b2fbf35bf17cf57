import type { Draft, DraftAttachment } from '../../../src-shared/contract/index.js';
import { normalizeAddress } from '../../../src-shared/domain/address.js';
import { safeFileName } from '../../../src-shared/domain/attachment-files.js';
import { buildMime } from '../compose/build-mime.js';
import { attachmentBytes, recipientsOf, recipientWarnings, sendProblems } from '../compose/draft-checks.js';
import { draftFiles } from '../compose/draft-files.js';
import { readOriginal } from '../compose/original.js';
import { AgentPreferences } from '../compose/preferences.js';
import { startDraft } from '../compose/start-draft.js';
import { DraftsRepo } from '../compose-drafts/drafts-repo.js';
import { EngineError, forbidden } from '../errors.js';
import { cached } from '../store/statements.js';
import type { DomainHandlers, ServiceDeps } from './handler.js';
import { deleteDraft } from './drafts-service.js';
import { queueOutgoing, sendingAccount } from './outbox-service.js';

/** Writing and sending (issue 7): a draft started by the rules, checked, built as MIME and queued in the Outbox. */
export function composeService(deps: ServiceDeps): DomainHandlers<'compose'> {
  const sqlite = deps.store.sqlite;
  const preferences = new AgentPreferences(sqlite);
  const files = (agentId: number) => draftFiles(deps, agentId);

  /** The outgoing category: the one chosen, else the template's. */
  const categoryOf = (draft: Draft): string | null => {
    if (draft.category !== null || draft.templateId === null) return draft.category;
    const row = cached(sqlite, 'SELECT category FROM templates WHERE id = ?').get(draft.templateId) as { category: string | null } | undefined;
    return row?.category ?? null;
  };

  return {
    'compose.start': (input, ctx) => startDraft({ sqlite, accounts: deps.accounts, agents: deps.agents, messages: deps.messages, access: deps.access, blobs: deps.blobs, preferences }, ctx.agentId, input),

    'compose.check': (draft, ctx) => {
      sendingAccount(deps, ctx.agentId, draft.accountId);
      return {
        warnings: recipientWarnings(sqlite, draft),
        attachmentBytes: attachmentBytes(files(ctx.agentId), draft),
        attachmentLimit: preferences.attachmentLimit(ctx.agentId),
      };
    },

    'compose.send': async ({ draft, draftId }, ctx) => {
      const account = sendingAccount(deps, ctx.agentId, draft.accountId);
      // Checked before anything is queued: sending someone else's draft would delete it afterwards.
      const saved = draftId !== undefined ? new DraftsRepo(sqlite).find(draftId) : undefined;
      if (saved && saved.agent_id !== ctx.agentId) throw forbidden(`send draft ${draftId}: another agent is writing it`);
      const agentFiles = files(ctx.agentId);
      const limit = preferences.attachmentLimit(ctx.agentId);
      const problems = sendProblems(draft, attachmentBytes(agentFiles, draft), limit);
      if (problems.length > 0) throw new EngineError('INVALID_INPUT', problems.join(' '), { problems });
      const original = draft.origin ? readOriginal(deps, ctx.agentId, draft.origin.messageId) : null;
      const replying = draft.origin !== null && draft.origin.kind !== 'forward';
      const domain = account.email.split('@')[1] ?? 'facteur.invalid';
      const built = await buildMime({
        from: { name: account.name === account.email ? '' : account.name, address: account.email },
        to: draft.to,
        cc: draft.cc,
        bcc: draft.bcc,
        subject: draft.subject.trim(),
        html: draft.plainText ? null : draft.html,
        text: draft.text,
        files: draft.attachments.map((a) => agentFiles.load(a)),
        readReceipt: draft.readReceipt,
        // A forward names the original in References only: it joins the conversation (and its records) without
        // claiming to answer it.
        inReplyTo: replying ? (original?.messageId ?? null) : null,
        references: original?.replyReferences ?? [],
        domain,
      });
      const sendAt = draft.sendAt !== null ? Date.parse(draft.sendAt) : null;
      const { messageId } = await queueOutgoing(deps, ctx.agentId, account, built.raw, {
        from: account.email,
        to: envelopeRecipients(draft),
        // Only a reply flags its original \Answered; a forward has no such flag the store keeps.
        inReplyTo: replying && original ? original.id : null,
        sendAfter: sendAt,
        private: draft.private,
        category: categoryOf(draft),
      });
      preferences.setLastAccount(ctx.agentId, account.id);
      releaseUploads(ctx.agentId, draft.attachments);
      // The draft and its Drafts-folder copies go the drafts engine's way (one already discarded elsewhere is no error).
      if (saved) await deleteDraft(deps, saved.id, ctx.agentId);
      return { messageId, messageIdHeader: built.messageId, sendAt: sendAt !== null ? new Date(sendAt).toISOString() : null };
    },

    'compose.upload': (input, ctx) => {
      const bytes = Buffer.from(input.data, 'base64');
      // The file is whole on disk before the hold that keeps it is written (blob-store.ts).
      const blob = deps.blobs.put(bytes);
      cached(sqlite, "INSERT OR IGNORE INTO blob_holds (sha256, holder, holder_id) VALUES (?, 'upload', ?)").run(blob.sha256, ctx.agentId);
      const attachment: DraftAttachment = {
        kind: 'blob',
        filename: safeFileName(input.filename, 'attachment'),
        contentType: input.contentType,
        sha256: blob.sha256,
        size: blob.size,
      };
      return attachment;
    },
  };

  /** Each recipient once, however its address was typed (RFC 5321 leaves the case to the server; none uses it). */
  function envelopeRecipients(draft: Draft): string[] {
    const seen = new Map<string, string>();
    for (const { address } of recipientsOf(draft)) if (!seen.has(normalizeAddress(address))) seen.set(normalizeAddress(address), address.trim());
    return [...seen.values()];
  }

  /**
   * An upload is held for its agent until it is sent: from then on the sent message's attachment rows keep the
   * blob, and a draft that still names it holds it under its own hold.
   */
  function releaseUploads(agentId: number, attachments: DraftAttachment[]): void {
    const shas = attachments.flatMap((a) => (a.kind === 'blob' ? [a.sha256] : []));
    if (shas.length === 0) return;
    cached(sqlite, "DELETE FROM blob_holds WHERE holder = 'upload' AND holder_id = ? AND sha256 IN (SELECT value FROM json_each(?))").run(agentId, JSON.stringify(shas));
  }
}
