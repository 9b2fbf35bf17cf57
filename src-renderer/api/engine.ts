import { createClient, type Client } from '../../src-shared/contract/client.js';
import type { EngineTransport } from './connection.js';
import { electronTransport } from './electron-transport.js';
import { takeSessionToken, webSocketUrl } from './token.js';
import { webSocketTransport } from './websocket-transport.js';

export interface Engine {
  readonly client: Client;
  readonly transport: EngineTransport;
}

let current: Engine | null = null;

/** Electron when the preload exposed its bridge, otherwise the web host's WebSocket next to this page. */
export function startEngine(): Engine {
  if (current) return current;
  const transport = window.facteur
    ? electronTransport(window.facteur)
    : webSocketTransport(webSocketUrl(takeSessionToken()));
  current = { client: createClient(transport), transport };
  return current;
}

export function engine(): Engine {
  if (!current) throw new Error('startEngine() must run before the stores are used');
  return current;
}
