import type { ConversationNode } from '../../../src-shared/contract/index.js';
import { threadConversation, type ThreadNode } from '../mail/threading.js';
import { loadConversation, type ConversationRow } from '../store/conversation-repo.js';
import type { DomainHandlers, ServiceDeps } from './handler.js';

export function threadsService(deps: ServiceDeps): DomainHandlers<'threads'> {
  const { access, folders, messages } = deps;

  return {
    'threads.conversation': (input, ctx) => {
      const seed = messages.get(input.messageId);
      access.folder(ctx.agentId, seed.folder_id);
      const accounts = access.visibleAccountIds(ctx.agentId);
      const visibleFolders = new Set(folders.all().filter((f) => f.account_id === null || accounts.has(f.account_id)).map((f) => f.id));
      const loaded = loadConversation(deps.store.sqlite, seed.id, {
        folder: (folderId) => visibleFolders.has(folderId),
        content: (message) => access.canSeeContent(ctx.agentId, message),
      });
      const rows = new Map(loaded.rows.map((r) => [r.id, r]));
      const tree = threadConversation(
        loaded.rows.map((r) => ({
          id: r.id,
          messageId: r.message_id,
          refs: loaded.refs.get(r.id) ?? [],
          threadIndex: r.thread_index,
          report: r.report_kind ? { original: r.report_original } : null,
          date: r.date,
        })),
        loaded.subjectParents,
      );

      const paths = new Map<number, string>();
      const pathOf = (folderId: number) => paths.get(folderId) ?? paths.set(folderId, folders.path(folderId)).get(folderId)!;
      const accountNames = new Map(folders.accounts().map((a) => [a.id, a.name]));
      const nodes: ConversationNode[] = [];
      const visit = (node: ThreadNode, parentKey: string | null, depth: number) => {
        const row = node.item ? rows.get(node.item.id)! : null;
        nodes.push(row ? messageNode(row, node, parentKey, depth) : missingNode(node, parentKey, depth));
        for (const child of node.children) visit(child, node.key, depth + 1);
      };
      const messageNode = (r: ConversationRow, node: ThreadNode, parentKey: string | null, depth: number): ConversationNode => {
        const visible = access.canSeeContent(ctx.agentId, r);
        const folder = folders.get(r.folder_id);
        return {
          key: node.key,
          parentKey,
          depth,
          kind: r.report_kind ?? 'message',
          id: r.id,
          messageId: r.message_id,
          linkedBy: node.linkedBy,
          subject: visible ? r.subject : '',
          from: r.from_address || r.from_name ? { name: r.from_name, address: r.from_address } : null,
          date: r.date === null ? null : new Date(r.date).toISOString(),
          direction: r.direction,
          folderId: r.folder_id,
          folder: pathOf(r.folder_id),
          account: folder.account_id === null ? null : (accountNames.get(folder.account_id) ?? null),
          seen: r.seen === 1,
          private: r.private === 1,
          contentHidden: !visible,
        };
      };
      for (const root of tree) visit(root, null, 0);
      return { messageId: seed.id, nodes, truncated: loaded.truncated };
    },
  };
}

function missingNode(node: ThreadNode, parentKey: string | null, depth: number): ConversationNode {
  return {
    key: node.key,
    parentKey,
    depth,
    kind: 'missing',
    id: null,
    messageId: node.missingId,
    linkedBy: node.linkedBy,
    subject: '',
    from: null,
    date: null,
    direction: null,
    folderId: null,
    folder: null,
    account: null,
    seen: true,
    private: false,
    contentHidden: false,
  };
}
