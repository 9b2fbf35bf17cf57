import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { NamedRecord, RecordHit, RecordType } from '../../../../src-shared/contract/index.js';
import { engine } from '../../../api/engine.js';
import { Icon } from '../../../components/Icon.js';
import { useT } from '../../../i18n/use-t.js';
import { reportError } from '../../../stores/error-store.js';
import { TYPE_KEYS } from '../record-types.js';

const SETTLE_MS = 150;

interface Props {
  id?: string;
  'aria-invalid'?: true | undefined;
  'aria-describedby'?: string | undefined;
  /** Names the box when no <label> does (the "add a related record" box). */
  label?: string;
  types: RecordType[];
  value: NamedRecord | null;
  onChange(record: NamedRecord | null): void;
  testId: string;
  /** Empties the box after a pick (a box that adds, rather than one that holds a value). */
  resetOnPick?: boolean;
}

/**
 * A search over records (`records.search`, every word contained) as a combobox: type, walk the hits with the
 * arrow keys, Enter or a click picks one, Esc closes the list.
 */
export function RecordPicker({ id, label, types, value, onChange, testId, resetOnPick, ...aria }: Props) {
  const t = useT();
  const listId = useId();
  const [text, setText] = useState(value?.name ?? '');
  const [hits, setHits] = useState<RecordHit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const typeKey = types.join(',');

  useEffect(() => setText(value?.name ?? ''), [value?.type, value?.id, value?.name]);

  useEffect(() => {
    if (!open) return;
    let stale = false;
    const timer = setTimeout(() => {
      engine()
        .client.api.records.search({ query: text.trim(), types: typeKey.split(',') as RecordType[], limit: 10 })
        .then(
          (r) => {
            if (stale) return;
            setHits(r.items);
            setActive(0);
          },
          (error: unknown) => reportError(error),
        );
    }, SETTLE_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [text, open, typeKey]);

  function pick(hit: RecordHit): void {
    setOpen(false);
    setText(resetOnPick ? '' : hit.name);
    onChange({ type: hit.type, id: hit.id, name: hit.name });
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) return setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (hits.length ? (a + step + hits.length) % hits.length : 0));
    } else if (event.key === 'Enter' && open) {
      event.preventDefault();
      const hit = hits[active];
      if (hit) pick(hit);
    } else if (event.key === 'Escape' && open) {
      // Closes the list, not the dialog around it.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      setText(value?.name ?? '');
    }
  }

  const showTypes = types.length > 1;
  return (
    <div className="crmw-picker">
      <input
        {...aria}
        id={id}
        className="input"
        role="combobox"
        aria-label={label}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && hits[active] ? `${listId}-${active}` : undefined}
        autoComplete="off"
        placeholder={t('crm.picker.placeholder')}
        value={text}
        data-testid={testId}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          setText(value?.name ?? '');
        }}
        onKeyDown={onKeyDown}
      />
      {value ? (
        <button type="button" className="icon-button crmw-picker-clear" aria-label={t('crm.picker.clear')} title={t('crm.picker.clear')} onClick={() => onChange(null)}>
          <Icon name="close" />
        </button>
      ) : null}
      <ul id={listId} role="listbox" className="crmw-picker-list" hidden={!open} aria-label={label ?? t('crm.picker.results')}>
        {open && hits.length === 0 ? <li className="crmw-picker-empty" role="option" aria-disabled="true" aria-selected="false">{t('crm.picker.none')}</li> : null}
        {hits.map((hit, i) => (
          <li
            key={`${hit.type}-${hit.id}`}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'is-active' : undefined}
            data-testid="crm-picker-option"
            // Keeps focus in the box, so its blur does not close the list before the click lands.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(hit)}
          >
            <span className="crmw-picker-name">{hit.name}</span>
            {showTypes ? <span className="crmw-picker-type">{t(TYPE_KEYS[hit.type].one)}</span> : null}
            {hit.detail ? <span className="crmw-picker-detail">{hit.detail}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
