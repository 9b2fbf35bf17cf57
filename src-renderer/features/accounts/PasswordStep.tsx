import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n/use-t.js';
import { signsInWithOAuth } from './account-input.js';
import { PasswordField } from './PasswordField.js';
import { saveAndTest, willSignIn } from './save-flow.js';
import { ServerSummary } from './ServerSummary.js';
import { SignInChoice } from './SignInChoice.js';
import { SetupFooter } from './SetupFooter.js';
import { BusyLine, FailureNote } from './SetupNotes.js';
import { OAUTH_PROVIDER_NAMES } from './setup-labels.js';
import { goTo, useSetup } from './setup-store.js';

/** Step 3: how the account signs in (the provider's page, or a password), then "Add and test" or "Save and test". */
export function PasswordStep() {
  const t = useT();
  const { draft, busy, failure, editing } = useSetup(
    useShallow((s) => ({ draft: s.draft, busy: s.busy, failure: s.failure, editing: s.editing })),
  );
  const input = useRef<HTMLInputElement>(null);
  const [checked, setChecked] = useState(false);
  const oauth = signsInWithOAuth(draft);
  const signIn = willSignIn(draft, editing);
  // A saved password is kept when the field stays empty; a saved sign-in is no password to keep.
  const optional = editing !== null && editing.hasSecret && editing.settings.auth === 'password';
  const empty = useSetup((s) => s.password === '');
  const passwordMissing = !oauth && !optional && empty;

  let action: string;
  if (signIn && draft.oauthProvider) action = t('accounts.oauth.signIn', { provider: OAUTH_PROVIDER_NAMES[draft.oauthProvider] });
  else action = t(editing ? 'accounts.password.saveAndTest' : 'accounts.password.addAndTest');

  return (
    <form
      className="setup-body"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (busy !== null) return;
        setChecked(true);
        if (passwordMissing) input.current?.focus();
        else void saveAndTest();
      }}
    >
      <div className="setup-content">
        <ServerSummary draft={draft} />
        {draft.oauthProvider ? <SignInChoice provider={draft.oauthProvider} oauth={oauth} signedIn={oauth && !signIn} /> : null}
        {oauth ? null : <PasswordField input={input} optional={optional} missing={checked && passwordMissing} />}
        <BusyLine />
        {failure ? <FailureNote failure={failure} /> : null}
      </div>
      <SetupFooter>
        <button type="button" className="button" aria-disabled={busy !== null} onClick={() => busy === null && goTo('settings')} data-testid="setup-back">
          {t('accounts.setup.back')}
        </button>
        <button type="submit" className="button button-primary" aria-disabled={busy !== null} data-autofocus={oauth || undefined} data-testid={signIn ? 'sign-in' : 'add-and-test'}>
          {action}
        </button>
      </SetupFooter>
    </form>
  );
}
