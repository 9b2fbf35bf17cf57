import { useEffect, useRef, useState } from 'react';
import { ConnectionBanner } from '../../components/ConnectionBanner.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorBar } from '../../components/ErrorBar.js';
import { useT } from '../../i18n/use-t.js';
import { Dialogs } from '../dialogs/Dialogs.js';
import { BodyArea } from './BodyArea.js';
import { ComposeActions } from './ComposeActions.js';
import { ComposeDialogs } from './ComposeDialogs.js';
import { ComposeNotices } from './ComposeNotices.js';
import { guardUnload, requestClose } from './compose-close.js';
import { loadComposer } from './compose-load.js';
import { saveDraft, startAutosave } from './compose-save.js';
import { sendMail } from './compose-send.js';
import { patchDraft, touched, useComposer } from './compose-store.js';
import type { ComposeTarget } from './compose-window.js';
import { AttachmentsPanel } from './fields/AttachmentsPanel.js';
import { useAttachmentDrop } from './fields/attachment-drop.js';
import { SendOptions } from './fields/SendOptions.js';
import { FromField } from './FromField.js';
import { RecipientRows } from './RecipientRows.js';
import { SubjectField } from './SubjectField.js';
import { DEFAULT_ATTACHMENT_LIMIT } from '../../../src-shared/contract/index.js';
import './compose.css';

function ComposeForm() {
  const t = useT();
  const draft = useComposer((s) => s.draft);
  const links = useComposer((s) => s.links);
  const [focusTo] = useState(() => useComposer.getState().draft.to.length === 0);
  const optionsRef = useRef<HTMLDetailsElement>(null);
  const drop = useAttachmentDrop();
  const hasOptions = draft.readReceipt || draft.private || draft.category !== null || draft.sendAt !== null;

  const problem = useComposer((s) => s.problem);
  const nonce = useComposer((s) => s.problemNonce);

  /** Opens the options at the send-later choice (the chosen one, else the first). */
  const sendLater = () => {
    const options = optionsRef.current;
    if (!options) return;
    options.open = true;
    requestAnimationFrame(() => {
      const later = options.querySelector('[data-testid="compose-send-later"]');
      (later?.querySelector<HTMLElement>('input:checked') ?? later?.querySelector<HTMLElement>('input'))?.focus();
      later?.scrollIntoView({ block: 'nearest' });
    });
  };
  useEffect(() => {
    if (problem === 'schedule') sendLater();
  }, [problem, nonce]);

  return (
    <div className={`compose-form${drop.dropping ? ' compose-dropping' : ''}`} {...drop.dropProps}>
      <div className="compose-header" role="group" aria-label={t('compose.headers')}>
        <FromField />
        <RecipientRows focusTo={focusTo} />
        <SubjectField />
      </div>
      <ComposeNotices />
      <div className="compose-scroll">
        <BodyArea autoFocus={!focusTo} />
        <div className="compose-attachments">
          <AttachmentsPanel value={draft.attachments} onChange={(attachments) => patchDraft({ attachments })} limitBytes={DEFAULT_ATTACHMENT_LIMIT} links={links} />
        </div>
        <details ref={optionsRef} className="compose-options" open={hasOptions} data-testid="compose-options">
          <summary>{t('compose.options')}</summary>
          <SendOptions draft={draft} onChange={patchDraft} />
        </details>
      </div>
      <ComposeActions onSendLater={sendLater} />
    </div>
  );
}

/**
 * The composer, in a window of its own (compose-window.ts): the mail is loaded from its target, saved as it is
 * written, and the window closes once the mail is sent or put away.
 */
export function ComposeWindow({ target }: { target: ComposeTarget }) {
  const t = useT();
  const phase = useComposer((s) => s.phase);
  const loadError = useComposer((s) => s.loadError);
  const subject = useComposer((s) => s.draft.subject);

  useEffect(() => {
    void loadComposer(target);
    const stopSaving = startAutosave();
    const stopGuard = guardUnload();
    return () => {
      stopSaving();
      stopGuard();
    };
  }, [target]);

  useEffect(() => {
    document.title = `${subject.trim() || t('compose.title.new')} – Facteur`;
  }, [subject, t]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || document.querySelector('dialog[open]')) return;
      if (event.key === 'Enter') {
        event.preventDefault();
        void sendMail();
      } else if (event.key.toLowerCase() === 's' && !event.shiftKey) {
        event.preventDefault();
        touched();
        void saveDraft();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  let content;
  if (phase === 'loading') content = <EmptyState text={t('compose.loading')} />;
  else if (phase === 'failed') content = <EmptyState text={t('compose.loadFailed', { reason: loadError ?? '' })} />;
  else if (phase === 'done') content = <EmptyState text={t('compose.done')} />;
  else content = <ComposeForm />;

  return (
    <div className="compose-window">
      <ConnectionBanner />
      <ErrorBar />
      <main className="compose-main" aria-label={t('compose.label')} data-testid="compose-window" data-phase={phase}>
        {content}
      </main>
      <ComposeDialogs />
      <Dialogs />
      {phase === 'ready' ? null : (
        <footer className="compose-actions">
          <span className="compose-spacer" />
          <button type="button" className="button" onClick={() => void requestClose()} data-testid="compose-close">
            {t('compose.close')}
          </button>
        </footer>
      )}
    </div>
  );
}
