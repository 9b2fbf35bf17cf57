import { useId, useRef, useState } from 'react';
import { Modal } from '../../../components/Modal.js';
import { useModal } from '../../../components/use-modal.js';
import { useT } from '../../../i18n/use-t.js';
import { linkUrl } from './link-url.js';

/** Asks for a link's address; answers the URL to use, or null when cancelled. */
export function LinkDialog({ onDone }: { onDone(url: string | null): void }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const inputId = useId();
  const [typed, setTyped] = useState('');
  const [tried, setTried] = useState(false);
  useModal(ref);
  const url = linkUrl(typed);
  const problem = tried && url === null ? t('compose.link.invalid') : null;
  return (
    <Modal dialogRef={ref} className="small-dialog" aria-labelledby={titleId} data-testid="compose-link-dialog" onClose={() => onDone(null)}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (url) onDone(url);
        }}
      >
        <h2 id={titleId}>{t('compose.link.title')}</h2>
        <label htmlFor={inputId}>{t('compose.link.label')}</label>
        <input
          id={inputId}
          className="input"
          autoFocus
          value={typed}
          placeholder="https://"
          aria-invalid={problem !== null}
          aria-describedby={problem ? `${inputId}-problem` : undefined}
          onChange={(e) => setTyped(e.target.value)}
          data-testid="compose-link-url"
        />
        {problem ? (
          <p className="dialog-problem" id={`${inputId}-problem`} role="alert">
            {problem}
          </p>
        ) : null}
        <footer>
          <button type="button" className="button" onClick={() => onDone(null)}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="button button-primary" data-testid="compose-link-ok">
            {t('compose.link.ok')}
          </button>
        </footer>
      </form>
    </Modal>
  );
}
