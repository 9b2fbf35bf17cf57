import { useIntl } from 'react-intl';
import type { AttachmentInfo } from '../../../src-shared/contract/index.js';
import { Icon } from '../../components/Icon.js';
import { formatSize } from '../../format/size.js';
import { useT } from '../../i18n/use-t.js';
import { ATTACHMENT_ICONS, ATTACHMENT_LABELS, attachmentKind } from './attachment-kind.js';

export function AttachmentList({ attachments }: { attachments: readonly AttachmentInfo[] }) {
  const t = useT();
  const intl = useIntl();
  if (attachments.length === 0) return null;
  const label = t('reader.attachments', { count: attachments.length });
  return (
    <div className="attachments">
      <div className="attachments-title">
        <Icon name="paperclip" />
        {label}
      </div>
      <ul className="attachment-list" aria-label={label}>
        {attachments.map((a) => {
          const kind = attachmentKind(a.contentType, a.filename);
          return (
            <li
              key={a.id}
              className={`attachment-item kind-${kind}`}
              data-testid="attachment-item"
              data-kind={kind}
              data-inline={a.inline}
              title={a.contentType}
            >
              <Icon name={ATTACHMENT_ICONS[kind]} label={t(ATTACHMENT_LABELS[kind])} />
              <span className="attachment-name">{a.filename}</span>
              <span className="attachment-size">{formatSize(intl, a.size)}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
