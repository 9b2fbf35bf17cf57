import { useEffect, useId, useRef, useState } from 'react';
import { Modal } from '../../components/Modal.js';
import { useModal } from '../../components/use-modal.js';
import { useT } from '../../i18n/use-t.js';
import { useMessageSource } from '../../stores/message-source-store.js';

export function SourceDialog() {
  const messageId = useMessageSource((s) => s.messageId);
  return messageId === null ? null : <SourceView />;
}

/** The raw message as received, headers first, for checking where it really came from. */
function SourceView() {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const text = useMessageSource((s) => s.text);
  const close = useMessageSource((s) => s.close);
  const [copied, setCopied] = useState(false);
  useModal(ref);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = async () => {
    if (text === null) return;
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      // The clipboard can be refused (no focus, a policy): select the text so that Ctrl+C does it instead.
      const pre = ref.current?.querySelector('.source-text');
      if (pre) window.getSelection()?.selectAllChildren(pre);
    }
  };

  return (
    <Modal
      dialogRef={ref}
      className="reader-dialog source-dialog"
      aria-labelledby={titleId}
      data-testid="source-dialog"
      onClose={close}
    >
      <header className="reader-dialog-header">
        <h2 id={titleId}>{t('reader.source.title')}</h2>
      </header>
      {text === null ? (
        <p className="reader-dialog-content" role="status">
          {t('reader.source.loading')}
        </p>
      ) : (
        <pre className="source-text" data-testid="source-text" tabIndex={0}>
          {text}
        </pre>
      )}
      <footer className="reader-dialog-footer">
        <span className="reader-dialog-spacer" role="status">
          {copied ? t('reader.source.copied') : ''}
        </span>
        <button type="button" className="button" aria-disabled={text === null} onClick={() => void copy()} data-testid="source-copy">
          {t('reader.source.copy')}
        </button>
        <button type="button" className="button" autoFocus onClick={close} data-testid="source-close">
          {t('reader.source.close')}
        </button>
      </footer>
    </Modal>
  );
}
