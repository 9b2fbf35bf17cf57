import { useState } from 'react';
import { Field } from '../../components/Field.js';
import { useT } from '../../i18n/use-t.js';
import { SetupFooter } from './SetupFooter.js';
import { draftProblems, hasProblems, type DraftProblems } from './draft-problems.js';
import { OptionsFieldset } from './OptionsFieldset.js';
import { Pop3Fieldset } from './Pop3Fieldset.js';
import { ServerFieldset } from './ServerFieldset.js';
import { goTo, updateDraft, useSetup } from './setup-store.js';

const NONE: DraftProblems = { incoming: {}, outgoing: {} };

/**
 * Step 2 when typed by hand (or to adjust a suggestion): both servers and the account's options. Editing starts
 * here: the address is the account's and stays, so the name shown to recipients is asked here instead.
 */
export function SettingsStep() {
  const t = useT();
  const draft = useSetup((s) => s.draft);
  const editing = useSetup((s) => s.editing !== null);
  // Problems show once the person tries to go on, then follow their typing.
  const [checked, setChecked] = useState(false);
  const all = draftProblems(draft);
  const problems = checked ? all : NONE;

  return (
    <form
      className="setup-body"
      noValidate
      data-testid="settings-form"
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        setChecked(true);
        if (!hasProblems(all)) goTo('password');
        // After the render that marks the fields, so the first one to fix takes focus with its message.
        else requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      }}
    >
      <div className="setup-content">
        <p className="setup-intro">{t('accounts.settings.intro', { email: draft.email.trim() })}</p>
        {editing ? (
          <Field label={t('accounts.field.name')} hint={t('accounts.field.nameHint')} className="field-name">
            {(c) => <input {...c} autoComplete="name" value={draft.name} data-testid="account-name" onChange={(e) => updateDraft({ name: e.target.value })} />}
          </Field>
        ) : null}
        <div className="server-columns">
          <ServerFieldset side="incoming" problems={problems.incoming} />
          <ServerFieldset side="outgoing" problems={problems.outgoing} />
        </div>
        {draft.protocol === 'pop3' ? <Pop3Fieldset daysProblem={problems.deleteAfterDays} /> : null}
        <OptionsFieldset problems={problems} />
      </div>
      <SetupFooter>
        {editing ? null : (
          <button type="button" className="button" onClick={() => goTo('address')} data-testid="setup-back">
            {t('accounts.setup.back')}
          </button>
        )}
        <button type="submit" className="button button-primary" data-testid="settings-continue">
          {t('accounts.setup.continue')}
        </button>
      </SetupFooter>
    </form>
  );
}
