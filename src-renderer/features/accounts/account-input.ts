import type { AccountInfo, Input } from '../../../src-shared/contract/index.js';
import type { AccountSettings, ServerSettings } from '../../../src-shared/domain/account-settings.js';
import type { AccountDraft, ServerDraft } from './account-draft.js';

function settingsOf(s: ServerDraft): ServerSettings {
  return { host: s.host.trim(), port: Number(s.port), security: s.security, username: s.username.trim() };
}

/** True when the engine signs in for this draft (in the browser), so no password goes with it. */
export function signsInWithOAuth(d: AccountDraft): boolean {
  return d.auth === 'oauth2' && d.oauthProvider !== null;
}

/** For a draft that passed draftProblems(). */
export function settingsFromDraft(d: AccountDraft): AccountSettings {
  const days = d.deleteAfterDays.trim();
  return {
    incoming: { ...settingsOf(d.incoming), protocol: d.protocol },
    outgoing: settingsOf(d.outgoing),
    auth: signsInWithOAuth(d) ? 'oauth2' : 'password',
    // Kept with an app password too, so editing the account later can still offer the provider's sign-in.
    oauthProvider: d.oauthProvider,
    caCertPem: d.caCertPem.trim() || null,
    refreshSeconds: Math.round(Number(d.refreshMinutes) * 60),
    serverFilesSent: d.serverFilesSent,
    pop3: { leaveOnServer: d.leaveOnServer, deleteAfterDays: days ? Number(days) : null, deleteWhenTrashed: d.deleteWhenTrashed },
  };
}

/** The password only when the draft uses one and one was typed: an empty field on an edit keeps the saved one. */
function passwordOf(d: AccountDraft, password: string): { password?: string } {
  return !signsInWithOAuth(d) && password !== '' ? { password } : {};
}

export function addInput(d: AccountDraft, password: string): Input<'accounts.add'> {
  const name = d.name.trim();
  return {
    email: d.email.trim(),
    ...(name ? { name } : {}),
    settings: settingsFromDraft(d),
    ...passwordOf(d, password),
    // Omitted: attached to the calling agent. Empty: public.
    ...(d.visibility === 'public' ? { agentIds: [] } : d.agentIds ? { agentIds: d.agentIds } : {}),
  };
}

/**
 * The edited account, changed in place. An emptied name falls back to the address, as on adding. Omitted agents
 * stay as they are, so only a change of visibility names them: none for public, me for an account made private.
 */
export function updateInput(d: AccountDraft, editing: AccountInfo, password: string, myAgentId: number | null): Input<'accounts.update'> {
  const wasPublic = editing.agentIds.length === 0;
  let agentIds: number[] | undefined;
  if (d.visibility === 'public' && !wasPublic) agentIds = [];
  else if (d.visibility === 'private' && wasPublic && myAgentId !== null) agentIds = [myAgentId];
  return {
    id: editing.id,
    name: d.name.trim() || editing.email,
    settings: settingsFromDraft(d),
    ...passwordOf(d, password),
    ...(agentIds ? { agentIds } : {}),
  };
}
