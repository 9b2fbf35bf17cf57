import type { SrvRecord } from 'node:dns';
import type { IncomingProtocol, Security, ServerSettings } from '../../../../src-shared/domain/account-settings.js';
import type { EmailParts, IncomingServer } from './candidate.js';

export type ResolveSrv = (name: string) => Promise<SrvRecord[]>;

/**
 * RFC 6186 service labels, implicit TLS first as RFC 8314 §5.1 asks. `_imap` and `_submission` may also mean
 * clear text there; we take them as STARTTLS, which the probe then requires (no downgrade).
 */
const SERVICES: Array<{ label: string; protocol: IncomingProtocol | 'smtp'; security: Security }> = [
  { label: '_imaps._tcp', protocol: 'imap', security: 'tls' },
  { label: '_imap._tcp', protocol: 'imap', security: 'starttls' },
  { label: '_pop3s._tcp', protocol: 'pop3', security: 'tls' },
  { label: '_pop3._tcp', protocol: 'pop3', security: 'starttls' },
  { label: '_submissions._tcp', protocol: 'smtp', security: 'tls' },
  { label: '_submission._tcp', protocol: 'smtp', security: 'starttls' },
];

/**
 * The servers a domain announces in DNS SRV records, best first: by service as above, then by the records'
 * priority (lowest first) and weight (highest first; RFC 2782's weighted random pick matters for load spreading,
 * not for a one-time suggestion). The user name is the address: RFC 6186 leaves it open and it is the common case.
 */
export async function srvServers(email: EmailParts, resolveSrv: ResolveSrv): Promise<{ incoming: IncomingServer[]; outgoing: ServerSettings[] }> {
  const answers = await Promise.all(SERVICES.map((s) => resolveSrv(`${s.label}.${email.domain}`).catch((): SrvRecord[] => [])));
  const incoming: IncomingServer[] = [];
  const outgoing: ServerSettings[] = [];
  SERVICES.forEach((service, i) => {
    const records = [...(answers[i] ?? [])].sort((a, b) => a.priority - b.priority || b.weight - a.weight);
    for (const record of records) {
      const host = record.name.replace(/\.$/, '').toLowerCase();
      // A target of "." says the service is decidedly not offered at this domain (RFC 2782, RFC 6186 §3.4).
      if (!host || record.port < 1 || record.port > 65535) continue;
      const server = { host, port: record.port, security: service.security, username: email.address };
      if (service.protocol === 'smtp') outgoing.push(server);
      else incoming.push({ protocol: service.protocol, ...server });
    }
  });
  return { incoming, outgoing };
}
