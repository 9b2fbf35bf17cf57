import type { MessageDetail } from '../../../src-shared/contract/index.js';
import { engine } from '../../api/engine.js';
import type { Translate } from '../../i18n/use-t.js';
import { confirmDialog } from '../../stores/dialog-store.js';

/*
 * The CRM menu's one-step actions. Each answers with what to tell the agent, or null when there is nothing to say
 * (cancelled); failures are thrown for the caller's one error path.
 */

export async function toggleBlacklist(address: string, blacklisted: boolean, t: Translate): Promise<string> {
  const state = await engine().client.api.addresses.setBlacklisted({ address, blacklisted: !blacklisted });
  return t(state.blacklisted ? 'crmActions.blacklist.on' : 'crmActions.blacklist.off', { address: state.address });
}

export async function togglePrivate(detail: MessageDetail, t: Translate): Promise<string> {
  await engine().client.api.messages.setPrivate({ ids: [detail.id], private: !detail.private });
  return t(detail.private ? 'crmActions.private.off' : 'crmActions.private.on');
}

/** Cannot be undone, and for an email already gone from the mailbox it is the last copy: asked first. */
export async function purgeFromHistory(detail: MessageDetail, t: Translate): Promise<string | null> {
  const ok = await confirmDialog({
    title: t('crmActions.purge.title'),
    body: t('crmActions.purge.text', { subject: detail.subject || t('messages.noSubject') }),
    confirmLabel: t('crmActions.purge.confirm'),
    danger: true,
  });
  if (!ok) return null;
  const { removed } = await engine().client.api.links.purge({ messageId: detail.id });
  // An email deleted from the mailbox and kept only for the histories is gone with it; the reader then closes it.
  return t(removed ? 'crmActions.purge.removed' : 'crmActions.purge.nothing');
}
