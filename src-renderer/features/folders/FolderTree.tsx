import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { EmptyState } from '../../components/EmptyState.js';
import { useT } from '../../i18n/use-t.js';
import { useFolders } from '../../stores/folders-store.js';
import { AccountGroupItem } from './AccountGroupItem.js';
import { onTreeKeyDown } from './tree-keyboard.js';
import { buildTree, tabbableKey } from './tree-model.js';
import { viewKey, ViewsGroup, VIEWS_KEY } from './ViewsGroup.js';
import './folder-tree.css';

export function FolderTree() {
  const t = useT();
  const { accounts, folders, loaded, selectedId, selectedView, collapsed, setExpanded } = useFolders(
    useShallow((s) => ({
      accounts: s.accounts,
      folders: s.folders,
      loaded: s.loaded,
      selectedId: s.selectedId,
      selectedView: s.selectedView,
      collapsed: s.collapsed,
      setExpanded: s.setExpanded,
    })),
  );
  const groups = useMemo(() => buildTree(accounts, folders), [accounts, folders]);
  const tabbable = tabbableKey(groups, collapsed, { folderId: selectedId, viewKey: selectedView && viewKey(selectedView) }, VIEWS_KEY);

  return (
    <nav className="pane folder-pane" aria-label={t('folders.label')}>
      {groups.length === 0 ? (
        <EmptyState text={t(loaded ? 'folders.empty' : 'folders.loading')} />
      ) : (
        <ul
          role="tree"
          className="folder-tree"
          aria-label={t('folders.label')}
          data-testid="folder-tree"
          onKeyDown={(e) => onTreeKeyDown(e, { setExpanded })}
        >
          <ViewsGroup tabbable={tabbable} />
          {groups.map((group) => (
            <AccountGroupItem key={group.key} group={group} tabbable={tabbable} />
          ))}
        </ul>
      )}
    </nav>
  );
}
