import type { Result } from '../../../src-shared/contract/errors.js';

/**
 * What the preload exposes to the page as `window.facteur`. The renderer declares the same shape on its side (it
 * may not import from src-main); keep the two identical. Commands and events are the contract's: the page builds
 * its typed client (src-shared/contract/client.ts) on top of this transport.
 */
export interface FacteurBridge {
  /** Sends a contract command to the engine. Always resolves; failures come back as `{ ok: false, error }`. */
  invoke(name: string, input: unknown): Promise<Result<unknown>>;
  /** Every engine event, as `(event name, payload)`. Returns the function that stops listening. */
  on(listener: (event: string, payload: unknown) => void): () => void;
  /** Where a file dropped on the page lives on disk, so a dropped PST is imported in place rather than uploaded. */
  pathForFile(file: File): string;
}

/**
 * The one IPC message main sends to a page: a MessagePort to the engine. The preload cannot import a value from
 * here (a sandboxed preload can require only 'electron'), so both sides type their constant with this literal and
 * the compiler keeps them equal.
 */
export type PortChannel = 'facteur:port';

/** The global name the bridge is exposed under. Same reason as PortChannel for being a type. */
export type BridgeKey = 'facteur';
