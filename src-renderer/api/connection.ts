import type { Transport } from '../../src-shared/contract/client.js';
import type { Result } from '../../src-shared/contract/index.js';

/**
 * `connecting` before the first open, `reconnecting` after a drop (the UI shows its bar only then),
 * `open` while requests flow.
 */
export type ConnectionState = 'connecting' | 'open' | 'reconnecting';

/** A transport that also says whether it can currently reach the engine. */
export interface EngineTransport extends Transport {
  state(): ConnectionState;
  onState(listener: (state: ConnectionState) => void): () => void;
}

export function unavailable(message: string): Result<never> {
  return { ok: false, error: { code: 'UNAVAILABLE', message } };
}
