import { create } from 'zustand';
import type { AccountNode, FolderNode, MessageView } from '../../src-shared/contract/index.js';
import { engine } from '../api/engine.js';
import { reportError } from './error-store.js';
import { useMessageList } from './message-list-store.js';
import { useReader } from './reader-store.js';

interface FoldersState {
  accounts: AccountNode[];
  folders: FolderNode[];
  loaded: boolean;
  selectedId: number | null;
  /** A view (every inbox, the last sent or received) shown instead of a folder. */
  selectedView: MessageView | null;
  /** Tree nodes the user closed, by key ("local", "account:3", "folder:12"); everything starts open. */
  collapsed: Record<string, true>;
  refresh(): Promise<void>;
  select(id: number | null): void;
  selectView(view: MessageView): void;
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
  selectedView: null,
  collapsed: {},

  async refresh() {
    const mine = ++latest;
    try {
      const { accounts, folders } = await engine().client.api.folders.tree();
      if (mine !== latest) return;
      set({ accounts, folders, loaded: true });
      const { selectedId: selected, selectedView } = get();
      if (selectedView === null && (selected === null || !folders.some((f) => f.id === selected))) get().select(defaultFolder(folders));
    } catch (error) {
      reportError(error);
    }
  },

  select(id) {
    if (id === get().selectedId && id !== null) return;
    set({ selectedId: id, selectedView: null });
    useReader.getState().close();
    useMessageList.getState().openFolder(id);
  },

  selectView(view) {
    if (view === get().selectedView) return;
    set({ selectedId: null, selectedView: view });
    useReader.getState().close();
    useMessageList.getState().openView(view);
  },

  setExpanded(key, expanded) {
    const collapsed = { ...get().collapsed };
    if (expanded) delete collapsed[key];
    else collapsed[key] = true;
    set({ collapsed });
  },
}));
