import type { FolderNode } from '../../../src-shared/contract/index.js';
import { notFound } from '../errors.js';
import type { CallContext, DomainHandlers, ServiceDeps } from './handler.js';

export function foldersService(deps: ServiceDeps): DomainHandlers<'folders'> {
  const tree = (ctx: CallContext) => {
    const visible = deps.access.visibleAccountIds(ctx.agentId);
    const accounts = deps.folders.accounts().filter((a) => visible.has(a.id));
    const names = new Map(accounts.map((a) => [a.id, a.name]));
    return { accounts: accounts.map(({ agentIds: _agentIds, ...a }) => a), folders: deps.folders.tree(visible, names) };
  };
  return {
    'folders.tree': (_input, ctx) => tree(ctx),
    'folders.create': (input, ctx) => {
      const parent = input.parentId === null ? null : deps.access.folder(ctx.agentId, input.parentId);
      const id = deps.folders.create(parent?.id ?? null, input.name, parent?.account_id ?? null);
      deps.events.changed('folders', [id]);
      const node: FolderNode | undefined = tree(ctx).folders.find((f) => f.id === id);
      if (!node) throw notFound(`Folder ${id}`);
      return node;
    },
  };
}
