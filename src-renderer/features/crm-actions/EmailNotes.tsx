import { useIntl } from 'react-intl';
import type { Note } from '../../../src-shared/contract/index.js';
import { formatShortDate } from '../../format/dates.js';
import { useT } from '../../i18n/use-t.js';

/** The notes left on the email, oldest first as people read a thread: who, to whom, when, what. */
export function EmailNotes({ notes }: { notes: readonly Note[] }) {
  const t = useT();
  const intl = useIntl();
  if (notes.length === 0) return null;
  const ordered = [...notes].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
  return (
    <section className="crm-notes" aria-label={t('crmActions.notes.label', { count: notes.length })} data-testid="crm-notes">
      <ul>
        {ordered.map((note) => (
          <li key={note.id} className="crm-note" data-testid="crm-note">
            <p className="crm-note-meta">
              <span data-testid="crm-note-people">
                {note.addresseeName
                  ? t('crmActions.notes.fromTo', { author: note.authorName ?? t('crmActions.notes.someone'), addressee: note.addresseeName })
                  : (note.authorName ?? t('crmActions.notes.someone'))}
              </span>
              {' · '}
              <time dateTime={note.createdAt}>{formatShortDate(intl, note.createdAt)}</time>
            </p>
            <p className="crm-note-text" data-testid="crm-note-text">
              {note.body}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
