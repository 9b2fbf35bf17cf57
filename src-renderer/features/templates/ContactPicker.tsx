import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { Contact } from '../../../src-shared/contract/index.js';
import { engine } from '../../api/engine.js';
import { Icon } from '../../components/Icon.js';
import { useT } from '../../i18n/use-t.js';
import { reportError } from '../../stores/error-store.js';

const contactName = (c: Contact) => `${c.firstName} ${c.lastName}`.trim() || c.email || '';

/** Whom a preview is filled for: a contact found by the words of its name, address or company (a combobox). */
export function ContactPicker({ contact, onChange }: { contact: Contact | null; onChange(contact: Contact | null): void }) {
  const t = useT();
  const listId = useId();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Contact[]>([]);
  const [active, setActive] = useState(0);

  useEffect(() => {
    if (!query.trim()) {
      setResults([]);
      return;
    }
    let stale = false;
    const timer = setTimeout(() => {
      engine()
        .client.api.contacts.list({ query, limit: 8 })
        .then(({ items }) => {
          if (stale) return;
          setResults(items);
          setActive(0);
        })
        .catch(reportError);
    }, 150);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [query]);

  const choose = (c: Contact) => {
    onChange(c);
    setQuery('');
    setResults([]);
  };

  if (contact) {
    return (
      <div className="template-contact" data-testid="template-preview-contact">
        <span>
          {t('templates.previewFor')} <strong>{contactName(contact)}</strong>
          {contact.companyName ? ` (${contact.companyName})` : ''}
        </span>
        <button type="button" className="icon-button" title={t('templates.previewNoContact')} aria-label={t('templates.previewNoContact')} onClick={() => onChange(null)} data-testid="template-preview-contact-clear">
          <Icon name="close" />
        </button>
      </div>
    );
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (results.length === 0) return;
    if (e.key === 'ArrowDown') setActive((i) => (i + 1) % results.length);
    else if (e.key === 'ArrowUp') setActive((i) => (i - 1 + results.length) % results.length);
    else if (e.key === 'Enter') choose(results[active]!);
    else if (e.key === 'Escape') setResults([]);
    else return;
    e.preventDefault();
  };

  return (
    <div className="template-contact-search">
      <input
        className="input"
        role="combobox"
        aria-expanded={results.length > 0}
        aria-controls={listId}
        aria-activedescendant={results.length > 0 ? `${listId}-${active}` : undefined}
        aria-label={t('templates.previewChoose')}
        placeholder={t('templates.previewChoose')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
        data-testid="template-preview-contact-search"
      />
      {results.length > 0 ? (
        <ul className="template-contact-results" role="listbox" id={listId}>
          {results.map((c, i) => (
            <li
              key={c.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'is-active' : undefined}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(c)}
              data-testid="template-preview-contact-option"
            >
              {contactName(c)}
              {c.companyName ? <span className="template-contact-company"> · {c.companyName}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
