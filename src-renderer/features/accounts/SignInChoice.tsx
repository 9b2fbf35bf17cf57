import type { OAuthProvider } from '../../../src-shared/domain/account-settings.js';
import { useT } from '../../i18n/use-t.js';
import { OAUTH_PROVIDER_NAMES } from './setup-labels.js';
import { chooseAuth } from './setup-flow.js';

interface Props {
  provider: OAuthProvider;
  /** The provider's sign-in is the chosen way (else an app password is). */
  oauth: boolean;
  /** Editing an account already signed in with this provider: saving keeps that sign-in, no browser trip. */
  signedIn: boolean;
}

/**
 * For providers that sign in with OAuth2: what happens on "Sign in with …", and the other way, one click away.
 * The provider's own page is the way it asks to be used; an app password suits those who cannot use it.
 */
export function SignInChoice({ provider, oauth, signedIn }: Props) {
  const t = useT();
  const name = OAUTH_PROVIDER_NAMES[provider];
  let note: string;
  if (!oauth) note = t('accounts.oauth.appPasswordNote', { provider: name });
  else note = t(signedIn ? 'accounts.oauth.signedInNote' : 'accounts.oauth.signInNote', { provider: name });
  return (
    <div className="setup-note sign-in-choice" data-testid="oauth-note">
      <p>{note}</p>
      <button
        type="button"
        className="link-button"
        data-testid={oauth ? 'use-app-password' : 'use-sign-in'}
        onClick={() => chooseAuth(oauth ? 'password' : 'oauth2')}
      >
        {t(oauth ? 'accounts.oauth.useAppPassword' : 'accounts.oauth.useSignIn', { provider: name })}
      </button>
    </div>
  );
}
