import { useEffect, useRef, useState } from 'react';
import type { RecordRef } from '../../../../src-shared/contract/index.js';
import { EmptyState } from '../../../components/EmptyState.js';
import { Icon } from '../../../components/Icon.js';
import { useT } from '../../../i18n/use-t.js';
import { showSection } from '../../../stores/crm-nav-store.js';
import { RecordFormDialog } from '../form/RecordFormDialog.js';
import { getRecord } from '../record-api.js';
import { recordName } from '../record-names.js';
import { CRM_TABLES, SECTION_KEYS, TYPE_KEYS } from '../record-types.js';
import { Timeline } from '../timeline/Timeline.js';
import { useLive } from '../use-live.js';
import { PageExtras } from './PageExtras.js';
import { DeletedBanner, RecordActions, type Creating } from './RecordActions.js';
import { RecordDetails } from './RecordDetails.js';

/** A record's page: its fields, what can be done with it, and its history. */
export function RecordPage({ record }: { record: RecordRef }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const [editing, setEditing] = useState(false);
  const [creating, setCreating] = useState<Creating | null>(null);
  const live = useLive(() => getRecord(record), [record.type, record.id], CRM_TABLES, `${record.type}-${record.id}`);
  const value = live.data;

  // Opening a page moves focus to its name, so a screen reader says where the person arrived.
  const shown = value !== null;
  useEffect(() => {
    if (shown) heading.current?.focus();
  }, [shown, record.type, record.id]);

  const back = (
    <button type="button" className="button crmw-back" onClick={() => showSection(record.type)} data-testid="crm-back">
      <Icon name="chevron" className="crmw-back-icon" />
      {t(SECTION_KEYS[record.type])}
    </button>
  );
  if (!value) {
    return (
      <article className="crmw-record" data-testid="crm-record">
        <header className="crmw-record-header">{back}</header>
        <EmptyState text={t(live.error ? 'crm.record.missing' : 'crm.loading')} />
      </article>
    );
  }

  const name = recordName(record.type, value) || t('crm.unnamed');
  return (
    <article className="crmw-record" data-testid="crm-record" data-type={record.type} data-id={record.id} data-deleted={value.deleted || undefined}>
      <header className="crmw-record-header">
        {back}
        <div className="crmw-record-title">
          <span className="crmw-record-type">{t(TYPE_KEYS[record.type].one)}</span>
          <h1 ref={heading} tabIndex={-1} data-testid="crm-record-name">
            {name}
          </h1>
        </div>
        <RecordActions record={record} value={value} onEdit={() => setEditing(true)} onCreate={setCreating} onChanged={live.reload} />
      </header>
      {value.deleted ? <DeletedBanner record={record} label={t(TYPE_KEYS[record.type].deleted)} onChanged={live.reload} /> : null}
      <div className="crmw-record-body">
        <div className="crmw-record-details" data-testid="crm-record-details">
          <RecordDetails type={record.type} record={value} reload={live.reload} />
          <PageExtras record={record} />
        </div>
        <Timeline record={record} />
      </div>
      {editing ? (
        <RecordFormDialog
          type={record.type}
          record={value}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            live.reload();
          }}
        />
      ) : null}
      {creating ? (
        <RecordFormDialog
          type={creating}
          record={null}
          related={creating === 'ticket' ? [] : [record]}
          prefill={creating === 'ticket' ? { requesterId: { type: 'contact', id: record.id, name } } : undefined}
          onClose={() => setCreating(null)}
          // The new record shows in this page's timeline: the person stays with the record they were working on.
          onSaved={() => setCreating(null)}
        />
      ) : null}
    </article>
  );
}
