import { Icon } from '../../components/Icon.js';
import { useT } from '../../i18n/use-t.js';
import { useAgent } from '../../stores/agent-store.js';
import { LanguageSelect } from './LanguageSelect.js';

export function TopBar() {
  const t = useT();
  const agentName = useAgent((s) => s.agent?.name ?? '');
  return (
    <header className="topbar">
      <span className="app-name">{t('app.name')}</span>
      <span className="topbar-spacer" />
      <span className="topbar-agent" title={t('topbar.agent')}>
        <Icon name="person" />
        <span data-testid="agent-name">{agentName}</span>
      </span>
      <LanguageSelect />
    </header>
  );
}
