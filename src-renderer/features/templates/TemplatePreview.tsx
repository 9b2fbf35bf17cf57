import { useMemo } from 'react';
import { useT } from '../../i18n/use-t.js';
import { MessageFrame } from '../reader/MessageBody.js';
import { sanitizeBody } from '../reader/sanitize.js';
import { fieldLabel } from './field-labels.js';

export interface Rendered {
  subject: string;
  html: string;
  missing: string[];
  unknown: string[];
}

// Marks the engine puts around fields with no value (and names that are no field), made plain to see.
const MARK_STYLE =
  '<style>mark.merge-missing{background:#fff1b8;color:#7a4f00;outline:1px dashed #b7791f;border-radius:2px}' +
  'mark.merge-unknown{background:#fde2e1;color:#9b1c1c;outline:1px dashed #c53030;border-radius:2px}</style>';

const ignoreLinks = { onHover: () => undefined, onActivate: () => undefined };

/**
 * A template as a recipient would read it: the filled subject, the filled HTML in the reader's sandboxed frame
 * (sanitised like any mail: a template's HTML is still only data), and which fields had nothing to fill them with.
 */
export function TemplatePreview({ rendered }: { rendered: Rendered }) {
  const t = useT();
  const html = useMemo(() => sanitizeBody(MARK_STYLE + rendered.html, false).html, [rendered.html]);
  return (
    <div className="template-preview" data-testid="template-preview">
      <div className="template-preview-subject">
        <span className="template-preview-label">{t('templates.subject')}</span>
        <span data-testid="template-preview-subject">{rendered.subject || t('templates.noSubject')}</span>
      </div>
      {rendered.missing.length > 0 ? (
        <p className="template-preview-missing" role="status" data-testid="template-preview-missing">
          {t('templates.missing', { fields: rendered.missing.map((f) => fieldLabel(t, f)).join(', ') })}
        </p>
      ) : null}
      {rendered.unknown.length > 0 ? (
        <p className="template-preview-unknown" role="alert" data-testid="template-preview-unknown">
          {t('templates.unknown', { fields: rendered.unknown.map((f) => `{{${f}}}`).join(', ') })}
        </p>
      ) : null}
      <MessageFrame html={html} allowRemote={false} {...ignoreLinks} />
    </div>
  );
}
