import { ContractError } from '../../../src-shared/contract/index.js';
import type { Translate } from '../../i18n/use-t.js';
import { ERROR_KEYS } from '../../i18n/label-keys.js';

/**
 * What a form says when the engine refused: the engine's own sentence for what the person can act on (the ticket
 * the email already has, a field out of range), the translated code for the rest (a broken link, a bug).
 */
export function problemText(error: unknown, t: Translate): string {
  if (!(error instanceof ContractError)) return t(ERROR_KEYS.UNKNOWN);
  const actionable = error.code === 'CONFLICT' || error.code === 'INVALID_INPUT' || error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN';
  return actionable && error.message ? error.message : t(ERROR_KEYS[error.code]);
}
