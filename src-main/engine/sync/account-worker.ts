import type { SyncSummary } from '../../../src-shared/contract/index.js';
import type { SyncDeps } from './account-sync.js';
import { watchInbox } from './idle-watch.js';

export interface WorkerHost {
  syncNow(accountId: number): Promise<SyncSummary>;
}

const MIN_BACKOFF_MS = 5_000;
const MAX_BACKOFF_MS = 5 * 60_000;
/** A worker whose passes crash this often in the window stops, and says so (Mailspring's crash budget). */
const CRASH_LIMIT = 3;
const CRASH_WINDOW_MS = 10 * 60_000;

/**
 * Keeps one account in step in the background: a pass (local changes, folders, outbox), then waits for IDLE news
 * on the Inbox, the account's refresh interval, or a wake-up (a local change to replay). Network and server
 * errors back off (capped); unexpected crashes count against a budget.
 */
export class AccountWorker {
  private readonly controller = new AbortController();
  private wakeUp: (() => void) | null = null;
  private pendingWake = false;
  private readonly crashes: number[] = [];
  private loop: Promise<void> | null = null;

  constructor(
    private readonly host: WorkerHost,
    private readonly deps: SyncDeps,
    readonly accountId: number,
  ) {}

  start(): void {
    this.loop ??= this.run();
  }

  /** Cuts the current wait short: something local needs the server now. */
  wake(): void {
    this.pendingWake = true;
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.controller.abort();
    this.wakeUp?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    const signal = this.controller.signal;
    let backoff = MIN_BACKOFF_MS;
    let idle: Promise<void> | null = null;
    while (!signal.aborted) {
      this.pendingWake = false;
      let summary: SyncSummary;
      try {
        summary = await this.host.syncNow(this.accountId);
      } catch (error) {
        if (this.crashed(error)) return;
        await this.sleep(backoff);
        continue;
      }
      if (summary.error) {
        await this.sleep(backoff);
        backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
        continue;
      }
      backoff = MIN_BACKOFF_MS;
      const account = this.deps.accounts.get(this.accountId);
      if (account.settings.incoming.protocol === 'imap' && !idle) {
        idle = watchInbox(this.deps, this.accountId, () => this.wake(), signal)
          .catch(() => undefined)
          .finally(() => {
            idle = null;
          });
      }
      await this.sleep(account.settings.refreshSeconds * 1000);
    }
    await idle;
  }

  private crashed(error: unknown): boolean {
    const now = Date.now();
    this.crashes.push(now);
    while (this.crashes.length && now - this.crashes[0]! > CRASH_WINDOW_MS) this.crashes.shift();
    if (this.crashes.length < CRASH_LIMIT) return false;
    this.deps.events.emit('sync.progress', {
      accountId: this.accountId,
      folderId: null,
      phase: 'error',
      done: 0,
      total: 0,
      error: { code: 'INTERNAL', message: `Sync for this account stopped after ${CRASH_LIMIT} failures in a row: ${(error as Error).message}` },
    });
    return true;
  }

  private sleep(ms: number): Promise<void> {
    if (this.pendingWake || this.controller.signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = null;
        done();
      };
    });
  }
}
