import { useId, useRef } from 'react';
import type { RecipientWarning } from '../../../src-shared/contract/index.js';
import { Modal } from '../../components/Modal.js';
import { useModal } from '../../components/use-modal.js';
import type { MessageKey } from '../../i18n/catalogs.js';
import { useT } from '../../i18n/use-t.js';
import { useComposeQuestions, type CloseChoice, type SendFindings } from './compose-questions.js';

const REASONS: Record<RecipientWarning['reason'], MessageKey> = {
  blacklisted: 'compose.check.blacklisted',
  'hard-bounce': 'compose.check.hardBounce',
  'soft-bounce': 'compose.check.softBounce',
  invalid: 'compose.check.invalid',
};

/** Closing with changes not yet saved: Save is the default, Cancel stays, Discard is said for what it does. */
function CloseDialog({ answer }: { answer(choice: CloseChoice): void }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  useModal(ref);
  return (
    <Modal dialogRef={ref} role="alertdialog" className="small-dialog" aria-labelledby={titleId} aria-describedby={bodyId} onClose={() => answer('cancel')} data-testid="compose-close-dialog">
      <h2 id={titleId}>{t('compose.close.title')}</h2>
      <p id={bodyId}>{t('compose.close.body')}</p>
      <footer>
        <button type="button" className="button" onClick={() => answer('cancel')} data-testid="compose-close-cancel">
          {t('dialog.cancel')}
        </button>
        <button type="button" className="button compose-discard" onClick={() => answer('discard')} data-testid="compose-close-discard">
          {t('compose.close.discard')}
        </button>
        <button type="button" className="button button-primary" autoFocus onClick={() => answer('save')} data-testid="compose-close-save">
          {t('compose.close.save')}
        </button>
      </footer>
    </Modal>
  );
}

/** What the check found before sending; Cancel has the focus, so Enter alone never sends despite a warning. */
function SendCheckDialog({ findings, answer }: { findings: SendFindings; answer(send: boolean): void }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useModal(ref);
  return (
    <Modal dialogRef={ref} role="alertdialog" className="small-dialog" aria-labelledby={titleId} onClose={() => answer(false)} data-testid="compose-check-dialog">
      <h2 id={titleId}>{t('compose.check.title')}</h2>
      <ul className="compose-findings">
        {findings.warnings.map((w) => (
          <li key={`${w.entry}-${w.reason}`} data-testid="compose-check-warning">
            <strong>{w.entry}</strong> — {t(REASONS[w.reason])}
          </li>
        ))}
        {findings.missing.length > 0 ? (
          <li data-testid="compose-check-missing">{t('compose.check.missing', { fields: findings.missing.map((f) => `{{${f}}}`).join(', ') })}</li>
        ) : null}
      </ul>
      <footer>
        <button type="button" className="button" autoFocus onClick={() => answer(false)} data-testid="compose-check-cancel">
          {t('compose.check.back')}
        </button>
        <button type="button" className="button button-primary" onClick={() => answer(true)} data-testid="compose-check-send">
          {t('compose.check.sendAnyway')}
        </button>
      </footer>
    </Modal>
  );
}

export function ComposeDialogs() {
  const close = useComposeQuestions((s) => s.close);
  const send = useComposeQuestions((s) => s.send);
  return (
    <>
      {close ? <CloseDialog answer={close} /> : null}
      {send ? <SendCheckDialog findings={send.findings} answer={send.answer} /> : null}
    </>
  );
}
