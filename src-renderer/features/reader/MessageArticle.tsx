import type { MessageDetail } from '../../../src-shared/contract/index.js';
import { Icon } from '../../components/Icon.js';
import { useT } from '../../i18n/use-t.js';
import { AttachmentList } from './AttachmentList.js';
import { MessageView } from './MessageView.js';
import { ReaderHeader } from './ReaderHeader.js';

/** One message as the reading pane and a message window show it: header and actions, files, body. */
export function MessageArticle({ detail }: { detail: MessageDetail }) {
  const t = useT();
  return (
    <article className="reader" data-id={detail.id}>
      <ReaderHeader detail={detail} />
      {detail.malformed ? (
        <div className="banner banner-warning reader-banner" role="note" data-testid="malformed-banner">
          <Icon name="warning" />
          {t('reader.malformed')}
        </div>
      ) : null}
      {/* Keyed by message, so a save's outcome, a hovered link or an open confirmation never carries over. */}
      <AttachmentList key={`files-${detail.id}`} messageId={detail.id} attachments={detail.attachments} />
      <MessageView key={detail.id} detail={detail} />
    </article>
  );
}
