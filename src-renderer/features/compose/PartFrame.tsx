import { useMemo, useState } from 'react';
import { useT } from '../../i18n/use-t.js';
import { MessageFrame } from '../reader/MessageBody.js';
import { sanitizeBody } from '../reader/sanitize.js';
import { fragmentText } from './body-parts.js';
import { patchParts, useComposer } from './compose-store.js';

const ignoreLinks = { onHover: () => undefined, onActivate: () => undefined };

/**
 * The quoted original (or the signature) under the text, drawn as the reading pane draws a mail — in a frame that
 * runs nothing — and sent as it is shown. It is a block of its own rather than text in the editor: the original
 * keeps its layout (an editor would flatten its tables and styles), and the whole of it goes with one click.
 */
export function PartFrame({ html, remote, testId }: { html: string; remote: boolean; testId: string }) {
  const t = useT();
  const plain = useComposer((s) => s.draft.plainText);
  const sanitized = useMemo(() => sanitizeBody(html, remote).html, [html, remote]);
  const text = useMemo(() => (plain ? fragmentText(html) : ''), [html, plain]);
  if (plain) {
    return (
      <pre className="compose-part-text" aria-label={t(testId === 'compose-quote' ? 'compose.quote' : 'compose.signature')} data-testid={`${testId}-text`}>
        {testId === 'compose-quote' ? text.split('\n').map((l) => (l ? `> ${l}` : '>')).join('\n') : `-- \n${text}`}
      </pre>
    );
  }
  return <MessageFrame html={sanitized} allowRemote={remote} {...ignoreLinks} />;
}

/** The quote, with the button that removes it (and brings it back, until the window closes). */
export function QuoteBlock() {
  const t = useT();
  const quote = useComposer((s) => s.parts.quote);
  const [removed, setRemoved] = useState('');
  if (!quote && !removed) return null;
  if (!quote) {
    return (
      <div className="compose-part compose-quote-removed" data-testid="compose-quote-removed">
        <span>{t('compose.quote.removed')}</span>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            patchParts({ quote: removed });
            setRemoved('');
          }}
          data-testid="compose-quote-restore"
        >
          {t('compose.quote.restore')}
        </button>
      </div>
    );
  }
  return (
    <section className="compose-part compose-quote" aria-label={t('compose.quote')} data-testid="compose-quote">
      <button
        type="button"
        className="button compose-part-remove"
        onClick={() => {
          setRemoved(quote);
          patchParts({ quote: '' });
        }}
        data-testid="compose-quote-remove"
      >
        {t('compose.quote.remove')}
      </button>
      <PartFrame html={quote} remote={false} testId="compose-quote" />
    </section>
  );
}

/** The account's signature; it follows the account chosen in From. */
export function SignatureBlock() {
  const t = useT();
  const signature = useComposer((s) => s.parts.signature);
  if (!signature) return null;
  return (
    <section className="compose-part compose-signature" aria-label={t('compose.signature')} data-testid="compose-signature">
      <PartFrame html={signature} remote testId="compose-signature" />
    </section>
  );
}
