import type { FolderKind } from '../../../src-shared/domain/folder-kinds.js';
import { LAST_VIEW_SIZE, type MessageDetail, type MessageSort, type MessageView } from '../../../src-shared/contract/index.js';
import { EngineError } from '../errors.js';
import { resolveCidLinks } from '../mail/cid.js';
import { ingestMessage } from '../mail/ingest.js';
import { remoteContentAllowed } from './senders-service.js';
import { searchMessages } from '../store/search-repo.js';
import { listIds, listMessages, type ListQuery } from '../store/message-list-repo.js';
import { flagsOf, isoDate, summarize, visibleFoldersOf } from './message-summaries.js';
import { linksOf } from '../crm/links.js';
import type { FolderRow } from '../store/folders-repo.js';
import type { MessageRow } from '../store/messages-repo.js';
import type { CallContext, DomainHandlers, ServiceDeps } from './handler.js';

const OUTGOING_KINDS: ReadonlySet<FolderKind> = new Set(['sent', 'drafts', 'outbox']);

/** The folders each view gathers; mail in Junk, Trash, Drafts, the Outbox or Templates was neither sent nor received. */
const VIEW_KINDS: Record<MessageView, ReadonlySet<FolderKind>> = {
  inboxes: new Set(['inbox']),
  'last-sent': new Set(['sent', 'user', 'archive', 'shared', 'internal', 'inbox']),
  'last-received': new Set(['inbox', 'user', 'archive', 'shared', 'internal']),
};

