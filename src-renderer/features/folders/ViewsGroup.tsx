import type { CSSProperties } from 'react';
import type { MessageView } from '../../../src-shared/contract/index.js';
import { Icon } from '../../components/Icon.js';
import type { MessageKey } from '../../i18n/catalogs.js';
import { useT } from '../../i18n/use-t.js';
import { useFolders } from '../../stores/folders-store.js';

const VIEWS: Array<{ view: MessageView; label: MessageKey }> = [
  { view: 'inboxes', label: 'folders.view.inboxes' },
  { view: 'last-received', label: 'folders.view.lastReceived' },
  { view: 'last-sent', label: 'folders.view.lastSent' },
];

export const viewKey = (view: MessageView): string => `view:${view}`;
export const VIEWS_KEY = 'views';

/** Lists that gather mail from every account the agent may see, above the accounts themselves. */
export function ViewsGroup({ tabbable }: { tabbable: string | null }) {
  const t = useT();
  const expanded = useFolders((s) => !s.collapsed[VIEWS_KEY]);
  const setExpanded = useFolders((s) => s.setExpanded);
  // Every inbox's unread mail, as the Inboxes node's count.
  const unread = useFolders((s) => s.folders.reduce((n, f) => n + (f.kind === 'inbox' ? f.unread : 0), 0));
  return (
    <li
      role="treeitem"
      aria-level={1}
      aria-expanded={expanded}
      aria-labelledby="views-name"
      tabIndex={tabbable === VIEWS_KEY ? 0 : -1}
      data-key={VIEWS_KEY}
      data-testid="views-group"
    >
      <div className="tree-row tree-account" style={{ '--level': 1 } as CSSProperties} onClick={() => setExpanded(VIEWS_KEY, !expanded)}>
        <span className={`twisty${expanded ? ' is-open' : ''}`}>
          <Icon name="chevron" />
        </span>
        <span className="tree-name" id="views-name">
          {t('folders.views')}
        </span>
      </div>
      {expanded ? (
        <ul role="group">
          {VIEWS.map(({ view, label }) => (
            <ViewItem key={view} view={view} label={t(label)} unread={view === 'inboxes' ? unread : 0} tabbable={tabbable} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function ViewItem({ view, label, unread, tabbable }: { view: MessageView; label: string; unread: number; tabbable: string | null }) {
  const t = useT();
  const selected = useFolders((s) => s.selectedView === view);
  const selectView = useFolders((s) => s.selectView);
  const key = viewKey(view);
  return (
    <li
      role="treeitem"
      aria-level={2}
      aria-selected={selected}
      aria-label={unread > 0 ? `${label}, ${t('folders.unread', { count: unread })}` : label}
      tabIndex={tabbable === key ? 0 : -1}
      data-key={key}
      data-testid={`view-${view}`}
      data-unread={unread}
      onFocus={(e) => {
        if (e.target === e.currentTarget) selectView(view);
      }}
    >
      <div className={`tree-row${selected ? ' is-selected' : ''}${unread > 0 ? ' is-unread' : ''}`} style={{ '--level': 2 } as CSSProperties} onClick={() => selectView(view)}>
        <span className="twisty" />
        <span className="tree-name">{label}</span>
        {unread > 0 ? (
          <span className="tree-count" aria-hidden="true">
            {unread}
          </span>
        ) : null}
      </div>
    </li>
  );
}
