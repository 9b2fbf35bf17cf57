import { Locale } from '../../../src-shared/contract/index.js';
import { LOCALE_NAMES, LOCALES } from '../../i18n/locales.js';
import { useT } from '../../i18n/use-t.js';
import { useAgent } from '../../stores/agent-store.js';

export function LanguageSelect() {
  const t = useT();
  const locale = useAgent((s) => s.locale);
  const setLocale = useAgent((s) => s.setLocale);
  return (
    <select
      className="language-select"
      data-testid="language-select"
      aria-label={t('topbar.language')}
      value={locale}
      onChange={(e) => {
        const picked = Locale.safeParse(e.target.value);
        if (picked.success) void setLocale(picked.data);
      }}
    >
      {LOCALES.map((l) => (
        <option key={l} value={l} lang={l}>
          {LOCALE_NAMES[l]}
        </option>
      ))}
    </select>
  );
}
