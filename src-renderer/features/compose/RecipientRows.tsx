import { useEffect, useId, useRef, useState } from 'react';
import type { Address } from '../../../src-shared/contract/index.js';
import { useT } from '../../i18n/use-t.js';
import { patchDraft, useComposer } from './compose-store.js';
import { RecipientsField } from './fields/RecipientsField.js';

/**
 * To, and Cc and Bcc when asked for (or when the mail already has some). "No recipient" is said under To, which
 * then takes the focus.
 */
export function RecipientRows({ focusTo }: { focusTo: boolean }) {
  const t = useT();
  const id = useId();
  const to = useComposer((s) => s.draft.to);
  const cc = useComposer((s) => s.draft.cc);
  const bcc = useComposer((s) => s.draft.bcc);
  const warnings = useComposer((s) => s.warnings);
  const missing = useComposer((s) => s.problem === 'recipients-missing');
  const nonce = useComposer((s) => s.problemNonce);
  const [showCc, setShowCc] = useState(cc.length > 0);
  const [showBcc, setShowBcc] = useState(bcc.length > 0);
  const toRow = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (missing) toRow.current?.querySelector('input')?.focus();
  }, [missing, nonce]);

  const reveal = (which: 'cc' | 'bcc') => {
    (which === 'cc' ? setShowCc : setShowBcc)(true);
    // The new row's input, once drawn.
    requestAnimationFrame(() => document.querySelector<HTMLInputElement>(`[data-compose-row="${which}"] input`)?.focus());
  };
  const row = (kind: 'cc' | 'bcc', value: Address[]) => (
    <div className="compose-recipients" data-compose-row={kind}>
      <RecipientsField kind={kind} value={value} onChange={(v) => patchDraft({ [kind]: v })} warnings={warnings} />
    </div>
  );

  return (
    <>
      <div className="compose-recipients" ref={toRow} data-compose-row="to">
        <RecipientsField kind="to" value={to} onChange={(v) => patchDraft({ to: v })} warnings={warnings} autoFocus={focusTo} />
        <span className="compose-reveal">
          {showCc ? null : (
            <button type="button" className="link-button" onClick={() => reveal('cc')} data-testid="compose-show-cc">
              {t('compose.showCc')}
            </button>
          )}
          {showBcc ? null : (
            <button type="button" className="link-button" onClick={() => reveal('bcc')} data-testid="compose-show-bcc">
              {t('compose.showBcc')}
            </button>
          )}
        </span>
      </div>
      {missing ? (
        <p className="compose-problem compose-problem-row" id={`${id}-problem`} role="alert" data-testid="compose-recipients-problem">
          {t('compose.recipients.missing')}
        </p>
      ) : null}
      {showCc ? row('cc', cc) : null}
      {showBcc ? row('bcc', bcc) : null}
    </>
  );
}
