import { describe, expect, it } from 'vitest';
import { createClient } from '../../src-shared/contract/client.js';
import { openTestEngine } from '../helpers/engine.js';
import { TINY_PNG } from '../helpers/mail.js';
import { tempDir } from '../helpers/temp.js';

const server = (user: string) => ({ host: '127.0.0.1', port: 1100, security: 'starttls' as const, username: user });
const settings = (user: string) => ({ incoming: { ...server(user), protocol: 'pop3' as const }, outgoing: { ...server(user), port: 5870 } });

describe('signatures', () => {
  it('keeps each account\'s signature (formatting and pictures, never script) and where it goes, and the composer uses it', async () => {
    const data = tempDir();
    let t = await openTestEngine(data);
    const account = await t.api.accounts.add({ email: 'helene@facteur.test', name: 'Hélène Moreau', settings: settings('helene'), password: 'x' });
    expect(await t.api.signatures.get({ accountId: account.id })).toEqual({ accountId: account.id, html: '', position: 'above-quote' });

    const logo = `data:image/png;base64,${TINY_PNG.toString('base64')}`;
    const typed = `<p><b>Hélène Moreau</b> — Façade &amp; Fils</p><p><img src="${logo}" alt="Façade" onerror="alert(1)"><script>alert(2)</script></p><p><a href="javascript:alert(3)">site</a> <a href="https://facade.example">facade.example</a></p>`;
    const saved = await t.api.signatures.set({ accountId: account.id, html: typed, position: 'below-quote' });
    expect(saved.position).toBe('below-quote');
    expect(saved.html).toContain('<b>Hélène Moreau</b> — Façade &amp; Fils');
    expect(saved.html).toContain(`src="${logo}"`);
    expect(saved.html).toContain('href="https://facade.example"');
    expect(saved.html).not.toMatch(/script|onerror|javascript:/i);
    await t.engine.close();

    t = await openTestEngine(data);
    expect(await t.api.signatures.get({ accountId: account.id })).toEqual(saved);
    const started = await t.api.compose.start({});
    expect(started).toMatchObject({ signatureHtml: saved.html, signaturePosition: 'below-quote' });
    // Emptied, the account has no signature again.
    expect(await t.api.signatures.set({ accountId: account.id, html: ' ', position: 'above-quote' })).toEqual({ accountId: account.id, html: '', position: 'above-quote' });
    await t.engine.close();
  });

  it('is read and written only by agents who may write from the account', async () => {
    const t = await openTestEngine();
    const colleague = await t.api.agents.create({ name: 'Mihai Stan', email: null });
    const mine = await t.api.accounts.add({ email: 'direction@facteur.test', settings: settings('direction'), password: 'x', agentIds: [t.engine.defaultAgentId] });
    const other = createClient(t.engine.transport(colleague.id)).api;
    await expect(other.signatures.get({ accountId: mine.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(other.signatures.set({ accountId: mine.id, html: '<p>Mihai</p>', position: 'above-quote' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(t.api.signatures.get({ accountId: 999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await t.engine.close();
  });
});
