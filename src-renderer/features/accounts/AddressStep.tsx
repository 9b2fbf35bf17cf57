import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Field } from '../../components/Field.js';
import { useT } from '../../i18n/use-t.js';
import { withEmail } from './account-draft.js';
import { CandidateList } from './CandidateList.js';
import { emailProblem } from './draft-problems.js';
import { SetupFooter } from './SetupFooter.js';
import { BusyLine, FailureNote } from './SetupNotes.js';
import { discover, leaveAddressStep } from './setup-flow.js';
import { updateDraft, useSetup } from './setup-store.js';

/** Step 1: the address (and the name shown to recipients), then discovery's suggestions or the way to type them. */
export function AddressStep() {
  const t = useT();
  const { draft, busy, candidates, chosen, failure } = useSetup(
    useShallow((s) => ({ draft: s.draft, busy: s.busy, candidates: s.candidates, chosen: s.chosen, failure: s.failure })),
  );
  const [checked, setChecked] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const problem = checked ? emailProblem(draft.email) : null;
  const found = candidates !== null && candidates.length > 0;

  /** Both ways on need an address: the account is named by it and discovery starts from its domain. */
  function withAddress(action: () => void): void {
    setChecked(true);
    if (emailProblem(draft.email)) emailRef.current?.focus();
    else action();
  }

  return (
    <form
      className="setup-body"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (busy === null) withAddress(() => void discover());
      }}
    >
      <div className="setup-content">
        <p className="setup-intro">{t('accounts.address.intro')}</p>
        <Field label={t('accounts.field.email')} problem={problem ? t(problem.key) : null}>
          {(c) => (
            <input
              {...c}
              ref={emailRef}
              type="email"
              autoComplete="email"
              spellCheck={false}
              value={draft.email}
              data-autofocus
              data-testid="account-email"
              onChange={(e) => useSetup.setState((s) => ({ draft: withEmail(s.draft, e.target.value), candidates: null }))}
            />
          )}
        </Field>
        <Field label={t('accounts.field.name')} hint={t('accounts.field.nameHint')}>
          {(c) => <input {...c} autoComplete="name" value={draft.name} data-testid="account-name" onChange={(e) => updateDraft({ name: e.target.value })} />}
        </Field>
        <div className="setup-inline-actions">
          <button type="submit" className={`button${found ? '' : ' button-primary'}`} aria-disabled={busy !== null} data-testid="find-settings">
            {t('accounts.address.find')}
          </button>
          <button type="button" className="button" data-testid="by-hand" onClick={() => withAddress(() => leaveAddressStep('settings', false))}>
            {t('accounts.address.byHand')}
          </button>
        </div>
        <BusyLine />
        {failure ? <FailureNote failure={failure} /> : null}
        {candidates !== null && !found ? (
          <p className="setup-note" data-testid="discovery-none">
            {t('accounts.discovery.none')}
          </p>
        ) : null}
        {found ? <CandidateList candidates={candidates} chosen={chosen} /> : null}
      </div>
      <SetupFooter>
        {found ? (
          <>
            <button type="button" className="button" data-testid="change-candidate" onClick={() => leaveAddressStep('settings', true)}>
              {t('accounts.candidates.change')}
            </button>
            <button type="button" className="button button-primary" data-testid="use-candidate" onClick={() => leaveAddressStep('password', true)}>
              {t('accounts.candidates.use')}
            </button>
          </>
        ) : null}
      </SetupFooter>
    </form>
  );
}
