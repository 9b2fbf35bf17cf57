import type { ReactNode } from 'react';
import { useT } from '../../i18n/use-t.js';
import { closeSetup } from './setup-flow.js';

/** Every step's footer: Cancel on the left, the step's own actions on the right. */
export function SetupFooter({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <footer className="setup-footer">
      <button type="button" className="button" onClick={closeSetup} data-testid="setup-cancel">
        {t('accounts.setup.cancel')}
      </button>
      <span className="setup-footer-spacer" />
      {children}
    </footer>
  );
}
