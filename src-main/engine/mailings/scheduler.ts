import type { EventPayload } from '../../../src-shared/contract/index.js';
import type { ServiceDeps } from '../services/handler.js';
import { cached } from '../store/statements.js';
import { systemClock, type Clock } from './clock.js';
import { MailingsRepo, type MailingRow } from './mailings-repo.js';
import { followOutbox } from './outbox-follow.js';
import { sendCopy } from './send-copy.js';

/**
 * Hands mailings' copies to the outbox, which sends them. Per account, one copy every 60/perMinute seconds of the
 * mailing being served (the oldest running one first); the next allowed time is stored with the mailing, so a
 * restart neither bursts nor forgets where it was. Pausing stops new copies; cancelling stops them for good;
 * copies already in the outbox go either way.
 *
 * Only the background engine (the app, `facteur serve`) runs it; every engine keeps recipients in step with the
 * outbox and says when a mailing is done.
 */
export class MailingScheduler {
  readonly repo: MailingsRepo;
  private started = false;
  private ticking: Promise<void> | null = null;
  private again = false;
  private cancelTimer: (() => void) | null = null;
  /** The last progress sent per mailing: outbox changes that do not move a mailing say nothing. */
  private readonly lastProgress = new Map<number, string>();

  constructor(
    private readonly deps: ServiceDeps,
    private readonly clock: Clock = systemClock,
  ) {
    this.repo = new MailingsRepo(deps.store.sqlite);
    followOutbox(deps.store.sqlite);
    deps.events.subscribe((event, payload) => {
      if (event === 'store.changed') this.outboxChanged(payload as EventPayload<'store.changed'>);
    });
  }

  start(): void {
    this.started = true;
    // Copies a crash left half-built are settled before anything new is built (never a second copy).
    this.repo.reclaimInterrupted();
    for (const m of this.repo.unfinished()) this.progress(m.id);
    this.poke();
  }

  /** Something may be due now (a mailing created or resumed): look at once rather than at the next timer. */
  poke(): void {
    if (!this.started) return;
    if (this.ticking) {
      this.again = true;
      return;
    }
    this.cancelTimer?.();
    this.cancelTimer = null;
    this.ticking = this.tick()
      .catch((error: unknown) => console.error('Facteur mailings: the scheduler failed:', error))
      .finally(() => {
        this.ticking = null;
        if (this.again) {
          this.again = false;
          this.poke();
        }
      });
  }

  /** Stops after the copy being built; waiting recipients wait in the store for the next start. */
  async stop(): Promise<void> {
    this.started = false;
    this.cancelTimer?.();
    this.cancelTimer = null;
    await this.ticking;
  }

  /**
   * Emits the mailing's progress when it moved, and marks it done once nobody is waiting and no copy is still in
   * the outbox.
   */
  progress(id: number): void {
    const counts = this.repo.counts([id]).get(id);
    let row: MailingRow;
    try {
      row = this.repo.row(id);
    } catch {
      this.lastProgress.delete(id); // its account was removed, and the mailing with it
      return;
    }
    if (!counts) return;
    let state = row.state;
    if ((state === 'running' || state === 'paused') && counts.waiting === 0 && counts.queued === 0) {
      state = 'done';
      this.repo.setState(id, state);
      this.repo.releaseFiles(id);
    }
    const payload = { id, state, queued: counts.queued, sent: counts.sent, skipped: counts.skipped, failed: counts.failed, total: counts.total };
    const key = JSON.stringify(payload);
    if (this.lastProgress.get(id) === key) return;
    this.lastProgress.set(id, key);
    this.deps.events.emit('mailing.progress', payload);
  }

  private outboxChanged(change: EventPayload<'store.changed'>): void {
    if (change.table !== 'outbox') return;
    // A copy the server filed in Sent is deleted with its outbox row, so its mailing is found among the unfinished.
    const ids = new Set([...this.repo.mailingsOfMessages(change.ids), ...this.repo.unfinished().map((m) => m.id)]);
    for (const id of ids) this.progress(id);
  }

  private async tick(): Promise<void> {
    while (this.started) {
      const now = this.clock.now();
      // The oldest running mailing of each account with someone waiting.
      const served = new Map<number, MailingRow>();
      for (const m of this.repo.runnable()) if (!served.has(m.account_id)) served.set(m.account_id, m);
      let nextAt = Infinity;
      let handed = false;
      for (const mailing of served.values()) {
        const gate = this.repo.accountGate(mailing.account_id);
        if (gate > now) {
          nextAt = Math.min(nextAt, gate);
          continue;
        }
        if (await this.handOne(mailing.id, now)) handed = true;
        if (!this.started) return;
      }
      if (!handed) {
        if (nextAt !== Infinity) this.cancelTimer = this.clock.after(nextAt - now, () => this.poke());
        return;
      }
    }
  }

  /** Builds and queues the next recipient's copy; false when the mailing no longer runs. */
  private async handOne(mailingId: number, now: number): Promise<boolean> {
    let mailing: MailingRow;
    try {
      mailing = this.repo.row(mailingId); // read again: it may have been paused while another copy was built
    } catch {
      return false;
    }
    if (mailing.state !== 'running') return false;
    const recipient = this.repo.claimNext(mailing, now);
    if (!recipient) return false;
    try {
      const messageId = await sendCopy(this.deps, mailing, recipient, mailing.agent_id ?? this.defaultAgentId(), new Date(now));
      this.repo.attach(mailing.id, recipient.position, messageId);
    } catch (error) {
      console.error(`Facteur mailings: the copy of mailing ${mailing.id} for ${recipient.address} could not be queued:`, error);
      this.repo.fail(mailing.id, recipient.position);
    }
    this.progress(mailing.id);
    return true;
  }

  private defaultAgentId(): number {
    return (cached(this.deps.store.sqlite, 'SELECT id FROM agents WHERE is_default = 1 ORDER BY id LIMIT 1').get() as { id: number }).id;
  }
}
