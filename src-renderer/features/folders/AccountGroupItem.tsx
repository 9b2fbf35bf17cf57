import { useState, type CSSProperties, type DragEvent } from 'react';
import { ContextMenu } from '../../components/ContextMenu.js';
import { folderActions } from '../../stores/folder-actions.js';
import { useImports } from '../../stores/imports-store.js';
import { Icon } from '../../components/Icon.js';
import { useT } from '../../i18n/use-t.js';
import { useFolders } from '../../stores/folders-store.js';
import { AccountMenu } from '../accounts/AccountMenu.js';
import { AccountStatusLine } from '../accounts/AccountStatusLine.js';
import { acceptsDrop, drop } from './folder-drop.js';
import { FolderItem } from './FolderItem.js';
import type { AccountGroup } from './tree-model.js';
import { useItemMenu } from './use-item-menu.js';

export function AccountGroupItem({ group, tabbable }: { group: AccountGroup; tabbable: string | null }) {
  const t = useT();
  const expanded = useFolders((s) => !s.collapsed[group.key]);
  const setExpanded = useFolders((s) => s.setExpanded);
  const { item, row, menuAt, openMenu, closeMenu } = useItemMenu();
  const { account } = group;
  const nameId = `group-name-${group.key.replace(':', '-')}`;
  const [dropping, setDropping] = useState(false);
  const accountId = account?.id ?? null;

  // A folder dropped on the account's own row goes to the top of that account.
  function onDragOver(e: DragEvent) {
    if (!acceptsDrop(e, null, accountId)) return;
    e.preventDefault();
    setDropping(true);
  }

  return (
    <li
      ref={item}
      role="treeitem"
      aria-level={1}
      aria-expanded={expanded}
      aria-labelledby={nameId}
      aria-haspopup="menu"
      tabIndex={tabbable === group.key ? 0 : -1}
      data-key={group.key}
      data-testid={account ? `account-${account.id}` : 'account-local'}
      data-account-id={account?.id}
      data-email={account?.email}
      onContextMenu={openMenu}
    >
      <div
        ref={row}
        className={`tree-row tree-account${dropping ? ' is-drop-target' : ''}`}
        style={{ '--level': 1 } as CSSProperties}
        title={account?.email}
        onClick={() => setExpanded(group.key, !expanded)}
        onDragOver={onDragOver}
        onDragLeave={() => setDropping(false)}
        onDrop={(e) => {
          setDropping(false);
          drop(e, null, t);
        }}
      >
        <span className={`twisty${expanded ? ' is-open' : ''}`}>
          <Icon name="chevron" />
        </span>
        <span className="tree-name" id={nameId} data-testid="group-name">
          {account ? account.name : t('folders.localFolders')}
        </span>
        {account?.private ? <Icon name="lock" className="tree-lock" label={t('folders.privateAccount')} /> : null}
      </div>
      {account ? <AccountStatusLine accountId={account.id} accountName={account.name} /> : null}
      {account && menuAt ? <AccountMenu accountId={account.id} accountName={account.name} at={menuAt} onClose={closeMenu} /> : null}
      {!account && menuAt ? (
        <ContextMenu
          label={t('folders.localFolders')}
          at={menuAt}
          onClose={closeMenu}
          actions={[
            { id: 'new-folder', label: t('folders.menu.newFolder'), run: () => void folderActions.create(t, null, null) },
            { id: 'import', label: t('imports.menu.import'), run: () => useImports.getState().openWizard(null) },
          ]}
        />
      ) : null}
      {expanded ? (
        <ul role="group">
          {group.roots.map((branch) => (
            <FolderItem key={branch.folder.id} branch={branch} level={2} tabbable={tabbable} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
