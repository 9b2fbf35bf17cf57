import type { OAuthProvider } from '../../../src-shared/domain/account-settings.js';
import { EngineError } from '../errors.js';
import type { SecretBox, Shell } from '../shell.js';
import type { AccountsRepo } from '../store/accounts-repo.js';
import type { Secret } from './connect/client-options.js';
import { authorize, loadOAuthProvider, OAuthError, TokenKeeper, TokenSet, type OAuthProviderConfig } from './oauth/index.js';

/** What a client logs in with; the clear text lives only in memory, for the length of a connection. */
export type Credentials = { user: string; password: string } | { user: string; accessToken: string };

export async function passwordOf(accounts: AccountsRepo, secrets: SecretBox, accountId: number): Promise<string> {
  const sealed = accounts.secret(accountId, 'password');
  if (!sealed) throw new EngineError('AUTH_FAILED', 'No password is saved for this account; enter it in the account settings.');
  return unseal(secrets, sealed, 'password');
}

async function unseal(secrets: SecretBox, sealed: Buffer, what: string): Promise<string> {
  try {
    return await secrets.decrypt(sealed);
  } catch (error) {
    throw new EngineError('SECRETS_UNAVAILABLE', `The saved ${what} cannot be unlocked (${(error as Error).message}); enter it again.`);
  }
}

export type OAuthProviders = Partial<Record<OAuthProvider, OAuthProviderConfig>>;

/**
 * Every account's login secret: its sealed password, or its OAuth2 tokens behind a TokenKeeper that refreshes
 * them (single-flight) and seals the new ones. Tokens never leave the engine.
 */
export class CredentialStore {
  private readonly keepers = new Map<number, TokenKeeper>();

  constructor(
    private readonly accounts: AccountsRepo,
    private readonly shell: Shell,
    private readonly providerOverrides: OAuthProviders = {},
  ) {}

  async secretFor(accountId: number): Promise<Secret> {
    const account = this.accounts.get(accountId);
    if (account.settings.auth === 'password') return { password: await passwordOf(this.accounts, this.shell.secrets, accountId) };
    try {
      return { accessToken: await (await this.keeper(accountId)).getAccessToken() };
    } catch (error) {
      throw oauthFailure(error);
    }
  }

  /** The server refused the token: the next secretFor refreshes instead of trusting its expiry time. */
  rejected(accountId: number): void {
    this.keepers.get(accountId)?.invalidate();
  }

  forget(accountId: number): void {
    this.keepers.delete(accountId);
  }

  /** Runs the browser sign-in (loopback redirect + PKCE) and seals the tokens for the account. */
  async signIn(provider: OAuthProvider, loginHint: string): Promise<Buffer> {
    try {
      const tokens = await authorize({ config: this.provider(provider), loginHint, openBrowser: (url) => this.shell.openExternal(url) });
      return await this.shell.secrets.encrypt(JSON.stringify(tokens));
    } catch (error) {
      throw oauthFailure(error);
    }
  }

  private provider(provider: OAuthProvider): OAuthProviderConfig {
    return this.providerOverrides[provider] ?? loadOAuthProvider(provider);
  }

  private async keeper(accountId: number): Promise<TokenKeeper> {
    const known = this.keepers.get(accountId);
    if (known) return known;
    const account = this.accounts.get(accountId);
    const sealed = this.accounts.secret(accountId, 'oauth');
    if (!sealed || !account.settings.oauthProvider) throw new EngineError('AUTH_FAILED', 'This account has not been signed in yet; sign in again from its settings.');
    const tokens = TokenSet.parse(JSON.parse(await unseal(this.shell.secrets, sealed, 'sign-in')));
    const keeper = new TokenKeeper({
      config: this.provider(account.settings.oauthProvider),
      tokens,
      persist: async (fresh) => this.accounts.setSecret(accountId, 'oauth', await this.shell.secrets.encrypt(JSON.stringify(fresh))),
    });
    this.keepers.set(accountId, keeper);
    return keeper;
  }
}

function oauthFailure(error: unknown): EngineError {
  if (!(error instanceof OAuthError)) return error instanceof EngineError ? error : new EngineError('AUTH_FAILED', (error as Error).message);
  switch (error.code) {
    case 'OAUTH_CONFIG_MISSING':
      return new EngineError('UNAVAILABLE', error.message);
    case 'OAUTH_TIMEOUT':
    case 'OAUTH_CANCELLED':
      return new EngineError('UNAVAILABLE', error.message);
    default:
      return new EngineError('AUTH_FAILED', error.message);
  }
}