export function messagesService(deps: ServiceDeps): DomainHandlers<'messages'> {
  const { messages, access, blobs } = deps;

  const readable = (id: number, ctx: CallContext) => {
    const row = messages.get(id);
    access.folder(ctx.agentId, row.folder_id);
    return row;
  };

  const visibleFolders = (ctx: CallContext) => visibleFoldersOf(deps, ctx);
  const summaries = (rows: MessageRow[], ctx: CallContext) => summarize(deps, rows, ctx);

  /** What a list shows: one folder, or the folders a view gathers (only the newest mail of one direction for "last"). */
  const listed = (input: { folderId?: number; view?: MessageView; sort: MessageSort }, ctx: CallContext): Omit<ListQuery, 'limit' | 'offset'> => {
    const query = { sort: input.sort, agentId: ctx.agentId };
    if (input.folderId !== undefined) {
      access.folder(ctx.agentId, input.folderId);
      return { ...query, folderIds: [input.folderId] };
    }
    const view = input.view ?? 'inboxes';
    const folderIds = visibleFolders(ctx).filter((f) => VIEW_KINDS[view].has(f.kind)).map((f) => f.id);
    const direction = view === 'last-sent' ? 'out' : view === 'last-received' ? 'in' : undefined;
    return { ...query, folderIds, direction, cap: direction ? LAST_VIEW_SIZE : undefined };
  };

  /** Where junk goes (its account's Junk) and where "not junk" returns from a Junk folder (its Inbox); null: stays. */
  const junkTarget = (folder: FolderRow, junk: boolean): number | null => {
    if (junk === (folder.kind === 'junk')) return null;
    const kind = junk ? 'junk' : 'inbox';
    const target = folder.account_id === null ? deps.folders.localByKind(kind) : deps.folders.accountFolderOfKind(folder.account_id, kind);
    return target?.id ?? null;
  };

  /** A local change to replay on the server: wake the account workers and tell the windows to look again. */
  const changed = (ids: number[], folderIds: number[]) => {
    deps.sync.wake();
    deps.events.changed('messages', ids);
    deps.events.changed('folders', folderIds);
  };

  const foldersOf = (ids: number[], ctx: CallContext) => {
    const set = new Set<number>();
    for (const id of ids) set.add(readable(id, ctx).folder_id);
    return [...set];
  };

  /**
   * A copy is a new message in the target (sharing the original's files), uploaded when the target is on a server.
   * The same bytes already in the target are not copied twice.
   */
  const copyMessages = async (ids: number[], folderId: number) => {
    const target = deps.folders.get(folderId);
    let copied = 0;
    for (const id of ids) {
      const original = messages.get(id);
      const r = await ingestMessage({ sqlite: deps.store.sqlite, blobs, messages, events: deps.events }, deps.sourceOf(id), {
        folderId,
        accountId: target.account_id,
        direction: original.direction,
        flags: messages.flagsOf([id]).get(id),
      });
      if (r.duplicate) continue;
      copied++;
      deps.changes.upload([r.id], folderId);
    }
    return copied;
  };

  const folderByRef = (ref: number | string | undefined, ctx: CallContext) => {
    if (ref === undefined) return deps.folders.localByKind('inbox');
    if (typeof ref === 'number') return access.folder(ctx.agentId, ref);
    const asId = /^\d+$/.test(ref) ? Number(ref) : null;
    if (asId !== null) return access.folder(ctx.agentId, asId);
    const visible = access.visibleAccountIds(ctx.agentId);
    const names = new Map(deps.folders.accounts().filter((a) => visible.has(a.id)).map((a) => [a.id, a.name]));
    const node = deps.folders.tree(visible, names).find((f) => f.path.toLowerCase() === ref.toLowerCase());
    if (!node) throw new EngineError('NOT_FOUND', `No folder has the path "${ref}"; list them with "facteur folders".`);
    return deps.folders.get(node.id);
  };

  return {
    'messages.list': (input, ctx) => {
      const found = listMessages(deps.store.sqlite, { ...listed(input, ctx), limit: input.limit, offset: input.offset });
      return { total: found.total, items: summaries(found.rows, ctx) };
    },

    'messages.ids': (input, ctx) => ({ ids: listIds(deps.store.sqlite, listed(input, ctx)) }),

    'messages.setJunk': (input, ctx) => {
      const folderIds = foldersOf(input.ids, ctx);
      const updated = deps.changes.setFlags(input.ids, { junk: input.junk });
      const targets = new Map<number, number[]>();
      for (const id of input.ids) {
        const row = messages.get(id);
        const target = junkTarget(deps.folders.get(row.folder_id), input.junk);
        if (target !== null) targets.set(target, [...(targets.get(target) ?? []), id]);
      }
      let moved = 0;
      for (const [target, ids] of targets) moved += deps.changes.move(ids, target);
      changed(input.ids, [...folderIds, ...targets.keys()]);
      return { updated, moved };
    },

    'messages.search': (input, ctx) => {
      const terms = input.query.split(/\s+/).filter(Boolean).slice(0, 20);
      const dated = input.since !== undefined || input.until !== undefined;
      if (terms.length === 0 && input.field !== 'unknown-sender' && !dated) return { items: [], more: false };
      const folderIds = input.folderId !== null
        ? (access.folder(ctx.agentId, input.folderId), deps.folders.subtree(input.folderId).map((f) => f.id))
        : visibleFolders(ctx).map((f) => f.id);
      const found = searchMessages(deps.store.sqlite, {
        terms,
        field: input.field,
        folderIds,
        agentId: ctx.agentId,
        since: input.since !== undefined ? Date.parse(input.since) : undefined,
        until: input.until !== undefined ? Date.parse(input.until) : undefined,
        limit: input.limit,
        offset: input.offset,
      });
      return { items: summaries(found.rows, ctx), more: found.more };
    },

    'messages.get': (input, ctx) => {
      const row = readable(input.id, ctx);
      const path = deps.folders.path(row.folder_id);
      const visible = access.canSeeContent(ctx.agentId, row);
      const roles = messages.addressesOf([row.id], ['from', 'to', 'cc', 'bcc', 'reply-to']).get(row.id);
      const attachments = visible ? messages.attachmentsOf(row.id) : [];
      const html = visible && row.html_body !== null
        ? resolveCidLinks(row.html_body, attachments.filter((a) => a.content_id).map((a) => ({
            contentId: a.content_id!,
            contentType: a.content_type,
            load: () => blobs.read(a.sha256),
          })))
        : null;
      const detail: MessageDetail = {
        id: row.id,
        messageId: row.message_id,
        subject: visible ? row.subject : '',
        from: roles?.get('from')?.[0] ?? null,
        to: roles?.get('to') ?? [],
        cc: roles?.get('cc') ?? [],
        bcc: roles?.get('bcc') ?? [],
        replyTo: roles?.get('reply-to') ?? [],
        date: isoDate(row.date),
        folderId: row.folder_id,
        folder: path,
        direction: row.direction,
        flags: flagsOf(row),
        malformed: row.malformed === 1,
        malformedReason: row.malformed_reason,
        attachments: attachments.map((a) => ({
          id: a.id,
          filename: a.filename,
          contentType: a.content_type,
          size: a.size,
          sha256: a.sha256,
          contentId: a.content_id,
          inline: a.inline === 1,
        })),
        threadId: row.thread_id,
        size: row.size,
        category: row.category,
        private: row.private === 1,
        text: visible ? row.text_body : null,
        html,
        remoteContentAllowed: remoteContentAllowed(deps.store.sqlite, ctx.agentId, roles?.get('from')?.[0]?.address),
        links: linksOf(deps.store.sqlite, [row.id]).get(row.id) ?? [],
        receiptRequested: row.direction === 'in' && row.mdn_sent === 0 && /^disposition-notification-to:/im.test(row.headers ?? ''),
        readByRecipientAt: isoDate(row.read_by_recipient_at ?? null),
        bounce: row.bounce ?? null,
      };
      return detail;
    },

    'messages.source': (input, ctx) => {
      const row = readable(input.id, ctx);
      if (!access.canSeeContent(ctx.agentId, row)) throw new EngineError('FORBIDDEN', 'This message is private to the agent who sent it.');
      const raw = deps.sourceOf(row.id);
      return { raw: raw.toString('base64'), size: raw.length };
    },

    'messages.ingest': async (input, ctx) => {
      const folder = folderByRef(input.folder, ctx);
      const result = await ingestMessage({ sqlite: deps.store.sqlite, blobs, messages, events: deps.events }, Buffer.from(input.raw, 'base64'), {
        folderId: folder.id,
        accountId: folder.account_id,
        direction: OUTGOING_KINDS.has(folder.kind) ? 'out' : 'in',
        flags: OUTGOING_KINDS.has(folder.kind) ? { seen: true, draft: folder.kind === 'drafts' } : {},
      });
      if (!result.duplicate) {
        // Stored in a server folder (a draft saved to Drafts, a message filed by hand): it goes up too.
        const account = deps.changes.upload([result.id], folder.id);
        if (account !== null) deps.sync.wake([account]);
        deps.events.changed('messages', [result.id]);
        deps.events.changed('folders', [folder.id]);
      }
      return result;
    },

    // Categories stay on this computer: IMAP keywords cannot carry a family or a direction.
    'messages.setCategory': (input, ctx) => {
      const folderIds = foldersOf(input.ids, ctx);
      const updated = deps.store.sqlite
        .prepare('UPDATE messages SET category = ? WHERE id IN (SELECT value FROM json_each(?))')
        .run(input.category, JSON.stringify(input.ids)).changes;
      deps.events.changed('messages', input.ids);
      deps.events.changed('folders', folderIds);
      return { updated };
    },

    'messages.setPrivate': (input, ctx) => {
      for (const id of input.ids) {
        const row = readable(id, ctx);
        if (row.owner_agent_id !== null && row.owner_agent_id !== ctx.agentId) {
          throw new EngineError('FORBIDDEN', `Message ${id} is another agent's: only the agent who sent it can make it private or public.`);
        }
      }
      // Whoever marks an unowned message private becomes the one agent who still sees its content.
      const updated = deps.store.sqlite
        .prepare('UPDATE messages SET private = ?, owner_agent_id = coalesce(owner_agent_id, ?) WHERE id IN (SELECT value FROM json_each(?))')
        .run(+input.private, ctx.agentId, JSON.stringify(input.ids)).changes;
      deps.events.changed('messages', input.ids);
      return { updated };
    },

    'messages.setFlags': (input, ctx) => {
      const folderIds = foldersOf(input.ids, ctx);
      const updated = deps.changes.setFlags(input.ids, input.flags);
      changed(input.ids, folderIds);
      return { updated };
    },

    'messages.move': async (input, ctx) => {
      const folderIds = foldersOf(input.ids, ctx);
      access.folder(ctx.agentId, input.folderId);
      const moved = input.copy ? await copyMessages(input.ids, input.folderId) : deps.changes.move(input.ids, input.folderId);
      changed(input.ids, [...folderIds, input.folderId]);
      return { moved };
    },

    'messages.delete': (input, ctx) => {
      const folderIds = foldersOf(input.ids, ctx);
      const result = deps.changes.delete(input.ids, input.permanent);
      changed(input.ids, folderIds);
      return result;
    },
  };
}


