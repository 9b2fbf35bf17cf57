import './workspace-switch.css';
import { Icon } from '../../components/Icon.js';
import { useT } from '../../i18n/use-t.js';
import { showMail, useCrmNav } from '../../stores/crm-nav-store.js';

/** Mail or CRM: two buttons, the current one pressed. Each workspace keeps its place while the other shows. */
export function WorkspaceSwitch() {
  const t = useT();
  const workspace = useCrmNav((s) => s.workspace);
  return (
    <div className="workspace-switch" role="group" aria-label={t('crm.workspace.label')}>
      <button type="button" className="workspace-button" aria-pressed={workspace === 'mail'} onClick={showMail} data-testid="workspace-mail">
        <Icon name="mail" />
        {t('crm.workspace.mail')}
      </button>
      <button type="button" className="workspace-button" aria-pressed={workspace === 'crm'} onClick={() => useCrmNav.setState({ workspace: 'crm' })} data-testid="workspace-crm">
        <Icon name="person" />
        {t('crm.workspace.crm')}
      </button>
    </div>
  );
}
