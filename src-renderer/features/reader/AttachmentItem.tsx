import { useIntl } from 'react-intl';
import type { AttachmentInfo } from '../../../src-shared/contract/index.js';
import { isProgramFile, safeFileName } from '../../../src-shared/domain/attachment-files.js';
import { Icon } from '../../components/Icon.js';
import { formatSize } from '../../format/size.js';
import { useT } from '../../i18n/use-t.js';
import { FileInDocumentsButton } from '../documents/FileInDocumentsButton.js';
import { ATTACHMENT_ICONS, ATTACHMENT_LABELS, attachmentKind } from './attachment-kind.js';
import { useThumbnail } from './use-thumbnail.js';

interface AttachmentItemProps {
  attachment: AttachmentInfo;
  onOpen(): void;
  onSave(): void;
}

/**
 * One file: its picture (images) or its type's icon, its name and size — together the button that opens it with
 * the system's application — and a Save button. The name is shown as it will be saved: without the direction
 * overrides that can make "fdp.exe" read as "exe.pdf", nor folder parts.
 */
export function AttachmentItem({ attachment, onOpen, onSave }: AttachmentItemProps) {
  const t = useT();
  const intl = useIntl();
  const name = safeFileName(attachment.filename, t('reader.attachment.unnamed'));
  const kind = attachmentKind(attachment.contentType, name);
  const program = isProgramFile(name);
  const thumbnail = useThumbnail(attachment, kind === 'image' && !program);
  const kindLabel = t(ATTACHMENT_LABELS[kind]);
  return (
    <li
      className={`attachment-item kind-${kind}${program ? ' attachment-program' : ''}`}
      data-testid="attachment-item"
      data-kind={kind}
      data-inline={attachment.inline}
      data-program={program}
    >
      <button
        type="button"
        className="attachment-open"
        title={t(program ? 'reader.attachment.programHint' : 'reader.attachment.openHint', { name })}
        onClick={onOpen}
        data-testid="attachment-open"
      >
        {thumbnail ? (
          <img className="attachment-thumbnail" src={thumbnail} alt={kindLabel} data-testid="attachment-thumbnail" />
        ) : (
          <Icon name={ATTACHMENT_ICONS[kind]} label={kindLabel} />
        )}
        {program ? <Icon name="warning" className="attachment-warning" label={t('reader.attachment.program')} /> : null}
        <span className="attachment-name" data-testid="attachment-name">
          {name}
        </span>
        <span className="attachment-size">{formatSize(intl, attachment.size)}</span>
      </button>
      <button
        type="button"
        className="attachment-save"
        aria-label={t('reader.attachment.saveNamed', { name })}
        title={t('reader.attachment.saveNamed', { name })}
        onClick={onSave}
        data-testid="attachment-save"
      >
        {t('reader.attachment.save')}
      </button>
      <FileInDocumentsButton attachment={attachment} name={name} />
    </li>
  );
}
