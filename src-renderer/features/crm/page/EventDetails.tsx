import { useIntl } from 'react-intl';
import type { Event } from '../../../../src-shared/contract/index.js';
import { formatLongDate } from '../../../format/dates.js';
import { useT } from '../../../i18n/use-t.js';
import { Facts } from './Facts.js';
import { RelatedRecords } from './RelatedRecords.js';

export function EventDetails({ event, reload }: { event: Event; reload(): void }) {
  const t = useT();
  const intl = useIntl();
  return (
    <>
      <Facts
        items={[
          [t('crm.field.startsAt'), formatLongDate(intl, event.startsAt), 'crm-event-starts'],
          [t('crm.field.endsAt'), event.endsAt ? formatLongDate(intl, event.endsAt) : null, 'crm-event-ends'],
          [t('crm.field.location'), event.location, 'crm-event-location'],
          [t('crm.field.notes'), event.notes ? <span className="crmw-lines">{event.notes}</span> : null],
        ]}
      />
      <RelatedRecords record={{ type: 'event', id: event.id }} related={event.related} onChanged={reload} />
    </>
  );
}
