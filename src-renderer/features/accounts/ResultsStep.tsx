import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n/use-t.js';
import { OutcomeItem } from './OutcomeItem.js';
import { BusyLine, FailureNote } from './SetupNotes.js';
import { BUSY_KEYS, serverLine } from './setup-labels.js';
import { closeSetup, editSettings, keepAccount } from './setup-flow.js';
import { testPassed, useSetup } from './setup-store.js';

/** Step 4: each side's answer; then "Done", or "Edit settings" / "Keep anyway" when a side failed. */
export function ResultsStep() {
  const t = useT();
  const { draft, outcome, busy, failure } = useSetup(
    useShallow((s) => ({ draft: s.draft, outcome: s.outcome, busy: s.busy, failure: s.failure })),
  );
  if (!outcome) return null;
  const passed = testPassed(outcome);
  const idle = busy === null;

  return (
    <div className="setup-body">
      <div className="setup-content">
        <ul className="outcomes" data-testid="outcomes">
          <OutcomeItem side="incoming" server={serverLine(t, draft.protocol, draft.incoming)} outcome={outcome.incoming} />
          <OutcomeItem side="outgoing" server={serverLine(t, 'smtp', draft.outgoing)} outcome={outcome.outgoing} />
        </ul>
        <p className="setup-note" data-testid="results-note">
          {t(passed ? 'accounts.results.passed' : 'accounts.results.failed')}
        </p>
        {busy !== null ? <BusyLine text={t(BUSY_KEYS[busy])} /> : null}
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
            <button type="button" className="button" onClick={closeSetup} data-testid="setup-cancel">
              {t('accounts.setup.cancel')}
            </button>
            <span className="setup-footer-spacer" />
            <button type="button" className="button" aria-disabled={!idle} data-testid="keep-anyway" onClick={() => idle && keepAccount()}>
              {t('accounts.results.keep')}
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
