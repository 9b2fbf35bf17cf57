import { useEffect, useRef } from 'react';
import { useIntl } from 'react-intl';
import type { MessageDetail } from '../../../src-shared/contract/index.js';
import { useT } from '../../i18n/use-t.js';
import { useFolders } from '../../stores/folders-store.js';
import { confirmDialog } from '../../stores/dialog-store.js';
import { useMessageSource } from '../../stores/message-source-store.js';
import { deletesForever } from '../../stores/message-actions.js';
import { ReplyButtons } from '../compose/ReplyButtons.js';
import { CrmActions } from '../crm-actions/CrmActions.js';
import { deleteMessage, printMessage, setFlags, setJunk } from './message-commands.js';
import { openMessageWindow } from './message-window.js';
import { useOpenMessage, useReaderPlace } from './reader-place.js';
import { useRovingToolbar } from './roving-toolbar.js';
import { useRemotePolicy } from './use-allow-remote.js';

function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/**
 * What can be done with the open message: reply, reply all and forward (the composer), delete, junk, star, read
 * state, print, a window of its own, and the view's switches (plain text, source).
 * Ctrl+P prints this message rather than the app; Delete deletes it when the focus is in it (or in its window).
 */
export function ReaderActions({ detail, withheld }: { detail: MessageDetail; withheld: boolean }) {
  const t = useT();
  const intl = useIntl();
  const place = useReaderPlace();
  const plainText = useOpenMessage((s) => s.plainText);
  const setPlainText = useOpenMessage((s) => s.setPlainText);
  const showSource = useMessageSource((s) => s.show);
  const folders = useFolders((s) => s.folders);
  const { junk, allowRemote } = useRemotePolicy(detail);
  const ref = useRef<HTMLDivElement>(null);
  const roving = useRovingToolbar(ref);

  const forever = deletesForever(folders, detail.folderId);
  const remove = async (always: boolean) => {
    if (!always && !forever) return deleteMessage(place, detail.id, false);
    const ok = await confirmDialog({
      title: t('reader.deleteForever.title'),
      body: t('reader.deleteForever.text', { subject: detail.subject || t('messages.noSubject') }),
      confirmLabel: t('reader.deleteForever.confirm'),
      danger: true,
    });
    if (ok) await deleteMessage(place, detail.id, true);
  };
  const print = () => printMessage(detail, allowRemote, plainText, t, intl);

  // The latest handlers for the window's keys, without re-subscribing on every render.
  const keys = useRef({ remove, print, withheld });
  keys.current = { remove, print, withheld };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || typing(event.target) || document.querySelector('dialog[open]')) return;
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'p') {
        if (keys.current.withheld) return;
        event.preventDefault();
        keys.current.print();
        return;
      }
      if (event.key !== 'Delete' || event.ctrlKey || event.metaKey || event.altKey) return;
      const inMessage = event.target instanceof Node && ref.current?.closest('.reader')?.contains(event.target);
      if (!place.window && !inMessage) return;
      event.preventDefault();
      void keys.current.remove(event.shiftKey);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [place.window]);

  return (
    <>
      <div
        ref={ref}
        className="reader-actions"
        role="toolbar"
        aria-label={t('reader.actions')}
        data-testid="reader-actions"
        onKeyDown={roving.onKeyDown}
        onFocus={roving.onFocus}
      >
        {withheld ? null : <ReplyButtons messageId={detail.id} />}
        <button
          type="button"
          className="button reader-action"
          title={t(forever ? 'reader.action.deleteForeverHint' : 'reader.action.deleteHint')}
          aria-haspopup={forever ? 'dialog' : undefined}
          onClick={() => remove(false)}
          data-testid="reader-delete"
        >
          {t('reader.action.delete')}
        </button>
        <button
          type="button"
          className="button reader-action"
          onClick={() => void setJunk(place, detail.id, !junk)}
          data-testid="reader-junk"
          data-junk={junk}
        >
          {t(junk ? 'reader.action.notJunk' : 'reader.action.junk')}
        </button>
        <button
          type="button"
          className="button reader-action"
          aria-pressed={detail.flags.flagged}
          onClick={() => void setFlags(detail.id, { flagged: !detail.flags.flagged })}
          data-testid="reader-star"
        >
          {t('reader.action.star')}
        </button>
        <button
          type="button"
          className="button reader-action"
          onClick={() => void setFlags(detail.id, { seen: !detail.flags.seen })}
          data-testid="reader-read"
          data-seen={detail.flags.seen}
        >
          {t(detail.flags.seen ? 'reader.action.markUnread' : 'reader.action.markRead')}
        </button>
        {withheld ? null : (
          <button type="button" className="button reader-action" title={t('reader.action.printHint')} onClick={print} data-testid="reader-print">
            {t('reader.action.print')}
          </button>
        )}
        {place.window ? null : (
          <button
            type="button"
            className="button reader-action"
            title={t('reader.action.windowHint')}
            onClick={() => openMessageWindow(detail.id)}
            data-testid="reader-open-window"
          >
            {t('reader.action.window')}
          </button>
        )}
        {detail.html !== null && !withheld ? (
          <button
            type="button"
            className="button reader-action"
            aria-pressed={plainText}
            onClick={() => setPlainText(!plainText)}
            data-testid="reader-plain-text"
          >
            {t('reader.view.plainText')}
          </button>
        ) : null}
        {withheld ? null : (
          <button
            type="button"
            className="button reader-action"
            aria-haspopup="dialog"
            onClick={() => void showSource(detail.id)}
            data-testid="reader-show-source"
          >
            {t('reader.view.source')}
          </button>
        )}
      </div>
      <CrmActions detail={detail} withheld={withheld} />
    </>
  );
}
