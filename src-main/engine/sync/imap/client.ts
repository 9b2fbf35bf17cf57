import { ImapFlow } from 'imapflow';
import type { AccountSettings } from '../../../../src-shared/domain/account-settings.js';
import { imapFlowOptions } from '../connect/client-options.js';
import type { Credentials } from '../credentials.js';

/** An imapflow client for the account's sync: the connection rules of `connect/` plus what a long sync needs. */
export function createImapClient(settings: AccountSettings, credentials: Credentials): ImapFlow {
  const secret = 'password' in credentials ? { password: credentials.password } : { accessToken: credentials.accessToken };
  return new ImapFlow({
    ...imapFlowOptions({ ...settings.incoming, username: credentials.user }, secret, settings.caCertPem),
    disableAutoIdle: true,
    // RFC 2177: servers may drop an IDLE after 30 minutes; re-issue well before.
    maxIdleTime: 25 * 60 * 1000,
    socketTimeout: 5 * 60_000,
  });
}
