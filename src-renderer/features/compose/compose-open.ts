import type { StartMode } from '../../../src-shared/contract/index.js';
import { engine } from '../../api/engine.js';
import { reportError } from '../../stores/error-store.js';
import { openComposeWindow } from './compose-window.js';

/** The ways into the composer, for the buttons and keys elsewhere in the app. */

export function composeNew(options: { contactId?: number; templateId?: number } = {}): void {
  openComposeWindow({ kind: 'start', mode: 'new', quote: true, ...options });
}

/** Reply, reply all or forward a stored message; `quote: false` is "reply without quoting". */
export function composeAbout(messageId: number, mode: Exclude<StartMode, 'new'>, quote = true): void {
  openComposeWindow({ kind: 'start', mode, messageId, quote });
}

/** A message of a Drafts folder opens in the composer, on the draft it is. */
export function composeDraftMessage(messageId: number): void {
  openComposeWindow({ kind: 'drafts-message', id: messageId });
}

/**
 * "Send email" from a company: to the first of its contacts who has an address (compose.start fills To from a
 * contact); a company without one opens a blank mail.
 */
export async function composeToCompany(companyId: number): Promise<void> {
  try {
    const { items } = await engine().client.api.contacts.list({ companyId, limit: 50 });
    const contact = items.find((c) => c.email || c.email2);
    composeNew(contact ? { contactId: contact.id } : {});
  } catch (error) {
    reportError(error);
  }
}
