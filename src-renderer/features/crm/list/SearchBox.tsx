import { useEffect, useState } from 'react';
import { Icon } from '../../../components/Icon.js';
import { useT } from '../../../i18n/use-t.js';

/** Typing settles for this long before the list asks again, so each keystroke does not cost a query. */
const SETTLE_MS = 200;

/** The list's search: every word typed must be contained in the record (the engine's rule). Esc clears it. */
export function SearchBox({ value, onSearch }: { value: string; onSearch(query: string): void }) {
  const t = useT();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => onSearch(text), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [text, value, onSearch]);
  return (
    <span className="crmw-search" role="search">
      <Icon name="search" />
      <input
        type="search"
        className="crmw-search-input"
        aria-label={t('crm.list.search')}
        placeholder={t('crm.list.searchPlaceholder')}
        value={text}
        data-testid="crm-search"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onSearch(text);
          if (e.key === 'Escape' && text !== '') {
            e.preventDefault();
            setText('');
            onSearch('');
          }
        }}
      />
    </span>
  );
}
