import type { CSSProperties } from 'react';
import { Icon } from '../../components/Icon.js';
import { useT } from '../../i18n/use-t.js';
import { useFolders } from '../../stores/folders-store.js';
import { FolderItem } from './FolderItem.js';
import type { AccountGroup } from './tree-model.js';

export function AccountGroupItem({ group, tabbable }: { group: AccountGroup; tabbable: string | null }) {
  const t = useT();
  const expanded = useFolders((s) => !s.collapsed[group.key]);
  const setExpanded = useFolders((s) => s.setExpanded);
  const { account } = group;
  const nameId = `group-name-${group.key.replace(':', '-')}`;

  return (
    <li
      role="treeitem"
      aria-level={1}
      aria-expanded={expanded}
      aria-labelledby={nameId}
      tabIndex={tabbable === group.key ? 0 : -1}
      data-key={group.key}
      data-testid={account ? `account-${account.id}` : 'account-local'}
    >
      <div
        className="tree-row tree-account"
        style={{ '--level': 1 } as CSSProperties}
        title={account?.email}
        onClick={() => setExpanded(group.key, !expanded)}
      >
        <span className={`twisty${expanded ? ' is-open' : ''}`}>
          <Icon name="chevron" />
        </span>
        <span className="tree-name" id={nameId}>
          {account ? account.name : t('folders.localFolders')}
        </span>
        {account?.private ? <Icon name="lock" className="tree-lock" label={t('folders.privateAccount')} /> : null}
      </div>
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
