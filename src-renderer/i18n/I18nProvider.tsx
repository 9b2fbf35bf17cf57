import { useEffect, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { useAgent } from '../stores/agent-store.js';
import { catalogs } from './catalogs.js';

export function I18nProvider({ children }: { children: ReactNode }) {
  const locale = useAgent((s) => s.locale);
  useEffect(() => {
    // Screen readers pick their voice from it, and the browser its hyphenation and quotes.
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <IntlProvider locale={locale} defaultLocale="en" messages={catalogs[locale]}>
      {children}
    </IntlProvider>
  );
}
