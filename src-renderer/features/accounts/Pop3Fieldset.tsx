import { Field } from '../../components/Field.js';
import { useT } from '../../i18n/use-t.js';
import type { Problem } from './draft-problems.js';
import { updateDraft, useSetup } from './setup-store.js';

/** Days proposed when the person first asks for old messages to be deleted from the server. */
const SUGGESTED_DAYS = '14';

/**
 * What happens to downloaded mail on a POP3 server. Deleting applies only while messages are left on the server
 * (otherwise each is deleted once its local copy is verified), so those two options hang under that box.
 */
export function Pop3Fieldset({ daysProblem }: { daysProblem: Problem | undefined }) {
  const t = useT();
  const draft = useSetup((s) => s.draft);
  const afterDays = draft.deleteAfterDays !== '';
  return (
    <fieldset className="setup-fieldset" data-testid="pop3-options">
      <legend>{t('accounts.pop3.legend')}</legend>
      <label className="check">
        <input type="checkbox" checked={draft.leaveOnServer} data-testid="pop3-leave" onChange={(e) => updateDraft({ leaveOnServer: e.target.checked })} />
        {t('accounts.pop3.leave')}
      </label>
      {draft.leaveOnServer ? (
        <div className="check-group">
          <label className="check">
            <input type="checkbox" checked={afterDays} data-testid="pop3-after-days" onChange={(e) => updateDraft({ deleteAfterDays: e.target.checked ? SUGGESTED_DAYS : '' })} />
            {t('accounts.pop3.deleteAfter')}
          </label>
          {afterDays ? (
            <Field label={t('accounts.pop3.days')} problem={daysProblem ? t(daysProblem.key) : null} className="field-port">
              {(c) => <input {...c} value={draft.deleteAfterDays} inputMode="numeric" data-testid="pop3-days" onChange={(e) => updateDraft({ deleteAfterDays: e.target.value })} />}
            </Field>
          ) : null}
          <label className="check">
            <input type="checkbox" checked={draft.deleteWhenTrashed} data-testid="pop3-trash" onChange={(e) => updateDraft({ deleteWhenTrashed: e.target.checked })} />
            {t('accounts.pop3.deleteTrashed')}
          </label>
        </div>
      ) : (
        <p className="field-hint">{t('accounts.pop3.deleteAll')}</p>
      )}
    </fieldset>
  );
}
