import type { Result } from '../../src-shared/contract/index.js';
import { unavailable, type EngineTransport } from './connection.js';

/** What the Electron preload exposes through contextBridge: two functions, never ipcRenderer itself. */
export interface FacteurBridge {
  invoke(name: string, input: unknown): Promise<Result<unknown>>;
  on(listener: (event: string, payload: unknown) => void): () => void;
  pathForFile(file: File): string;
}

declare global {
  interface Window {
    facteur?: FacteurBridge;
  }
}

/** The preload's port lives as long as the window, so this transport is always open. */
export function electronTransport(bridge: FacteurBridge): EngineTransport {
  return {
    async request(command, input) {
      try {
        return await bridge.invoke(command, input);
      } catch (error) {
        // The bridge rejects only when the engine process is gone (utilityProcess exit).
        return unavailable(error instanceof Error ? error.message : String(error));
      }
    },
    subscribe: (listener) => bridge.on(listener),
    state: () => 'open',
    onState: () => () => {},
  };
}
