import type { ImapFlow } from 'imapflow';

const IDLE_CLOSE_MS = 5 * 60_000;

/**
 * One authenticated IMAP connection per account kept between passes: a pass on an unchanged mailbox then costs
 * a LIST and a SELECT per folder instead of a TCP + TLS handshake and a login. Closed after five quiet minutes,
 * after any error, and when the engine stops.
 */
export class ImapConnections {
  private readonly open = new Map<number, { client: ImapFlow; timer: NodeJS.Timeout | null }>();

  constructor(private readonly connect: (accountId: number) => Promise<ImapFlow>) {}

  async acquire(accountId: number): Promise<ImapFlow> {
    const kept = this.open.get(accountId);
    if (kept) {
      if (kept.timer) clearTimeout(kept.timer);
      kept.timer = null;
      if (kept.client.usable && (await this.fresh(kept.client))) return kept.client;
      this.drop(accountId);
    }
    const client = await this.connect(accountId);
    this.open.set(accountId, { client, timer: null });
    return client;
  }

  /**
   * A kept connection is proven alive with a NOOP (the server may have closed it, e.g. when another client deleted
   * the mailbox it had selected), and unselected: STATUS, which LIST-STATUS is, may answer from the session's stale
   * view of the selected mailbox (RFC 9051 §6.3.11).
   */
  private async fresh(client: ImapFlow): Promise<boolean> {
    try {
      await client.noop();
      if (client.mailbox) await unselect(client);
      return client.usable;
    } catch {
      return false;
    }
  }

  /** Back after a pass: kept for the next one, or closed if the pass failed (its state is then unknown). */
  release(accountId: number, failed: boolean): void {
    const kept = this.open.get(accountId);
    if (!kept) return;
    if (failed || !kept.client.usable) return this.drop(accountId);
    kept.timer = setTimeout(() => this.drop(accountId), IDLE_CLOSE_MS);
    kept.timer.unref();
  }

  drop(accountId: number): void {
    const kept = this.open.get(accountId);
    if (!kept) return;
    this.open.delete(accountId);
    if (kept.timer) clearTimeout(kept.timer);
    void kept.client.logout().catch(() => kept.client.close());
  }

  async closeAll(): Promise<void> {
    const clients = [...this.open.values()].map((k) => k.client);
    for (const id of [...this.open.keys()]) {
      const kept = this.open.get(id)!;
      if (kept.timer) clearTimeout(kept.timer);
    }
    this.open.clear();
    await Promise.allSettled(clients.map((c) => c.logout().catch(() => c.close())));
  }
}

/**
 * UNSELECT (RFC 3691), not CLOSE: CLOSE would expunge messages another client flagged \Deleted but chose to
 * keep, and makes the server settle the whole mailbox first. imapflow's CLOSE command takes the option.
 */
async function unselect(client: ImapFlow): Promise<void> {
  await (client as unknown as { run(command: string, options: { unselect: boolean }): Promise<unknown> }).run('CLOSE', { unselect: true });
}
