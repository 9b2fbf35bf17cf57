import type { MessageLink, NamedRecord } from '../../../src-shared/contract/index.js';
import { Icon } from '../../components/Icon.js';
import { useT } from '../../i18n/use-t.js';

interface Props {
  records: readonly NamedRecord[];
  linked: readonly MessageLink[];
  onOpen(record: NamedRecord): void;
  onLink(record: NamedRecord): void;
}

/** "Already a contact: Ana Pop — open / link instead", before a second one is made. */
export function DuplicateNotice({ records, linked, onOpen, onLink }: Props) {
  const t = useT();
  if (records.length === 0) return null;
  return (
    <ul className="crm-duplicates banner banner-warning" role="note" data-testid="crm-duplicates">
      {records.map((r) => {
        const already = linked.some((l) => l.type === r.type && l.id === r.id);
        return (
          <li key={`${r.type}-${r.id}`} data-testid="crm-duplicate" data-type={r.type} data-id={r.id}>
            <Icon name="warning" />
            <span className="crm-duplicate-text">{t(r.type === 'company' ? 'crmLinks.duplicate.company' : 'crmLinks.duplicate.contact', { name: r.name })}</span>
            <button type="button" className="link-button" onClick={() => onOpen(r)} data-testid="crm-duplicate-open">
              {t('crmLinks.duplicate.open')}
            </button>
            {already ? (
              <span className="crm-duplicate-linked">{t('crmLinks.search.linked')}</span>
            ) : (
              <button type="button" className="link-button" onClick={() => onLink(r)} data-testid="crm-duplicate-link">
                {t('crmLinks.duplicate.link')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
