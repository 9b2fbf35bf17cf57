import type { ConnectionOutcome, SyncSummary } from '../../../src-shared/contract/index.js';
import { EngineError } from '../errors.js';
import { syncImapAccount, type SyncDeps } from './account-sync.js';
import { testConnection } from './connect/connection-test.js';
import type { Secret } from './connect/client-options.js';
import { syncPop3Account } from './pop3/pop3-sync.js';
import { AccountWorker } from './account-worker.js';
import { fileSent, sendOutbox, type OutboxResult } from './smtp/outbox.js';

/**
 * Owns every account's sync: one pass at a time per account (a pass asked for while another runs waits for it),
 * so the CLI's `sync --once`, the UI's "get mail now" and the background worker never interleave on one account.
 */
export class SyncSupervisor {
  private readonly running = new Map<number, Promise<unknown>>();
  private readonly controllers = new Map<number, AbortController>();
  private readonly workers = new Map<number, AccountWorker>();
  private background = false;

  constructor(private readonly deps: SyncDeps) {}

  /** Hosts that stay up (the app, the web host) keep every account in step in the background. */
  startBackground(): void {
    this.background = true;
    for (const account of this.deps.accounts.list()) this.startWorker(account.id);
  }

  /** A local change waits for the server: wake the accounts' workers rather than wait for their next turn. */
  wake(accountIds?: Iterable<number>): void {
    for (const id of accountIds ?? this.workers.keys()) this.workers.get(id)?.wake();
  }

  private startWorker(accountId: number): void {
    if (!this.background || this.workers.has(accountId)) return;
    const worker = new AccountWorker(this, this.deps, accountId);
    this.workers.set(accountId, worker);
    worker.start();
  }

  syncNow(accountId: number): Promise<SyncSummary> {
    return this.exclusive(accountId, () => this.pass(accountId));
  }

  /** "Send all" for an account, or "send now" for one message, in turn with the account's sync. */
  sendOutbox(accountId: number, only?: number): Promise<OutboxResult> {
    return this.exclusive(accountId, () => sendOutbox(this.deps, accountId, only));
  }

  cancel(accountId: number): boolean {
    const controller = this.controllers.get(accountId);
    controller?.abort();
    return controller !== undefined;
  }

  fileSent(accountId: number, messageId: number): void {
    fileSent(this.deps, accountId, messageId, this.deps.accounts.get(accountId).settings.serverFilesSent);
  }

  private exclusive<T>(accountId: number, work: () => Promise<T>): Promise<T> {
    const previous = this.running.get(accountId) ?? Promise.resolve(undefined);
    const next = previous.catch(() => undefined).then(work);
    this.running.set(accountId, next);
    void next.finally(() => {
      if (this.running.get(accountId) === next) this.running.delete(accountId);
    }).catch(() => undefined);
    return next;
  }

  private async pass(accountId: number): Promise<SyncSummary> {
    const account = this.deps.accounts.get(accountId);
    const controller = new AbortController();
    this.controllers.set(accountId, controller);
    try {
      const summary = account.settings.incoming.protocol === 'imap'
        ? await syncImapAccount(this.deps, accountId, controller.signal)
        : await syncPop3Account(this.deps, accountId, controller.signal);
      if (!summary.error) {
        try {
          summary.outboxSent = (await sendOutbox(this.deps, accountId)).sent;
        } catch (error) {
          const e = error as EngineError;
          summary.error = { code: e.code ?? 'PROTOCOL_ERROR', message: e.message };
          this.deps.events.emit('sync.progress', { accountId, folderId: null, phase: 'error', done: 0, total: 0, error: summary.error });
        }
      }
      return summary;
    } finally {
      this.controllers.delete(accountId);
    }
  }

  accountAdded(accountId: number): void {
    this.startWorker(accountId);
  }

  /** Settings or secrets changed: forget kept connections and tokens, and sync again with the new ones. */
  async accountChanged(accountId: number): Promise<void> {
    this.deps.credentials.forget(accountId);
    this.deps.connections.drop(accountId);
    this.workers.get(accountId)?.wake();
  }

  async accountRemoved(accountId: number): Promise<void> {
    this.deps.credentials.forget(accountId);
    this.deps.connections.drop(accountId);
    await this.workers.get(accountId)?.stop();
    this.workers.delete(accountId);
    this.controllers.get(accountId)?.abort();
    await this.running.get(accountId)?.catch(() => undefined);
  }

  /** "Test connection": each side step by step, so the answer names what failed (DNS, TCP, TLS, login…). */
  async test(accountId: number): Promise<{ incoming: ConnectionOutcome; outgoing: ConnectionOutcome }> {
    const account = this.deps.accounts.get(accountId);
    let secret: Secret;
    try {
      secret = await this.deps.credentials.secretFor(accountId);
    } catch (error) {
      const e = error as EngineError;
      const outcome: ConnectionOutcome = { ok: false, code: e.code, message: e.message };
      return { incoming: outcome, outgoing: outcome };
    }
    const [incoming, outgoing] = await Promise.all([
      testConnection('incoming', account.settings, secret),
      testConnection('outgoing', account.settings, secret),
    ]);
    const outcome = (r: typeof incoming): ConnectionOutcome => (r.ok ? r : { ok: false, code: r.code, message: r.message });
    return { incoming: outcome(incoming), outgoing: outcome(outgoing) };
  }

  async stop(): Promise<void> {
    await Promise.all([...this.workers.values()].map((w) => w.stop()));
    this.workers.clear();
    await this.deps.connections.closeAll();
    for (const c of this.controllers.values()) c.abort();
    await Promise.allSettled([...this.running.values()]);
  }
}
