import type { MessagePortMain } from 'electron';
import { ErrorCode, RequestFrame, type EventFrame, type ResponseFrame, type Result } from '../../../src-shared/contract/index.js';
import { defaultDataDir } from '../../engine/data-dir.js';
import { startEngine, type Engine } from '../../engine/engine.js';
import { MainToEngine } from './engine-messages.js';
import { parentShell } from './parent-shell.js';

/**
 * The engine's home inside Electron: a utilityProcess forked by main. It owns the store (the one writer), so a
 * crash here costs a restart, not the window. Renderers reach it only through MessagePorts main hands over;
 * this process never talks to a renderer it was not introduced to.
 */

const parent = process.parentPort;
const bridge = parentShell(parent);
const dataDir = process.env.FACTEUR_DATA || defaultDataDir();
// An Electron-ABI build of better-sqlite3: node_modules holds the Node build, which Electron cannot load
// (toolchain.md §8). Main passes its path: launch.ts's build from a checkout, resources/native in a package.
const nativeBinding = process.env.FACTEUR_SQLITE_BINDING || undefined;

const engineReady: Promise<Engine> = startEngine({ dataDir, host: 'electron', shell: bridge.shell, nativeBinding, background: true });
let engine: Engine | null = null;
let startupFailure: Result<never> | null = null;
engineReady.then(
  (started) => {
    engine = started;
  },
  (error: unknown) => {
    // Stay up and answer every request with the reason (a store from a newer Facteur, a damaged file…): exiting
    // would only make main restart us into the same failure and hide the message behind a crash dialog.
    startupFailure = asFailure(error, 'UNAVAILABLE', 'Facteur could not open its data folder');
    console.error(`Facteur engine: start failed in ${dataDir}:`, error);
  },
);

parent.on('message', (event) => {
  const parsed = MainToEngine.safeParse(event.data);
  if (!parsed.success) {
    console.error('Facteur engine: ignored a malformed message from main.');
    return;
  }
  const message = parsed.data;
  switch (message.type) {
    case 'init':
      bridge.setSecretsKind(message.secretsKind);
      return;
    case 'engine-port':
      for (const port of event.ports) serve(port);
      return;
    case 'reply':
      bridge.answer(message);
      return;
    case 'shutdown':
      void shutdown();
      return;
  }
});

/** One renderer connection: requests in, responses and every engine event out, until the renderer goes away. */
function serve(port: MessagePortMain): void {
  let unsubscribe: (() => void) | null = null;
  let closed = false;
  port.on('message', (event) => void answer(port, event.data));
  port.on('close', () => {
    closed = true;
    unsubscribe?.();
  });
  port.start();
  engineReady.then(
    (started) => {
      if (closed) return;
      unsubscribe = started.subscribe((name, payload) => post(port, { event: name, payload } satisfies EventFrame));
    },
    () => {
      // Nothing to forward: requests on this port are answered with the startup failure.
    },
  );
}

async function answer(port: MessagePortMain, data: unknown): Promise<void> {
  const frame = RequestFrame.safeParse(data);
  if (!frame.success) {
    const id = (data as { id?: unknown } | null)?.id;
    if (typeof id === 'number' && Number.isInteger(id) && id >= 0) {
      respond(port, id, { ok: false, error: { code: 'INVALID_INPUT', message: 'Facteur received a malformed request.' } });
    }
    return;
  }
  const { id, command, input } = frame.data;
  let result: Result<unknown>;
  try {
    const ready = engine ?? (await engineReady);
    result = await ready.handle({ agentId: ready.defaultAgentId }, command, input);
  } catch (error) {
    result = startupFailure ?? asFailure(error, 'INTERNAL', `Facteur could not run ${command}`);
  }
  respond(port, id, result);
}

function respond(port: MessagePortMain, id: number, result: Result<unknown>): void {
  const frame: ResponseFrame = result.ok ? { id, ok: true, value: result.value } : { id, ok: false, error: result.error };
  if (post(port, frame)) return;
  // The value held something structured clone refuses (a function, a class with private state): say so rather
  // than leave the caller waiting forever.
  post(port, { id, ok: false, error: { code: 'INTERNAL', message: 'Facteur produced an answer it could not send to the window.' } } satisfies ResponseFrame);
}

function post(port: MessagePortMain, frame: ResponseFrame | EventFrame): boolean {
  try {
    port.postMessage(frame);
    return true;
  } catch (error) {
    console.error('Facteur engine: could not post a frame:', error);
    return false;
  }
}

function asFailure(error: unknown, fallback: ErrorCode, what: string): Result<never> {
  // EngineError carries a contract code; anything else is reported with the fallback code and its message.
  const code = ErrorCode.safeParse((error as { code?: unknown } | null)?.code);
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, error: { code: code.success ? code.data : fallback, message: code.success ? message : `${what}: ${message}` } };
}

let shuttingDown = false;
async function shutdown(): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  try {
    // close() flushes coalesced events and closes SQLite, which checkpoints the WAL.
    await (await engineReady).close();
  } catch {
    // A failed start has nothing to close.
  }
  process.exit(0);
}
