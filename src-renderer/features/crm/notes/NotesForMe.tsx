import { useId, useState } from 'react';
import type { Note } from '../../../../src-shared/contract/index.js';
import { engine } from '../../../api/engine.js';
import { EmptyState } from '../../../components/EmptyState.js';
import { useT } from '../../../i18n/use-t.js';
import { CRM_PAGE_SIZE } from '../../../stores/crm-lists-store.js';
import { reportError } from '../../../stores/error-store.js';
import { Pager } from '../list/Pager.js';
import { RecordLink } from '../page/RecordLink.js';
import { TYPE_KEYS } from '../record-types.js';
import { NoteBody } from '../timeline/NoteBody.js';
import { useLive } from '../use-live.js';

function NoteItem({ note }: { note: Note }) {
  const t = useT();
  const unread = note.readAt === null;
  return (
    <li className={unread ? 'crmw-entry crmw-note-item is-unread' : 'crmw-entry crmw-note-item'} data-testid="crm-note-item" data-unread={unread || undefined}>
      <NoteBody note={note}>
        <div className="crmw-note-foot">
          {note.related.map((r) => (
            <span key={`${r.type}-${r.id}`} className="crmw-note-on">
              <span className="crmw-muted">{t(TYPE_KEYS[r.type].one)}</span> <RecordLink record={r} name={r.name} testId="crm-note-record" />
            </span>
          ))}
          <span className="crmw-spacer" />
          <button
            type="button"
            className="button crmw-small-button"
            data-testid="crm-note-read"
            onClick={() => void engine().client.api.notes.markRead({ id: note.id, read: unread }).catch(reportError)}
          >
            {t(unread ? 'crm.note.markRead' : 'crm.note.markUnread')}
          </button>
        </div>
      </NoteBody>
    </li>
  );
}

/** The notes colleagues addressed to the agent, unread first; each opens what it is about. */
export function NotesForMe() {
  const t = useT();
  const titleId = useId();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [offset, setOffset] = useState(0);
  const page = useLive(() => engine().client.api.notes.list({ toMe: true, unreadOnly, limit: CRM_PAGE_SIZE, offset }), [unreadOnly, offset], ['notes'], 'notes').data;
  return (
    <section className="crmw-list" aria-labelledby={titleId} data-testid="crm-notes">
      <header className="crmw-list-header">
        <h1 id={titleId}>{t('crm.section.notes')}</h1>
        <span className="crmw-total" aria-live="polite">
          {page ? t('crm.notes.total', { count: page.total }) : ''}
        </span>
      </header>
      <div className="crmw-toolbar">
        <label className="crmw-check">
          <input
            type="checkbox"
            checked={unreadOnly}
            onChange={(e) => {
              setUnreadOnly(e.target.checked);
              setOffset(0);
            }}
          />
          {t('crm.notes.unreadOnly')}
        </label>
      </div>
      <div className="crmw-table-scroll">
        {page && page.items.length === 0 ? <EmptyState text={t('crm.notes.empty')} /> : null}
        <ol className="crmw-timeline-list crmw-notes-list">
          {page?.items.map((note) => (
            <NoteItem key={note.id} note={note} />
          ))}
        </ol>
      </div>
      {page ? <Pager offset={offset} total={page.total} onOffset={setOffset} /> : null}
    </section>
  );
}
