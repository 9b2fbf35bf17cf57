import { useCallback, useEffect, useState } from 'react';
import type { Contact, MessageDetail } from '../../../src-shared/contract/index.js';
import { engine } from '../../api/engine.js';
import { reportError } from '../../stores/error-store.js';
import { correspondent, pickCorrespondentContact } from './sender.js';

export interface Correspondent {
  /** Still asking the engine. */
  loading: boolean;
  contact: Contact | null;
  /** The contact's company, else the company the email is filed under when there is just one. */
  companyId: number | null;
  /** Use this contact from now on (one just created or picked). */
  set(contact: Contact | null): void;
}

/** The contact an email is about (see pickCorrespondentContact), in full: its company scopes ticket searches. */
export function useCorrespondent(detail: MessageDetail): Correspondent {
  const [loading, setLoading] = useState(true);
  const [contact, setContact] = useState<Contact | null>(null);
  const address = correspondent(detail)?.address ?? '';

  useEffect(() => {
    let current = true;
    const api = engine().client.api;
    void (async () => {
      try {
        const found = address ? (await api.contacts.list({ query: address, limit: 20 })).items : [];
        const picked = pickCorrespondentContact(detail, found);
        const full = picked ? (found.find((c) => c.id === picked.id) ?? (await api.contacts.get({ id: picked.id }))) : null;
        if (current) setContact(full);
      } catch (error) {
        if (current) reportError(error);
      } finally {
        if (current) setLoading(false);
      }
    })();
    return () => {
      current = false;
    };
    // Once per dialog: what the email was about when the dialog opened.
  }, []);

  const companies = detail.links.filter((l) => l.type === 'company');
  const companyId = contact?.companyId ?? (companies.length === 1 ? companies[0]!.id : null);
  const set = useCallback((c: Contact | null) => setContact(c), []);
  return { loading, contact, companyId, set };
}
