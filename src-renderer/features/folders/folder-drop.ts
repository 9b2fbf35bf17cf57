import type { DragEvent } from 'react';
import type { FolderNode } from '../../../src-shared/contract/index.js';
import { canMoveFolder, folderActions } from '../../stores/folder-actions.js';
import { messageActions } from '../../stores/message-actions.js';
import type { Translate } from '../../i18n/use-t.js';
import { FOLDER_TYPE, MESSAGES_TYPE, readMessageIds } from '../messages/drag-data.js';
import { dropFiles } from './file-drop.js';

/** The folder being dragged: drag events only reveal the data's types until the drop. */
let draggedFolder: number | null = null;

export function startFolderDrag(folder: FolderNode, event: DragEvent): void {
  event.stopPropagation();
  draggedFolder = folder.id;
  event.dataTransfer.setData(FOLDER_TYPE, String(folder.id));
  event.dataTransfer.effectAllowed = 'move';
}

export function endFolderDrag(): void {
  draggedFolder = null;
}

/** Holding Ctrl (Option on a Mac) copies messages instead of moving them, as in Outlook and Thunderbird. */
const copying = (event: DragEvent) => event.ctrlKey || event.altKey;

/**
 * Whether this drop target takes what is dragged: messages go to any folder but the Outbox (which only holds what
 * is being sent); a folder goes under another of its account, never into itself.
 */
export function acceptsDrop(event: DragEvent, target: FolderNode | null, accountId: number | null): boolean {
  const types = event.dataTransfer.types;
  if (types.includes('Files')) {
    if (target === null || target.kind === 'outbox') return false;
    event.dataTransfer.dropEffect = 'copy';
    return true;
  }
  if (types.includes(MESSAGES_TYPE)) {
    if (target === null || target.kind === 'outbox') return false;
    event.dataTransfer.dropEffect = copying(event) ? 'copy' : 'move';
    return true;
  }
  if (types.includes(FOLDER_TYPE) && draggedFolder !== null && canMoveFolder(draggedFolder, target, accountId)) {
    event.dataTransfer.dropEffect = 'move';
    return true;
  }
  return false;
}

export function drop(event: DragEvent, target: FolderNode | null, t: Translate): void {
  event.preventDefault();
  event.stopPropagation();
  if (event.dataTransfer.files.length > 0 && target) {
    void dropFiles([...event.dataTransfer.files], target, t);
    return;
  }
  const ids = readMessageIds(event.dataTransfer);
  if (ids && target) {
    void messageActions.moveTo(target.id, copying(event), ids);
    return;
  }
  const folderId = Number(event.dataTransfer.getData(FOLDER_TYPE));
  if (Number.isInteger(folderId) && folderId > 0) void folderActions.move(folderId, target?.id ?? null);
  endFolderDrag();
}
