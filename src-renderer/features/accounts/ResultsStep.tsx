import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n/use-t.js';
import { OutcomeItem } from './OutcomeItem.js';
import { BusyLine, FailureNote } from './SetupNotes.js';
import { serverLine } from './setup-labels.js';
import { editSettings } from './save-flow.js';
import { closeSetup, keepAccount } from './setup-flow.js';
import { testPassed, useSetup } from './setup-store.js';

/**
 * Step 4: each side's answer; then "Done", or "Edit settings" when a side failed. A new account that failed can be
 * kept anyway or cancelled; an edit is already saved, so it offers "Close" instead.
 */
export function ResultsStep() {
  const t = useT();
  const { draft, outcome, busy, failure, editing } = useSetup(
    useShallow((s) => ({ draft: s.draft, outcome: s.outcome, busy: s.busy, failure: s.failure, editing: s.editing !== null })),
  );
  if (!outcome) return null;
  const passed = testPassed(outcome);
  const idle = busy === null;
  const note = editing ? (passed ? 'accounts.results.savedPassed' : 'accounts.results.savedFailed') : passed ? 'accounts.results.passed' : 'accounts.results.failed';

  return (
    <div className="setup-body">
      <div className="setup-content">
        <ul className="outcomes" data-testid="outcomes">
          <OutcomeItem side="incoming" server={serverLine(t, draft.protocol, draft.incoming)} outcome={outcome.incoming} />
          <OutcomeItem side="outgoing" server={serverLine(t, 'smtp', draft.outgoing)} outcome={outcome.outgoing} />
        </ul>
        <p className="setup-note" data-testid="results-note">
          {t(note)}
        </p>
        <BusyLine />
        {failure ? <FailureNote failure={failure} /> : null}
      </div>
      <footer className="setup-footer">
        {passed ? (
          <>
            <span className="setup-footer-spacer" />
            <button type="button" className="button button-primary" data-autofocus data-testid="setup-done" onClick={keepAccount}>
              {t('accounts.results.done')}
            </button>
          </>
        ) : (
          <>
            {editing ? null : (
              <button type="button" className="button" onClick={closeSetup} data-testid="setup-cancel">
                {t('accounts.setup.cancel')}
              </button>
            )}
            <span className="setup-footer-spacer" />
            <button type="button" className="button" aria-disabled={!idle} data-testid="keep-anyway" onClick={() => idle && keepAccount()}>
              {t(editing ? 'accounts.results.close' : 'accounts.results.keep')}
            </button>
            <button type="button" className="button button-primary" aria-disabled={!idle} data-autofocus data-testid="edit-settings" onClick={() => idle && void editSettings()}>
              {t('accounts.results.edit')}
            </button>
          </>
        )}
      </footer>
    </div>
  );
}
