import { ContextMenu, type MenuAction } from '../../components/ContextMenu.js';
import { useT } from '../../i18n/use-t.js';
import { useFolders } from '../../stores/folders-store.js';
import { messageAt, useMessageList } from '../../stores/message-list-store.js';
import { messageActions } from '../../stores/message-actions.js';
import { addSendersToAddressBook } from '../crm-actions/add-senders.js';
import { moveSelection, runListCommand } from './list-commands.js';

/** Right-click on the selection: what the toolbar does, plus copy, open and the read state named outright. */
export function RowMenu({ at, onClose }: { at: { x: number; y: number }; onClose(): void }) {
  const t = useT();
  const list = useMessageList.getState();
  const count = list.selectedIds.size;
  const focused = messageAt(list, list.selectedIndex);
  const inJunk = useFolders.getState().folders.find((f) => f.id === list.folderId)?.kind === 'junk';
  const actions: MenuAction[] = [
    ...(count === 1 ? [{ id: 'open', label: t('list.action.open'), run: () => runListCommand('open', t) }] : []),
    { id: 'read', label: t('list.action.markRead'), run: () => runListCommand('markRead', t) },
    { id: 'unread', label: t('list.action.markUnread'), run: () => runListCommand('markUnread', t) },
    { id: 'star', label: t(focused?.flags.flagged ? 'list.action.unstar' : 'list.action.star'), run: () => runListCommand('toggleStar', t) },
    { id: 'move', label: t('list.action.move'), separator: true, run: () => void moveSelection(t) },
    { id: 'copy', label: t('list.action.copy'), run: () => void moveSelection(t, true) },
    { id: 'category', label: t('list.action.category'), run: () => runListCommand('category', t) },
    ...(count === 1 && focused ? [{ id: 'save-eml', label: t('list.action.saveEml'), run: () => void messageActions.saveAsEml(focused.id) }] : []),
    inJunk
      ? { id: 'not-junk', label: t('list.action.notJunk'), run: () => runListCommand('notJunk', t) }
      : { id: 'junk', label: t('list.action.junk'), run: () => runListCommand('junk', t) },
    { id: 'add-senders', label: t('crmActions.addSenders.menu', { count }), separator: true, run: () => void addSendersToAddressBook([...list.selectedIds], t) },
    { id: 'delete', label: t('list.action.delete'), separator: true, run: () => runListCommand('delete', t) },
  ];
  return <ContextMenu label={t('list.menu', { count })} at={at} onClose={onClose} actions={actions} />;
}
