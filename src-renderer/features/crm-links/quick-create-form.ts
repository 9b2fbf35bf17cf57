import type { ContactSuggestion } from '../../../src-shared/contract/index.js';
import type { MessageKey } from '../../i18n/catalogs.js';

export type QuickKind = 'contact' | 'company' | 'lead';

/** Every field any of the three forms shows; each form uses its own. */
export interface QuickForm {
  firstName: string;
  lastName: string;
  email: string;
  phones: string[];
  companyName: string;
  source: string;
  notes: string;
}

/** The form as quick-create opens it: the engine's guess from the sender and the signature, the job title in the notes. */
export function initialForm(s: ContactSuggestion | null, senderAddress: string | null, leadSource: string): QuickForm {
  return {
    firstName: s?.firstName ?? '',
    lastName: s?.lastName ?? '',
    email: s?.email ?? senderAddress ?? '',
    phones: s && s.phones.length > 0 ? [...s.phones] : [''],
    companyName: s?.companyName ?? '',
    source: leadSource,
    notes: s?.jobTitle ?? '',
  };
}

// What the engine's z.email() accepts in practice; the engine still has the last word.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What keeps the form from being sent, in the person's words (null: it can go). */
export function formProblem(kind: QuickKind, f: QuickForm): { field: 'name' | 'email' | 'companyName'; key: MessageKey } | null {
  const email = f.email.trim();
  if (kind !== 'company' && email && !EMAIL.test(email)) return { field: 'email', key: 'crmLinks.problem.email' };
  switch (kind) {
    case 'contact':
      return f.firstName.trim() || f.lastName.trim() || email ? null : { field: 'name', key: 'crmLinks.problem.contactEmpty' };
    case 'company':
      return f.companyName.trim() ? null : { field: 'companyName', key: 'crmLinks.problem.companyEmpty' };
    case 'lead':
      return f.firstName.trim() || f.lastName.trim() || email || f.companyName.trim() ? null : { field: 'name', key: 'crmLinks.problem.leadEmpty' };
  }
}

export const cleanPhones = (phones: readonly string[]) => phones.map((p) => p.trim()).filter(Boolean);

/** The same address, as the engine compares them. */
export const sameAddress = (a: string | null | undefined, b: string | null | undefined) => !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
