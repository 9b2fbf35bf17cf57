import { ContractError } from '../../../src-shared/contract/index.js';
import { engine } from '../../api/engine.js';
import { reportError } from '../../stores/error-store.js';
import { useSyncStatus } from '../../stores/sync-status-store.js';
import { addInput, draftFromAccount, newDraft, withCandidate } from './account-draft.js';
import { closedSetup, goTo, testPassed, useSetup, type StepFailure } from './setup-store.js';

/**
 * Each request of the flow remembers the run it began in; closing the dialog starts a new run, so an answer that
 * lands after the person left is recognised as stale, and an account it created is removed again.
 */
let run = 0;

const api = () => engine().client.api;

function failureOf(error: unknown): StepFailure {
  if (error instanceof ContractError) return { code: error.code, message: error.message };
  console.error(error);
  return { code: 'UNKNOWN', message: error instanceof Error ? error.message : String(error) };
}

function removeQuietly(id: number): void {
  void api().accounts.remove({ id }).catch(reportError);
}

export function startSetup(): void {
  run++;
  useSetup.setState({ ...closedSetup, open: true, draft: newDraft() });
}

/** "Edit account": the same dialog, prefilled; keeping the result replaces the old account (see replacing). */
export async function startEdit(accountId: number): Promise<void> {
  const mine = ++run;
  try {
    const account = (await api().accounts.list()).items.find((a) => a.id === accountId);
    if (!account) throw new ContractError({ code: 'NOT_FOUND', message: `Account ${accountId} no longer exists.` });
    if (mine !== run) return;
    useSetup.setState({ ...closedSetup, open: true, step: 'settings', draft: draftFromAccount(account), replacing: account });
  } catch (error) {
    reportError(error);
  }
}

export async function discover(): Promise<void> {
  const mine = ++run;
  useSetup.setState({ busy: 'discovering', candidates: null, chosen: 0, failure: null });
  try {
    const { candidates } = await api().accounts.discover({ email: useSetup.getState().draft.email.trim() });
    if (mine === run) useSetup.setState({ busy: null, candidates });
  } catch (error) {
    if (mine === run) useSetup.setState({ busy: null, failure: failureOf(error) });
  }
}

/** Leaves the address step; a search still under way is dropped. With a candidate, its servers fill the form. */
export function leaveAddressStep(next: 'settings' | 'password', useCandidate: boolean): void {
  run++;
  const { candidates, chosen, draft } = useSetup.getState();
  const candidate = useCandidate ? candidates?.[chosen] : undefined;
  useSetup.setState({ busy: null, draft: candidate ? withCandidate(draft, candidate) : draft });
  goTo(next);
}

/**
 * The contract tests an account by id, so it is added first and tested next; until the person keeps it, the
 * dialog owns it and removes it if they go back or leave.
 */
export async function addAndTest(): Promise<void> {
  const mine = ++run;
  const { draft, password, addedId } = useSetup.getState();
  useSetup.setState({ busy: 'adding', failure: null, outcome: null, addedId: null });
  try {
    if (addedId !== null) await api().accounts.remove({ id: addedId });
    const account = await api().accounts.add(addInput(draft, password));
    if (mine !== run) return removeQuietly(account.id);
    useSetup.setState({ addedId: account.id, busy: 'testing' });
    const outcome = await api().accounts.test({ id: account.id });
    // Left during the test: closeSetup() already removed the account it found in addedId.
    if (mine !== run) return;
    useSetup.setState({ busy: null, outcome, step: 'results' });
    // Mail starts coming while the person reads the result.
    if (testPassed(outcome)) void useSyncStatus.getState().syncNow(account.id);
  } catch (error) {
    if (mine === run) useSetup.setState({ busy: null, failure: failureOf(error) });
  }
}

/** "Edit settings" after a failed test: the half-added account goes, the form comes back as it was. */
export async function editSettings(): Promise<void> {
  const mine = ++run;
  const { addedId } = useSetup.getState();
  useSetup.setState({ busy: 'removing', addedId: null, failure: null });
  try {
    if (addedId !== null) await api().accounts.remove({ id: addedId });
    if (mine === run) useSetup.setState({ busy: null, outcome: null, step: 'settings' });
  } catch (error) {
    if (mine === run) useSetup.setState({ busy: null, failure: failureOf(error) });
  }
}

/** "Done" and "Keep anyway": the account stays, and replaces the edited one if there is one. */
export function keepAccount(): void {
  const { addedId, replacing, outcome } = useSetup.getState();
  run++;
  useSetup.setState(closedSetup);
  if (addedId === null) return;
  if (replacing) removeQuietly(replacing.id);
  if (!testPassed(outcome)) void useSyncStatus.getState().syncNow(addedId);
}

/**
 * Esc, Cancel or the close button. After a passed test that is "Done"; otherwise nothing the dialog made stays
 * (a failed account is kept only by "Keep anyway").
 */
export function closeSetup(): void {
  const { addedId, outcome } = useSetup.getState();
  if (addedId !== null && testPassed(outcome)) return keepAccount();
  run++;
  useSetup.setState(closedSetup);
  if (addedId !== null) removeQuietly(addedId);
}
