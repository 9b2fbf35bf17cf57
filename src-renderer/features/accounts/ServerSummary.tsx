import { useT } from '../../i18n/use-t.js';
import type { AccountDraft } from './account-draft.js';
import { serverLine } from './setup-labels.js';

/** The address and both servers as they will be saved, so the person sees what the password goes with. */
export function ServerSummary({ draft }: { draft: AccountDraft }) {
  const t = useT();
  const name = draft.name.trim();
  return (
    <dl className="setup-summary" data-testid="server-summary">
      <dt>{t('accounts.field.email')}</dt>
      <dd>{name ? `${name} <${draft.email.trim()}>` : draft.email.trim()}</dd>
      <dt>{t('accounts.side.incoming')}</dt>
      <dd>
        {serverLine(t, draft.protocol, draft.incoming)}
        <span className="setup-summary-user">{t('accounts.summary.user', { username: draft.incoming.username.trim() })}</span>
      </dd>
      <dt>{t('accounts.side.outgoing')}</dt>
      <dd>
        {serverLine(t, 'smtp', draft.outgoing)}
        <span className="setup-summary-user">{t('accounts.summary.user', { username: draft.outgoing.username.trim() })}</span>
      </dd>
    </dl>
  );
}
