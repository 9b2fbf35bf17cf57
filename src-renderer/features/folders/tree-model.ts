import type { AccountNode, FolderNode } from '../../../src-shared/contract/index.js';

export interface FolderBranch {
  folder: FolderNode;
  children: FolderBranch[];
}

/** One top-level node: "Local Folders" (account null) or a mail account, with its folders nested by parentId. */
export interface AccountGroup {
  key: string;
  account: AccountNode | null;
  roots: FolderBranch[];
}

export const folderKey = (id: number): string => `folder:${id}`;

/** Keeps the engine's order, which already sorts siblings (standard kinds first, then user folders by name). */
export function buildTree(accounts: readonly AccountNode[], folders: readonly FolderNode[]): AccountGroup[] {
  const local: AccountGroup = { key: 'local', account: null, roots: [] };
  const groups = new Map(accounts.map((a) => [a.id, { key: `account:${a.id}`, account: a, roots: [] } as AccountGroup]));
  const branches = new Map(folders.map((f) => [f.id, { folder: f, children: [] } as FolderBranch]));
  for (const branch of branches.values()) {
    const { parentId, accountId } = branch.folder;
    const parent = parentId === null ? undefined : branches.get(parentId);
    if (parent) parent.children.push(branch);
    else if (accountId === null) local.roots.push(branch);
    else groups.get(accountId)?.roots.push(branch);
  }
  return [...(local.roots.length > 0 ? [local] : []), ...groups.values()];
}

/**
 * The one tree item that Tab reaches (roving tabindex): the selected folder or view when it is visible, else the
 * first item, so that keyboard users can always get into the tree.
 */
export function tabbableKey(
  groups: readonly AccountGroup[],
  collapsed: Readonly<Record<string, true>>,
  selected: { folderId: number | null; viewKey: string | null },
  firstKey: string,
): string {
  if (selected.viewKey !== null) return collapsed.views ? firstKey : selected.viewKey;
  const visible = (branches: readonly FolderBranch[]): boolean =>
    branches.some(
      (b) => b.folder.id === selected.folderId || (!collapsed[folderKey(b.folder.id)] && visible(b.children)),
    );
  const holder = groups.find((g) => !collapsed[g.key] && visible(g.roots));
  if (holder && selected.folderId !== null) return folderKey(selected.folderId);
  return firstKey;
}

export interface FlatFolder {
  folder: FolderNode;
  depth: number;
  /** The account's name, or Local Folders' in the window's language. */
  groupName: string;
}

/** The tree as a list in display order, for pickers; Local Folders are named by `localName`. */
export function flattenTree(accounts: readonly AccountNode[], folders: readonly FolderNode[], localName = 'Local Folders'): FlatFolder[] {
  const out: FlatFolder[] = [];
  const walk = (branches: readonly FolderBranch[], depth: number, groupName: string) => {
    for (const b of branches) {
      out.push({ folder: b.folder, depth, groupName });
      walk(b.children, depth + 1, groupName);
    }
  };
  for (const group of buildTree(accounts, folders)) walk(group.roots, 0, group.account?.name ?? localName);
  return out;
}
