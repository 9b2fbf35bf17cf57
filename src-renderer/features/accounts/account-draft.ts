import type { AccountInfo, DiscoveredSettings, Input } from '../../../src-shared/contract/index.js';
import type { AccountSettings, IncomingProtocol, OAuthProvider, Security, ServerSettings } from '../../../src-shared/domain/account-settings.js';
import { defaultPort } from './default-ports.js';

export type Visibility = 'private' | 'public';

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
  /** Set when the chosen provider signs in with OAuth2, which setup does not offer yet: a password is used. */
  oauthProvider: OAuthProvider | null;
  caCertPem: string;
  refreshMinutes: string;
  leaveOnServer: boolean;
  /** Empty: never. */
  deleteAfterDays: string;
  deleteWhenTrashed: boolean;
  /** Not on the form: kept from the edited account (discovery does not say which servers file sent mail). */
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
    oauthProvider: null, caCertPem: '', refreshMinutes: '5',
    leaveOnServer: true, deleteAfterDays: '', deleteWhenTrashed: false, serverFilesSent: false,
    visibility: 'private', agentIds: null,
  };
}

/** The person's own choices (name, options, visibility) stay; the servers become the candidate's. */
export function withCandidate(draft: AccountDraft, candidate: DiscoveredSettings): AccountDraft {
  const { incoming, outgoing, oauthProvider } = candidate.settings;
  return {
    ...draft,
    protocol: incoming.protocol,
    incoming: server(incoming),
    outgoing: server(outgoing),
    oauthProvider: candidate.settings.auth === 'oauth2' ? oauthProvider : null,
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
    oauthProvider: s.auth === 'oauth2' ? s.oauthProvider : null,
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

function settingsOf(s: ServerDraft): ServerSettings {
  return { host: s.host.trim(), port: Number(s.port), security: s.security, username: s.username.trim() };
}

/** For a draft that passed draftProblems(). */
export function settingsFromDraft(d: AccountDraft): AccountSettings {
  const days = d.deleteAfterDays.trim();
  return {
    incoming: { ...settingsOf(d.incoming), protocol: d.protocol },
    outgoing: settingsOf(d.outgoing),
    // Setup signs in with a password (an app password for OAuth2 providers) until OAuth sign-in is offered.
    auth: 'password',
    oauthProvider: null,
    caCertPem: d.caCertPem.trim() || null,
    refreshSeconds: Math.round(Number(d.refreshMinutes) * 60),
    serverFilesSent: d.serverFilesSent,
    pop3: { leaveOnServer: d.leaveOnServer, deleteAfterDays: days ? Number(days) : null, deleteWhenTrashed: d.deleteWhenTrashed },
  };
}

export function addInput(d: AccountDraft, password: string): Input<'accounts.add'> {
  const name = d.name.trim();
  return {
    email: d.email.trim(),
    ...(name ? { name } : {}),
    settings: settingsFromDraft(d),
    password,
    // Omitted: attached to the calling agent. Empty: public.
    ...(d.visibility === 'public' ? { agentIds: [] } : d.agentIds ? { agentIds: d.agentIds } : {}),
  };
}

/** A new address carries the user names along while they still are the old address (or empty). */
export function withEmail(d: AccountDraft, email: string): AccountDraft {
  const follow = (s: ServerDraft): ServerDraft =>
    s.username === '' || s.username === d.email.trim() ? { ...s, username: email.trim() } : s;
  return { ...d, email, incoming: follow(d.incoming), outgoing: follow(d.outgoing) };
}
