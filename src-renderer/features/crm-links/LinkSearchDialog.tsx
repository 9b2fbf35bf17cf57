import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { MessageLink, RecordHit, RecordType } from '../../../src-shared/contract/index.js';
import { Modal } from '../../components/Modal.js';
import { useModal } from '../../components/use-modal.js';
import { engine } from '../../api/engine.js';
import { useT } from '../../i18n/use-t.js';
import { RECORD_TYPES, TYPE_KEYS } from '../crm/record-types.js';
import { problemOf } from './problem.js';
import { RecordIcon } from './RecordIcon.js';

interface Props {
  messageId: number;
  linked: readonly MessageLink[];
  onLinked(items: MessageLink[]): void;
  onClose(): void;
}

/** Typing waits this long for the next key before asking the engine. */
const DEBOUNCE_MS = 150;

/**
 * "Link to…": records found by every word typed (records.search), narrowed by type chips; arrows pick, Enter or a
 * click files the email under the one picked (a manual link).
 */
export function LinkSearchDialog({ messageId, linked, onLinked, onClose }: Props) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const listId = useId();
  const [query, setQuery] = useState('');
  const [types, setTypes] = useState<RecordType[]>([]);
  const [hits, setHits] = useState<RecordHit[] | null>(null);
  const [active, setActive] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useModal(ref);

  useEffect(() => {
    let stale = false;
    const timer = setTimeout(() => {
      engine()
        .client.api.records.search({ query: query.trim(), ...(types.length > 0 ? { types } : {}), limit: 30 })
        .then(({ items }) => {
          if (stale) return;
          setHits(items);
          setActive(0);
        })
        .catch((error: unknown) => !stale && setProblem(problemOf(error, t)));
    }, DEBOUNCE_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [query, types, t]);

  const shown = hits ?? [];
  const current = shown[Math.min(active, shown.length - 1)];
  const optionId = (hit: RecordHit) => `${listId}-${hit.type}-${hit.id}`;
  const isLinked = (hit: RecordHit) => linked.some((l) => l.type === hit.type && l.id === hit.id);

  async function link(hit: RecordHit | undefined) {
    if (!hit || busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const { items } = await engine().client.api.links.add({ messageId, type: hit.type, id: hit.id });
      onLinked(items);
      onClose();
    } catch (error) {
      setProblem(problemOf(error, t));
      setBusy(false);
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    if (step !== 0) {
      e.preventDefault();
      setActive((i) => Math.max(0, Math.min(shown.length - 1, i + step)));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      void link(current);
    }
  }

  const toggleType = (type: RecordType) => setTypes((now) => (now.includes(type) ? now.filter((x) => x !== type) : [...now, type]));

  return (
    <Modal dialogRef={ref} className="small-dialog crm-links-dialog" aria-labelledby={titleId} data-testid="crm-link-search" onClose={onClose}>
      <h2 id={titleId}>{t('crmLinks.search.title')}</h2>
      <input
        className="input"
        autoFocus
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={current ? optionId(current) : undefined}
        aria-label={t('crmLinks.search.label')}
        placeholder={t('crmLinks.search.placeholder')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
        data-testid="crm-link-search-input"
      />
      <div className="crm-type-chips" role="group" aria-label={t('crmLinks.search.types')}>
        {RECORD_TYPES.map((type) => (
          <button
            key={type}
            type="button"
            className="crm-type-chip"
            aria-pressed={types.includes(type)}
            onClick={() => toggleType(type)}
            data-testid={`crm-type-${type}`}
          >
            <RecordIcon type={type} />
            {t(TYPE_KEYS[type].one)}
          </button>
        ))}
      </div>
      <ul className="picker-list crm-hit-list" role="listbox" id={listId} aria-label={t('crmLinks.search.results')} aria-busy={hits === null}>
        {shown.map((hit) => (
          <li
            key={`${hit.type}-${hit.id}`}
            id={optionId(hit)}
            role="option"
            aria-selected={hit === current}
            className={hit === current ? 'crm-hit is-active' : 'crm-hit'}
            onClick={() => void link(hit)}
            data-testid="crm-hit"
            data-type={hit.type}
            data-id={hit.id}
          >
            <RecordIcon type={hit.type} />
            <span className="crm-hit-text">
              <span className="crm-hit-name">{hit.name}</span>
              <span className="crm-hit-detail">
                {[t(TYPE_KEYS[hit.type].one), hit.detail, hit.open ? '' : t('crmLinks.search.closed')].filter(Boolean).join(' · ')}
              </span>
            </span>
            {isLinked(hit) ? <span className="crm-hit-linked">{t('crmLinks.search.linked')}</span> : null}
          </li>
        ))}
        {hits !== null && shown.length === 0 ? <li className="picker-empty">{t('crmLinks.search.none')}</li> : null}
      </ul>
      {problem ? (
        <p className="dialog-problem" role="alert" data-testid="crm-link-search-problem">
          {problem}
        </p>
      ) : null}
      <footer>
        <button type="button" className="button" onClick={onClose} data-testid="crm-link-search-cancel">
          {t('crmLinks.cancel')}
        </button>
        <button type="button" className="button button-primary" aria-disabled={!current || busy} onClick={() => void link(current)} data-testid="crm-link-search-ok">
          {t('crmLinks.search.link')}
        </button>
      </footer>
    </Modal>
  );
}
