import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startWebHost, type WebHost } from '../../src-main/hosts/web/server.js';
import { openTestEngine } from '../helpers/engine.js';
import { simpleMessage } from '../helpers/mail.js';
import { tempDir } from '../helpers/temp.js';

let host: WebHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

async function start() {
  const t = await openTestEngine();
  const renderer = tempDir();
  mkdirSync(join(renderer, 'assets'));
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Facteur</title>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(tempDir(), 'secret.txt'), 'not for you');
  host = await startWebHost({ engine: t.engine, rendererDir: renderer });
  const token = new URL(host.url).hash.replace('#token=', '');
  return { ...t, port: host.port, token };
}

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Resolves with 'open' or the HTTP status the upgrade was refused with. */
function connect(port: number, path: string, origin: string): Promise<{ outcome: 'open' | number; ws: WebSocket }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`, { origin });
    ws.once('open', () => resolve({ outcome: 'open', ws }));
    ws.once('unexpected-response', (_req, res) => resolve({ outcome: res.statusCode ?? 0, ws }));
    ws.once('error', () => undefined);
  });
}

describe('the web host', () => {
  it('listens on 127.0.0.1 only and prints an address carrying its token in the fragment', async () => {
    const { port, token } = await start();
    expect(host!.url).toBe(`http://127.0.0.1:${port}/#token=${token}`);
    expect(token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves the renderer with a strict CSP and refuses paths outside it and foreign Host headers', async () => {
    const { port } = await start();
    const index = await get(port, '/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>Facteur</title>');
    expect(index.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect((await get(port, '/assets/app.js')).status).toBe(200);
    expect((await get(port, '/../secret.txt')).status).not.toBe(200);
    expect((await get(port, '/%2e%2e/%2e%2e/etc/passwd')).status).toBe(403);
    // DNS rebinding: a page on evil.example resolving to 127.0.0.1 sends its own Host.
    expect((await get(port, '/', { host: `evil.example:${port}` })).status).toBe(403);
  });

  it('carries the contract over a WebSocket only with the token and from its own origin', async () => {
    const { port, token } = await start();
    const own = `http://127.0.0.1:${port}`;
    expect((await connect(port, '/ws?token=wrong', own)).outcome).toBe(403);
    expect((await connect(port, `/ws?token=${token}`, 'http://evil.example')).outcome).toBe(403);
    const { outcome, ws } = await connect(port, `/ws?token=${token}`, own);
    expect(outcome).toBe('open');

    const replies: unknown[] = [];
    ws.on('message', (d) => replies.push(JSON.parse(String(d))));
    ws.send(JSON.stringify({ id: 1, command: 'app.info', input: {} }));
    ws.send(JSON.stringify({ id: 2, command: 'no.such', input: {} }));
    ws.send(JSON.stringify({ id: 3, command: 'messages.ingest', input: { raw: simpleMessage(1).toString('base64') } }));
    await expect.poll(() => replies.length, { timeout: 5000 }).toBeGreaterThanOrEqual(5);
    expect(replies).toEqual(
      expect.arrayContaining([
        { id: 1, ok: true, value: expect.objectContaining({ name: 'Facteur' }) },
        { id: 2, ok: false, error: expect.objectContaining({ code: 'UNKNOWN_COMMAND' }) },
        { id: 3, ok: true, value: expect.objectContaining({ duplicate: false }) },
        { event: 'store.changed', payload: { table: 'messages', ids: [expect.any(Number)] } },
        { event: 'store.changed', payload: { table: 'folders', ids: [expect.any(Number)] } },
      ]),
    );
    ws.close();
  });
});
