import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { RequestFrame, type EventFrame, type ResponseFrame } from '../../../src-shared/contract/wire.js';
import type { Engine } from '../../engine/engine.js';
import { send, serveStatic } from './static-files.js';

export interface WebHostOptions {
  engine: Engine;
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
}

export interface WebHost {
  /** The address to open, token included (in the fragment, so it is never sent in a request line or logged). */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Base64 ingest of a large message must fit; anything bigger is refused by ws before it is buffered. */
const MAX_FRAME_BYTES = 96 * 1024 * 1024;

/**
 * The web host: serves the built renderer and carries the contract over a WebSocket, on 127.0.0.1 only. A random
 * per-launch token, an Origin check and a Host check keep other local users' pages and DNS-rebinding sites out.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { engine, rendererDir } = options;
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`The app's screens are not built (${rendererDir} has no index.html); run "npm run build" first.`);
  }
  const token = randomBytes(24).toString('base64url');
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const server = createServer((req, res) => {
    if (!allowedHosts().has(req.headers.host ?? '')) return send(res, 403, 'Forbidden host');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    void serveStatic(rendererDir, req.url ?? '/', res, port);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  server.on('upgrade', (req, socket, head) => {
    if (!authorised(req, token, allowedHosts())) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => bridge(ws, engine));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function authorised(req: IncomingMessage, token: string, hosts: Set<string>): boolean {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname !== '/ws') return false;
  if (!hosts.has(req.headers.host ?? '')) return false;
  const origin = req.headers.origin;
  if (!origin || !hosts.has(origin.replace(/^http:\/\//, ''))) return false;
  const given = Buffer.from(url.searchParams.get('token') ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** One connection: every request runs as the engine's default agent until agents sign in (a later issue). */
function bridge(ws: WebSocket, engine: Engine): void {
  const unsubscribe = engine.subscribe((event, payload) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event, payload } satisfies EventFrame));
  });
  ws.on('close', unsubscribe);
  ws.on('message', (data) => {
    let frame: RequestFrame;
    try {
      frame = RequestFrame.parse(JSON.parse(String(data)));
    } catch {
      ws.close(1003, 'Frames must be {id, command, input} JSON');
      return;
    }
    void engine.handle({ agentId: engine.defaultAgentId }, frame.command, frame.input).then((result) => {
      if (ws.readyState !== ws.OPEN) return;
      const response: ResponseFrame = result.ok ? { id: frame.id, ok: true, value: result.value } : { id: frame.id, ok: false, error: result.error };
      ws.send(JSON.stringify(response));
    });
  });
}
