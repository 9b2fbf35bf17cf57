import type { AccountsRepo } from '../store/accounts-repo.js';
import { EngineError } from '../errors.js';
import type { SecretBox } from '../shell.js';

/** What a client logs in with; the clear text lives only in memory, for the length of a connection. */
export type Credentials = { user: string; password: string } | { user: string; accessToken: string };

export async function sealPassword(accounts: AccountsRepo, secrets: SecretBox, accountId: number, password: string): Promise<void> {
  accounts.setSecret(accountId, 'password', await secrets.encrypt(password));
}

export async function passwordOf(accounts: AccountsRepo, secrets: SecretBox, accountId: number): Promise<string> {
  const sealed = accounts.secret(accountId, 'password');
  if (!sealed) throw new EngineError('AUTH_FAILED', 'No password is saved for this account; enter it in the account settings.');
  try {
    return await secrets.decrypt(sealed);
  } catch (error) {
    throw new EngineError('SECRETS_UNAVAILABLE', `The saved password cannot be unlocked (${(error as Error).message}); enter it again.`);
  }
}
