import type { RecordHit, Ticket } from '../../../src-shared/contract/index.js';
import { engine } from '../../api/engine.js';
import { parseTicketNumber } from './ticket-number.js';

/** Which tickets a search looks through: the open ones, the sender's, their company's, or all. */
export type TicketScope = 'open' | 'sender' | 'company' | 'all';

export function ticketHit(ticket: Ticket): RecordHit {
  return { type: 'ticket', id: ticket.id, name: `#${ticket.number} ${ticket.subject}`, detail: ticket.requesterName, open: ticket.status === 'open' };
}

/**
 * A number finds that ticket whatever the scope (people quote numbers on the phone); words search within the scope.
 * The ticket the email is being moved from is not offered.
 */
export async function searchTickets(
  query: string,
  scope: TicketScope,
  around: { contactId: number | null; companyId: number | null; exceptId: number | null },
): Promise<RecordHit[]> {
  const api = engine().client.api;
  const number = parseTicketNumber(query);
  let hits: RecordHit[];
  if (number !== null) {
    hits = (await api.tickets.list({ number, limit: 5 })).items.map(ticketHit);
  } else {
    const where =
      scope === 'open' ? { openOnly: true }
      : scope === 'sender' ? (around.contactId === null ? null : { requesterId: around.contactId })
      : scope === 'company' ? (around.companyId === null ? null : { companyId: around.companyId })
      : {};
    hits = where === null ? [] : (await api.records.search({ query, types: ['ticket'], limit: 30, ...where })).items;
  }
  return hits.filter((h) => h.id !== around.exceptId);
}
