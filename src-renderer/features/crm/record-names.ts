import type { RecordType } from '../../../src-shared/contract/index.js';
import type { RecordMap } from './record-types.js';

const person = (first: string, last: string) => `${first} ${last}`.trim();

/**
 * A record as one line names it: the same words the engine's NamedRecord uses ("Ana Pop", "#12 Invoice missing"),
 * so a record reads the same in its list, on its page and in another record's relations.
 */
export function recordName<T extends RecordType>(type: T, record: RecordMap[T]): string {
  const r = record as RecordMap[RecordType];
  switch (type) {
    case 'contact': {
      const c = r as RecordMap['contact'];
      return person(c.firstName, c.lastName) || c.email || c.email2 || '';
    }
    case 'lead': {
      const l = r as RecordMap['lead'];
      return person(l.firstName, l.lastName) || l.companyName || l.email || '';
    }
    case 'company':
      return (r as RecordMap['company']).name;
    case 'ticket': {
      const t = r as RecordMap['ticket'];
      return `#${t.number} ${t.subject}`;
    }
    case 'deal':
    case 'task':
    case 'event':
      return (r as RecordMap['deal' | 'task' | 'event']).title;
    default:
      return '';
  }
}
