import { useState } from 'react';
import type { RecordRef, TimelineItem } from '../../../../src-shared/contract/index.js';
import { useT } from '../../../i18n/use-t.js';
import { CRM_TABLES } from '../record-types.js';
import { useLive } from '../use-live.js';
import { AddNote } from './AddNote.js';
import { loadTimeline, TIMELINE_STEP } from './timeline-load.js';
import { TimelineEntry } from './TimelineEntry.js';

function itemKey(item: TimelineItem): string {
  switch (item.kind) {
    case 'message':
      return `message-${item.message.id}`;
    case 'removed-message':
      return `removed-${item.message.id}`;
    case 'ticket':
      return `ticket-${item.ticket.id}`;
    case 'task':
      return `task-${item.task.id}`;
    case 'event':
      return `event-${item.event.id}`;
    case 'note':
      return `note-${item.note.id}`;
    case 'deal':
      return `deal-${item.deal.id}`;
  }
}

/** A record's history, newest first: its emails and the tickets, tasks, events, notes and deals about it. */
export function Timeline({ record }: { record: RecordRef }) {
  const t = useT();
  const [count, setCount] = useState(TIMELINE_STEP);
  const live = useLive(() => loadTimeline(record, count), [record.type, record.id, count], [...CRM_TABLES, 'messages'], `${record.type}-${record.id}`);
  const page = live.data;
  return (
    <section className="crmw-timeline" aria-labelledby={`crm-timeline-${record.type}-${record.id}`}>
      <h2 id={`crm-timeline-${record.type}-${record.id}`}>{t('crm.timeline.title')}</h2>
      <AddNote record={record} />
      {page && page.items.length === 0 ? <p className="crmw-muted crmw-timeline-empty">{t('crm.timeline.empty')}</p> : null}
      <ol className="crmw-timeline-list" data-testid="crm-timeline" aria-busy={page === null}>
        {page?.items.map((item) => (
          <li key={itemKey(item)} className={`crmw-entry crmw-entry-${item.kind}`} data-testid="crm-timeline-item" data-kind={item.kind}>
            <TimelineEntry item={item} record={record} />
          </li>
        ))}
      </ol>
      {page && page.items.length < page.total ? (
        <button type="button" className="button crmw-more" onClick={() => setCount((c) => c + TIMELINE_STEP)} data-testid="crm-timeline-more">
          {t('crm.timeline.more', { count: page.total - page.items.length })}
        </button>
      ) : null}
    </section>
  );
}
