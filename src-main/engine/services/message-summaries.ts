import type { MessageSummary } from '../../../src-shared/contract/index.js';
import { linksOf } from '../crm/links.js';
import { conversationSizes, firstAttachments, repliesAmong } from '../store/message-list-repo.js';
import type { MessageRow } from '../store/messages-repo.js';
import type { CallContext, ServiceDeps } from './handler.js';

/** The folders the agent may see: Local Folders, and those of the accounts attached to it or to no one. */
export function visibleFoldersOf(deps: ServiceDeps, ctx: CallContext) {
  const visible = deps.access.visibleAccountIds(ctx.agentId);
  return deps.folders.all().filter((f) => f.account_id === null || visible.has(f.account_id));
}

export function flagsOf(r: MessageRow) {
  return { seen: r.seen === 1, flagged: r.flagged === 1, answered: r.answered === 1, draft: r.draft === 1, junk: r.junk === 1, mdnSent: r.mdn_sent === 1 };
}

export function isoDate(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

/** Rows as the lists show them; a private message's subject and snippet stay empty for every agent but its sender. */
export function summarize(deps: ServiceDeps, rows: MessageRow[], ctx: CallContext): MessageSummary[] {
  const { messages, access } = deps;
  const sqlite = deps.store.sqlite;
  const ids = rows.map((r) => r.id);
  const to = messages.addressesOf(ids, ['to']);
  const sizes = conversationSizes(sqlite, rows.map((r) => r.thread_id), visibleFoldersOf(deps, ctx).map((f) => f.id));
  const replies = repliesAmong(sqlite, ids);
  const attachments = firstAttachments(sqlite, ids);
  const links = linksOf(sqlite, ids);
  return rows.map((r): MessageSummary => {
    const visible = access.canSeeContent(ctx.agentId, r);
    return {
      id: r.id,
      folderId: r.folder_id,
      subject: visible ? r.subject : '',
      from: r.from_address || r.from_name ? { name: r.from_name, address: r.from_address } : null,
      to: to.get(r.id)?.get('to') ?? [],
      date: isoDate(r.date),
      direction: r.direction,
      flags: flagsOf(r),
      malformed: r.malformed === 1,
      private: r.private === 1,
      hasAttachments: r.has_attachments === 1,
      size: r.size,
      threadId: r.thread_id,
      snippet: visible ? r.snippet : '',
      accountId: r.account_id,
      category: r.category,
      isReply: replies.has(r.id),
      related: Math.max(0, (sizes.get(r.thread_id) ?? 1) - 1),
      firstAttachment: attachments.get(r.id) ?? null,
      links: links.get(r.id) ?? [],
    };
  });
}
