import WebSocket from 'ws';
import { createClient, type Client } from '../../src-shared/contract/client.js';
import type { Result } from '../../src-shared/contract/errors.js';
import type { RunningApp } from './app-server.js';

/** A second client of a running app, over the same WebSocket the browser uses: changes made here reach the page live. */
export async function connectClient(app: RunningApp): Promise<{ client: Client; close(): void }> {
  const ws = new WebSocket(`${app.origin.replace('http', 'ws')}/ws?token=${app.token}`, { origin: app.origin });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let next = 1;
  const pending = new Map<number, (r: Result<unknown>) => void>();
  const listeners = new Set<(event: string, payload: unknown) => void>();
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data)) as { id?: number; event?: string; payload?: unknown } & Result<unknown>;
    if (frame.event) for (const l of listeners) l(frame.event, frame.payload);
    else if (frame.id !== undefined) pending.get(frame.id)?.(frame);
  });
  const client = createClient({
    request: (command, input) =>
      new Promise((resolve) => {
        const id = next++;
        pending.set(id, resolve);
        ws.send(JSON.stringify({ id, command, input }));
      }),
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  });
  return { client, close: () => ws.close() };
}
