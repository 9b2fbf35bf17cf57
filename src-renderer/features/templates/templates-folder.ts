import type { FolderNode } from '../../../src-shared/contract/index.js';
import { useFolders } from '../../stores/folders-store.js';

/** Whether a folder is a Templates folder or below one (subfolders are ordinary user folders). */
export function inTemplatesTree(folders: readonly FolderNode[], id: number): boolean {
  const byId = new Map(folders.map((f) => [f.id, f]));
  for (let folder = byId.get(id); folder; folder = folder.parentId === null ? undefined : byId.get(folder.parentId)) {
    if (folder.kind === 'templates') return true;
  }
  return false;
}

/** The selected folder when it holds templates rather than messages, else null. */
export function useTemplatesFolder(): number | null {
  return useFolders((s) => (s.selectedId !== null && s.selectedView === null && inTemplatesTree(s.folders, s.selectedId) ? s.selectedId : null));
}
