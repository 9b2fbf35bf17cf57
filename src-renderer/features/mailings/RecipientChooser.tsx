import { useId } from 'react';
import { useT } from '../../i18n/use-t.js';
import { RecordPicker } from '../crm/page/RecordPicker.js';
import type { MailingChoice, MailingType } from './mailing-choices.js';

/** A list this long is not read line by line: the first ones can be left out, the rest go. */
const SHOWN = 200;
const TYPES: MailingType[] = ['contact', 'company', 'lead'];

/** The mailing's recipients: each one ticked goes; a search adds others. */
export function RecipientChooser({ choices, onChange }: { choices: MailingChoice[] | null; onChange(choices: MailingChoice[]): void }) {
  const t = useT();
  const legendId = useId();
  if (choices === null) {
    return (
      <fieldset>
        <legend>{t('mailings.recipients')}</legend>
        <p className="crm-muted" role="status">
          {t('mailings.dialog.loading')}
        </p>
      </fieldset>
    );
  }
  const chosen = choices.filter((c) => c.checked).length;
  const toggle = (index: number, checked: boolean) => onChange(choices.map((c, i) => (i === index ? { ...c, checked } : c)));
  return (
    <fieldset aria-describedby={legendId}>
      <legend id={legendId} data-testid="mailing-chosen">
        {t('mailings.dialog.recipients', { chosen, total: choices.length })}
      </legend>
      <ul className="mailing-chooser" data-testid="mailing-choices">
        {choices.slice(0, SHOWN).map((c, i) => (
          <li key={`${c.type}-${c.id}`}>
            <label data-testid="mailing-choice">
              <input type="checkbox" checked={c.checked} onChange={(e) => toggle(i, e.target.checked)} />
              <span>{c.name || t('crm.unnamed')}</span>
              <span className="mailing-chooser-detail">{c.detail}</span>
            </label>
          </li>
        ))}
        {choices.length > SHOWN ? <li className="crm-muted">{t('mailings.dialog.more', { count: choices.length - SHOWN })}</li> : null}
      </ul>
      <RecordPicker
        label={t('mailings.dialog.add')}
        types={TYPES}
        value={null}
        resetOnPick
        testId="mailing-add"
        onChange={(picked) => {
          if (!picked || !TYPES.includes(picked.type as MailingType)) return;
          const type = picked.type as MailingType;
          const at = choices.findIndex((c) => c.type === type && c.id === picked.id);
          if (at >= 0) toggle(at, true);
          else onChange([...choices, { type, id: picked.id, name: picked.name, detail: '', checked: true }]);
        }}
      />
    </fieldset>
  );
}
