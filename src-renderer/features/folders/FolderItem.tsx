import { useState, type CSSProperties, type DragEvent } from 'react';
import { Icon } from '../../components/Icon.js';
import { useFolderName } from './folder-name.js';
import { useT } from '../../i18n/use-t.js';
import { useFolders } from '../../stores/folders-store.js';
import { acceptsDrop, drop, endFolderDrag, startFolderDrag } from './folder-drop.js';
import { FolderMenu } from './FolderMenu.js';
import { folderKey, type FolderBranch } from './tree-model.js';
import { useItemMenu } from './use-item-menu.js';

interface Props {
  branch: FolderBranch;
  level: number;
  tabbable: string | null;
}

export function FolderItem({ branch, level, tabbable }: Props) {
  const t = useT();
  const { folder, children } = branch;
  const key = folderKey(folder.id);
  const selected = useFolders((s) => s.selectedId === folder.id);
  const expanded = useFolders((s) => !s.collapsed[key]);
  const select = useFolders((s) => s.select);
  const setExpanded = useFolders((s) => s.setExpanded);
  const name = useFolderName()(folder);
  const hasChildren = children.length > 0;
  const unread = folder.unread > 0;
  const nameId = `folder-name-${folder.id}`;
  const unreadId = `folder-unread-${folder.id}`;
  const { item, row, menuAt, openMenu, closeMenu } = useItemMenu();
  const [dropping, setDropping] = useState(false);

  function onDragOver(e: DragEvent) {
    if (!acceptsDrop(e, folder, folder.accountId)) return;
    e.preventDefault();
    e.stopPropagation();
    setDropping(true);
  }

  return (
    <li
      role="treeitem"
      aria-level={level}
      aria-selected={selected}
      aria-expanded={hasChildren ? expanded : undefined}
      // Labelled by the name and the spelled-out count only, not by the nested folders inside this item.
      aria-labelledby={unread ? `${nameId} ${unreadId}` : nameId}
      tabIndex={tabbable === key ? 0 : -1}
      data-key={key}
      data-testid={`folder-${folder.id}`}
      data-kind={folder.kind}
      data-unread={folder.unread}
      aria-haspopup="menu"
      ref={item}
      onFocus={(e) => {
        if (e.target === e.currentTarget) select(folder.id);
      }}
      onContextMenu={openMenu}
    >
      <div
        ref={row}
        className={`tree-row${selected ? ' is-selected' : ''}${unread ? ' is-unread' : ''}${dropping ? ' is-drop-target' : ''}`}
        style={{ '--level': level } as CSSProperties}
        draggable={folder.kind === 'user'}
        data-testid="folder-row"
        onClick={() => select(folder.id)}
        onDragStart={(e) => startFolderDrag(folder, e)}
        onDragEnd={endFolderDrag}
        onDragOver={onDragOver}
        onDragLeave={() => setDropping(false)}
        onDrop={(e) => {
          setDropping(false);
          drop(e, folder, t);
        }}
      >
        <span
          className={`twisty${expanded ? ' is-open' : ''}`}
          // Opening a branch should not also select it, which moving focus onto the item would do.
          onMouseDown={(e) => e.preventDefault()}
          onClick={(e) => {
            e.stopPropagation();
            if (hasChildren) setExpanded(key, !expanded);
          }}
        >
          {hasChildren ? <Icon name="chevron" /> : null}
        </span>
        <span className="tree-name" id={nameId}>
          {name}
        </span>
        {unread ? (
          <>
            <span className="tree-count" aria-hidden="true">
              {folder.unread}
            </span>
            <span className="visually-hidden" id={unreadId}>
              {t('folders.unread', { count: folder.unread })}
            </span>
          </>
        ) : null}
      </div>
      {menuAt ? <FolderMenu folder={folder} name={name} at={menuAt} onClose={closeMenu} /> : null}
      {hasChildren && expanded ? (
        <ul role="group">
          {children.map((child) => (
            <FolderItem key={child.folder.id} branch={child} level={level + 1} tabbable={tabbable} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
