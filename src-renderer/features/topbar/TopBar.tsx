import { Icon } from '../../components/Icon.js';
import { useT } from '../../i18n/use-t.js';
import { useAgent } from '../../stores/agent-store.js';
import { useCategories } from '../../stores/categories-store.js';
import { useImports } from '../../stores/imports-store.js';
import { startSetup } from '../accounts/setup-flow.js';
import { composeNew } from '../compose/compose-open.js';
import { LanguageSelect } from './LanguageSelect.js';
import { ShortcutsSelect } from './ShortcutsSelect.js';
import { WorkspaceSwitch } from '../crm/WorkspaceSwitch.js';

export function TopBar() {
  const t = useT();
  const agentName = useAgent((s) => s.agent?.name ?? '');
  return (
    <header className="topbar">
      <span className="app-name">{t('app.name')}</span>
      <WorkspaceSwitch />
      <button type="button" className="button button-primary topbar-button" onClick={() => composeNew()} data-testid="compose-new">
        <Icon name="mail" />
        {t('compose.new')}
      </button>
      <span className="topbar-spacer" />
      <button type="button" className="button topbar-button" aria-haspopup="dialog" onClick={startSetup} data-testid="add-account">
        <Icon name="plus" />
        {t('accounts.add')}
      </button>
      <button
        type="button"
        className="button topbar-button"
        aria-haspopup="dialog"
        onClick={() => useImports.getState().openWizard(null)}
        data-testid="open-import"
      >
        {t('imports.menu.import')}
      </button>
      <button
        type="button"
        className="button topbar-button"
        aria-haspopup="dialog"
        onClick={() => useCategories.getState().setEditing(true)}
        data-testid="open-categories"
      >
        <Icon name="tag" />
        {t('categories.title')}
      </button>
      <span className="topbar-agent" title={t('topbar.agent')}>
        <Icon name="person" />
        <span data-testid="agent-name">{agentName}</span>
      </span>
      <ShortcutsSelect />
      <LanguageSelect />
    </header>
  );
}
