import { useT } from '../../../i18n/use-t.js';
import { CRM_PAGE_SIZE } from '../../../stores/crm-lists-store.js';

/** "51–100 of 230" with the previous and next pages; hidden when everything fits on one page. */
export function Pager({ offset, total, onOffset }: { offset: number; total: number; onOffset(offset: number): void }) {
  const t = useT();
  if (total <= CRM_PAGE_SIZE && offset === 0) return null;
  const last = Math.min(offset + CRM_PAGE_SIZE, total);
  return (
    <nav className="crmw-pager" aria-label={t('crm.list.pages')}>
      <button type="button" className="button" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - CRM_PAGE_SIZE))} data-testid="crm-page-previous">
        {t('crm.list.previous')}
      </button>
      <span aria-live="polite">{t('crm.list.range', { first: Math.min(offset + 1, total), last, total })}</span>
      <button type="button" className="button" disabled={last >= total} onClick={() => onOffset(offset + CRM_PAGE_SIZE)} data-testid="crm-page-next">
        {t('crm.list.next')}
      </button>
    </nav>
  );
}
