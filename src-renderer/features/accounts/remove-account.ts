import { create } from 'zustand';
import { ContractError, type AccountInfo } from '../../../src-shared/contract/index.js';
import { reportError } from '../../stores/error-store.js';
import { useFolders } from '../../stores/folders-store.js';
import { useSyncStatus } from '../../stores/sync-status-store.js';
import { api, failureOf } from './setup-run.js';
import type { StepFailure } from './setup-store.js';

/** The account to remove and what goes with it on this computer, counted from the folder tree when asked. */
export interface RemovalTarget {
  account: AccountInfo;
  folders: number;
  /** Downloaded mail, the Outbox's apart. */
  messages: number;
  /** Written but not sent: removing the account drops it unsent. */
  outbox: number;
}

interface RemovalState {
  target: RemovalTarget | null;
  busy: boolean;
  failure: StepFailure | null;
}

const closed: RemovalState = { target: null, busy: false, failure: null };

export const useRemoval = create<RemovalState>(() => closed);

function countFor(accountId: number): Omit<RemovalTarget, 'account'> {
  const own = useFolders.getState().folders.filter((f) => f.accountId === accountId);
  const sum = (list: typeof own) => list.reduce((n, f) => n + f.total, 0);
  return { folders: own.length, messages: sum(own.filter((f) => f.kind !== 'outbox')), outbox: sum(own.filter((f) => f.kind === 'outbox')) };
}

/** "Remove account…": the confirmation needs the account's protocol, which the tree does not carry. */
export async function askToRemove(accountId: number): Promise<void> {
  try {
    const account = (await api().accounts.list()).items.find((a) => a.id === accountId);
    if (!account) throw new ContractError({ code: 'NOT_FOUND', message: `Account ${accountId} no longer exists.` });
    useRemoval.setState({ ...closed, target: { account, ...countFor(accountId) } });
  } catch (error) {
    reportError(error);
  }
}

export function cancelRemoval(): void {
  // A removal under way finishes in the engine whatever the window does; the dialog stays to say how it ended.
  if (!useRemoval.getState().busy) useRemoval.setState(closed);
}

export async function confirmRemoval(): Promise<void> {
  const { target, busy } = useRemoval.getState();
  if (!target || busy) return;
  useRemoval.setState({ busy: true, failure: null });
  try {
    await api().accounts.remove({ id: target.account.id });
    // The tree is fetched again before the dialog closes, so focus goes back to an item that still exists.
    await useFolders.getState().refresh();
    // Ids can be handed out again: a later account must not inherit this one's last status.
    useSyncStatus.getState().forget(target.account.id);
    useRemoval.setState(closed);
  } catch (error) {
    useRemoval.setState({ busy: false, failure: failureOf(error) });
  }
}
