import type { KeyboardEvent } from 'react';
import { Icon } from '../../components/Icon.js';
import { useT } from '../../i18n/use-t.js';
import { useSyncStatus } from '../../stores/sync-status-store.js';
import { startEdit } from './setup-flow.js';
import { statusText } from './sync-status-text.js';

/** Keys pressed on these buttons are theirs: the tree's arrow and Enter handling must not see them. */
const keepKeys = (e: KeyboardEvent) => e.stopPropagation();

/** Under an account's name in the tree: what its sync is doing, and on an error, the two ways forward. */
export function AccountStatusLine({ accountId, accountName }: { accountId: number; accountName: string }) {
  const t = useT();
  const status = useSyncStatus((s) => s.byAccount[accountId]);
  const syncNow = useSyncStatus((s) => s.syncNow);
  const { visible, spoken, error, phase } = statusText(t, status);

  return (
    <div className={`account-status${error ? ' is-error' : ''}`} data-testid="account-status" data-phase={phase} data-code={error?.code}>
      {/* Rendered empty from the start: a live region must exist before its text changes to be announced. */}
      <span role="status" className="account-status-text" title={error?.message || undefined}>
        {error ? <Icon name="warning" /> : null}
        <span aria-hidden="true" data-testid="account-status-visible">
          {visible}
        </span>
        <span className="visually-hidden">{spoken ? `${accountName}: ${spoken}` : ''}</span>
      </span>
      {error ? (
        <span className="account-status-actions" onKeyDown={keepKeys}>
          <button type="button" className="link-button" data-testid="account-retry" onClick={() => void syncNow(accountId)}>
            {t('sync.retry')}
          </button>
          <button type="button" className="link-button" data-testid="account-edit" onClick={() => void startEdit(accountId)}>
            {t('sync.editAccount')}
          </button>
        </span>
      ) : null}
    </div>
  );
}
