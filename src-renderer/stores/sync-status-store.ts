import { create } from 'zustand';
import { ContractError, type EventPayload, type Output, type SyncSummary } from '../../src-shared/contract/index.js';
import { engine } from '../api/engine.js';
import { reportError } from './error-store.js';

export type SyncProgress = EventPayload<'sync.progress'>;
export type OutboxSendResult = Output<'outbox.send'>;

/** What an account's status line shows: the latest sync progress, or the answer to the person's "send all". */
export type AccountStatus = { kind: 'progress'; progress: SyncProgress } | { kind: 'outbox'; result: OutboxSendResult };

interface SyncStatusState {
  /** Absent until the engine reports on the account (or the person asks for something) while this window is open. */
  byAccount: Record<number, AccountStatus>;
  record(progress: SyncProgress): void;
  syncNow(accountId: number): Promise<void>;
  sendOutbox(accountId: number): Promise<void>;
  /** The account was removed: its line goes with it. */
  forget(accountId: number): void;
}

function progressOf(summary: SyncSummary): SyncProgress {
  return {
    accountId: summary.accountId,
    folderId: null,
    phase: summary.error ? 'error' : 'done',
    done: 0,
    total: 0,
    error: summary.error,
  };
}

export const useSyncStatus = create<SyncStatusState>((set, get) => {
  function put(accountId: number, status: AccountStatus): void {
    set({ byAccount: { ...get().byAccount, [accountId]: status } });
  }
  return {
    byAccount: {},

    record(progress) {
      put(progress.accountId, { kind: 'progress', progress });
    },

    async syncNow(accountId) {
      // Shown at once: the engine may first wait for a background pass of this account to finish.
      get().record({ accountId, folderId: null, phase: 'connecting', done: 0, total: 0, error: null });
      try {
        const { accounts } = await engine().client.api.sync.run({ accountId });
        // The pass's own answer is the last word: not every pass ends with a "done" or "error" event.
        for (const summary of accounts) get().record(progressOf(summary));
      } catch (error) {
        reportError(error);
      }
    },

    forget(accountId) {
      const { [accountId]: _gone, ...rest } = get().byAccount;
      set({ byAccount: rest });
    },

    async sendOutbox(accountId) {
      try {
        put(accountId, { kind: 'outbox', result: await engine().client.api.outbox.send({ accountId }) });
      } catch (error) {
        // An unreachable or refusing SMTP server belongs to this account's line, where Retry and Edit are offered.
        if (error instanceof ContractError && error.code !== 'UNAVAILABLE') {
          get().record({ accountId, folderId: null, phase: 'error', done: 0, total: 0, error: { code: error.code, message: error.message } });
        } else {
          reportError(error);
        }
      }
    },
  };
});
