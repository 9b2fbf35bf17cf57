import type { RecordRef, RecordType } from '../../../src-shared/contract/index.js';
import { engine } from '../../api/engine.js';
import { useT } from '../../i18n/use-t.js';
import { useCrmLists } from '../../stores/crm-lists-store.js';
import { listChoices, type MailingType } from './mailing-choices.js';
import { SendMailingButton } from './SendMailingButton.js';

const MAILABLE: ReadonlySet<RecordType> = new Set<RecordType>(['contact', 'company', 'lead']);

/** On a list of contacts, companies or leads: a mailing to the records it shows, with its search and filters. */
export function ListMailingAction({ type }: { type: RecordType }) {
  const t = useT();
  if (!MAILABLE.has(type)) return null;
  const initial = () => listChoices(type as MailingType, useCrmLists.getState().views[type], t);
  return <SendMailingButton label="mailings.send" initial={initial} testId="mailing-send" />;
}

/** On a company's page: a mailing to its contacts (the engine expands the company into its contacts). */
export function RecordMailingAction({ record }: { record: RecordRef }) {
  const t = useT();
  if (record.type !== 'company') return null;
  const initial = async () => {
    const company = await engine().client.api.companies.get({ id: record.id });
    return [{ type: 'company' as const, id: company.id, name: company.name, detail: t('mailings.dialog.contacts', { count: company.contacts }), checked: true }];
  };
  return <SendMailingButton label="mailings.sendToContacts" initial={initial} testId="mailing-send-company" />;
}
