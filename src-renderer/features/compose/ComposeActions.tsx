import { useIntl } from 'react-intl';
import { useT } from '../../i18n/use-t.js';
import { confirmDialog } from '../../stores/dialog-store.js';
import { discardMail, requestClose } from './compose-close.js';
import { saveDraft } from './compose-save.js';
import { sendMail } from './compose-send.js';
import { touched, useComposer } from './compose-store.js';
import { TemplateMenu } from './TemplateMenu.js';

/** Where the draft stands: saving, saved at a time, or why it could not be saved. */
function SaveStatus() {
  const t = useT();
  const intl = useIntl();
  const saving = useComposer((s) => s.saving);
  const savedAt = useComposer((s) => s.savedAt);
  const error = useComposer((s) => s.saveError);
  const dirty = useComposer((s) => s.revision !== s.savedRevision);
  let text = '';
  if (error) text = t('compose.status.notSaved', { reason: error });
  else if (saving) text = t('compose.status.saving');
  else if (savedAt && !dirty) text = t('compose.status.saved', { time: intl.formatTime(savedAt, { hour: '2-digit', minute: '2-digit' }) });
  return (
    <span className={`compose-status${error ? ' compose-status-error' : ''}`} role="status" data-testid="compose-save-status" data-state={error ? 'error' : saving ? 'saving' : savedAt && !dirty ? 'saved' : 'idle'}>
      {text}
    </span>
  );
}

/**
 * Send (or schedule, when a time is chosen in the options), Send later (opens the options at the time), Save,
 * Discard, a template, and Close. Ctrl+Enter sends and Ctrl+S saves, as in the desktop clients.
 */
export function ComposeActions({ onSendLater }: { onSendLater(): void }) {
  const t = useT();
  const intl = useIntl();
  const sending = useComposer((s) => s.sending);
  const sendAt = useComposer((s) => s.draft.sendAt);

  const discard = async () => {
    const ok = await confirmDialog({ title: t('compose.discard.title'), body: t('compose.discard.body'), confirmLabel: t('compose.discard.confirm'), danger: true });
    if (ok) await discardMail();
  };
  const save = () => {
    // Saved even when unchanged since the last save, so the button always does something visible.
    touched();
    void saveDraft();
  };

  return (
    <footer className="compose-actions" data-testid="compose-actions">
      <button type="button" className="button button-primary compose-send" aria-disabled={sending} onClick={() => void sendMail()} title={t('compose.send.hint')} data-testid="compose-send">
        {sendAt
          ? t('compose.send.scheduled', { when: intl.formatDate(sendAt, { dateStyle: 'medium', timeStyle: 'short' }) })
          : t('compose.send')}
      </button>
      <button type="button" className="button" onClick={onSendLater} data-testid="compose-send-later-button">
        {t('compose.sendLater')}
      </button>
      <button type="button" className="button" onClick={save} title={t('compose.save.hint')} data-testid="compose-save">
        {t('compose.save')}
      </button>
      <TemplateMenu />
      <SaveStatus />
      <span className="compose-spacer" />
      <button type="button" className="button compose-discard" onClick={() => void discard()} data-testid="compose-discard">
        {t('compose.discard')}
      </button>
      <button type="button" className="button" onClick={() => void requestClose()} data-testid="compose-close">
        {t('compose.close')}
      </button>
    </footer>
  );
}
