import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type Dovecot } from '../helpers/dovecot.js';
import { openTestEngine } from '../helpers/engine.js';
import { accountFolder, imapSettings, otherClient, PASSWORD } from '../helpers/mail-accounts.js';
import { simpleMessage } from '../helpers/mail.js';
import { startTcpProxy } from '../helpers/tcp-proxy.js';

let dovecot: Dovecot;
beforeAll(async () => {
  dovecot = await startDovecot();
});
afterAll(async () => dovecot?.stop());

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('IMAP sync when things go wrong, and when mail arrives', () => {
  it('resumes after the connection is cut mid-fetch, with nothing lost or duplicated', async () => {
    const other = await otherClient(dovecot, 'alice');
    for (let n = 0; n < 120; n++) await other.append('INBOX', simpleMessage(n, n % 5 === 0 ? { attachmentBytes: 40_000 } : {}));
    const onServer = new Map<string, string>();
    await other.mailboxOpen('INBOX');
    for await (const m of other.fetch('1:*', { envelope: true, source: true })) onServer.set(m.envelope!.messageId!, sha(m.source!));
    await other.logout();

    const proxy = await startTcpProxy(dovecot.imapPort);
    const { api, engine } = await openTestEngine();
    const settings = imapSettings(dovecot, 'alice');
    settings.incoming.port = proxy.port;
    const account = await api.accounts.add({ email: 'alice@facteur.test', settings, password: PASSWORD });
    proxy.cutAfter(600_000);
    const [cut] = (await api.sync.run({ accountId: account.id })).accounts;
    expect(proxy.cuts).toBe(1);
    expect(cut!.error).not.toBeNull();
    const partial = (await accountFolder(api, account.id, 'INBOX')).total;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(120);

    const [resumed] = (await api.sync.run({ accountId: account.id })).accounts;
    expect(resumed!.error).toBeNull();
    const inbox = await accountFolder(api, account.id, 'INBOX');
    expect(inbox.total).toBe(120);
    const local = new Map<string, string>();
    for (const m of (await api.messages.list({ folderId: inbox.id, limit: 1000 })).items) {
      const detail = await api.messages.get({ id: m.id });
      const raw = Buffer.from((await api.messages.source({ id: m.id })).raw, 'base64');
      expect(local.has(`<${detail.messageId}>`)).toBe(false);
      local.set(`<${detail.messageId}>`, sha(raw));
    }
    expect(local).toEqual(onServer);
    await engine.close();
    await proxy.stop();
  });

  it('can be cancelled mid-download, keeping what arrived, and resumes later', async () => {
    const other = await otherClient(dovecot, 'carol');
    for (let n = 0; n < 150; n++) await other.append('INBOX', simpleMessage(n, { attachmentBytes: 20_000 }));
    await other.logout();
    const { api, client, engine } = await openTestEngine();
    const account = await api.accounts.add({ email: 'carol@facteur.test', settings: imapSettings(dovecot, 'carol'), password: PASSWORD });
    let cancelled = false;
    client.on('sync.progress', (p) => {
      if (!cancelled && p.phase === 'messages' && p.done >= 20) {
        cancelled = true;
        void api.sync.cancel({ accountId: account.id });
      }
    });
    const [stopped] = (await api.sync.run({ accountId: account.id })).accounts;
    expect(stopped!.error).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/cancelled/) });
    const partial = (await accountFolder(api, account.id, 'INBOX')).total;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(150);
    const [resumed] = (await api.sync.run({ accountId: account.id })).accounts;
    expect(resumed!.error).toBeNull();
    expect((await accountFolder(api, account.id, 'INBOX')).total).toBe(150);
    await engine.close();
  });

  it('shows new mail within seconds through IDLE, without anyone asking', async () => {
    const { api, engine } = await openTestEngine(undefined, { background: true });
    const account = await api.accounts.add({ email: 'bob@facteur.test', settings: imapSettings(dovecot, 'bob'), password: PASSWORD });
    await expect.poll(async () => (await api.folders.tree()).folders.some((f) => f.accountId === account.id && f.kind === 'inbox'), { timeout: 10_000 }).toBe(true);
    // Give the watcher time to enter IDLE, then deliver.
    await new Promise((r) => setTimeout(r, 1500));
    const started = Date.now();
    const other = await otherClient(dovecot, 'bob');
    await other.append('INBOX', simpleMessage(42));
    await other.logout();
    await expect.poll(async () => (await accountFolder(api, account.id, 'INBOX')).total, { timeout: 10_000, interval: 100 }).toBe(1);
    // Far sooner than the 300 s refresh interval: the server told us.
    expect(Date.now() - started).toBeLessThan(8000);
    await engine.close();
  });
});
