import { EmptyState } from '../../components/EmptyState.js';
import { useT } from '../../i18n/use-t.js';
import { useReader } from '../../stores/reader-store.js';
import { MessageArticle } from './MessageArticle.js';
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
  else content = <MessageArticle detail={detail} />;

  return (
    <section className="pane reading-pane" aria-label={t('reader.label')} data-testid="reading-pane">
      {content}
      <SourceDialog />
    </section>
  );
}
