import { z } from 'zod';
import { FOLDER_KINDS } from '../domain/folder-kinds.js';
import { Id } from './common.js';
import { command } from './define.js';

export const FolderKind = z.enum(FOLDER_KINDS);

export const FolderNode = z.object({
  id: Id,
  parentId: Id.nullable(),
  accountId: Id.nullable(),
  kind: FolderKind,
  name: z.string(),
  /** Names from the top joined with '/', starting with the account's name or "Local Folders". */
  path: z.string(),
  total: z.number().int(),
  unread: z.number().int(),
});
export type FolderNode = z.infer<typeof FolderNode>;

export const AccountNode = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  /** Attached to one or more agents; public accounts are attached to none. */
  private: z.boolean(),
});
export type AccountNode = z.infer<typeof AccountNode>;

export const foldersCommands = {
  'folders.tree': command(z.object({}), z.object({ accounts: z.array(AccountNode), folders: z.array(FolderNode) })),
  'folders.create': command(
    z.object({ parentId: Id.nullable(), name: z.string().trim().min(1).max(255).refine((s) => !s.includes('/'), {
      message: 'A folder name cannot contain "/"',
    }) }),
    FolderNode,
  ),
};
