import { useEffect, useMemo, useState } from 'react';
import { engine } from '../../api/engine.js';
import { useT } from '../../i18n/use-t.js';
import { reportError } from '../../stores/error-store.js';
import { MessageFrame } from '../reader/MessageBody.js';
import { sanitizeBody } from '../reader/sanitize.js';
import { previewTarget, type MailingChoice } from './mailing-choices.js';

interface Rendered {
  subject: string;
  html: string;
  missing: string[];
}

// The engine marks the fields it had nothing for; made plain to see here.
const MARK_STYLE = '<style>mark.merge-missing{background:#fff1b8;color:#7a4f00;outline:1px dashed #b7791f;border-radius:2px}</style>';
const ignoreLinks = { onHover: () => undefined, onActivate: () => undefined };

/**
 * The template filled for the first recipient, as the engine fills it (templates.render), in the reader's sandboxed
 * frame, with the fields this recipient has no value for: those are sent empty.
 */
export function MailingPreview({ templateId, recipient }: { templateId: number | null; recipient: MailingChoice | null }) {
  const t = useT();
  const [rendered, setRendered] = useState<Rendered | null>(null);
  const key = templateId === null || recipient === null ? null : `${templateId}:${recipient.type}:${recipient.id}`;
  useEffect(() => {
    setRendered(null);
    if (key === null || templateId === null || recipient === null) return;
    let stale = false;
    engine()
      .client.api.templates.render({ id: templateId, target: previewTarget(recipient) })
      .then((r) => !stale && setRendered(r), (error: unknown) => !stale && reportError(error));
    return () => {
      stale = true;
    };
    // `key` says everything the preview depends on.
  }, [key]);
  const html = useMemo(() => (rendered ? sanitizeBody(MARK_STYLE + rendered.html, false).html : ''), [rendered]);
  if (!rendered || !recipient) return <div className="mailing-preview" />;
  return (
    <section className="mailing-preview" aria-label={t('mailings.dialog.preview', { name: recipient.name })} data-testid="mailing-preview">
      <h3>{t('mailings.dialog.preview', { name: recipient.name })}</h3>
      <div className="mailing-preview-subject" data-testid="mailing-preview-subject">
        {rendered.subject || t('mailings.dialog.noSubject')}
      </div>
      {rendered.missing.length > 0 ? (
        <p className="mailing-preview-missing" role="status" data-testid="mailing-preview-missing">
          {t('mailings.dialog.missing', { fields: rendered.missing.map((f) => `{{${f}}}`).join(', ') })}
        </p>
      ) : null}
      <MessageFrame html={html} allowRemote={false} {...ignoreLinks} />
    </section>
  );
}
