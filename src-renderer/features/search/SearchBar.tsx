import { useEffect, useRef, type KeyboardEvent } from 'react';
import { SearchField } from '../../../src-shared/contract/index.js';
import { Icon } from '../../components/Icon.js';
import { SEARCH_FIELD_KEYS } from '../../i18n/label-keys.js';
import { useT } from '../../i18n/use-t.js';
import { useMessageList } from '../../stores/message-list-store.js';
import { useSearch, type SearchScope } from '../../stores/search-store.js';
import './search.css';

const SCOPES: readonly SearchScope[] = ['folder', 'everywhere'];

/** Outlook's shortcut. Matched on the character, not the key code, so it is the E key on AZERTY as on QWERTY. */
function isFocusShortcut(event: globalThis.KeyboardEvent): boolean {
  return event.ctrlKey && !event.altKey && !event.metaKey && event.key.toLowerCase() === 'e';
}

/** The box above the message list: words, where to look for them, and how far. */
export function SearchBar() {
  const t = useT();
  const { text, field, scope, setText, setField, setScope, clear } = useSearch();
  const active = useMessageList((s) => s.search !== null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    function onKeyDown(event: globalThis.KeyboardEvent) {
      if (!isFocusShortcut(event)) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Escape' || (!active && text === '')) return;
    event.preventDefault();
    clear();
  }

  return (
    <div className="search-bar" role="search" aria-label={t('search.label')}>
      <Icon name="search" />
      <input
        ref={input}
        type="search"
        className="search-input"
        data-testid="search-input"
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {active || text !== '' ? (
        <button type="button" className="icon-button" data-testid="search-clear" title={t('search.clear')} aria-label={t('search.clear')} onClick={clear}>
          <Icon name="close" />
        </button>
      ) : null}
      <select
        className="search-select"
        data-testid="search-field"
        aria-label={t('search.fieldLabel')}
        value={field}
        onChange={(e) => {
          const picked = SearchField.safeParse(e.target.value);
          if (picked.success) setField(picked.data);
        }}
      >
        {SearchField.options.map((f) => (
          <option key={f} value={f}>
            {t(SEARCH_FIELD_KEYS[f])}
          </option>
        ))}
      </select>
      <select
        className="search-select"
        data-testid="search-scope"
        aria-label={t('search.scopeLabel')}
        value={scope}
        onChange={(e) => {
          const picked = SCOPES.find((s) => s === e.target.value);
          if (picked) setScope(picked);
        }}
      >
        <option value="folder">{t('search.scope.folder')}</option>
        <option value="everywhere">{t('search.scope.everywhere')}</option>
      </select>
    </div>
  );
}
