import type { ConnectionOutcome } from '../../../src-shared/contract/index.js';
import type { OAuthProvider, Security } from '../../../src-shared/domain/account-settings.js';
import type { MessageKey } from '../../i18n/catalogs.js';
import { ERROR_KEYS, PROTOCOL_KEYS, SECURITY_KEYS } from '../../i18n/label-keys.js';
import type { Translate } from '../../i18n/use-t.js';
import type { Protocol } from './default-ports.js';
import type { SetupBusy } from './setup-store.js';

const BUSY_KEYS: Record<SetupBusy, MessageKey> = {
  discovering: 'accounts.busy.discovering',
  adding: 'accounts.busy.adding',
  signingIn: 'accounts.busy.signingIn',
  saving: 'accounts.busy.saving',
  testing: 'accounts.busy.testing',
  removing: 'accounts.busy.removing',
};

/** What the dialog waits for; a sign-in names the provider whose page opened in the browser. */
export function busyText(t: Translate, busy: SetupBusy, provider: OAuthProvider | null): string {
  return t(BUSY_KEYS[busy], { provider: provider ? OAUTH_PROVIDER_NAMES[provider] : '' });
}

/** One side's answer in the person's language; the server's own English words are shown apart, in small print. */
export function outcomeText(t: Translate, outcome: ConnectionOutcome): string {
  if (!outcome.ok) return t(ERROR_KEYS[outcome.code]);
  return t(outcome.secure ? 'accounts.outcome.secure' : 'accounts.outcome.plain');
}

/** Brand names, the same in every language (as LOCALE_NAMES). */
export const OAUTH_PROVIDER_NAMES: Record<OAuthProvider, string> = { google: 'Google', microsoft: 'Microsoft' };

/** "IMAP · imap.example.com:993 · TLS", for summaries of a server. */
export function serverLine(t: Translate, protocol: Protocol, s: { host: string; port: number | string; security: Security }): string {
  return `${t(PROTOCOL_KEYS[protocol])} · ${s.host.trim()}:${String(s.port).trim()} · ${t(SECURITY_KEYS[s.security])}`;
}
