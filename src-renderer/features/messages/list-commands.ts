import { missingCase } from '../../../src-shared/domain/exhaustive.js';
import type { MessageKey } from '../../i18n/catalogs.js';
import { confirmDialog, pickCategoryDialog, pickFolderDialog } from '../../stores/dialog-store.js';
import { useFolders } from '../../stores/folders-store.js';
import { messageActions, selectionDeletesForever } from '../../stores/message-actions.js';
import { messageAt, useMessageList } from '../../stores/message-list-store.js';
import { useSyncStatus } from '../../stores/sync-status-store.js';
import { composeAbout, composeDraftMessage } from '../compose/compose-open.js';
import type { ListCommand } from './shortcuts.js';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

/** Opens a message in its own window; set by the reader when it can (the list does not know how windows open). */
let openWindow: ((id: number) => void) | null = null;
export function setMessageWindowOpener(open: (id: number) => void): void {
  openWindow = open;
}

/** Deleting from Trash, where there is no Trash, or with Shift, cannot be undone: ask first, naming how many go. */
async function deleteSelection(t: T, forever: boolean): Promise<void> {
  const count = messageActions.count();
  if (count === 0) return;
  if (forever || selectionDeletesForever()) {
    const ok = await confirmDialog({
      title: t('list.delete.foreverTitle', { count }),
      body: t('list.delete.foreverBody', { count }),
      confirmLabel: t('list.delete.foreverConfirm'),
      danger: true,
    });
    if (!ok) return;
  }
  await messageActions.delete(forever);
}

export async function moveSelection(t: T, copy = false): Promise<void> {
  const count = messageActions.count();
  if (count === 0) return;
  const folderId = await pickFolderDialog({
    title: t(copy ? 'list.copy.title' : 'list.move.title', { count }),
    confirmLabel: t(copy ? 'list.copy.confirm' : 'list.move.confirm'),
    exclude: copy ? null : useMessageList.getState().folderId,
  });
  if (folderId !== null) await messageActions.moveTo(folderId, copy);
}

/** The picker offers the categories of the cursor row's direction (incoming or outgoing), as Outlook's lists are. */
export async function categorizeSelection(t: T): Promise<void> {
  const count = messageActions.count();
  if (count === 0) return;
  const list = useMessageList.getState();
  const focused = messageAt(list, list.selectedIndex);
  const category = await pickCategoryDialog({
    title: t('list.category.title', { count }),
    direction: focused?.direction ?? 'in',
    current: count === 1 ? (focused?.category ?? null) : null,
  });
  if (category !== undefined) await messageActions.setCategory(category);
}

export function runListCommand(command: ListCommand, t: T): void {
  const list = useMessageList.getState();
  switch (command) {
    case 'delete':
      void deleteSelection(t, false);
      return;
    case 'deleteForever':
      void deleteSelection(t, true);
      return;
    case 'markRead':
      void messageActions.setFlags({ seen: true });
      return;
    case 'markUnread':
      void messageActions.setFlags({ seen: false });
      return;
    case 'toggleRead':
      void messageActions.toggleRead();
      return;
    case 'toggleStar':
      void messageActions.toggleStar();
      return;
    case 'junk':
      void messageActions.setJunk(true);
      return;
    case 'notJunk':
      void messageActions.setJunk(false);
      return;
    case 'move':
      void moveSelection(t);
      return;
    case 'category':
      void categorizeSelection(t);
      return;
    case 'selectAll':
      void list.selectAll();
      return;
    case 'toggleSelect':
      if (list.selectedIndex >= 0) list.toggle(list.selectedIndex);
      return;
    case 'next':
      void list.move(1);
      return;
    case 'previous':
      void list.move(-1);
      return;
    case 'open': {
      const message = messageAt(list, list.selectedIndex);
      if (!message) return;
      // A draft opens where it can be finished: in the composer.
      const inDrafts = useFolders.getState().folders.find((f) => f.id === message.folderId)?.kind === 'drafts';
      if (inDrafts) composeDraftMessage(message.id);
      else openWindow?.(message.id);
      return;
    }
    case 'reply':
    case 'replyAll':
    case 'forward': {
      const message = messageAt(list, list.selectedIndex);
      if (message) composeAbout(message.id, command === 'reply' ? 'reply' : command === 'replyAll' ? 'reply-all' : 'forward');
      return;
    }
    case 'getMail':
      for (const account of useFolders.getState().accounts) void useSyncStatus.getState().syncNow(account.id);
      return;
    case 'search':
      document.querySelector<HTMLInputElement>('[data-testid="search-input"]')?.focus();
      return;
    default:
      missingCase(command);
  }
}
