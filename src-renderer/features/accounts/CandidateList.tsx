import type { DiscoveredSettings } from '../../../src-shared/contract/index.js';
import { SOURCE_KEYS } from '../../i18n/label-keys.js';
import { useT } from '../../i18n/use-t.js';
import { OAUTH_PROVIDER_NAMES, serverLine } from './setup-labels.js';
import { useSetup } from './setup-store.js';

/** Discovery's suggestions as one radio group: a person compares them, then picks one. */
export function CandidateList({ candidates, chosen }: { candidates: DiscoveredSettings[]; chosen: number }) {
  const t = useT();
  return (
    <fieldset className="candidates" data-testid="candidates">
      <legend>{t('accounts.discovery.found', { count: candidates.length })}</legend>
      {candidates.map((c, i) => {
        const { incoming, outgoing, auth, oauthProvider } = c.settings;
        const provider = c.provider ?? (oauthProvider ? OAUTH_PROVIDER_NAMES[oauthProvider] : null);
        return (
          <label key={i} className={`candidate${i === chosen ? ' is-chosen' : ''}`} data-testid="candidate">
            <input type="radio" name="candidate" checked={i === chosen} onChange={() => useSetup.setState({ chosen: i })} />
            <span className="candidate-body">
              <span className="candidate-title">
                <strong>{provider ?? t(SOURCE_KEYS[c.source])}</strong>
                {provider ? <span className="candidate-source">{t(SOURCE_KEYS[c.source])}</span> : null}
                <span className={`badge ${c.verified ? 'badge-ok' : 'badge-muted'}`} data-testid="candidate-verified" data-verified={c.verified}>
                  {t(c.verified ? 'accounts.candidates.verified' : 'accounts.candidates.unverified')}
                </span>
                {auth === 'oauth2' ? <span className="badge badge-muted">{t('accounts.oauth.badge')}</span> : null}
              </span>
              <span className="candidate-server">
                {t('accounts.side.incoming')}: {serverLine(t, incoming.protocol, incoming)}
              </span>
              <span className="candidate-server">
                {t('accounts.side.outgoing')}: {serverLine(t, 'smtp', outgoing)}
              </span>
              {auth === 'oauth2' ? (
                <span className="candidate-oauth" data-testid="oauth-note">
                  {oauthProvider ? t('accounts.oauth.note', { provider: OAUTH_PROVIDER_NAMES[oauthProvider] }) : t('accounts.oauth.noteGeneric')}
                </span>
              ) : null}
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
