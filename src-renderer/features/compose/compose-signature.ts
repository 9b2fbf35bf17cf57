import { engine } from '../../api/engine.js';
import { htmlFragment } from './body-parts.js';
import { patchDraft, patchParts, useComposer } from './compose-store.js';

let latest = 0;

/**
 * Another account to send from: its signature replaces the previous one, where the account's preference puts it.
 * An account whose signature cannot be read gets none rather than the previous account's.
 */
export async function changeAccount(accountId: number): Promise<void> {
  if (accountId === useComposer.getState().draft.accountId) return;
  const mine = ++latest;
  patchDraft({ accountId });
  try {
    const signature = await engine().client.api.signatures.get({ accountId });
    if (mine === latest) patchParts({ signature: htmlFragment(signature.html), position: signature.position });
  } catch {
    if (mine === latest) patchParts({ signature: '' });
  }
}
