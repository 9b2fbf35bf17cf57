import type { AccountInfo } from '../../../src-shared/contract/index.js';
import { useAgent } from '../../stores/agent-store.js';
import { useSyncStatus } from '../../stores/sync-status-store.js';
import { addInput, signsInWithOAuth, updateInput } from './account-input.js';
import type { AccountDraft } from './account-draft.js';
import { api, failureOf, isCurrent, nextRun, removeQuietly } from './setup-run.js';
import { testPassed, useSetup } from './setup-store.js';

/** The engine opens the provider's page only when it has no sign-in of that provider for the account yet. */
export function willSignIn(draft: AccountDraft, editing: AccountInfo | null): boolean {
  if (!signsInWithOAuth(draft)) return false;
  if (!editing) return true;
  const before = editing.settings;
  return before.auth !== 'oauth2' || before.oauthProvider !== draft.oauthProvider || !editing.hasSecret;
}

/** Both sides answer, then the results step; mail starts coming while the person reads it. */
async function test(mine: number, id: number): Promise<void> {
  const outcome = await api().accounts.test({ id });
  if (!isCurrent(mine)) return;
  useSetup.setState({ busy: null, outcome, step: 'results' });
  if (testPassed(outcome)) void useSyncStatus.getState().syncNow(id);
}

/**
 * "Add and test", "Save and test", "Sign in with …". The contract tests an account by id, so a new one is added
 * first; until the person keeps it, the dialog owns it and removes it if they go back or leave. An edited account
 * is updated in place, and an update is never undone: its mail and folders stay whatever the test says.
 */
export async function saveAndTest(): Promise<void> {
  const mine = nextRun();
  const { draft, password, addedId, editing } = useSetup.getState();
  const signingIn = willSignIn(draft, editing);
  const provider = signingIn ? (draft.oauthProvider ?? undefined) : undefined;
  useSetup.setState({ busy: signingIn ? 'signingIn' : editing ? 'saving' : 'adding', failure: null, outcome: null, addedId: null });
  // A sign-in that fails is the provider's (or this installation's) doing, and is told apart from a failed test.
  let saved = false;
  try {
    let id: number;
    if (editing) {
      const updated = await api().accounts.update(updateInput(draft, editing, password, useAgent.getState().agent?.id ?? null));
      id = updated.id;
      // The next save compares with what is stored now (e.g. a sign-in that needs no second browser trip).
      if (isCurrent(mine)) useSetup.setState({ editing: updated });
    } else {
      if (addedId !== null) await api().accounts.remove({ id: addedId });
      id = (await api().accounts.add(addInput(draft, password))).id;
      if (!isCurrent(mine)) return removeQuietly(id);
      useSetup.setState({ addedId: id });
    }
    saved = true;
    if (!isCurrent(mine)) return;
    useSetup.setState({ busy: 'testing' });
    await test(mine, id);
  } catch (error) {
    if (isCurrent(mine)) useSetup.setState({ busy: null, failure: failureOf(error, saved ? undefined : provider) });
  }
}

/**
 * "Edit settings" after a failed test: the form comes back as it was. A half-added new account goes (it is added
 * again on the next try); an edited one stays, saved, and the next save updates it again.
 */
export async function editSettings(): Promise<void> {
  const mine = nextRun();
  const { addedId } = useSetup.getState();
  useSetup.setState({ busy: addedId !== null ? 'removing' : null, addedId: null, failure: null });
  try {
    if (addedId !== null) await api().accounts.remove({ id: addedId });
    if (isCurrent(mine)) useSetup.setState({ busy: null, outcome: null, step: 'settings' });
  } catch (error) {
    if (isCurrent(mine)) useSetup.setState({ busy: null, failure: failureOf(error) });
  }
}
