import { inspect } from 'node:util';
import { refresh } from './flow.js';
import type { OAuthProviderConfig } from './providers.js';
import type { TokenSet } from './token-endpoint.js';

/** Refresh this long before expiry, so a token never dies between being handed out and reaching the server. */
export const REFRESH_MARGIN_MS = 60_000;

export interface TokenKeeperOptions {
  config: OAuthProviderConfig;
  tokens: TokenSet;
  /** Stores the new tokens (the engine seals them with the Shell's SecretBox); awaited after each refresh. */
  persist: (tokens: TokenSet) => Promise<void> | void;
  fetch?: typeof globalThis.fetch;
  now?: () => number;
}

/**
 * Holds one account's tokens and hands out a valid access token. Refreshes are single-flight: the IMAP sweep,
 * IDLE and the SMTP outbox asking at once share one request, which matters because with rotating refresh tokens
 * (Microsoft) a second concurrent refresh would present a token the first one just retired.
 */
export class TokenKeeper {
  private tokens: TokenSet;
  private readonly options: TokenKeeperOptions;
  private inflight: Promise<void> | null = null;
  private unsaved = false;
  private stale = false;

  constructor(options: TokenKeeperOptions) {
    this.options = options;
    this.tokens = options.tokens;
  }

  /** A Bearer token valid for at least REFRESH_MARGIN_MS more; rejects with an OAuthError when refreshing fails. */
  async getAccessToken(): Promise<string> {
    if (this.needsRefresh() || this.unsaved) {
      this.inflight ??= this.renew().finally(() => (this.inflight = null));
      await this.inflight;
    }
    return this.tokens.accessToken;
  }

  /**
   * The server refused a token we thought valid (revoked, or this computer's clock is wrong): the next
   * getAccessToken() refreshes whatever the expiry says.
   */
  invalidate(): void {
    this.stale = true;
  }

  /** When the current access token expires (epoch ms), for diagnostics; the tokens themselves stay inside. */
  get expiresAt(): number {
    return this.tokens.expiresAt;
  }

  private needsRefresh(): boolean {
    const now = (this.options.now ?? Date.now)();
    return this.stale || this.tokens.expiresAt - REFRESH_MARGIN_MS <= now;
  }

  private async renew(): Promise<void> {
    if (this.needsRefresh()) {
      const { config, fetch, now } = this.options;
      this.tokens = await refresh({ config, refreshToken: this.tokens.refreshToken, fetch, now });
      this.stale = false;
      this.unsaved = true;
    }
    // A failed persist is retried by the next caller: a rotated refresh token that only lives in memory would be
    // lost at the next restart, and the user made to sign in again.
    if (this.unsaved) {
      await this.options.persist(this.tokens);
      this.unsaved = false;
    }
  }

  /** console.log(keeper), or a logger serialising it, shows no token. */
  [inspect.custom](): string {
    return `TokenKeeper { expiresAt: ${new Date(this.tokens.expiresAt).toISOString()} }`;
  }

  toJSON(): { expiresAt: number } {
    return { expiresAt: this.tokens.expiresAt };
  }
}
