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

const folderName = z.string().trim().min(1).max(255).refine((s) => !s.includes('/'), { message: 'A folder name cannot contain "/"' });

export const foldersCommands = {
  'folders.tree': command(z.object({}), z.object({ accounts: z.array(AccountNode), folders: z.array(FolderNode) })),
  /** Under `parentId`, or at the top of `accountId` (Local Folders when both are null). */
  'folders.create': command(z.object({ parentId: Id.nullable(), accountId: Id.nullable().default(null), name: folderName }), FolderNode),
  /** User folders only; on an account, the server's mailbox is renamed too. */
  'folders.rename': command(z.object({ id: Id, name: folderName }), FolderNode),
  /** Under another folder of the same account (or of Local Folders), or to the top (parentId null). */
  'folders.move': command(z.object({ id: Id, parentId: Id.nullable() }), FolderNode),
  /** An empty user folder (and its empty subfolders), here and on the server. */
  'folders.delete': command(z.object({ id: Id }), z.object({ deleted: z.number().int() })),
};
