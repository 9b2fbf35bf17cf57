/** OAuth2 sign-in for IMAP/POP/SMTP (Google, Microsoft 365): what the rest of the engine imports. */
export { OAuthError, type OAuthErrorCode } from './errors.js';
export { authorize, refresh, type AuthorizeOptions, type RefreshOptions } from './flow.js';
export { isConfigured, loadOAuthProvider, requireClient, resolveProvider, type OAuthProviderConfig, type OAuthProviderEntry } from './providers.js';
export { OAUTHBEARER_FAILURE_ACK, oauthBearer, readOAuthChallenge, xoauth2 } from './sasl.js';
export { TokenSet } from './token-endpoint.js';
export { TokenKeeper, type TokenKeeperOptions } from './token-keeper.js';
