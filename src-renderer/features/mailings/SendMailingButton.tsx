import { useState } from 'react';
import { useT } from '../../i18n/use-t.js';
import type { MessageKey } from '../../i18n/catalogs.js';
import type { MailingChoice } from './mailing-choices.js';
import { MailingDialog } from './MailingDialog.js';

/** "Send a mailing…": opens the mailing dialog with the recipients `initial` gives. */
export function SendMailingButton({ label, initial, testId }: { label: MessageKey; initial: () => Promise<MailingChoice[]>; testId: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" aria-haspopup="dialog" onClick={() => setOpen(true)} data-testid={testId}>
        {t(label)}
      </button>
      {open ? <MailingDialog initial={initial} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
