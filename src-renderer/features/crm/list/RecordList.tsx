import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useIntl } from 'react-intl';
import type { RecordType } from '../../../../src-shared/contract/index.js';
import { EmptyState } from '../../../components/EmptyState.js';
import { Icon } from '../../../components/Icon.js';
import { useT } from '../../../i18n/use-t.js';
import { useCrmLists } from '../../../stores/crm-lists-store.js';
import { openRecord } from '../../../stores/crm-nav-store.js';
import { RecordFormDialog } from '../form/RecordFormDialog.js';
import { recordName } from '../record-names.js';
import { SECTION_KEYS, TABLE_OF, TYPE_KEYS, type RecordMap } from '../record-types.js';
import { useLive } from '../use-live.js';
import { COLUMNS, type Column } from './list-columns.js';
import { fetchList, SEARCHABLE } from './list-query.js';
import { ListFilters } from './ListFilters.js';
import { Pager } from './Pager.js';
import { SearchBox } from './SearchBox.js';
import { ListExtras } from './ListExtras.js';

/** Up and Down walk the rows' links, as they would walk a list box. */
function moveBetweenRows(event: KeyboardEvent<HTMLTableSectionElement>): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const links = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('.crmw-open')];
  const at = links.indexOf(document.activeElement as HTMLButtonElement);
  if (at < 0) return;
  event.preventDefault();
  links[Math.max(0, Math.min(links.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
}

/** A section's list: search, the section's filters, "show deleted", paging, and New. */
export function RecordList<T extends RecordType>({ type }: { type: T }) {
  const t = useT();
  const intl = useIntl();
  const titleId = useId();
  const view = useCrmLists((s) => s.views[type]);
  const update = useCrmLists((s) => s.update);
  const [creating, setCreating] = useState(false);
  const columns = COLUMNS[type] as Column<RecordMap[T]>[];
  const live = useLive(() => fetchList(type, view), [type, view], [TABLE_OF[type], 'contacts', 'companies'], type);
  const onSearch = useCallback((query: string) => update(type, { query }), [type, update]);
  const weights = columns.reduce((sum, c) => sum + c.weight, 0);
  const page = live.data;
  const body = useRef<HTMLTableSectionElement>(null);
  const open = (id: number) => {
    useCrmLists.setState({ opened: { type, id } });
    openRecord({ type, id });
  };

  // Back from a record's page: its row's link takes the focus again, once the rows are there.
  const loaded = page !== null;
  useEffect(() => {
    const opened = useCrmLists.getState().opened;
    if (!loaded || opened?.type !== type) return;
    body.current?.querySelector<HTMLButtonElement>(`tr[data-id="${opened.id}"] .crmw-open`)?.focus();
    useCrmLists.setState({ opened: null });
  }, [loaded, type]);

  return (
    <section className="crmw-list" aria-labelledby={titleId} data-testid="crm-list" data-type={type}>
      <header className="crmw-list-header">
        <h1 id={titleId}>{t(SECTION_KEYS[type])}</h1>
        <span className="crmw-total" data-testid="crm-total" aria-live="polite">
          {page ? t('crm.list.total', { count: page.total }) : ''}
        </span>
        <span className="crmw-spacer" />
        <ListExtras type={type} />
        <button type="button" className="button button-primary" aria-haspopup="dialog" onClick={() => setCreating(true)} data-testid="crm-new">
          <Icon name="plus" />
          {t(TYPE_KEYS[type].create)}
        </button>
      </header>
      <div className="crmw-toolbar">
        {SEARCHABLE[type] ? <SearchBox value={view.query} onSearch={onSearch} /> : null}
        <ListFilters type={type} />
        <label className="crmw-check">
          <input type="checkbox" checked={view.includeDeleted} onChange={(e) => update(type, { includeDeleted: e.target.checked })} data-testid="crm-show-deleted" />
          {t('crm.list.showDeleted')}
        </label>
      </div>
      <div className="crmw-table-scroll">
        <table className="crmw-table" aria-labelledby={titleId} aria-busy={page === null}>
          <colgroup>
            {columns.map((c) => (
              <col key={c.key} style={{ width: `${(100 * c.weight) / weights}%` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col">
                  {t(c.label)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody ref={body} onKeyDown={moveBetweenRows}>
            {page?.items.map((record) => (
              <tr
                key={record.id}
                className={record.deleted ? 'crmw-row is-deleted' : 'crmw-row'}
                data-testid="crm-row"
                data-id={record.id}
                data-deleted={record.deleted || undefined}
                onClick={(e) => {
                  if (!(e.target instanceof HTMLElement && e.target.closest('button'))) open(record.id);
                }}
              >
                {columns.map((c) => (
                  <td key={c.key}>
                    {c.primary ? (
                      <>
                        <button type="button" className="crmw-open" onClick={() => open(record.id)}>
                          {c.cell(record, { t, intl }) || recordName(type, record) || t('crm.unnamed')}
                        </button>
                        {record.deleted ? <span className="badge crmw-deleted-badge">{t('crm.list.deleted')}</span> : null}
                      </>
                    ) : (
                      c.cell(record, { t, intl })
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {page && page.items.length === 0 ? <EmptyState text={t(view.query.trim() ? 'crm.list.noMatch' : 'crm.list.empty')} testId="crm-list-empty" /> : null}
      </div>
      {page ? <Pager offset={view.offset} total={page.total} onOffset={(offset) => update(type, { offset })} /> : null}
      {creating ? (
        <RecordFormDialog
          type={type}
          record={null}
          onClose={() => setCreating(false)}
          onSaved={(saved) => {
            setCreating(false);
            open(saved.id);
          }}
        />
      ) : null}
    </section>
  );
}
