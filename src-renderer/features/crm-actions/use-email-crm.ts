import { useCallback, useEffect, useState } from 'react';
import type { AddressState, MessageDetail, Note, Ticket } from '../../../src-shared/contract/index.js';
import { engine } from '../../api/engine.js';
import { onCrmChanged } from '../../stores/crm-changes.js';
import { reportError } from '../../stores/error-store.js';

export interface EmailCrm {
  /** The ticket the email is filed under (an email has one at most), or null. */
  ticket: Ticket | null;
  notes: Note[];
  /** The sender's address state (blacklisted, bounced), or null when unknown or no sender. */
  sender: AddressState | null;
}

const EMPTY: EmailCrm = { ticket: null, notes: [], sender: null };
const WATCHED = new Set(['tickets', 'notes', 'contacts']);

/**
 * What the CRM knows about one email beyond its links: its ticket in full, the notes left on it, its sender's
 * blacklist state. Fetched again when the email's links change and when one of those tables changes.
 */
export function useEmailCrm(detail: MessageDetail): EmailCrm & { reload(): void } {
  const [state, setState] = useState<EmailCrm>(EMPTY);
  const [serial, setSerial] = useState(0);
  const reload = useCallback(() => setSerial((n) => n + 1), []);
  const ticketId = detail.links.find((l) => l.type === 'ticket')?.id ?? null;
  const address = detail.from?.address ?? null;

  // A different email starts from nothing rather than showing the last one's notes while its own load.
  useEffect(() => setState(EMPTY), [detail.id]);
  useEffect(() => {
    let current = true;
    const api = engine().client.api;
    void (async () => {
      try {
        const [ticket, notes, states] = await Promise.all([
          ticketId === null ? null : api.tickets.get({ id: ticketId }),
          api.notes.list({ messageId: detail.id, limit: 100 }),
          address ? api.addresses.states({ addresses: [address] }) : { items: [] },
        ]);
        if (current) setState({ ticket, notes: notes.items, sender: states.items[0] ?? null });
      } catch (error) {
        if (current) reportError(error);
      }
    })();
    return () => {
      current = false;
    };
  }, [detail.id, ticketId, address, serial]);

  useEffect(() => onCrmChanged((table) => WATCHED.has(table) && reload()), [reload]);

  return { ...state, reload };
}
