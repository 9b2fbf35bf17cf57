import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { OAuthProvider, Security, ServerSettings } from '../../../../src-shared/domain/account-settings.js';
import { fillTemplate, type EmailParts, type IncomingServer } from './candidate.js';
import { oauthProviderForHost } from './providers.js';

/** A server from the file, with how it wants the user to sign in. */
export type ConfigAuth = { auth: 'password' | 'oauth2'; oauthProvider: OAuthProvider | null };
export interface AutoconfigSettings {
  provider: string | null;
  incoming: Array<IncomingServer & ConfigAuth>;
  outgoing: Array<ServerSettings & ConfigAuth>;
}

/** Thunderbird's config-v1.1 socketType. "plain" is kept here and filtered later (offered on loopback only). */
const SOCKET_TYPES = new Map<string, Security>([['SSL', 'tls'], ['STARTTLS', 'starttls'], ['plain', 'none']]);
/** Sign-in methods our clients can do: a password (PLAIN/LOGIN/CRAM-MD5), or OAuth2 to a provider we know (presets). */
const PASSWORD_METHODS = new Set(['password-cleartext', 'plain', 'password-encrypted', 'secure']);
const LISTS = new Set(['emailProvider', 'domain', 'incomingServer', 'outgoingServer', 'authentication']);
const MAX_BYTES = 256 * 1024;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => LISTS.has(name),
});

type Node = Record<string, unknown>;
const text = (value: unknown): string | null => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : null);
const nodes = (value: unknown): Node[] => (Array.isArray(value) ? value.filter((v): v is Node => typeof v === 'object' && v !== null) : []);

/**
 * Reads a Thunderbird autoconfig file (https://wiki.mozilla.org/Thunderbird:Autoconfiguration:ConfigFileFormat)
 * into servers with the placeholders filled for this address. Null when it is not such a file. The file comes from
 * the network: a DTD is refused outright (entity expansion), and anything unexpected is skipped, not trusted.
 */
export function parseAutoconfig(xml: string, email: EmailParts): AutoconfigSettings | null {
  if (xml.length > MAX_BYTES || /<!DOCTYPE|<!ENTITY/i.test(xml) || XMLValidator.validate(xml) !== true) return null;
  const root = (parser.parse(xml) as Node).clientConfig as Node | undefined;
  const [provider] = nodes(root?.emailProvider);
  if (!provider) return null;
  const incoming: AutoconfigSettings['incoming'] = [];
  for (const node of nodes(provider.incomingServer)) {
    const type = text(node['@type']);
    const server = readServer(node, email);
    if (server && (type === 'imap' || type === 'pop3')) incoming.push({ protocol: type, ...server });
  }
  const outgoing: AutoconfigSettings['outgoing'] = [];
  for (const node of nodes(provider.outgoingServer)) {
    const server = readServer(node, email);
    if (server && text(node['@type']) === 'smtp') outgoing.push(server);
  }
  return { provider: text(provider.displayName) || null, incoming, outgoing };
}

function readServer(node: Node, email: EmailParts): (ServerSettings & ConfigAuth) | null {
  const host = fillTemplate(text(node.hostname) ?? '', email);
  const port = Number(text(node.port));
  const security = SOCKET_TYPES.get(text(node.socketType) ?? '');
  // A missing <username> means the address itself, as Thunderbird assumes.
  const username = fillTemplate(text(node.username) ?? '%EMAILADDRESS%', email);
  if (!host || !/^[a-z0-9.-]+$/i.test(host) || !Number.isInteger(port) || port < 1 || port > 65535 || !security || !username) return null;
  const auth = readAuth(Array.isArray(node.authentication) ? node.authentication : [], host);
  return auth && { host: host.toLowerCase(), port, security, username, ...auth };
}

/** The first method listed that we can do; none listed means a password. */
function readAuth(methods: unknown[], host: string): ConfigAuth | null {
  if (methods.length === 0) return { auth: 'password', oauthProvider: null };
  for (const method of methods.map(text)) {
    if (method && PASSWORD_METHODS.has(method)) return { auth: 'password', oauthProvider: null };
    const provider = method === 'OAuth2' ? oauthProviderForHost(host) : null;
    if (provider) return { auth: 'oauth2', oauthProvider: provider };
  }
  return null;
}
