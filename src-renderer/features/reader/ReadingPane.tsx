import { useEffect } from 'react';
import { EmptyState } from '../../components/EmptyState.js';
import { ForumFrame } from '../forum/ForumFrame.js';
import { useT } from '../../i18n/use-t.js';
import { useReader } from '../../stores/reader-store.js';
import { setMessageWindowOpener } from '../messages/list-commands.js';
import { MessageArticle } from './MessageArticle.js';
import { openMessageWindow } from './message-window.js';
import { SourceDialog } from './SourceDialog.js';
import './reader-dialogs.css';
import './reading-pane.css';

export function ReadingPane() {
  const t = useT();
  const openId = useReader((s) => s.openId);
  const detail = useReader((s) => s.detail);
  // The list opens a message in its own window (double-click, Enter) through the reader, which knows how.
  useEffect(() => setMessageWindowOpener(openMessageWindow), []);

  let content;
  if (openId === null) content = <EmptyState text={t('reader.empty')} />;
  else if (!detail) content = <EmptyState text={t('reader.loading')} />;
  else content = <MessageArticle detail={detail} />;

  return (
    <section className="pane reading-pane" aria-label={t('reader.label')} data-testid="reading-pane">
      <ForumFrame>{content}</ForumFrame>
      <SourceDialog />
    </section>
  );
}
