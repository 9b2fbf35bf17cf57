import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import type { Note } from '../../../../src-shared/contract/index.js';
import { useT } from '../../../i18n/use-t.js';
import { openMessageWindow } from '../../reader/message-window.js';
import { shortDate } from '../format.js';

/** A note as the timeline and "notes for me" show it: who wrote it to whom, when, on which email, and its text. */
export function NoteBody({ note, children }: { note: Note; children?: ReactNode }) {
  const t = useT();
  const intl = useIntl();
  const author = note.authorName ?? t('crm.note.someone');
  return (
    <div className="crmw-note" data-testid="crm-note">
      <div className="crmw-note-head">
        <span className="crmw-entry-kind">{t('crm.note.kind')}</span>
        <span className="crmw-note-people" data-testid="crm-note-people">
          {note.addresseeName ? t('crm.note.fromTo', { author, addressee: note.addresseeName }) : author}
        </span>
        {note.messageId !== null ? (
          <button type="button" className="link-button" onClick={() => openMessageWindow(note.messageId!)} data-testid="crm-note-message">
            {t('crm.note.onMessage', { subject: note.messageSubject || t('crm.timeline.privateMessage') })}
          </button>
        ) : null}
        <span className="crmw-entry-date">{shortDate(intl, note.createdAt)}</span>
      </div>
      <p className="crmw-note-body crmw-lines" data-testid="crm-note-body">
        {note.body}
      </p>
      {children}
    </div>
  );
}
