import type { ImapFlow } from 'imapflow';
import type { SyncDeps } from './account-sync.js';
import { connectImap } from './account-sync.js';

/**
 * A second connection that sits in IDLE on the Inbox (RFC 2177) and calls `onChange` when the server reports new
 * or removed mail or changed flags. imapflow re-issues IDLE before `maxIdleTime` (25 min, under the 29-minute
 * limit servers may enforce). Resolves when the connection ends, for the worker to reconnect.
 */
export async function watchInbox(deps: SyncDeps, accountId: number, onChange: () => void, signal: AbortSignal): Promise<void> {
  let client: ImapFlow | undefined;
  try {
    client = await connectImap(deps, accountId);
    if (signal.aborted) return;
    const c = client;
    const stop = () => void c.logout().catch(() => c.close());
    signal.addEventListener('abort', stop, { once: true });
    await c.mailboxOpen('INBOX', { readOnly: true });
    c.on('exists', onChange);
    c.on('expunge', onChange);
    c.on('flags', onChange);
    const closed = new Promise<void>((resolve) => c.once('close', () => resolve()));
    while (c.usable && !signal.aborted) await c.idle();
    await closed;
    signal.removeEventListener('abort', stop);
  } finally {
    client?.close();
  }
}
