import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { RecordHit } from '../../../src-shared/contract/index.js';
import { useT } from '../../i18n/use-t.js';
import { reportError } from '../../stores/error-store.js';

interface Props {
  label: string;
  /** Asked again when the words or `scope` change; the latest answer wins. */
  search(query: string): Promise<RecordHit[]>;
  /** Anything the search depends on besides the words (a scope, a category), so a change runs it again. */
  scope: string;
  chosen: RecordHit | null;
  onChoose(hit: RecordHit): void;
  /** Enter or a double click on a result: it is chosen (`onChoose`), then this goes on (attach, link). */
  onSubmit(hit: RecordHit): void;
  testId: string;
}

const WAIT_MS = 150;

/**
 * A search box over CRM records with its results below (the WAI-ARIA combobox with a listbox): arrows move, Enter
 * takes the highlighted result, a click chooses one. Results show what tells two apart (address, status, due date).
 */
export function RecordSearch({ label, search, scope, chosen, onChoose, onSubmit, testId }: Props) {
  const t = useT();
  const listId = useId();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<RecordHit[] | null>(null);
  const [active, setActive] = useState(0);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      search(query)
        .then((found) => {
          if (!current) return;
          setHits(found);
          setActive(0);
        })
        .catch((error: unknown) => current && reportError(error));
    }, WAIT_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // `search` is a new function on every render of the form; `scope` names what it depends on.
  }, [query, scope]);

  const highlighted = hits?.[Math.min(active, hits.length - 1)] ?? null;
  const optionId = (hit: RecordHit) => `${listId}-${hit.type}-${hit.id}`;
  const submit = (hit: RecordHit) => {
    onChoose(hit);
    onSubmit(hit);
  };

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    if (step !== 0 && hits && hits.length > 0) {
      e.preventDefault();
      const next = Math.max(0, Math.min(hits.length - 1, active + step));
      setActive(next);
      onChoose(hits[next]!);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (highlighted) submit(highlighted);
    }
  }

  return (
    <div className="crm-search" data-testid={testId}>
      <input
        className="input"
        type="search"
        role="combobox"
        aria-label={label}
        aria-expanded={hits !== null && hits.length > 0}
        aria-controls={listId}
        aria-activedescendant={highlighted ? optionId(highlighted) : undefined}
        aria-autocomplete="list"
        placeholder={label}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
        data-testid={`${testId}-input`}
      />
      <ul className="crm-search-results" role="listbox" id={listId} aria-label={label}>
        {hits === null ? null : hits.length === 0 ? (
          <li className="crm-search-empty" role="presentation">
            {t('crmActions.search.none')}
          </li>
        ) : (
          hits.map((hit) => (
            <li
              key={`${hit.type}-${hit.id}`}
              id={optionId(hit)}
              role="option"
              aria-selected={chosen?.type === hit.type && chosen.id === hit.id}
              className={hit === highlighted ? 'is-active' : undefined}
              onClick={() => {
                setActive(hits.indexOf(hit));
                onChoose(hit);
              }}
              onDoubleClick={() => submit(hit)}
              data-testid={`${testId}-hit`}
              data-id={hit.id}
            >
              <span className="crm-search-name">{hit.name}</span>
              {hit.detail ? <span className="crm-search-detail">{hit.detail}</span> : null}
              {hit.open || (hit.type !== 'ticket' && hit.type !== 'task') ? null : (
                <span className="badge badge-muted">{t(hit.type === 'ticket' ? 'crmActions.search.closed' : 'crmActions.search.done')}</span>
              )}
            </li>
          ))
        )}
      </ul>
    </div>
  );
}
