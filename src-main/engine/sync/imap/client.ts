import { ImapFlow } from 'imapflow';
import { rootCertificates } from 'node:tls';
import { isIP } from 'node:net';
import type { AccountSettings } from '../../../../src-shared/domain/account-settings.js';
import { isLoopbackHost } from '../../../../src-shared/domain/account-settings.js';
import { EngineError } from '../../errors.js';
import type { Credentials } from '../credentials.js';

/**
 * TLS for every mail connection: TLS 1.2 at least (RFC 8997), certificates always verified, and a company's own
 * CA added to the public roots rather than replacing them.
 */
export function tlsOptions(host: string, caCertPem: string | null) {
  return {
    minVersion: 'TLSv1.2' as const,
    rejectUnauthorized: true,
    // An IP literal is not a valid SNI name (RFC 6066 §3); the certificate's IP SAN is checked instead.
    ...(isIP(host) ? {} : { servername: host }),
    ...(caCertPem ? { ca: [...rootCertificates, caCertPem] } : {}),
  };
}

/** An imapflow client for the account: STARTTLS is mandatory when chosen (no silent downgrade), plain only on loopback. */
export function createImapClient(settings: AccountSettings, credentials: Credentials): ImapFlow {
  const s = settings.incoming;
  if (s.security === 'none' && !isLoopbackHost(s.host)) {
    throw new EngineError('TLS_ERROR', `Refusing to send the password to ${s.host} without encryption; choose TLS or STARTTLS.`);
  }
  return new ImapFlow({
    host: s.host,
    port: s.port,
    secure: s.security === 'tls',
    doSTARTTLS: s.security === 'starttls' ? true : s.security === 'none' ? false : undefined,
    auth: 'password' in credentials ? { user: credentials.user, pass: credentials.password } : { user: credentials.user, accessToken: credentials.accessToken },
    tls: tlsOptions(s.host, settings.caCertPem),
    logger: false,
    disableAutoIdle: true,
    // RFC 2177: servers may drop an IDLE after 30 minutes; re-issue well before.
    maxIdleTime: 25 * 60 * 1000,
    connectionTimeout: 20_000,
    greetingTimeout: 15_000,
    socketTimeout: 5 * 60_000,
  });
}
