import type { AccountInfo, DiscoveredSettings } from '../../../src-shared/contract/index.js';
import type { IncomingProtocol, OAuthProvider, Security, ServerSettings } from '../../../src-shared/domain/account-settings.js';
import { defaultPort } from './default-ports.js';

export type Visibility = 'private' | 'public';
export type AccountAuth = 'password' | 'oauth2';

/** One server as typed: numbers stay strings until the form is checked, so a half-typed port is not lost. */
export interface ServerDraft {
  host: string;
  port: string;
  security: Security;
  username: string;
}

export interface AccountDraft {
  email: string;
  name: string;
  protocol: IncomingProtocol;
  incoming: ServerDraft;
  outgoing: ServerDraft;
  /** Set when the provider signs in with OAuth2; the person may still choose an app password (auth 'password'). */
  oauthProvider: OAuthProvider | null;
  /** 'oauth2' only with an oauthProvider: the engine then signs in in the system browser, and no password is sent. */
  auth: AccountAuth;
  caCertPem: string;
  refreshMinutes: string;
  leaveOnServer: boolean;
  /** Empty: never. */
  deleteAfterDays: string;
  deleteWhenTrashed: boolean;
  /** Not on the form: from a provider preset that says so, or kept from the edited account. */
  serverFilesSent: boolean;
  visibility: Visibility;
  /** The edited account's agents, kept when it stays private; null for a new account (attached to me). */
  agentIds: number[] | null;
}

function server(s: ServerSettings): ServerDraft {
  return { host: s.host, port: String(s.port), security: s.security, username: s.username };
}

export function newDraft(email = '', name = ''): AccountDraft {
  const user = email.trim();
  return {
    email, name, protocol: 'imap',
    incoming: { host: '', port: String(defaultPort('imap', 'tls')), security: 'tls', username: user },
    outgoing: { host: '', port: String(defaultPort('smtp', 'tls')), security: 'tls', username: user },
    oauthProvider: null, auth: 'password', caCertPem: '', refreshMinutes: '5',
    leaveOnServer: true, deleteAfterDays: '', deleteWhenTrashed: false, serverFilesSent: false,
    visibility: 'private', agentIds: null,
  };
}

/**
 * The person's own choices (name, options, visibility) stay; the servers become the candidate's. A provider that
 * signs in with OAuth2 starts on its sign-in, the way it asks to be used; an app password stays one click away.
 */
export function withCandidate(draft: AccountDraft, candidate: DiscoveredSettings): AccountDraft {
  const { incoming, outgoing, auth, oauthProvider, serverFilesSent } = candidate.settings;
  const provider = auth === 'oauth2' ? oauthProvider : null;
  return {
    ...draft,
    protocol: incoming.protocol,
    incoming: server(incoming),
    outgoing: server(outgoing),
    oauthProvider: provider,
    auth: provider ? 'oauth2' : 'password',
    serverFilesSent: serverFilesSent ?? false,
  };
}

export function draftFromAccount(account: AccountInfo): AccountDraft {
  const s = account.settings;
  return {
    email: account.email,
    name: account.name === account.email ? '' : account.name,
    protocol: s.incoming.protocol,
    incoming: server(s.incoming),
    outgoing: server(s.outgoing),
    // An account on an OAuth2 provider that uses an app password keeps the provider known, for the way back.
    oauthProvider: s.oauthProvider,
    auth: s.auth === 'oauth2' && s.oauthProvider ? 'oauth2' : 'password',
    caCertPem: s.caCertPem ?? '',
    refreshMinutes: String(Math.max(1, Math.round(s.refreshSeconds / 60))),
    leaveOnServer: s.pop3.leaveOnServer,
    deleteAfterDays: s.pop3.deleteAfterDays === null ? '' : String(s.pop3.deleteAfterDays),
    deleteWhenTrashed: s.pop3.deleteWhenTrashed,
    serverFilesSent: s.serverFilesSent,
    visibility: account.agentIds.length === 0 ? 'public' : 'private',
    agentIds: account.agentIds.length === 0 ? null : account.agentIds,
  };
}

/** A new address carries the user names along while they still are the old address (or empty). */
export function withEmail(d: AccountDraft, email: string): AccountDraft {
  const follow = (s: ServerDraft): ServerDraft =>
    s.username === '' || s.username === d.email.trim() ? { ...s, username: email.trim() } : s;
  return { ...d, email, incoming: follow(d.incoming), outgoing: follow(d.outgoing) };
}
