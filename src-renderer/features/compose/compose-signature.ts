import { htmlFragment } from './body-parts.js';
import { composeCall } from './compose-api.js';
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
    const signature = await composeCall('signatures.get', { accountId });
    if (mine === latest) patchParts({ signature: htmlFragment(signature.html), position: signature.position });
  } catch {
    if (mine === latest) patchParts({ signature: '' });
  }
}
