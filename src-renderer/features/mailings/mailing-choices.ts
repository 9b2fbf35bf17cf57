import { LeadStatus } from '../../../src-shared/contract/index.js';
import { engine } from '../../api/engine.js';
import type { Translate } from '../../i18n/use-t.js';
import type { ListView } from '../../stores/crm-lists-store.js';
import { recordName } from '../crm/record-names.js';

/** The kinds of record a mailing can be sent to from the CRM. */
export type MailingType = 'contact' | 'company' | 'lead';

/** A recipient as the dialog offers it: checked ones go. */
export interface MailingChoice {
  type: MailingType;
  id: number;
  name: string;
  /** What tells two of the same name apart: the address, or a company's number of contacts. */
  detail: string;
  checked: boolean;
}

/** As many recipients as the engine takes in one mailing. */
export const MAX_RECIPIENTS = 20_000;
const PAGE = 500;

/**
 * Every record the list shows with its current search and filters, on every page (not only the one on screen):
 * "send to this list" means the whole list. Stops one past the limit, so the dialog can say the list is too long.
 */
export async function listChoices(type: MailingType, view: ListView, t: Translate): Promise<MailingChoice[]> {
  const api = engine().client.api;
  const choices: MailingChoice[] = [];
  for (let offset = 0; offset <= MAX_RECIPIENTS; offset += PAGE) {
    const common = { query: view.query.trim(), includeDeleted: false, limit: PAGE, offset };
    let total: number;
    if (type === 'contact') {
      const page = await api.contacts.list(common);
      total = page.total;
      for (const c of page.items) choices.push({ type, id: c.id, name: recordName('contact', c), detail: c.email ?? c.email2 ?? '', checked: true });
    } else if (type === 'company') {
      const page = await api.companies.list(common);
      total = page.total;
      for (const c of page.items) choices.push({ type, id: c.id, name: c.name, detail: t('mailings.dialog.contacts', { count: c.contacts }), checked: true });
    } else {
      const status = LeadStatus.safeParse(view.filters.status);
      const page = await api.leads.list({ ...common, status: status.success ? status.data : undefined });
      total = page.total;
      for (const l of page.items) choices.push({ type, id: l.id, name: recordName('lead', l), detail: l.email ?? '', checked: true });
    }
    if (offset + PAGE >= total) break;
  }
  return choices;
}

/** Whom the preview fills the template for: the first recipient chosen. */
export function previewTarget(choice: MailingChoice): { contactId?: number; companyId?: number; leadId?: number } {
  switch (choice.type) {
    case 'contact':
      return { contactId: choice.id };
    case 'company':
      return { companyId: choice.id };
    case 'lead':
      return { leadId: choice.id };
  }
}
