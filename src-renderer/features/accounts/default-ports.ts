import type { IncomingProtocol, Security } from '../../../src-shared/domain/account-settings.js';

export type Protocol = IncomingProtocol | 'smtp';

/** IANA's ports: implicit TLS (RFC 8314) or the plain port that STARTTLS upgrades; 587 is SMTP submission. */
const PORTS: Record<Protocol, Record<Security, number>> = {
  imap: { tls: 993, starttls: 143, none: 143 },
  pop3: { tls: 995, starttls: 110, none: 110 },
  smtp: { tls: 465, starttls: 587, none: 587 },
};

export function defaultPort(protocol: Protocol, security: Security): number {
  return PORTS[protocol][security];
}

/**
 * The port to show after the protocol or security changes: a port still at the old default follows to the new
 * one, while a port the person typed (or discovery found) is theirs and stays.
 */
export function followPort(port: string, from: [Protocol, Security], to: [Protocol, Security]): string {
  return port.trim() === '' || Number(port) === defaultPort(...from) ? String(defaultPort(...to)) : port;
}
