import { useState } from 'react';
import type { MessageDetail, RecordHit } from '../../../src-shared/contract/index.js';
import { engine } from '../../api/engine.js';
import { formatAddress } from '../../../src-shared/domain/address.js';
import { useT } from '../../i18n/use-t.js';
import { problemText } from './problem.js';
import { RecordSearch } from './RecordSearch.js';
import { contactName } from './sender.js';

export interface Person {
  id: number;
  name: string;
}

interface Props {
  detail: MessageDetail;
  /** Null while the email's contact is being looked up. */
  loading: boolean;
  value: Person | null;
  onChange(person: Person | null): void;
  label: string;
}

/**
 * Who a ticket is for: the email's contact when it has one. Otherwise the agent picks a contact, or makes one from
 * the sender (prefilled from the display name and signature; an existing contact with that address is taken instead).
 */
export function RequesterField({ detail, loading, value, onChange, label }: Props) {
  const t = useT();
  const [changing, setChanging] = useState(false);
  const [chosen, setChosen] = useState<RecordHit | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);

  const take = (hit: RecordHit) => {
    onChange({ id: hit.id, name: hit.name });
    setChanging(false);
    setNote(null);
  };

  const createFromSender = async () => {
    if (busy) return;
    setBusy(true);
    const api = engine().client.api;
    try {
      const s = await api.contacts.suggest({ messageId: detail.id });
      const existing = s.duplicates.find((c) => !c.deleted);
      if (existing) {
        onChange({ id: existing.id, name: contactName(existing) });
        setNote(t('crmActions.requester.existing', { name: contactName(existing) }));
      } else {
        const created = await api.contacts.create({
          firstName: s.firstName,
          lastName: s.lastName,
          email: s.email,
          phones: s.phones,
          companyId: s.companyId,
          ...(s.companyId === null && s.companyName.trim() ? { companyName: s.companyName.trim() } : {}),
        });
        onChange({ id: created.id, name: contactName(created) });
        setNote(t('crmActions.requester.created', { name: contactName(created) }));
      }
      setChanging(false);
    } catch (error) {
      setNote(problemText(error, t));
    } finally {
      setBusy(false);
    }
  };

  const searching = changing || (!loading && value === null);
  return (
    <fieldset className="crm-fieldset" data-testid="crm-requester">
      <legend>{label}</legend>
      {loading ? <p className="crm-muted">{t('crmActions.loading')}</p> : null}
      {value ? (
        <p className="crm-requester">
          <strong data-testid="crm-requester-name">{value.name}</strong>
          {changing ? null : (
            <button type="button" className="link-button" onClick={() => setChanging(true)} data-testid="crm-requester-change">
              {t('crmActions.requester.change')}
            </button>
          )}
        </p>
      ) : null}
      {!loading && value === null ? (
        <p className="crm-muted" data-testid="crm-requester-missing">
          {t('crmActions.requester.notContact', { sender: detail.from ? formatAddress(detail.from) : t('messages.unknownSender') })}
        </p>
      ) : null}
      {searching && detail.direction === 'in' && detail.from ? (
        <button type="button" className="button" aria-disabled={busy} onClick={() => void createFromSender()} data-testid="crm-requester-create">
          {t('crmActions.requester.createFromSender')}
        </button>
      ) : null}
      {searching ? (
        <RecordSearch
          label={t('crmActions.requester.search')}
          scope="contact"
          search={async (query) => (await engine().client.api.records.search({ query, types: ['contact'], limit: 20 })).items}
          chosen={chosen}
          onChoose={(hit) => {
            setChosen(hit);
            // Still searching: the list stays while the arrows move through it.
            setChanging(true);
            onChange({ id: hit.id, name: hit.name });
          }}
          onSubmit={take}
          testId="crm-requester-search"
        />
      ) : null}
      {note ? (
        <p className="crm-muted" role="status" data-testid="crm-requester-note">
          {note}
        </p>
      ) : null}
    </fieldset>
  );
}
