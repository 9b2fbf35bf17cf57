import { useCallback } from 'react';
import { missingCase } from '../../../../src-shared/domain/exhaustive.js';
import type { MessageKey } from '../../../i18n/catalogs.js';
import { useT } from '../../../i18n/use-t.js';
import type { Problem } from './engine-problems.js';

/**
 * A problem in the reader's language where the app knows the rule; else the engine's own sentence, which says
 * what to do ("A currency is three capital letters, such as EUR or RON").
 */
export function useProblemText(crossField: { key: MessageKey } | undefined): (problem: Problem) => string {
  const t = useT();
  return useCallback(
    (problem) => {
      switch (problem.kind) {
        case 'required':
          return t('crm.form.required');
        case 'email':
          return t('crm.form.invalidEmail');
        case 'tooLong':
          return t('crm.form.tooLong');
        case 'number':
          return t('crm.form.invalidNumber');
        case 'date':
          return t('crm.form.invalidDate');
        case 'duplicate':
          return t('crm.form.duplicate');
        case 'rule':
          return crossField ? t(crossField.key) : problem.message;
        case 'other':
          return problem.message;
        default:
          return missingCase(problem.kind);
      }
    },
    [t, crossField],
  );
}
