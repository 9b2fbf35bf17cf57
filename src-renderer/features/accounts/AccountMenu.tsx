import { ContextMenu } from '../../components/ContextMenu.js';
import { useT } from '../../i18n/use-t.js';
import { useSyncStatus } from '../../stores/sync-status-store.js';
import { folderActions } from '../../stores/folder-actions.js';
import { openSignature } from '../signatures/signature-store.js';
import { askToRemove } from './remove-account.js';

/**
 * The account header's context menu: fetch now rather than at the next interval, push out what waits, write the
 * account's signature, or remove the account (after a confirmation that says what goes with it).
 */
export function AccountMenu({ accountId, accountName, at, onClose }: { accountId: number; accountName: string; at: { x: number; y: number }; onClose(): void }) {
  const t = useT();
  const { syncNow, sendOutbox } = useSyncStatus.getState();
  return (
    <ContextMenu
      label={t('accounts.menu.label', { name: accountName })}
      at={at}
      onClose={onClose}
      actions={[
        { id: 'get-mail', label: t('accounts.menu.getMail'), run: () => void syncNow(accountId) },
        { id: 'send-outbox', label: t('accounts.menu.sendOutbox'), run: () => void sendOutbox(accountId) },
        { id: 'new-folder', label: t('folders.menu.newFolder'), separator: true, run: () => void folderActions.create(t, null, accountId) },
        { id: 'signature', label: t('signatures.menu'), run: () => openSignature({ accountId, accountName }) },
        { id: 'remove-account', label: t('accounts.menu.remove'), separator: true, run: () => void askToRemove(accountId) },
      ]}
    />
  );
}
