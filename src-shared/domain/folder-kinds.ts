/** Every kind of folder; account-bound folders map SPECIAL-USE attributes onto these, never localised names. */
export const FOLDER_KINDS = [
  'inbox',
  'sent',
  'drafts',
  'outbox',
  'junk',
  'trash',
  'templates',
  'archive',
  'user',
  'shared',
  'internal',
] as const;
export type FolderKind = (typeof FOLDER_KINDS)[number];

/** The folders every store and every account has, in the order the tree shows them. */
export const STANDARD_FOLDERS: readonly FolderKind[] = ['inbox', 'sent', 'drafts', 'outbox', 'junk', 'trash', 'templates'];

export const LOCAL_FOLDERS_NAME = 'Local Folders';

/** Only user folders can be renamed, moved or deleted by hand; the others are the app's or the server's. */
export function isUserFolder(kind: FolderKind): boolean {
  return kind === 'user';
}

/** Stable sort rank for folder kinds inside a parent: standard folders first, then user folders by name. */
export function folderRank(kind: FolderKind): number {
  const i = FOLDER_KINDS.indexOf(kind);
  return kind === 'user' ? 100 : i;
}
