import type { RecordType } from '../../../../src-shared/contract/index.js';
import type { AnyRecord, RecordMap } from '../record-types.js';
import { CompanyDetails } from './CompanyDetails.js';
import { ContactDetails } from './ContactDetails.js';
import { DealDetails } from './DealDetails.js';
import { EventDetails } from './EventDetails.js';
import { LeadDetails } from './LeadDetails.js';
import { TaskDetails } from './TaskDetails.js';
import { TicketDetails } from './TicketDetails.js';

/** The part of a record's page that is its own kind's: fields, and what can be done with them there. */
export function RecordDetails({ type, record, reload }: { type: RecordType; record: AnyRecord; reload(): void }) {
  switch (type) {
    case 'contact':
      return <ContactDetails contact={record as RecordMap['contact']} reload={reload} />;
    case 'company':
      return <CompanyDetails company={record as RecordMap['company']} />;
    case 'lead':
      return <LeadDetails lead={record as RecordMap['lead']} />;
    case 'deal':
      return <DealDetails deal={record as RecordMap['deal']} />;
    case 'ticket':
      return <TicketDetails ticket={record as RecordMap['ticket']} />;
    case 'task':
      return <TaskDetails task={record as RecordMap['task']} reload={reload} />;
    case 'event':
      return <EventDetails event={record as RecordMap['event']} reload={reload} />;
  }
}
