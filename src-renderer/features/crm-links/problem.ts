import { ContractError } from '../../../src-shared/contract/index.js';
import type { Translate } from '../../i18n/use-t.js';

/**
 * What to tell the person when the engine refuses: its message for what they typed (it names the field), our words
 * for the rest.
 */
export function problemOf(error: unknown, t: Translate): string {
  if (error instanceof ContractError) {
    switch (error.code) {
      case 'INVALID_INPUT':
      case 'CONFLICT':
        return error.message;
      case 'NOT_FOUND':
        return t('crmLinks.problem.gone');
      case 'UNAVAILABLE':
        return t('crmLinks.problem.offline');
      default:
        break;
    }
  }
  return t('crmLinks.problem.failed');
}
