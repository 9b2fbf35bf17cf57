import { useEffect, useMemo } from 'react';
import { ConnectionBanner } from '../../components/ConnectionBanner.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorBar } from '../../components/ErrorBar.js';
import { engine } from '../../api/engine.js';
import { useT } from '../../i18n/use-t.js';
import { createReaderStore } from '../../stores/reader-store.js';
import { Dialogs } from '../dialogs/Dialogs.js';
import { MessageArticle } from './MessageArticle.js';
import { ReaderPlaceContext, type ReaderPlace } from './reader-place.js';
import { SourceDialog } from './SourceDialog.js';
import './reader-dialogs.css';
import './reading-pane.css';

/**
 * A message in a window of its own (see message-window.ts): the same article as the reading pane, full-window,
 * with its own reader store. Opening it marks the message read; it follows changes to the message (flags, a move)
 * and says so when the message is gone.
 */
export function MessageWindow({ id }: { id: number }) {
  const t = useT();
  const place = useMemo<ReaderPlace>(() => {
    const store = createReaderStore();
    // Loading, not "gone", until the first answer.
    store.setState({ openId: id });
    return { store, window: true };
  }, [id]);
  const openId = place.store((s) => s.openId);
  const detail = place.store((s) => s.detail);

  useEffect(() => {
    const { client, transport } = engine();
    void place.store.getState().open(id);
    const offChanged = client.on('store.changed', ({ table, ids }) => {
      if (table === 'messages' && ids.includes(id)) void place.store.getState().refresh();
    });
    // Events may have been missed while the link was down.
    const offState = transport.onState((state) => {
      if (state === 'open') void place.store.getState().refresh();
    });
    return () => {
      offChanged();
      offState();
    };
  }, [id, place]);

  const subject = detail ? detail.subject || t('messages.noSubject') : null;
  useEffect(() => {
    document.title = subject ? `${subject} – Facteur` : 'Facteur';
  }, [subject]);

  let content;
  if (openId === null) content = <EmptyState text={t('reader.window.gone')} />;
  else if (!detail) content = <EmptyState text={t('reader.loading')} />;
  else content = <MessageArticle detail={detail} />;

  return (
    <ReaderPlaceContext.Provider value={place}>
      <div className="message-window">
        <ConnectionBanner />
        <ErrorBar />
        <main className="pane reading-pane message-window-pane" aria-label={t('reader.label')} data-testid="message-window">
          {content}
        </main>
        <SourceDialog />
        <Dialogs />
      </div>
    </ReaderPlaceContext.Provider>
  );
}
