import { engine } from '../../api/engine.js';
import type { Translate } from '../../i18n/use-t.js';
import { reportError } from '../../stores/error-store.js';
import { showNotice } from '../../components/Notice.js';

/** contacts.addSenders takes this many messages per call; a "select all" is sent in slices. */
const BATCH = 1000;

export async function addSenders(messageIds: readonly number[]): Promise<{ created: number; existing: number }> {
  const api = engine().client.api;
  let created = 0;
  let existing = 0;
  for (let i = 0; i < messageIds.length; i += BATCH) {
    const answer = await api.contacts.addSenders({ messageIds: messageIds.slice(i, i + BATCH) });
    created += answer.created.length;
    existing += answer.existing;
  }
  return { created, existing };
}

/** "Add sender(s) to the address book", from the reader or the list's selection: says what it did. */
export async function addSendersToAddressBook(messageIds: readonly number[], t: Translate): Promise<void> {
  if (messageIds.length === 0) return;
  try {
    const { created, existing } = await addSenders(messageIds);
    showNotice(t('crmActions.addSenders.done', { created, existing }), t('crmActions.notice.dismiss'));
  } catch (error) {
    reportError(error);
  }
}
