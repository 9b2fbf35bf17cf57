import type { FolderNode } from '../../../src-shared/contract/index.js';
import { EngineError, notFound } from '../errors.js';
import type { CallContext, DomainHandlers, ServiceDeps } from './handler.js';

export function foldersService(deps: ServiceDeps): DomainHandlers<'folders'> {
  const tree = (ctx: CallContext) => {
    const visible = deps.access.visibleAccountIds(ctx.agentId);
    const accounts = deps.folders.accounts().filter((a) => visible.has(a.id));
    const names = new Map(accounts.map((a) => [a.id, a.name]));
    return { accounts: accounts.map(({ agentIds: _agentIds, ...a }) => a), folders: deps.folders.tree(visible, names) };
  };
  const done = (id: number, ctx: CallContext) => {
    deps.events.changed('folders', [id]);
    deps.sync.wake();
    const node: FolderNode | undefined = tree(ctx).folders.find((f) => f.id === id);
    if (!node) throw notFound(`Folder ${id}`);
    return node;
  };
  return {
    'folders.tree': (_input, ctx) => tree(ctx),
    'folders.create': (input, ctx) => {
      if (input.parentId !== null) deps.access.folder(ctx.agentId, input.parentId);
      if (input.accountId !== null && !deps.access.visibleAccountIds(ctx.agentId).has(input.accountId)) {
        throw new EngineError('FORBIDDEN', 'You are not allowed to add folders to this account.');
      }
      return done(deps.folderChanges.create(input.parentId, input.name, input.accountId), ctx);
    },
    'folders.rename': (input, ctx) => {
      deps.access.folder(ctx.agentId, input.id);
      deps.folderChanges.rename(input.id, input.name);
      return done(input.id, ctx);
    },
    'folders.move': (input, ctx) => {
      deps.access.folder(ctx.agentId, input.id);
      if (input.parentId !== null) deps.access.folder(ctx.agentId, input.parentId);
      deps.folderChanges.move(input.id, input.parentId);
      return done(input.id, ctx);
    },
    'folders.delete': (input, ctx) => {
      deps.access.folder(ctx.agentId, input.id);
      const deleted = deps.folderChanges.delete(input.id);
      deps.events.changed('folders', [input.id]);
      deps.sync.wake();
      return { deleted };
    },
  };
}
