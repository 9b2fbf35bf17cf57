import { useId, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Icon } from '../../components/Icon.js';
import { Modal } from '../../components/Modal.js';
import { useModal } from '../../components/use-modal.js';
import { useT } from '../../i18n/use-t.js';
import { cancelRemoval, confirmRemoval, useRemoval, type RemovalTarget } from './remove-account.js';
import { FailureNote } from './SetupNotes.js';
import './remove-dialog.css';

export function RemoveAccountDialog() {
  const target = useRemoval((s) => s.target);
  return target ? <RemoveDialog target={target} /> : null;
}

/** The removed account's item is gone from the tree: focus goes to the item the tree offers to Tab instead. */
const treeItem = () => document.querySelector<HTMLElement>('[data-testid="folder-tree"] [role="treeitem"][tabindex="0"]');

/**
 * Asks before removing, and says plainly what goes: everything kept on this computer for the account. IMAP mail
 * stays on the server; POP3 mail no longer there is lost; the Outbox is never sent. Cancel has the focus, so
 * Enter alone does not remove anything.
 */
function RemoveDialog({ target }: { target: RemovalTarget }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const { busy, failure } = useRemoval(useShallow((s) => ({ busy: s.busy, failure: s.failure })));
  const { account, folders, messages, outbox } = target;
  const host = account.settings.incoming.host;
  useModal(ref, treeItem);

  return (
    <Modal
      dialogRef={ref}
      role="alertdialog"
      className="setup-dialog remove-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      data-testid="remove-dialog"
      onClose={cancelRemoval}
    >
      <header className="setup-header">
        <h2 id={titleId}>{t('accounts.remove.title', { name: account.name })}</h2>
      </header>
      <div className="setup-content" id={bodyId}>
        <p data-testid="remove-local">{t('accounts.remove.local', { email: account.email, messages, folders })}</p>
        <p data-testid="remove-server">{t(account.settings.incoming.protocol === 'pop3' ? 'accounts.remove.pop3' : 'accounts.remove.imap', { host })}</p>
        <p className={outbox > 0 ? 'remove-outbox' : undefined} data-testid="remove-outbox">
          {outbox > 0 ? <Icon name="warning" /> : null}
          {t('accounts.remove.outbox', { count: outbox })}
        </p>
        {busy ? (
          <p className="setup-busy" role="status">
            <span className="spinner" />
            {t('accounts.remove.busy')}
          </p>
        ) : null}
        {failure ? <FailureNote failure={failure} /> : null}
      </div>
      <footer className="setup-footer">
        <span className="setup-footer-spacer" />
        <button type="button" className="button" autoFocus aria-disabled={busy} onClick={cancelRemoval} data-testid="remove-cancel">
          {t('accounts.setup.cancel')}
        </button>
        <button type="button" className="button button-danger" aria-disabled={busy} onClick={() => void confirmRemoval()} data-testid="remove-confirm">
          {t('accounts.remove.confirm')}
        </button>
      </footer>
    </Modal>
  );
}
