import { useIntl } from 'react-intl';
import type { DocumentFile } from '../../../src-shared/contract/index.js';
import { isProgramFile } from '../../../src-shared/domain/attachment-files.js';
import { Icon } from '../../components/Icon.js';
import { formatShortDate } from '../../format/dates.js';
import { formatSize } from '../../format/size.js';
import { useT } from '../../i18n/use-t.js';
import { ATTACHMENT_ICONS, ATTACHMENT_LABELS, attachmentKind } from '../reader/attachment-kind.js';
import { DOCUMENT_DRAG_TYPE } from './drag-data.js';

interface DocumentRowProps {
  file: DocumentFile;
  onOpen(): void;
  onDownload(): void;
  onMove(): void;
  onRename(): void;
  onDelete(): void;
}

/**
 * One file: its type's icon and name (the button that opens it), then size, date, who added it and from which
 * email, and its actions; the lines wrap to the width the record page gives the panel.
 */
export function DocumentRow({ file, onOpen, onDownload, onMove, onRename, onDelete }: DocumentRowProps) {
  const t = useT();
  const intl = useIntl();
  const kind = attachmentKind(file.contentType, file.name);
  const program = isProgramFile(file.name);
  const name = { name: file.name };
  return (
    <li
      className="documents-file"
      draggable
      onDragStart={(e) => {
        e.dataTransfer.setData(DOCUMENT_DRAG_TYPE, String(file.id));
        e.dataTransfer.effectAllowed = 'move';
      }}
      data-testid="documents-file"
      data-name={file.name}
    >
      <button type="button" className="documents-open" title={t('documents.open', name)} onClick={onOpen} data-testid="documents-open">
        <Icon name={program ? 'warning' : ATTACHMENT_ICONS[kind]} label={t(ATTACHMENT_LABELS[kind])} />
        <span className="documents-name">{file.name}</span>
      </button>
      <span className="documents-meta">
        <span className="documents-size">{formatSize(intl, file.size)}</span>
        <span className="documents-date">{formatShortDate(intl, file.createdAt)}</span>
        {file.addedBy ? <span className="documents-by">{file.addedBy}</span> : null}
      </span>
      {file.source ? (
        <span className="documents-source" data-testid="documents-source">
          <Icon name="mail" />
          {file.source.subject ? t('documents.fromEmail', { subject: file.source.subject }) : t('documents.fromPrivateEmail')}
        </span>
      ) : null}
      <span className="documents-actions">
        <button type="button" className="link-button" aria-label={t('documents.downloadNamed', name)} onClick={onDownload} data-testid="documents-download">
          {t('documents.download')}
        </button>
        <button type="button" className="link-button" aria-label={t('documents.moveNamed', name)} onClick={onMove} data-testid="documents-move">
          {t('documents.move')}
        </button>
        <button type="button" className="link-button" aria-label={t('documents.renameNamed', name)} onClick={onRename} data-testid="documents-rename">
          {t('documents.rename')}
        </button>
        <button type="button" className="link-button" aria-label={t('documents.deleteNamed', name)} onClick={onDelete} data-testid="documents-delete">
          {t('documents.delete')}
        </button>
      </span>
    </li>
  );
}
