import type { FolderNode } from '../../src-shared/contract/index.js';
import { engine } from '../api/engine.js';
import type { MessageKey } from '../i18n/catalogs.js';
import { confirmDialog, nameDialog } from './dialog-store.js';
import { reportError } from './error-store.js';
import { useFolders } from './folders-store.js';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

/** The engine's limit on ids per call. */
const BATCH = 10_000;

function subtree(folder: FolderNode): FolderNode[] {
  const all = useFolders.getState().folders;
  const out = [folder];
  for (let i = 0; i < out.length; i++) out.push(...all.filter((f) => f.parentId === out[i]!.id));
  return out;
}

async function idsOf(folderId: number): Promise<number[]> {
  return (await engine().client.api.messages.ids({ folderId })).ids;
}

export const folderActions = {
  /** Under `parentId`, or at the top of an account (or of Local Folders); the new folder opens. */
  async create(t: T, parentId: number | null, accountId: number | null): Promise<void> {
    const name = await nameDialog({ title: t('folders.create.title'), label: t('folders.name'), initial: '', confirmLabel: t('folders.create.confirm') });
    if (name === null) return;
    try {
      const folder = await engine().client.api.folders.create({ parentId, accountId, name });
      if (parentId !== null) useFolders.getState().setExpanded(`folder:${parentId}`, true);
      await useFolders.getState().refresh();
      useFolders.getState().select(folder.id);
    } catch (error) {
      reportError(error);
    }
  },

  async rename(t: T, folder: FolderNode): Promise<void> {
    const name = await nameDialog({ title: t('folders.rename.title'), label: t('folders.name'), initial: folder.name, confirmLabel: t('folders.rename.confirm') });
    if (name === null || name === folder.name) return;
    await engine().client.api.folders.rename({ id: folder.id, name }).catch(reportError);
  },

  /**
   * A folder with mail in it is emptied first, its messages going to Trash like any deleted message (for good when
   * the folder is inside Trash); the engine then removes the empty folders, here and on the server.
   */
  async delete(t: T, folder: FolderNode): Promise<void> {
    const folders = subtree(folder);
    const count = folders.reduce((n, f) => n + f.total, 0);
    const inTrash = isInside(folder, 'trash');
    const ok = await confirmDialog({
      title: t('folders.delete.title', { name: folder.name }),
      body: t(inTrash ? 'folders.delete.bodyForever' : 'folders.delete.body', { count, folders: folders.length - 1 }),
      confirmLabel: t('folders.delete.confirm'),
      danger: true,
    });
    if (!ok) return;
    try {
      const api = engine().client.api;
      for (const f of folders) {
        const ids = await idsOf(f.id);
        for (let i = 0; i < ids.length; i += BATCH) await api.messages.delete({ ids: ids.slice(i, i + BATCH), permanent: inTrash });
      }
      await api.folders.delete({ id: folder.id });
    } catch (error) {
      reportError(error);
    }
  },

  async markAllRead(folder: FolderNode): Promise<void> {
    try {
      const ids = await idsOf(folder.id);
      const api = engine().client.api;
      for (let i = 0; i < ids.length; i += BATCH) await api.messages.setFlags({ ids: ids.slice(i, i + BATCH), flags: { seen: true } });
    } catch (error) {
      reportError(error);
    }
  },

  async move(folderId: number, parentId: number | null): Promise<void> {
    await engine().client.api.folders.move({ id: folderId, parentId }).catch(reportError);
  },
};

/** True when the folder is, or sits under, a folder of this kind. */
export function isInside(folder: FolderNode, kind: FolderNode['kind']): boolean {
  const byId = new Map(useFolders.getState().folders.map((f) => [f.id, f]));
  for (let f: FolderNode | undefined = folder; f; f = f.parentId === null ? undefined : byId.get(f.parentId)) {
    if (f.kind === kind) return true;
  }
  return false;
}

/** Whether `folderId` may be dropped under `target` (null: the top of `accountId`): same account, not into itself. */
export function canMoveFolder(folderId: number, target: FolderNode | null, accountId: number | null): boolean {
  const folder = useFolders.getState().folders.find((f) => f.id === folderId);
  if (!folder || folder.kind !== 'user') return false;
  if (target === null) return folder.accountId === accountId && folder.parentId !== null;
  if (target.accountId !== folder.accountId || target.id === folder.parentId) return false;
  return !subtree(folder).some((f) => f.id === target.id);
}
