import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ContractError, type ContactSuggestion, type MessageDetail, type MessageLink, type NamedRecord } from '../../../src-shared/contract/index.js';
import { Modal } from '../../components/Modal.js';
import { useModal } from '../../components/use-modal.js';
import { engine } from '../../api/engine.js';
import { useT } from '../../i18n/use-t.js';
import { DuplicateNotice } from './DuplicateNotice.js';
import { openLinkedRecord } from './open-record.js';
import { problemOf } from './problem.js';
import { QuickCreateFields } from './QuickCreateFields.js';
import { cleanPhones, formProblem, initialForm, sameAddress, type QuickForm, type QuickKind } from './quick-create-form.js';

interface Props {
  kind: QuickKind;
  detail: MessageDetail;
  linked: readonly MessageLink[];
  /** The message's links after a change made here. */
  onLinked(items: MessageLink[]): void;
  onClose(): void;
}

const TITLES = { contact: 'crmLinks.create.contactTitle', company: 'crmLinks.create.companyTitle', lead: 'crmLinks.create.leadTitle' } as const;

const contactName = (c: { firstName: string; lastName: string; email: string | null }) => `${c.firstName} ${c.lastName}`.trim() || c.email || '';

/** The records the suggestion says exist already: contacts with the address or the name, the company by its name. */
function duplicatesOf(kind: QuickKind, s: ContactSuggestion | null): NamedRecord[] {
  if (!s) return [];
  if (kind === 'company') return s.companyId !== null ? [{ type: 'company', id: s.companyId, name: s.companyName }] : [];
  return s.duplicates.map((c) => ({ type: 'contact', id: c.id, name: contactName(c) }));
}

/**
 * "New contact from sender", "New company", "New lead": a form prefilled from contacts.suggest (display name,
 * signature), that shows the records which already exist before a duplicate is made, and files the email under
 * what it creates (a contact with the sender's address is filed by the engine itself, a lead by its messageId).
 */
export function QuickCreateDialog({ kind, detail, linked, onLinked, onClose }: Props) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [form, setForm] = useState<QuickForm | null>(null);
  const [suggestion, setSuggestion] = useState<ContactSuggestion | null>(null);
  const [found, setFound] = useState<NamedRecord[]>([]);
  const [problem, setProblem] = useState<{ field: string; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  useModal(ref);

  const sender = detail.from?.address ?? null;
  useEffect(() => {
    let stale = false;
    const source = t('crmLinks.create.leadSource');
    engine()
      .client.api.contacts.suggest({ messageId: detail.id })
      .then((s) => {
        if (stale) return;
        setSuggestion(s);
        setForm(initialForm(s, sender, source));
      })
      .catch((error: unknown) => {
        if (stale) return;
        // Still a form, from the sender's address alone.
        setForm(initialForm(null, sender, source));
        setProblem({ field: 'form', text: problemOf(error, t) });
      });
    return () => {
      stale = true;
    };
    // Once per dialog: the suggestion is for the email it was opened on.
  }, []);

  const duplicates = [...duplicatesOf(kind, suggestion), ...found.filter((f) => !duplicatesOf(kind, suggestion).some((d) => d.type === f.type && d.id === f.id))];

  const open = (record: NamedRecord) => {
    openLinkedRecord(record);
    onClose();
  };
  const linkInstead = async (record: NamedRecord) => {
    try {
      onLinked((await engine().client.api.links.add({ messageId: detail.id, type: record.type, id: record.id })).items);
      onClose();
    } catch (error) {
      setProblem({ field: 'form', text: problemOf(error, t) });
    }
  };

  async function create(f: QuickForm): Promise<void> {
    const api = engine().client.api;
    const email = f.email.trim() || null;
    const phones = cleanPhones(f.phones);
    const fileUnder = async (type: 'contact' | 'company', id: number) => onLinked((await api.links.add({ messageId: detail.id, type, id })).items);
    switch (kind) {
      case 'contact': {
        const contact = await api.contacts.create({
          firstName: f.firstName.trim(), lastName: f.lastName.trim(), email, phones, notes: f.notes, ...(f.companyName.trim() ? { companyName: f.companyName.trim() } : {}),
        });
        // Received mail from the contact's address is filed by the engine; anything else is filed here by hand.
        if (!(detail.direction === 'in' && sameAddress(contact.email, sender))) await fileUnder('contact', contact.id);
        break;
      }
      case 'company': {
        const company = await api.companies.create({ name: f.companyName.trim(), notes: f.notes });
        await fileUnder('company', company.id);
        break;
      }
      case 'lead':
        await api.leads.create({
          firstName: f.firstName.trim(), lastName: f.lastName.trim(), email, phone: phones[0] ?? '', companyName: f.companyName.trim(), source: f.source.trim(), notes: f.notes, messageId: detail.id,
        });
        break;
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!form || busy) return;
    const invalid = formProblem(kind, form);
    if (invalid) {
      setProblem({ field: invalid.field, text: t(invalid.key) });
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await create(form);
      onClose();
    } catch (error) {
      setBusy(false);
      const contactId = error instanceof ContractError && error.code === 'CONFLICT' ? (error.details as { contactId?: unknown } | undefined)?.contactId : undefined;
      if (typeof contactId === 'number') {
        // Another contact has this address: offer it, as the suggestion would have.
        const other = await engine().client.api.contacts.get({ id: contactId }).catch(() => null);
        if (other) {
          setFound((now) => [...now, { type: 'contact', id: other.id, name: contactName(other) }]);
          return;
        }
      }
      setProblem({ field: 'form', text: problemOf(error, t) });
    }
  }

  return (
    <Modal dialogRef={ref} className="small-dialog crm-links-dialog" aria-labelledby={titleId} data-testid="crm-create" data-kind={kind} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h2 id={titleId}>{t(TITLES[kind])}</h2>
        {form === null ? (
          <p className="crm-create-loading" role="status">{t('crmLinks.create.loading')}</p>
        ) : (
          <>
            <DuplicateNotice records={duplicates} linked={linked} onOpen={open} onLink={(r) => void linkInstead(r)} />
            <QuickCreateFields
              kind={kind}
              form={form}
              set={(patch) => setForm({ ...form, ...patch })}
              problem={problem}
              titleInNotes={!!suggestion?.jobTitle && form.notes === suggestion.jobTitle}
            />
          </>
        )}
        {problem?.field === 'form' ? (
          <p className="dialog-problem" role="alert" data-testid="crm-create-problem">
            {problem.text}
          </p>
        ) : null}
        <footer>
          <button type="button" className="button" onClick={onClose} data-testid="crm-create-cancel">
            {t('crmLinks.cancel')}
          </button>
          <button type="submit" className="button button-primary" aria-disabled={form === null || busy} data-testid="crm-create-submit">
            {t(busy ? 'crmLinks.create.saving' : 'crmLinks.create.submit')}
          </button>
        </footer>
      </form>
    </Modal>
  );
}
