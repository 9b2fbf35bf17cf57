import { ERROR_KEYS } from '../i18n/label-keys.js';
import { useT } from '../i18n/use-t.js';
import { useErrors } from '../stores/error-store.js';
import { Icon } from './Icon.js';

export function ErrorBar() {
  const t = useT();
  const code = useErrors((s) => s.code);
  const dismiss = useErrors((s) => s.dismiss);
  if (code === null) return null;
  return (
    <div className="banner banner-error" role="alert" data-testid="error-banner" data-code={code}>
      <Icon name="warning" />
      <span className="banner-text">{t(ERROR_KEYS[code])}</span>
      <button type="button" className="icon-button" onClick={dismiss} aria-label={t('error.dismiss')}>
        <Icon name="close" />
      </button>
    </div>
  );
}
