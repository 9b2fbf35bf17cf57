import { ContextMenu, type MenuAction } from '../../components/ContextMenu.js';
import type { FolderNode } from '../../../src-shared/contract/index.js';
import { useT } from '../../i18n/use-t.js';
import { folderActions } from '../../stores/folder-actions.js';
import { useImports } from '../../stores/imports-store.js';
import { useExport } from '../imports/ExportDialog.js';

/** Right-click on a folder: new subfolder everywhere but the Outbox; rename and delete for the person's own folders. */
export function FolderMenu({ folder, name, at, onClose }: { folder: FolderNode; name: string; at: { x: number; y: number }; onClose(): void }) {
  const t = useT();
  const own = folder.kind === 'user';
  const actions: MenuAction[] = [
    ...(folder.kind !== 'outbox' ? [{ id: 'new-folder', label: t('folders.menu.newFolder'), run: () => void folderActions.create(t, folder.id, folder.accountId) }] : []),
    ...(own ? [{ id: 'rename-folder', label: t('folders.menu.rename'), run: () => void folderActions.rename(t, folder) }] : []),
    ...(folder.accountId === null
      ? [{ id: 'import-here', label: t('imports.menu.into'), run: () => useImports.getState().openWizard(folder.id) }]
      : []),
    { id: 'export', label: t('exports.menu'), run: () => useExport.setState({ folderId: folder.id }) },
    { id: 'mark-all-read', label: t('folders.menu.markAllRead'), separator: true, run: () => void folderActions.markAllRead(folder) },
    ...(own ? [{ id: 'delete-folder', label: t('folders.menu.delete'), separator: true, run: () => void folderActions.delete(t, folder) }] : []),
  ];
  return <ContextMenu label={t('folders.menu.label', { name })} at={at} onClose={onClose} actions={actions} />;
}
