import { create } from 'zustand';
import type { AccountNode, FolderNode } from '../../src-shared/contract/index.js';
import { engine } from '../api/engine.js';
import { reportError } from './error-store.js';
import { useMessageList } from './message-list-store.js';
import { useReader } from './reader-store.js';

interface FoldersState {
  accounts: AccountNode[];
  folders: FolderNode[];
  loaded: boolean;
  selectedId: number | null;
  /** Tree nodes the user closed, by key ("local", "account:3", "folder:12"); everything starts open. */
  collapsed: Record<string, true>;
  refresh(): Promise<void>;
  select(id: number | null): void;
  setExpanded(key: string, expanded: boolean): void;
}

let latest = 0;

/** Where the window opens: the first inbox in tree order (Local Folders first), else the first folder. */
function defaultFolder(folders: FolderNode[]): number | null {
  return (folders.find((f) => f.kind === 'inbox') ?? folders[0])?.id ?? null;
}

export const useFolders = create<FoldersState>((set, get) => ({
  accounts: [],
  folders: [],
  loaded: false,
  selectedId: null,
  collapsed: {},

  async refresh() {
    const mine = ++latest;
    try {
      const { accounts, folders } = await engine().client.api.folders.tree();
      if (mine !== latest) return;
      set({ accounts, folders, loaded: true });
      const selected = get().selectedId;
      if (selected === null || !folders.some((f) => f.id === selected)) get().select(defaultFolder(folders));
    } catch (error) {
      reportError(error);
    }
  },

  select(id) {
    if (id === get().selectedId && id !== null) return;
    set({ selectedId: id });
    useReader.getState().close();
    useMessageList.getState().openFolder(id);
  },

  setExpanded(key, expanded) {
    const collapsed = { ...get().collapsed };
    if (expanded) delete collapsed[key];
    else collapsed[key] = true;
    set({ collapsed });
  },
}));
