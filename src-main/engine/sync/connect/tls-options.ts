import { isIP } from 'node:net';
import { rootCertificates, type ConnectionOptions } from 'node:tls';
import { isLoopbackHost, type ServerSettings } from '../../../../src-shared/domain/account-settings.js';
import { EngineError } from '../../errors.js';

/** "[::1]" as typed in a settings form is "::1" to the socket layer. */
export function bareHost(host: string): string {
  const h = host.trim();
  return h.startsWith('[') && h.endsWith(']') ? h.slice(1, -1) : h;
}

/**
 * The TLS options every mail connection uses (imapflow `tls`, node-pop3 `tlsOptions`, nodemailer `tls`, our probe):
 * TLS 1.2 at least (RFC 8996/8997), certificates always verified, and a company's own CA added to the public roots
 * rather than replacing them, so trusting an internal server does not break every other one.
 */
export function tlsOptions(host: string, caCertPem?: string | null): ConnectionOptions {
  const h = bareHost(host);
  return {
    minVersion: 'TLSv1.2',
    rejectUnauthorized: true,
    // An IP literal is not a valid SNI name (RFC 6066 §3; Node warns with DEP0123): the certificate's IP SAN is
    // checked against the host instead.
    ...(isIP(h) ? {} : { servername: h }),
    ...(caCertPem ? { ca: [...rootCertificates, caCertPem] } : {}),
  };
}

/**
 * Plain text is for a server on this computer only (a local bridge or test server): anywhere else the password
 * would cross the network readable by anyone on the path (RFC 8314 §3).
 */
export function assertSecurityAllowed(server: Pick<ServerSettings, 'host' | 'security'>): void {
  if (server.security === 'none' && !isLoopbackHost(server.host)) {
    throw new EngineError(
      'TLS_ERROR',
      `${server.host} would be reached without encryption; choose TLS or STARTTLS (plain connections are allowed only to this computer).`,
      { detail: 'PLAINTEXT_REFUSED' },
    );
  }
}
