import { describe, expect, it } from 'vitest';
import { ContractError } from '../../src-shared/contract/errors.js';
import { openTestEngine } from '../helpers/engine.js';
import { simpleMessage } from '../helpers/mail.js';
import { migrationCount } from '../helpers/migrations.js';

describe("the engine's door", () => {
  it('refuses unknown commands and malformed input with stable codes', async () => {
    const { engine } = await openTestEngine();
    const ctx = { agentId: engine.defaultAgentId };
    expect(await engine.handle(ctx, 'messages.explode', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
    const bad = await engine.handle(ctx, 'messages.list', { folderId: 'inbox', limit: 5000 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('folderId') } });
    expect(await engine.handle({ agentId: 999 }, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await engine.close();
  });

  it('answers app.info and creates a default agent on first start', async () => {
    const { api, engine, dataDir } = await openTestEngine();
    const info = await api.app.info();
    expect(info).toMatchObject({ name: 'Facteur', dataDir, host: 'cli', schemaVersion: migrationCount() });
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
    const me = await api.agents.current();
    expect(me).toMatchObject({ isDefault: true, locale: null });
    expect((await api.agents.update({ id: me.id, locale: 'ro' })).locale).toBe('ro');
    await engine.close();
  });

  it('lets an agent change only its own profile', async () => {
    const { api, engine } = await openTestEngine();
    const other = await api.agents.create({ name: 'Ioana', email: 'ioana@facteur.test' });
    const error = await api.agents.update({ id: other.id, name: 'Someone else' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractError);
    expect(error).toMatchObject({ code: 'FORBIDDEN' });
    expect((await api.agents.list()).items.map((a) => a.name)).toEqual(expect.arrayContaining(['Facteur', 'Ioana']));
    await engine.close();
  });

  it('creates user folders at any depth, refusing a duplicate name among siblings', async () => {
    const { api, engine } = await openTestEngine();
    const customers = await api.folders.create({ parentId: null, name: 'Clients' });
    const acme = await api.folders.create({ parentId: customers.id, name: 'ACME' });
    const deep = await api.folders.create({ parentId: acme.id, name: 'Factures 2026' });
    expect(deep).toMatchObject({ kind: 'user', path: 'Local Folders/Clients/ACME/Factures 2026', parentId: acme.id });
    await expect(api.folders.create({ parentId: customers.id, name: 'ACME' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(api.folders.create({ parentId: null, name: 'a/b' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await engine.close();
  });

  it('announces changes as coalesced store.changed events carrying ids', async () => {
    const { api, client, engine } = await openTestEngine();
    const seen: Array<{ table: string; ids: number[] }> = [];
    client.on('store.changed', (p) => seen.push(p));
    const ids: number[] = [];
    for (let n = 0; n < 5; n++) ids.push((await api.messages.ingest({ raw: simpleMessage(n).toString('base64') })).id);
    await new Promise((r) => setTimeout(r, 250));
    const messageEvents = seen.filter((e) => e.table === 'messages');
    expect(messageEvents).toHaveLength(1);
    expect(messageEvents[0]!.ids.sort()).toEqual(ids.sort());
    expect(seen.filter((e) => e.table === 'folders')).toHaveLength(1);
    await engine.close();
  });

  it("remembers per agent which senders' remote content to load", async () => {
    const { api, engine } = await openTestEngine();
    const { id } = await api.messages.ingest({ raw: simpleMessage(1).toString('base64') });
    expect((await api.messages.get({ id })).remoteContentAllowed).toBe(false);
    expect(await api.senders.setRemoteContent({ address: ' Sender1@Example.TEST ', allowed: true })).toEqual({ address: 'sender1@example.test', allowed: true });
    expect((await api.messages.get({ id })).remoteContentAllowed).toBe(true);
    const colleague = await api.agents.create({ name: 'Ioana', email: null });
    const asColleague = (await import('../../src-shared/contract/client.js')).createClient(engine.transport(colleague.id)).api;
    expect((await asColleague.messages.get({ id })).remoteContentAllowed).toBe(false);
    await api.senders.setRemoteContent({ address: 'sender1@example.test', allowed: false });
    expect((await api.senders.remoteContent({ address: 'sender1@example.test' })).allowed).toBe(false);
    await engine.close();
  });

  it('marks messages read and counts unread per folder', async () => {
    const { api, engine } = await openTestEngine();
    const a = await api.messages.ingest({ raw: simpleMessage(1).toString('base64') });
    await api.messages.ingest({ raw: simpleMessage(2).toString('base64') });
    await api.messages.setFlags({ ids: [a.id], flags: { seen: true, flagged: true } });
    const inbox = (await api.folders.tree()).folders.find((f) => f.kind === 'inbox' && f.accountId === null)!;
    expect(inbox).toMatchObject({ total: 2, unread: 1 });
    const list = await api.messages.list({ folderId: inbox.id });
    expect(list.items.map((m) => [m.subject, m.flags.seen, m.flags.flagged])).toEqual([
      ['Message number 2', false, false],
      ['Message number 1', true, true],
    ]);
    await engine.close();
  });
});
