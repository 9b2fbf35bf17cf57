import { domainToASCII } from 'node:url';
import type { IncomingProtocol, OAuthProvider, ServerSettings } from '../../../../src-shared/domain/account-settings.js';
import { EngineError } from '../../errors.js';

/** Where a suggestion came from, in the order they are tried. */
export type CandidateSource = 'preset' | 'autoconfig' | 'well-known' | 'srv' | 'guess';

export type IncomingServer = ServerSettings & { protocol: IncomingProtocol };

/** The part of AccountSettings discovery can fill in; the rest (refresh, POP3 options, CA) keeps its defaults. */
export interface CandidateSettings {
  incoming: IncomingServer;
  outgoing: ServerSettings;
  auth: 'password' | 'oauth2';
  oauthProvider: OAuthProvider | null;
  /** Known only for presets; other sources leave it to the account's default (upload a Sent copy). */
  serverFilesSent?: boolean;
}

export interface Candidate {
  source: CandidateSource;
  /** The provider's name when known (a preset, or an autoconfig file's displayName), to show the user. */
  provider: string | null;
  settings: CandidateSettings;
  /** True when both servers answered a TCP + TLS handshake just now (no login was tried). */
  verified: boolean;
}

export interface EmailParts {
  address: string;
  local: string;
  /** Lower case, in ASCII (an internationalised domain in its xn-- form, as DNS and TLS names want it). */
  domain: string;
}

export function splitEmail(email: string): EmailParts {
  const address = email.trim();
  const at = address.lastIndexOf('@');
  const local = address.slice(0, at);
  const domain = at > 0 ? domainToASCII(address.slice(at + 1).toLowerCase()) : '';
  if (!local || !domain || !domain.includes('.') || /[\s/?#]/.test(address)) {
    throw new EngineError('INVALID_INPUT', `"${email}" is not an e-mail address.`);
  }
  return { address: `${local}@${domain}`, local, domain };
}

/**
 * Fills the placeholders of Thunderbird's config-v1.1 format (also used by our presets) in a user name or host
 * name template: %EMAILADDRESS%, %EMAILLOCALPART%, %EMAILDOMAIN%. Null when another placeholder is left, since we
 * cannot know what it stands for.
 */
export function fillTemplate(template: string, email: EmailParts): string | null {
  const filled = template
    .replaceAll('%EMAILADDRESS%', email.address)
    .replaceAll('%EMAILLOCALPART%', email.local)
    .replaceAll('%EMAILDOMAIN%', email.domain)
    .trim();
  return filled && !/%[A-Z]+%/.test(filled) ? filled : null;
}

/** `host` is `suffix` or one of its sub-domains (MX host names may end with a dot). */
export function hostUnder(host: string, suffix: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  const s = suffix.toLowerCase();
  return h === s || h.endsWith(`.${s}`);
}
