import type { FolderNode, MessageFlags } from '../../src-shared/contract/index.js';
import { engine } from '../api/engine.js';
import { base64Bytes, downloadBytes } from '../features/reader/downloads.js';
import { reportError } from './error-store.js';
import { useFolders } from './folders-store.js';
import { messageAt, PAGE_SIZE, useMessageList } from './message-list-store.js';

/** The engine takes at most this many ids per call; "select all" in a big folder is sent in slices. */
const BATCH = 10_000;

function selection(): number[] {
  return [...useMessageList.getState().selectedIds];
}

async function inBatches(ids: number[], run: (batch: number[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < ids.length; i += BATCH) await run(ids.slice(i, i + BATCH));
}

/** The row the cursor was on, whose state decides what a toggle does (as Outlook: star all, or unstar all). */
function focused() {
  const state = useMessageList.getState();
  return messageAt(state, state.selectedIndex);
}

/** Runs an action that takes rows out of the list, then selects the row that came up into the cursor's place. */
async function removing(ids: number[], run: (batch: number[]) => Promise<unknown>): Promise<void> {
  if (ids.length === 0) return;
  const list = useMessageList.getState();
  const index = Math.max(0, firstSelectedIndex(ids) ?? list.selectedIndex);
  try {
    await inBatches(ids, run);
  } catch (error) {
    reportError(error);
  }
  await useMessageList.getState().selectAfterRemoval(index);
}

function firstSelectedIndex(ids: number[]): number | undefined {
  const state = useMessageList.getState();
  const wanted = new Set(ids);
  let first: number | undefined;
  for (const [page, { items }] of Object.entries(state.pages)) {
    items.forEach((m, i) => {
      const index = Number(page) * PAGE_SIZE + i;
      if (wanted.has(m.id) && (first === undefined || index < first)) first = index;
    });
  }
  return first;
}

/**
 * Deleting removes for good (asked first) in a Trash, and where the account has no Trash to move to: the engine
 * then deletes at once (LocalChanges.delete). An unknown folder (the tree not loaded yet) counts as "for good", so
 * the question is asked rather than skipped.
 */
export function deletesForever(folders: readonly FolderNode[], folderId: number): boolean {
  const folder = folders.find((f) => f.id === folderId);
  if (!folder) return true;
  if (folder.kind === 'trash') return true;
  return !folders.some((f) => f.kind === 'trash' && f.accountId === folder.accountId);
}

/** True when deleting any of these selected rows removes it for good (see deletesForever). */
export function selectionDeletesForever(): boolean {
  const state = useMessageList.getState();
  const folders = useFolders.getState().folders;
  const folderIds = new Set<number>();
  for (const { items } of Object.values(state.pages)) for (const m of items) if (state.selectedIds.has(m.id)) folderIds.add(m.folderId);
  // Rows selected but not loaded (select all in a big folder) are in the open folder.
  if (state.folderId !== null) folderIds.add(state.folderId);
  return [...folderIds].some((id) => deletesForever(folders, id));
}

export const messageActions = {
  count(): number {
    return useMessageList.getState().selectedIds.size;
  },

  async delete(permanent = false): Promise<void> {
    const api = engine().client.api;
    await removing(selection(), (ids) => api.messages.delete({ ids, permanent }));
  },

  async setFlags(flags: Partial<MessageFlags>): Promise<void> {
    const ids = selection();
    if (ids.length === 0) return;
    const api = engine().client.api;
    await inBatches(ids, (batch) => api.messages.setFlags({ ids: batch, flags })).catch(reportError);
  },

  async toggleStar(): Promise<void> {
    await messageActions.setFlags({ flagged: !(focused()?.flags.flagged ?? false) });
  },

  async toggleRead(): Promise<void> {
    await messageActions.setFlags({ seen: !(focused()?.flags.seen ?? false) });
  },

  async setCategory(category: string | null): Promise<void> {
    const ids = selection();
    if (ids.length === 0) return;
    const api = engine().client.api;
    await inBatches(ids, (batch) => api.messages.setCategory({ ids: batch, category })).catch(reportError);
  },

  /** The cursor's message as an .eml file: the desktop asks where, the browser downloads it. */
  async saveAsEml(id: number): Promise<void> {
    try {
      const desktop = window.facteur !== undefined;
      const saved = await engine().client.api.exports.message({ id, save: desktop });
      if (saved.data !== null) downloadBytes(base64Bytes(saved.data), saved.filename);
    } catch (error) {
      reportError(error);
    }
  },

  async setJunk(junk: boolean): Promise<void> {
    const api = engine().client.api;
    await removing(selection(), (ids) => api.messages.setJunk({ ids, junk }));
  },

  async moveTo(folderId: number, copy: boolean, ids = selection()): Promise<void> {
    const api = engine().client.api;
    if (copy) {
      await inBatches(ids, (batch) => api.messages.move({ ids: batch, folderId, copy: true })).catch(reportError);
      return;
    }
    await removing(ids, (batch) => api.messages.move({ ids: batch, folderId }));
  },
};
