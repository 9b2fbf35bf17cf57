import type { IncomingProtocol, Security, ServerSettings } from '../../../../src-shared/domain/account-settings.js';
import type { EmailParts, IncomingServer } from './candidate.js';

type Guess = [prefix: string, port: number, security: Security];

/** Standard ports: 993/995/465 implicit TLS (RFC 8314 §3.3, preferred), 143/110/587 with STARTTLS. */
const INCOMING: Array<[IncomingProtocol, Guess[]]> = [
  ['imap', [['imap', 993, 'tls'], ['mail', 993, 'tls'], ['imap', 143, 'starttls'], ['mail', 143, 'starttls']]],
  ['pop3', [['pop', 995, 'tls'], ['pop3', 995, 'tls'], ['mail', 995, 'tls'], ['pop', 110, 'starttls'], ['pop3', 110, 'starttls'], ['mail', 110, 'starttls']]],
];
const OUTGOING: Guess[] = [['smtp', 465, 'tls'], ['mail', 465, 'tls'], ['smtp', 587, 'starttls'], ['mail', 587, 'starttls']];

/**
 * The last resort, as Thunderbird's guessConfig: the usual host names under the address's domain on the
 * standard ports. Only suggestions: each is offered only if it answers a TLS handshake.
 */
export function guessServers(email: EmailParts): { incoming: IncomingServer[]; outgoing: ServerSettings[] } {
  const server = ([prefix, port, security]: Guess) => ({ host: `${prefix}.${email.domain}`, port, security, username: email.address });
  return {
    incoming: INCOMING.flatMap(([protocol, guesses]) => guesses.map((g) => ({ protocol, ...server(g) }))),
    outgoing: OUTGOING.map(server),
  };
}
