import { useEffect, useState } from 'react';
import type { Contact, MessageDetail } from '../../../src-shared/contract/index.js';
import { engine } from '../../api/engine.js';
import { onCrmChanged } from '../../stores/crm-changes.js';
import { reportError } from '../../stores/error-store.js';

export interface SenderContacts {
  /** Still asking: offer nothing yet, rather than "New contact" for a moment. */
  loading: boolean;
  /** The live contacts whose first or second address is the sender's (several when they came to share it). */
  contacts: Contact[];
}

const same = (a: string | null, b: string) => a !== null && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Whether the email's sender is already in the address book, whatever the email is filed under (its link may have
 * been removed): the reader then offers no "New contact from sender" nor "Add sender to address book". Asked again
 * when contacts change.
 */
export function useSenderContacts(detail: Pick<MessageDetail, 'id' | 'from'>): SenderContacts {
  const address = detail.from?.address ?? '';
  const [state, setState] = useState<SenderContacts & { for: string }>({ for: '', loading: true, contacts: [] });
  const [serial, setSerial] = useState(0);

  useEffect(() => {
    if (!address) return;
    let current = true;
    void engine()
      .client.api.contacts.list({ query: address, limit: 20 })
      .then(
        ({ items }) => current && setState({ for: address, loading: false, contacts: items.filter((c) => !c.deleted && (same(c.email, address) || same(c.email2, address))) }),
        (error: unknown) => current && reportError(error),
      );
    return () => {
      current = false;
    };
  }, [address, serial]);

  useEffect(() => onCrmChanged((table) => table === 'contacts' && setSerial((n) => n + 1)), []);

  if (!address) return { loading: false, contacts: [] };
  return state.for === address ? { loading: state.loading, contacts: state.contacts } : { loading: true, contacts: [] };
}
