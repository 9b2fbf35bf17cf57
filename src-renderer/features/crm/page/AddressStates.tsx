import type { Contact } from '../../../../src-shared/contract/index.js';
import { engine } from '../../../api/engine.js';
import { useT } from '../../../i18n/use-t.js';
import { reportError } from '../../../stores/error-store.js';

/** A contact's addresses, each with what the office knows of it (kept out of mailings, bounced) and the switch. */
export function AddressStates({ contact, onChanged }: { contact: Contact; onChanged(): void }) {
  const t = useT();
  const addresses = [contact.email, contact.email2].filter((a): a is string => Boolean(a));
  if (addresses.length === 0) return null;
  return (
    <ul className="crmw-addresses" aria-label={t('crm.contact.addresses')}>
      {addresses.map((address) => {
        const state = contact.addressStates.find((s) => s.address.toLowerCase() === address.toLowerCase());
        const blacklisted = state?.blacklisted ?? false;
        return (
          <li key={address} className="crmw-address" data-testid="crm-address" data-address={address}>
            <span className="crmw-address-text">{address}</span>
            {blacklisted ? (
              <span className="badge crmw-badge-danger" data-testid="crm-address-blacklisted">
                {t('crm.address.blacklisted')}
              </span>
            ) : null}
            {state?.bounce ? (
              <span className="badge crmw-badge-warning" data-testid="crm-address-bounced">
                {t(state.bounce === 'hard' ? 'crm.address.bouncedHard' : 'crm.address.bouncedSoft')}
              </span>
            ) : null}
            <button
              type="button"
              className="button crmw-small-button"
              aria-pressed={blacklisted}
              title={t('crm.address.blacklistHint')}
              data-testid="crm-address-blacklist"
              onClick={() => {
                engine()
                  .client.api.addresses.setBlacklisted({ address, blacklisted: !blacklisted })
                  .then(onChanged, reportError);
              }}
            >
              {t('crm.address.blacklist')}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
