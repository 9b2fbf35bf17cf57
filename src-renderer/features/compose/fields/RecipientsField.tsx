import { useId, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import type { Address, RecipientSuggestion, RecipientWarning } from '../../../../src-shared/contract/index.js';
import { formatAddress } from '../../../../src-shared/domain/address.js';
import type { MessageKey } from '../../../i18n/catalogs.js';
import { useT } from '../../../i18n/use-t.js';
import { endsEntry, parseAddressList, withAddresses } from './address-input.js';
import { RecipientChip } from './RecipientChip.js';
import { chipEntry, chipProblem } from './recipient-problems.js';
import { optionId, SuggestionList } from './SuggestionList.js';
import { useSuggestions } from './use-suggestions.js';
import './compose-fields.css';

const LABELS: Record<'to' | 'cc' | 'bcc', MessageKey> = { to: 'composeFields.kind.to', cc: 'composeFields.kind.cc', bcc: 'composeFields.kind.bcc' };

interface Props {
  kind: 'to' | 'cc' | 'bcc';
  value: Address[];
  onChange(value: Address[]): void;
  warnings: RecipientWarning[];
  autoFocus?: boolean;
}

/**
 * To, Cc or Bcc: the recipients as chips and an input (a WAI-ARIA combobox) to add more. Typing offers contacts and
 * recent correspondents; a pasted list becomes chips at once; a comma or semicolon after a whole address, Enter,
 * Tab or leaving the field makes a chip of what was typed. Backspace in the empty input removes the last chip.
 */
export function RecipientsField({ kind, value, onChange, warnings, autoFocus }: Props) {
  const t = useT();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  /** The suggestion the arrows or the mouse moved to; null until then (the first is highlighted by default). */
  const [active, setActive] = useState<number | null>(null);
  const [open, setOpen] = useState(true);
  const [said, setSaid] = useState('');
  const suggestions = useSuggestions(open ? text : '', value.map((a) => a.address));
  const items = suggestions.items;
  const label = t(LABELS[kind]);
  const listId = `${id}-list`;
  const problemsId = `${id}-problems`;
  // A whole address typed out is what Enter takes, unless a suggestion is that very address.
  const typedWhole = endsEntry(text) && !items.some((s) => s.address.toLowerCase() === text.trim().toLowerCase());
  const highlighted = items.length === 0 ? -1 : active === null ? (typedWhole ? -1 : 0) : Math.min(active, items.length - 1);
  const chips = value.map((recipient) => ({ recipient, problem: chipProblem(recipient, warnings) }));

  function add(more: readonly Address[]) {
    if (more.length > 0) onChange(withAddresses(value, more));
  }

  /** Makes chips of what was typed; false when there was nothing to take. */
  function commitText(): boolean {
    const entries = parseAddressList(text);
    setText('');
    setActive(null);
    suggestions.clear();
    add(entries);
    return entries.length > 0;
  }

  function take(s: RecipientSuggestion) {
    setText('');
    setActive(null);
    suggestions.clear();
    add([{ name: s.name, address: s.address }]);
    setSaid(t('composeFields.recipients.added', { entry: formatAddress(s) }));
    input.current?.focus();
  }

  function remove(index: number) {
    const gone = value[index]!;
    onChange(value.filter((_, i) => i !== index));
    setSaid(t('composeFields.recipients.removed', { entry: chipEntry(gone) }));
  }

  function edit(index: number) {
    const entry = value[index]!;
    // What was there before goes in as a chip, so nothing typed is lost.
    const pending = parseAddressList(text);
    onChange(withAddresses(value.filter((_, i) => i !== index), pending));
    setText(chipEntry(entry));
    input.current?.focus();
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    if (step !== 0 && items.length > 0) {
      e.preventDefault();
      setOpen(true);
      setActive(Math.max(0, Math.min(items.length - 1, (highlighted === -1 ? (step > 0 ? -1 : items.length) : highlighted) + step)));
    } else if ((e.key === 'Enter' || e.key === 'Tab') && highlighted !== -1 && text.trim() !== '') {
      e.preventDefault();
      take(items[highlighted]!);
    } else if (e.key === 'Enter') {
      if (commitText()) e.preventDefault();
    } else if (e.key === 'Tab') {
      // The focus moves on as usual, with what was typed made a chip.
      commitText();
    } else if ((e.key === ',' || e.key === ';') && endsEntry(text)) {
      e.preventDefault();
      commitText();
    } else if (e.key === 'Backspace' && text === '' && value.length > 0 && e.currentTarget.selectionStart === 0) {
      e.preventDefault();
      remove(value.length - 1);
    } else if (e.key === 'Escape' && items.length > 0 && open) {
      // Closes the list only: the composer's own Esc (close the window) waits for the next one.
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  }

  function onPaste(e: ClipboardEvent<HTMLInputElement>) {
    const pasted = e.clipboardData.getData('text/plain');
    const before = text.slice(0, e.currentTarget.selectionStart ?? text.length);
    const after = text.slice(e.currentTarget.selectionEnd ?? text.length);
    const combined = `${before}${pasted}${after}`;
    const entries = parseAddressList(combined);
    // A single name being typed stays text; a list, or a whole address, becomes chips.
    if (entries.length > 1 || /[\n;]/.test(pasted) || (entries.length === 1 && endsEntry(combined))) {
      e.preventDefault();
      setText('');
      suggestions.clear();
      add(entries);
      setSaid(t('composeFields.recipients.pasted', { count: entries.length }));
    }
  }

  const problems = chips.filter((c) => c.problem !== null);
  return (
    <div className={`cf-recipients cf-recipients-${kind}`} data-testid={`recipients-${kind}`}>
      <label className="cf-recipients-label" htmlFor={`${id}-input`}>
        {label}
      </label>
      <div className="cf-recipients-box" onClick={(e) => e.target === e.currentTarget && input.current?.focus()}>
        {chips.length > 0 ? (
          <ul className="cf-chips" aria-label={t('composeFields.recipients.chosen', { field: label })}>
            {chips.map(({ recipient, problem }, index) => (
              <RecipientChip
                key={`${index}:${recipient.address}:${recipient.name}`}
                recipient={recipient}
                problem={problem}
                problemId={problem ? `${problemsId}-${index}` : undefined}
                onEdit={() => edit(index)}
                onRemove={() => {
                  remove(index);
                  input.current?.focus();
                }}
              />
            ))}
          </ul>
        ) : null}
        <input
          ref={input}
          id={`${id}-input`}
          className="cf-recipients-input"
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={items.length > 0}
          aria-controls={listId}
          aria-activedescendant={highlighted === -1 ? undefined : optionId(listId, highlighted)}
          aria-describedby={problems.length > 0 ? problemsId : undefined}
          autoFocus={autoFocus}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setActive(null);
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onBlur={() => {
            if (text.trim() !== '') commitText();
          }}
          data-testid="recipient-input"
        />
      </div>
      <SuggestionList id={listId} label={t('composeFields.recipients.suggestions', { field: label })} items={items} active={highlighted} onTake={take} onHover={setActive} />
      {problems.length > 0 ? (
        <ul className="cf-recipient-problems" id={problemsId} data-testid="recipient-problems">
          {chips.map(({ recipient, problem }, index) =>
            problem ? (
              <li key={index} id={`${problemsId}-${index}`} className={`is-${problem.severity}`} data-testid="recipient-problem">
                {t(problem.text, { entry: chipEntry(recipient) })}
              </li>
            ) : null,
          )}
        </ul>
      ) : null}
      <span className="visually-hidden" role="status">
        {items.length > 0 ? t('composeFields.recipients.offered', { count: items.length }) : said}
      </span>
    </div>
  );
}
