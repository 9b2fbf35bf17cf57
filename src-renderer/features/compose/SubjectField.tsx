import { useEffect, useId, useRef } from 'react';
import { useT } from '../../i18n/use-t.js';
import { patchDraft, useComposer } from './compose-store.js';

/** The subject, required: sending without one is refused here, with the reason beside the field and the focus in it. */
export function SubjectField() {
  const t = useT();
  const id = useId();
  const ref = useRef<HTMLInputElement>(null);
  const subject = useComposer((s) => s.draft.subject);
  const missing = useComposer((s) => s.problem === 'subject-missing');
  const nonce = useComposer((s) => s.problemNonce);
  useEffect(() => {
    if (missing) ref.current?.focus();
  }, [missing, nonce]);
  return (
    <div className="compose-row">
      <label className="compose-label" htmlFor={id}>
        {t('compose.subject')}
      </label>
      <div className="compose-field">
        <input
          ref={ref}
          id={id}
          className="input compose-subject"
          value={subject}
          maxLength={998}
          aria-required
          aria-invalid={missing}
          aria-describedby={missing ? `${id}-problem` : undefined}
          onChange={(e) => patchDraft({ subject: e.target.value })}
          data-testid="compose-subject"
        />
        {missing ? (
          <p className="compose-problem" id={`${id}-problem`} role="alert" data-testid="compose-subject-problem">
            {t('compose.subject.missing')}
          </p>
        ) : null}
      </div>
    </div>
  );
}
