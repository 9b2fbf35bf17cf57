// The sandboxed preload (CommonJS: a sandboxed preload is not an ES module and may require only 'electron').
// It gives the page one narrow, typed door to the engine and nothing else: no ipcRenderer, no port, no Node
// (Electron security checklist #3, #4, #20). Type imports erase, so nothing but 'electron' is required at runtime.
// `import … = require` is how a CommonJS file imports under verbatimModuleSyntax (an ES import is an error here).
// eslint-disable-next-line @typescript-eslint/no-require-imports
import electron = require('electron');
import type { ErrorCode, Result } from '../../../src-shared/contract/errors.js';
import type { RequestFrame } from '../../../src-shared/contract/wire.js';
import type { BridgeKey, FacteurBridge, PortChannel } from './preload-api.js';

const { contextBridge, ipcRenderer } = electron;
const PORT_CHANNEL: PortChannel = 'facteur:port';
const BRIDGE_KEY: BridgeKey = 'facteur';
// The contract's names are `domain.verbObject`; anything else is refused before it leaves the page.
const COMMAND_NAME = /^[a-z]+\.[a-zA-Z]+$/;

type Listener = (event: string, payload: unknown) => void;
interface Pending {
  resolve: (result: Result<unknown>) => void;
  /** Still to be sent (no port yet); null once posted. */
  frame: RequestFrame | null;
}

/** The engine port in use: what `ipcRenderer.on` hands us (a DOM MessagePort), reduced to what we touch. */
interface EnginePort {
  onmessage: ((event: { data: unknown }) => void) | null;
  postMessage(message: unknown): void;
  close(): void;
}

let port: EnginePort | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();
const listeners = new Set<Listener>();

function failure(code: ErrorCode, message: string): Result<unknown> {
  return { ok: false, error: { code, message } };
}

function send(id: number, entry: Pending): void {
  if (!port || !entry.frame) return;
  const frame = entry.frame;
  try {
    port.postMessage(frame);
    entry.frame = null;
  } catch (error) {
    // Structured clone refused the input (a function, a DOM node…): answer now rather than never.
    pending.delete(id);
    entry.resolve(failure('INVALID_INPUT', `The input for ${frame.command} cannot be sent to Facteur: ${(error as Error).message}`));
  }
}

function receive(data: unknown): void {
  if (typeof data !== 'object' || data === null) return;
  const frame = data as { id?: unknown; ok?: unknown; value?: unknown; error?: unknown; event?: unknown; payload?: unknown };
  if (typeof frame.id === 'number') {
    const entry = pending.get(frame.id);
    if (!entry) return;
    pending.delete(frame.id);
    if (frame.ok === true) entry.resolve({ ok: true, value: frame.value });
    else if (typeof frame.error === 'object' && frame.error !== null) entry.resolve({ ok: false, error: frame.error as Extract<Result<unknown>, { ok: false }>['error'] });
    else entry.resolve(failure('INTERNAL', 'Facteur sent an answer this window does not understand.'));
    return;
  }
  if (typeof frame.event !== 'string') return;
  for (const listener of [...listeners]) {
    try {
      listener(frame.event, frame.payload);
    } catch (error) {
      console.error(`Facteur: a listener for ${frame.event} failed:`, error);
    }
  }
}

// Main sends a port after every page load and again whenever the engine restarts. Only main can send on this
// channel (ipcRenderer.sendTo between renderers was removed in Electron 28), so the sender needs no check.
ipcRenderer.on(PORT_CHANNEL, (event) => {
  const next = event.ports[0] as unknown as EnginePort | undefined;
  if (!next) return;
  if (port) {
    port.onmessage = null;
    port.close();
  }
  // Requests already posted to the old engine will never be answered. They are not replayed: a command may
  // have changed mail state before the crash, and doing it twice is worse than asking the user to retry.
  for (const [id, entry] of pending) {
    if (entry.frame) continue;
    pending.delete(id);
    entry.resolve(failure('UNAVAILABLE', 'Facteur restarted its engine before answering; try again.'));
  }
  port = next;
  // Assigning onmessage also starts the port (HTML "message ports", implicit start()).
  port.onmessage = (message) => receive(message.data);
  for (const [id, entry] of pending) send(id, entry);
});

const bridge: FacteurBridge = {
  invoke(name, input) {
    if (typeof name !== 'string' || !COMMAND_NAME.test(name)) {
      const shown = typeof name === 'string' ? name.slice(0, 100) : typeof name;
      return Promise.resolve(failure('UNKNOWN_COMMAND', `"${shown}" is not a Facteur command.`));
    }
    return new Promise((resolve) => {
      const id = nextId++;
      const entry: Pending = { resolve, frame: { id, command: name, input } };
      pending.set(id, entry);
      send(id, entry); // without a port yet, it waits in `pending` and goes out when the port arrives
    });
  },
  pathForFile(file) {
    return electron.webUtils.getPathForFile(file);
  },
  on(listener) {
    if (typeof listener !== 'function') throw new TypeError('facteur.on expects a function.');
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
