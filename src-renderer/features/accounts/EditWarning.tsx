import { Icon } from '../../components/Icon.js';
import { useT } from '../../i18n/use-t.js';
import { useSetup } from './setup-store.js';

/**
 * Editing is "add the account again, then remove the old one" until the engine has accounts.update, and removing
 * an account removes its local mail: say so before the person commits, most of all for POP3.
 */
export function EditWarning() {
  const t = useT();
  const replacing = useSetup((s) => s.replacing);
  if (!replacing) return null;
  return (
    <div className="banner banner-warning setup-banner" role="note" data-testid="edit-warning">
      <Icon name="warning" />
      <span>{t(replacing.settings.incoming.protocol === 'pop3' ? 'accounts.edit.warningPop3' : 'accounts.edit.warningImap')}</span>
    </div>
  );
}
