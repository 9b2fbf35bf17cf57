import { create } from 'zustand';
import { ContractError, type ErrorCode } from '../../src-shared/contract/index.js';
import { engine } from '../api/engine.js';

interface ErrorState {
  /** The last failure worth telling the user about; UNKNOWN for anything that is not a ContractError. */
  code: ErrorCode | 'UNKNOWN' | null;
  dismiss(): void;
}

export const useErrors = create<ErrorState>((set) => ({
  code: null,
  dismiss: () => set({ code: null }),
}));

/** The one place store actions send their failures. */
export function reportError(error: unknown): void {
  const code = error instanceof ContractError ? error.code : 'UNKNOWN';
  // While the link is down the connection bar already says so, and everything is refetched once it is back.
  if (code === 'UNAVAILABLE' && engine().transport.state() !== 'open') return;
  if (!(error instanceof ContractError)) console.error(error);
  useErrors.setState({ code });
}
