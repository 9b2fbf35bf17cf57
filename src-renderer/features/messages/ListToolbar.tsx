import { useState } from 'react';
import { ContextMenu } from '../../components/ContextMenu.js';
import { Icon, type IconName } from '../../components/Icon.js';
import type { MessageKey } from '../../i18n/catalogs.js';
import { useT } from '../../i18n/use-t.js';
import { useFolders } from '../../stores/folders-store.js';
import { COLUMN_IDS, useListPrefs } from '../../stores/list-prefs-store.js';
import { useMessageList } from '../../stores/message-list-store.js';
import { COLUMNS } from './columns.js';
import { runListCommand } from './list-commands.js';
import type { ListCommand } from './shortcuts.js';

const SORTABLE = COLUMN_IDS.filter((id) => COLUMNS[id].sort !== null);

interface Tool {
  command: ListCommand;
  icon: IconName;
  label: MessageKey;
}

const TOOLS: Tool[] = [
  { command: 'delete', icon: 'trash', label: 'list.action.delete' },
  { command: 'toggleRead', icon: 'envelopeOpen', label: 'list.action.toggleRead' },
  { command: 'toggleStar', icon: 'star', label: 'list.action.toggleStar' },
  { command: 'move', icon: 'folderMove', label: 'list.action.move' },
  { command: 'category', icon: 'tag', label: 'list.action.category' },
];

/** Actions on the selected messages, and the list's layout: which columns show and what sorts them. */
export function ListToolbar() {
  const t = useT();
  const count = useMessageList((s) => s.selectedIds.size);
  const inJunk = useMessageList((s) => useFolders.getState().folders.find((f) => f.id === s.folderId)?.kind === 'junk');
  const [menuAt, setMenuAt] = useState<{ x: number; y: number } | null>(null);
  const { columns, toggleColumn, sort, sortBy } = useListPrefs();
  const tools: Tool[] = [
    ...TOOLS,
    inJunk ? { command: 'notJunk', icon: 'junk', label: 'list.action.notJunk' } : { command: 'junk', icon: 'junk', label: 'list.action.junk' },
  ];

  return (
    <div className="list-toolbar" role="toolbar" aria-label={t('list.toolbar')} data-testid="list-toolbar">
      {tools.map((tool) => (
        <button
          key={tool.command}
          type="button"
          className="tool-button"
          aria-disabled={count === 0}
          title={t(tool.label)}
          aria-label={t(tool.label)}
          data-testid={`list-${tool.command}`}
          onClick={() => count > 0 && runListCommand(tool.command, t)}
        >
          <Icon name={tool.icon} />
          <span>{t(tool.label)}</span>
        </button>
      ))}
      <span className="list-selection-count" aria-live="polite" data-testid="selection-count">
        {count > 1 ? t('list.selected', { count }) : ''}
      </span>
      <button
        type="button"
        className="tool-button"
        aria-haspopup="menu"
        aria-label={t('list.columns')}
        title={t('list.columns')}
        data-testid="column-chooser"
        onClick={(e) => {
          const box = e.currentTarget.getBoundingClientRect();
          setMenuAt({ x: box.left, y: box.bottom });
        }}
      >
        <Icon name="columns" />
        <span>{t('list.columns')}</span>
      </button>
      {menuAt ? (
        <ContextMenu
          label={t('list.columns')}
          at={menuAt}
          onClose={() => setMenuAt(null)}
          actions={[
            ...COLUMN_IDS.map((id) => ({ id: `column-${id}`, label: t(COLUMNS[id].title), checked: columns.includes(id), run: () => toggleColumn(id) })),
            // The same sorts as the column titles, for the keyboard: choosing the current one reverses it.
            ...SORTABLE.map((id, i) => ({
              id: `sort-${id}`,
              label: t('list.sortBy', { column: t(COLUMNS[id].title) }) + (sort.by === COLUMNS[id].sort ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''),
              checked: sort.by === COLUMNS[id].sort,
              separator: i === 0,
              run: () => sortBy(COLUMNS[id].sort!),
            })),
          ]}
        />
      ) : null}
    </div>
  );
}
