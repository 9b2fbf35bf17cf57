import { ContractError } from '../../../src-shared/contract/index.js';
import type { OAuthProvider } from '../../../src-shared/domain/account-settings.js';
import { engine } from '../../api/engine.js';
import { reportError } from '../../stores/error-store.js';
import type { StepFailure } from './setup-store.js';

/**
 * Each request of the flow remembers the run it began in; closing the dialog starts a new run, so an answer that
 * lands after the person left is recognised as stale, and an account it created is removed again.
 */
let run = 0;

export function nextRun(): number {
  return ++run;
}

export function isCurrent(mine: number): boolean {
  return mine === run;
}

export const api = () => engine().client.api;

export function failureOf(error: unknown, signIn?: OAuthProvider): StepFailure {
  const withProvider = signIn ? { signIn } : {};
  if (error instanceof ContractError) return { code: error.code, message: error.message, ...withProvider };
  console.error(error);
  return { code: 'UNKNOWN', message: error instanceof Error ? error.message : String(error), ...withProvider };
}

export function removeQuietly(id: number): void {
  void api().accounts.remove({ id }).catch(reportError);
}
