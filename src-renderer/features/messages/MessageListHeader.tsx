import { useT } from '../../i18n/use-t.js';
import { useListPrefs } from '../../stores/list-prefs-store.js';
import { COLUMNS } from './columns.js';

/** The summary line and the column titles; a click on a title sorts by it, a second click reverses. */
export function MessageListHeader({ total, found }: { total: number | null; found: { more: boolean } | null }) {
  const t = useT();
  const { columns, sort, sortBy } = useListPrefs();
  let summary = '';
  if (total !== null) {
    if (found) summary = t(found.more ? 'search.foundMore' : 'search.found', { count: total });
    else summary = t('messages.count', { count: total });
  }
  return (
    <>
      <div className="message-list-summary" aria-live="polite" data-testid="message-list-summary">
        {summary}
      </div>
      <div className="message-row message-header" role="row" aria-rowindex={1}>
        {columns.map((id) => {
          const column = COLUMNS[id];
          const title = t(column.title);
          const sorted = column.sort !== null && sort.by === column.sort;
          const ariaSort = sorted ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined;
          return (
            <span key={id} role="columnheader" aria-sort={ariaSort} className={`col-${id}`} title={title} data-testid={`column-${id}`}>
              {column.sort === null ? (
                <span className="column-title">{column.icon ?? title}</span>
              ) : (
                <button
                  type="button"
                  className="column-sort"
                  // Grid cells are reached through the list, not by Tab: the list's own keys sort (see MessageList).
                  tabIndex={-1}
                  aria-label={title}
                  onClick={() => sortBy(column.sort!)}
                >
                  <span className="column-title">{column.icon ?? title}</span>
                  {sorted ? <span className="sort-arrow" aria-hidden="true">{sort.dir === 'asc' ? '▲' : '▼'}</span> : null}
                </button>
              )}
            </span>
          );
        })}
      </div>
    </>
  );
}
