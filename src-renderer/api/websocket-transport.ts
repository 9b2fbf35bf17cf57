import { ServerFrame, type RequestFrame, type Result } from '../../src-shared/contract/index.js';
import { unavailable, type ConnectionState, type EngineTransport } from './connection.js';

type Settle = (result: Result<unknown>) => void;

const BACKOFF_FIRST_MS = 500;
const BACKOFF_CAP_MS = 10_000;

/**
 * The contract over one WebSocket (the web host's `/ws`). Requests made before the socket opens wait in a queue;
 * requests already sent when it closes fail with UNAVAILABLE, since their answers are lost with the socket and
 * replaying a command could apply it twice.
 */
export function webSocketTransport(url: string): EngineTransport {
  let socket: WebSocket | null = null;
  let state: ConnectionState = 'connecting';
  let attempt = 0;
  let nextId = 1;
  const waiting: { frame: RequestFrame; settle: Settle }[] = [];
  const sent = new Map<number, Settle>();
  const eventListeners = new Set<(event: string, payload: unknown) => void>();
  const stateListeners = new Set<(state: ConnectionState) => void>();

  function setState(next: ConnectionState): void {
    if (next === state) return;
    state = next;
    for (const listener of stateListeners) listener(next);
  }

  function send(ws: WebSocket, frame: RequestFrame, settle: Settle): void {
    sent.set(frame.id, settle);
    ws.send(JSON.stringify(frame));
  }

  function receive(data: unknown): void {
    let parsed: ReturnType<typeof ServerFrame.safeParse>;
    try {
      parsed = ServerFrame.safeParse(JSON.parse(String(data)));
    } catch {
      console.warn('Ignoring a frame that is not JSON');
      return;
    }
    if (!parsed.success) {
      console.warn('Ignoring a frame outside the contract', parsed.error);
      return;
    }
    const frame = parsed.data;
    if ('event' in frame) {
      for (const listener of eventListeners) listener(frame.event, frame.payload);
      return;
    }
    const settle = sent.get(frame.id);
    if (!settle) return;
    sent.delete(frame.id);
    settle(frame.ok ? { ok: true, value: frame.value } : { ok: false, error: frame.error });
  }

  function connect(): void {
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      setState('open');
      for (const { frame, settle } of waiting.splice(0)) send(ws, frame, settle);
    };
    ws.onmessage = (event) => receive(event.data);
    // 'error' is always followed by 'close', so reconnecting is handled once, there.
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      const lost = [...sent.values()];
      sent.clear();
      for (const settle of lost) settle(unavailable('The connection to the engine was lost.'));
      setState('reconnecting');
      const delay = Math.min(BACKOFF_CAP_MS, BACKOFF_FIRST_MS * 2 ** attempt);
      attempt += 1;
      // Jitter keeps several tabs from knocking on a restarted host in lockstep.
      setTimeout(connect, delay * (0.5 + Math.random() / 2));
    };
  }

  connect();

  return {
    request(command, input) {
      return new Promise((settle) => {
        const frame: RequestFrame = { id: nextId++, command, input };
        if (socket && socket.readyState === WebSocket.OPEN) send(socket, frame, settle);
        else waiting.push({ frame, settle });
      });
    },
    subscribe(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    state: () => state,
    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
  };
}
