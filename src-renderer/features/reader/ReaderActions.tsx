import { useT } from '../../i18n/use-t.js';
import { useMessageSource } from '../../stores/message-source-store.js';
import { useReader } from '../../stores/reader-store.js';

/** The view's switches: the plain text rendering of an HTML message, and the raw source. */
export function ReaderActions({ messageId, hasHtml }: { messageId: number; hasHtml: boolean }) {
  const t = useT();
  const plainText = useReader((s) => s.plainText);
  const setPlainText = useReader((s) => s.setPlainText);
  const showSource = useMessageSource((s) => s.show);
  return (
    <div className="reader-actions" role="toolbar" aria-label={t('reader.actions')}>
      {hasHtml ? (
        <button
          type="button"
          className="button reader-action"
          aria-pressed={plainText}
          onClick={() => setPlainText(!plainText)}
          data-testid="reader-plain-text"
        >
          {t('reader.view.plainText')}
        </button>
      ) : null}
      <button
        type="button"
        className="button reader-action"
        aria-haspopup="dialog"
        onClick={() => void showSource(messageId)}
        data-testid="reader-show-source"
      >
        {t('reader.view.source')}
      </button>
    </div>
  );
}
