import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import type { DraftAttachment } from '../../../../src-shared/contract/index.js';
import { Icon } from '../../../components/Icon.js';
import type { MessageKey } from '../../../i18n/catalogs.js';
import { useT } from '../../../i18n/use-t.js';
import { ATTACHMENT_ICONS, ATTACHMENT_LABELS, attachmentKind } from '../../reader/attachment-kind.js';
import { formatBinarySize } from './attachment-size.js';

const ORIGIN: Partial<Record<DraftAttachment['kind'], MessageKey>> = {
  attachment: 'composeFields.attachments.fromMessage',
  message: 'composeFields.attachments.asMessage',
  document: 'composeFields.attachments.fromCrm',
};

interface Props {
  attachment: DraftAttachment;
  size: number | null;
  onRename(filename: string): void;
  onRemove(): void;
}

/** One attached file: its type's icon, its name (editable: it is the name the recipient sees), size, and remove. */
export function AttachmentRow({ attachment, size, onRename, onRemove }: Props) {
  const t = useT();
  const intl = useIntl();
  const [name, setName] = useState(attachment.filename);
  useEffect(() => setName(attachment.filename), [attachment.filename]);
  const kind = attachment.kind === 'message' ? 'message' : attachmentKind('contentType' in attachment ? attachment.contentType : '', attachment.filename);
  const origin = ORIGIN[attachment.kind];

  function commit() {
    const trimmed = name.trim();
    // An empty name would be refused when sending: the file keeps its name instead.
    if (trimmed === '' || trimmed === attachment.filename) setName(attachment.filename);
    else onRename(trimmed.slice(0, 255));
  }

  return (
    <li className="cf-attachment" data-testid="compose-attachment" data-kind={attachment.kind} data-name={attachment.filename}>
      <Icon name={ATTACHMENT_ICONS[kind]} label={t(ATTACHMENT_LABELS[kind])} />
      <input
        className="cf-attachment-name"
        value={name}
        maxLength={255}
        aria-label={t('composeFields.attachments.name', { name: attachment.filename })}
        onChange={(e) => setName(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          } else if (e.key === 'Escape' && name !== attachment.filename) {
            e.preventDefault();
            e.stopPropagation();
            setName(attachment.filename);
          }
        }}
        data-testid="compose-attachment-name"
      />
      {origin ? <span className="cf-attachment-origin">{t(origin)}</span> : null}
      <span className="cf-attachment-size" data-testid="compose-attachment-size">
        {size === null ? '' : formatBinarySize(intl, size)}
      </span>
      <button type="button" className="icon-button" aria-label={t('composeFields.attachments.remove', { name: attachment.filename })} title={t('composeFields.attachments.remove', { name: attachment.filename })} onClick={onRemove} data-testid="compose-attachment-remove">
        <Icon name="close" />
      </button>
    </li>
  );
}
