import { useCallback, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import type { DocumentFile, DraftAttachment, MessageLink } from '../../../../src-shared/contract/index.js';
import { Icon } from '../../../components/Icon.js';
import { useT } from '../../../i18n/use-t.js';
import { useFileDrop } from '../../documents/file-drop.js';
import { AttachmentRow } from './AttachmentRow.js';
import { useDroppedFiles } from './attachment-drop.js';
import { attachmentSize, formatBinarySize, sizeKey, totals } from './attachment-size.js';
import { CrmDocumentDialog } from './CrmDocumentDialog.js';
import { UploadRow } from './UploadRow.js';
import { useUploads } from './use-uploads.js';
import './compose-fields.css';

interface Props {
  value: DraftAttachment[];
  onChange(value: DraftAttachment[]): void;
  limitBytes: number;
  links: MessageLink[];
}

/**
 * The message's files: added with "Attach files", by dropping them here (or anywhere on the composer, see
 * useAttachmentDrop) or from a CRM record's documents; each can be renamed and removed. The total is shown against
 * the limit, with what to do when it is over.
 */
export function AttachmentsPanel({ value, onChange, limitBytes, links }: Props) {
  const t = useT();
  const intl = useIntl();
  const picker = useRef<HTMLInputElement>(null);
  const attachButton = useRef<HTMLButtonElement>(null);
  const [crm, setCrm] = useState(false);
  // Sizes the attachments do not carry themselves (CRM documents listed with theirs when chosen).
  const known = useRef(new Map<string, number>());
  // Uploads finish one after another between renders: each adds to the latest list, not to the one it started with.
  const latest = useRef(value);
  latest.current = value;
  const append = useCallback(
    (more: DraftAttachment[]) => {
      const next = [...latest.current, ...more];
      latest.current = next;
      onChange(next);
    },
    [onChange],
  );
  const { uploads, add, retry, dismiss } = useUploads((a) => append([a]));
  useDroppedFiles(add);
  // Taken here: the composer's own drop zone around the panel sees it as handled.
  const { dropping, dropProps } = useFileDrop(add);

  const { bytes, unknown } = totals(value, known.current);
  const over = bytes > limitBytes;
  const total = formatBinarySize(intl, bytes);
  const limit = formatBinarySize(intl, limitBytes);

  function attachDocuments(files: DocumentFile[]) {
    setCrm(false);
    const have = new Set(latest.current.map((a) => sizeKey(a)));
    const fresh = files.filter((f) => !have.has(`document:${f.id}`));
    for (const f of fresh) known.current.set(`document:${f.id}`, f.size);
    append(fresh.map((f): DraftAttachment => ({ kind: 'document', documentId: f.id, filename: f.name })));
  }

  return (
    <section
      className={`cf-attachments${dropping ? ' is-drop-target' : ''}${over ? ' is-over' : ''}`}
      aria-label={t('composeFields.attachments.title')}
      data-testid="compose-attachments"
      {...dropProps}
    >
      <div className="cf-attachments-bar">
        <button ref={attachButton} type="button" className="button" onClick={() => picker.current?.click()} data-testid="compose-attach-files">
          <Icon name="paperclip" />
          {t('composeFields.attachments.add')}
        </button>
        <input
          ref={picker}
          type="file"
          multiple
          hidden
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            add(files);
          }}
          data-testid="compose-file-input"
        />
        <button type="button" className="button" onClick={() => setCrm(true)} data-testid="compose-attach-crm">
          <Icon name="document" />
          {t('composeFields.attachments.fromCrmButton')}
        </button>
        {value.length > 0 ? (
          <span className={`cf-attachments-total${over ? ' is-over' : ''}`} data-testid="compose-attachments-total">
            {t(unknown > 0 ? 'composeFields.attachments.totalSome' : 'composeFields.attachments.total', { total, limit, count: unknown })}
          </span>
        ) : (
          <span className="cf-hint">{t(dropping ? 'composeFields.attachments.dropHere' : 'composeFields.attachments.dropHint')}</span>
        )}
      </div>
      {over ? (
        <p className="cf-attachments-over" role="alert" data-testid="compose-attachments-over">
          {t('composeFields.attachments.over', { total, limit })}
        </p>
      ) : null}
      {value.length + uploads.length > 0 ? (
        <ul className="cf-attachment-list" aria-label={t('composeFields.attachments.title')}>
          {value.map((a, index) => (
            <AttachmentRow
              key={`${sizeKey(a)}:${index}`}
              attachment={a}
              size={attachmentSize(a, known.current)}
              onRename={(filename) => onChange(value.map((b, i) => (i === index ? { ...b, filename } : b)))}
              onRemove={() => {
                onChange(value.filter((_, i) => i !== index));
                // The row and its button are gone: the focus goes back to where files are added.
                attachButton.current?.focus();
              }}
            />
          ))}
          {uploads.map((u) => (
            <UploadRow key={u.key} upload={u} onRetry={() => retry(u.key)} onDismiss={() => dismiss(u.key)} />
          ))}
        </ul>
      ) : null}
      {crm ? <CrmDocumentDialog links={links} onAttach={attachDocuments} onClose={() => setCrm(false)} /> : null}
    </section>
  );
}
