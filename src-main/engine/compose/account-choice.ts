import type { AccountInfo } from '../../../src-shared/contract/index.js';

/** Accounts an agent may send from: those attached to it, and the public ones (attached to nobody). */
export function sendableAccounts(all: AccountInfo[], agentId: number): AccountInfo[] {
  return all.filter((a) => a.agentIds.length === 0 || a.agentIds.includes(agentId));
}

/** The agent's own account: attached to this agent alone. */
export function isOwnPrivate(account: AccountInfo, agentId: number): boolean {
  return account.agentIds.length === 1 && account.agentIds[0] === agentId;
}

export interface AccountChoice {
  account: AccountInfo;
  /** Chosen without a question to ask: the agent's own account for a reply, or the only one there is. */
  settled: boolean;
}

/**
 * The From of a new draft (issue 7): a reply or forward goes out from the account the original arrived on — no
 * question when that is the agent's own private account, otherwise preselected among the accounts that fit;
 * anything else from the account the agent last sent from, else the first it may use. Null: no account at all.
 */
export function chooseAccount(sendable: AccountInfo[], agentId: number, originalAccountId: number | null, lastUsed: number | null): AccountChoice | null {
  if (sendable.length === 0) return null;
  const only = sendable.length === 1;
  const arrivedOn = originalAccountId !== null ? sendable.find((a) => a.id === originalAccountId) : undefined;
  if (arrivedOn) return { account: arrivedOn, settled: only || isOwnPrivate(arrivedOn, agentId) };
  const last = lastUsed !== null ? sendable.find((a) => a.id === lastUsed) : undefined;
  return { account: last ?? sendable[0]!, settled: only };
}
