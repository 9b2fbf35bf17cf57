import { ContractError } from '../../../src-shared/contract/index.js';
import { reportError } from '../../stores/error-store.js';
import { useSyncStatus } from '../../stores/sync-status-store.js';
import { draftFromAccount, newDraft, withCandidate, type AccountAuth } from './account-draft.js';
import { api, failureOf, isCurrent, nextRun, removeQuietly } from './setup-run.js';
import { closedSetup, goTo, testPassed, useSetup } from './setup-store.js';

export function startSetup(): void {
  nextRun();
  useSetup.setState({ ...closedSetup, open: true, draft: newDraft() });
}

/** "Edit account": the same dialog, prefilled, on the servers; saving changes the account in place. */
export async function startEdit(accountId: number): Promise<void> {
  const mine = nextRun();
  try {
    const account = (await api().accounts.list()).items.find((a) => a.id === accountId);
    if (!account) throw new ContractError({ code: 'NOT_FOUND', message: `Account ${accountId} no longer exists.` });
    if (!isCurrent(mine)) return;
    useSetup.setState({ ...closedSetup, open: true, step: 'settings', draft: draftFromAccount(account), editing: account });
  } catch (error) {
    reportError(error);
  }
}

export async function discover(): Promise<void> {
  const mine = nextRun();
  useSetup.setState({ busy: 'discovering', candidates: null, chosen: 0, failure: null });
  try {
    const { candidates } = await api().accounts.discover({ email: useSetup.getState().draft.email.trim() });
    if (isCurrent(mine)) useSetup.setState({ busy: null, candidates });
  } catch (error) {
    if (isCurrent(mine)) useSetup.setState({ busy: null, failure: failureOf(error) });
  }
}

/** Leaves the address step; a search still under way is dropped. With a candidate, its servers fill the form. */
export function leaveAddressStep(next: 'settings' | 'password', useCandidate: boolean): void {
  nextRun();
  const { candidates, chosen, draft } = useSetup.getState();
  const candidate = useCandidate ? candidates?.[chosen] : undefined;
  useSetup.setState({ busy: null, draft: candidate ? withCandidate(draft, candidate) : draft });
  goTo(next);
}

/** The provider's sign-in, or an app password instead: a failure of the other way no longer applies. */
export function chooseAuth(auth: AccountAuth): void {
  useSetup.setState((s) => ({ draft: { ...s.draft, auth }, failure: null }));
}

/**
 * "Done", "Keep anyway" and, after an edit was saved, "Close": the account stays as saved. One whose test failed
 * is synced at once, so its line in the tree says what is wrong and offers Retry and Edit.
 */
export function keepAccount(): void {
  const { addedId, editing, outcome } = useSetup.getState();
  nextRun();
  useSetup.setState(closedSetup);
  const id = addedId ?? editing?.id ?? null;
  if (id !== null && outcome !== null && !testPassed(outcome)) void useSyncStatus.getState().syncNow(id);
}

/**
 * Esc, Cancel or the close button. After a passed test that is "Done", and after a saved edit there is nothing to
 * undo; otherwise nothing the dialog added stays (a failed new account is kept only by "Keep anyway").
 */
export function closeSetup(): void {
  const { addedId, editing, outcome } = useSetup.getState();
  if (outcome !== null && (editing !== null || testPassed(outcome))) return keepAccount();
  nextRun();
  useSetup.setState(closedSetup);
  if (addedId !== null) removeQuietly(addedId);
}
