import { EmptyState } from '../../components/EmptyState.js';
import { Icon } from '../../components/Icon.js';
import { useT } from '../../i18n/use-t.js';
import { useReader } from '../../stores/reader-store.js';
import { AttachmentList } from './AttachmentList.js';
import { MessageView } from './MessageView.js';
import { ReaderHeader } from './ReaderHeader.js';
import { SourceDialog } from './SourceDialog.js';
import './reader-dialogs.css';
import './reading-pane.css';

export function ReadingPane() {
  const t = useT();
  const openId = useReader((s) => s.openId);
  const detail = useReader((s) => s.detail);

  let content;
  if (openId === null) content = <EmptyState text={t('reader.empty')} />;
  else if (!detail) content = <EmptyState text={t('reader.loading')} />;
  else {
    content = (
      <article className="reader" data-id={detail.id}>
        <ReaderHeader detail={detail} />
        {detail.malformed ? (
          <div className="banner banner-warning reader-banner" role="note" data-testid="malformed-banner">
            <Icon name="warning" />
            {t('reader.malformed')}
          </div>
        ) : null}
        <AttachmentList attachments={detail.attachments} />
        {/* Keyed by message, so a hovered link or an open confirmation never carries over to the next one. */}
        <MessageView key={detail.id} detail={detail} />
      </article>
    );
  }

  return (
    <section className="pane reading-pane" aria-label={t('reader.label')} data-testid="reading-pane">
      {content}
      <SourceDialog />
    </section>
  );
}
