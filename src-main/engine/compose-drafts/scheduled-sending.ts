import type { ServiceDeps } from '../services/handler.js';
import { cached } from '../store/statements.js';

/** setTimeout's limit is ~24.8 days; a far-off message is looked at again within the hour anyway. */
const MAX_WAIT_MS = 60 * 60_000;
/** When a send could not even start (no password stored…), the next try waits this long instead of spinning. */
const AFTER_ERROR_MS = 60_000;
const MIN_GAP_MS = 1_000;

export type SchedulerDeps = Pick<ServiceDeps, 'store' | 'events' | 'sync'>;

/**
 * Sends what the Outbox holds when it is due: a scheduled message at its time, a message to send now at once, a
 * retry when its backoff ends. The account workers also send what is due, but only after a sync pass that reached
 * the incoming server, and passes may be minutes apart (the refresh interval); this keeps one timer on the earliest
 * due time and asks the supervisor to send that account's Outbox then, in turn with its sync. At start, whatever came
 * due while Facteur was closed is due at once: it goes out now, and the Outbox says it went late (outbox-repo's
 * `lateness`).
 */
export class ScheduledSending {
  private timer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;
  private firing: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly deps: SchedulerDeps) {}

  start(): void {
    // Queued, rescheduled, cancelled or sent: any change to the outbox may move the earliest time.
    this.unsubscribe = this.deps.events.subscribe((event, payload) => {
      if (event === 'store.changed' && (payload as { table: string }).table === 'outbox' && !this.firing) this.arm();
    });
    this.arm();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.firing;
  }

  private arm(notBefore = 0): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const next = (cached(
      this.deps.store.sqlite,
      "SELECT min(max(coalesce(send_after, 0), coalesce(retry_after, 0))) AS at FROM outbox WHERE state = 'queued'",
    ).get() as { at: number | null }).at;
    if (next === null) return;
    const wait = Math.min(MAX_WAIT_MS, Math.max(0, next - Date.now(), notBefore - Date.now()));
    this.timer = setTimeout(() => {
      this.timer = null;
      this.firing = this.fire().finally(() => {
        this.firing = null;
      });
    }, wait);
    this.timer.unref();
  }

  private async fire(): Promise<void> {
    const now = Date.now();
    const accounts = (cached(
      this.deps.store.sqlite,
      `SELECT DISTINCT account_id FROM outbox WHERE state = 'queued' AND coalesce(send_after, 0) <= ? AND coalesce(retry_after, 0) <= ?`,
    ).all(now, now) as Array<{ account_id: number }>).map((r) => r.account_id);
    let failed = false;
    for (const accountId of accounts) {
      if (this.stopped) return;
      try {
        await this.deps.sync.sendOutbox(accountId);
      } catch (error) {
        failed = true;
        console.error(`Facteur engine: the Outbox of account ${accountId} could not be sent:`, error);
      }
    }
    // A message the send left due (the server went away before its turn) is tried again after a pause, not in a loop.
    this.arm(Date.now() + (failed ? AFTER_ERROR_MS : MIN_GAP_MS));
  }
}
