import { useId, useState } from 'react';
import type { NamedRecord, RecordType } from '../../../src-shared/contract/index.js';
import { useT } from '../../i18n/use-t.js';
import { RECORD_TYPES, TYPE_KEYS } from '../crm/record-types.js';
import { useRecordSearch } from './use-record-search.js';

const sameRecord = (a: NamedRecord | null, b: NamedRecord) => a !== null && a.type === b.type && a.id === b.id;

/**
 * Which record a file goes to: the email's own records first (the one it is filed under is the likely answer),
 * or any other record found by typing part of its name, narrowed by type.
 */
export function RecordChoice({ linked, value, onChange }: { linked: readonly NamedRecord[]; value: NamedRecord | null; onChange(record: NamedRecord | null): void }) {
  const t = useT();
  const group = useId();
  const typeId = useId();
  const searchId = useId();
  const [searching, setSearching] = useState(linked.length === 0);
  const [query, setQuery] = useState('');
  const [type, setType] = useState<RecordType | null>(null);
  const hits = useRecordSearch(query, type, searching);
  const label = (r: NamedRecord) => `${r.name} (${t(TYPE_KEYS[r.type].one)})`;

  return (
    <fieldset className="record-choice">
      <legend>{t('documents.file.record')}</legend>
      {linked.map((r) => (
        <label key={`${r.type}:${r.id}`} className="record-choice-option">
          <input
            type="radio"
            name={group}
            checked={!searching && sameRecord(value, r)}
            onChange={() => {
              setSearching(false);
              onChange(r);
            }}
            data-testid="file-linked-record"
          />
          {label(r)}
        </label>
      ))}
      {linked.length > 0 ? (
        <label className="record-choice-option">
          <input
            type="radio"
            name={group}
            checked={searching}
            onChange={() => {
              setSearching(true);
              onChange(null);
            }}
            data-testid="file-other-record"
          />
          {t('documents.file.other')}
        </label>
      ) : null}
      {searching ? (
        <div className="record-search">
          <label htmlFor={typeId}>{t('documents.file.type')}</label>
          <select id={typeId} className="input" value={type ?? ''} onChange={(e) => setType((e.target.value || null) as RecordType | null)} data-testid="file-record-type">
            <option value="">{t('documents.file.anyType')}</option>
            {RECORD_TYPES.map((ty) => (
              <option key={ty} value={ty}>
                {t(TYPE_KEYS[ty].one)}
              </option>
            ))}
          </select>
          <label htmlFor={searchId}>{t('documents.file.search')}</label>
          <input id={searchId} className="input" type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoFocus data-testid="file-record-search" />
          {hits.length === 0 ? (
            <p className="documents-hint">{t('documents.file.noHits')}</p>
          ) : (
            <div className="record-hits" role="radiogroup" aria-label={t('documents.file.search')}>
              {hits.map((h) => (
                <label key={`${h.type}:${h.id}`} className="record-choice-option">
                  <input type="radio" name={`${group}-hits`} checked={sameRecord(value, h)} onChange={() => onChange({ type: h.type, id: h.id, name: h.name })} data-testid="file-record-hit" />
                  {label(h)}
                  {h.detail ? <span className="documents-hint"> · {h.detail}</span> : null}
                </label>
              ))}
            </div>
          )}
        </div>
      ) : null}
    </fieldset>
  );
}
