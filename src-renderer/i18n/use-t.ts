import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import type { MessageKey } from './catalogs.js';

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** `t('messages.count', { count })`, with keys checked against the English catalog at compile time. */
export function useT(): Translate {
  const intl = useIntl();
  return useCallback<Translate>((key, values) => intl.formatMessage({ id: key }, values), [intl]);
}
