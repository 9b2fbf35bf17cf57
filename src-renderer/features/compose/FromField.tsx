import { useId, useState } from 'react';
import { formatAddress } from '../../../src-shared/domain/address.js';
import { useT } from '../../i18n/use-t.js';
import { changeAccount } from './compose-signature.js';
import { useComposer } from './compose-store.js';

/**
 * The account the mail goes from. A choice to make (the rules could not settle it and several accounts fit) shows
 * as a question; otherwise the account is named, with Change when there are others.
 */
export function FromField() {
  const t = useT();
  const id = useId();
  const accounts = useComposer((s) => s.accounts);
  const accountId = useComposer((s) => s.draft.accountId);
  const settled = useComposer((s) => s.accountSettled);
  const [changing, setChanging] = useState(false);
  const current = accounts.find((a) => a.id === accountId);
  const label = (a: { name: string; email: string }) => formatAddress({ name: a.name, address: a.email });

  if (settled && !changing) {
    return (
      <div className="compose-row">
        <span className="compose-label" id={`${id}-label`}>
          {t('compose.from')}
        </span>
        <span className="compose-from" aria-labelledby={`${id}-label`} data-testid="compose-from">
          {current ? label(current) : t('compose.from.none')}
        </span>
        {accounts.length > 1 ? (
          <button type="button" className="link-button" onClick={() => setChanging(true)} data-testid="compose-from-change">
            {t('compose.from.change')}
          </button>
        ) : null}
      </div>
    );
  }
  return (
    <div className={`compose-row${settled ? '' : ' compose-question'}`}>
      <label className="compose-label" htmlFor={id}>
        {t('compose.from')}
      </label>
      <select
        id={id}
        className="input compose-from-select"
        value={accountId}
        autoFocus={changing}
        aria-describedby={settled ? undefined : `${id}-hint`}
        onChange={(e) => void changeAccount(Number(e.target.value))}
        data-testid="compose-from-select"
      >
        {accounts.map((a) => (
          <option key={a.id} value={a.id}>
            {label(a)}
          </option>
        ))}
      </select>
      {settled ? null : (
        <span className="compose-hint" id={`${id}-hint`}>
          {t('compose.from.choose')}
        </span>
      )}
    </div>
  );
}
