import type { RecipientSuggestion } from '../../../../src-shared/contract/index.js';
import { Icon } from '../../../components/Icon.js';
import type { MessageKey } from '../../../i18n/catalogs.js';
import { useT } from '../../../i18n/use-t.js';

const SOURCE: Record<RecipientSuggestion['source'], MessageKey> = {
  contact: 'composeFields.source.contact',
  recent: 'composeFields.source.recent',
  agent: 'composeFields.source.agent',
};

export const optionId = (listId: string, index: number) => `${listId}-${index}`;

interface Props {
  id: string;
  label: string;
  items: readonly RecipientSuggestion[];
  active: number;
  onTake(item: RecipientSuggestion): void;
  onHover(index: number): void;
}

/** The suggestions under a recipient field (the listbox of its combobox): who, their company, and any warning. */
export function SuggestionList({ id, label, items, active, onTake, onHover }: Props) {
  const t = useT();
  return (
    <ul className="cf-suggestions" role="listbox" id={id} aria-label={label} hidden={items.length === 0} data-testid="recipient-suggestions">
      {items.map((s, i) => {
        const warning = s.blacklisted ? t('composeFields.tag.blacklisted') : s.bounce === 'hard' ? t('composeFields.tag.hardBounce') : s.bounce === 'soft' ? t('composeFields.tag.softBounce') : null;
        return (
          <li
            key={s.address}
            id={optionId(id, i)}
            role="option"
            aria-selected={i === active}
            className={`cf-suggestion${i === active ? ' is-active' : ''}`}
            // Keeps the focus in the input, so the click does not first blur it (which would take the typed text).
            onMouseDown={(e) => e.preventDefault()}
            onMouseMove={() => onHover(i)}
            onClick={() => onTake(s)}
            data-testid="recipient-suggestion"
            data-address={s.address}
          >
            <span className="cf-suggestion-name">{s.name || s.address}</span>
            {s.name ? <span className="cf-suggestion-address">{s.address}</span> : null}
            {s.companyName ? <span className="cf-suggestion-company">{s.companyName}</span> : null}
            <span className="badge badge-muted">{t(SOURCE[s.source])}</span>
            {warning ? (
              <span className="cf-suggestion-warning">
                <Icon name="warning" /> {warning}
              </span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
