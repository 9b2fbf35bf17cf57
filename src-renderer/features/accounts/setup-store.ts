import { create } from 'zustand';
import type { AccountInfo, DiscoveredSettings, ErrorCode, Output } from '../../../src-shared/contract/index.js';
import type { OAuthProvider } from '../../../src-shared/domain/account-settings.js';
import { newDraft, type AccountDraft } from './account-draft.js';

export type SetupStep = 'address' | 'settings' | 'password' | 'results';
export type SetupBusy = 'discovering' | 'adding' | 'signingIn' | 'saving' | 'testing' | 'removing';
export type TestOutcome = Output<'accounts.test'>;

/** A step that failed as a whole (not a server's answer to the test): the code to translate, the engine's words. */
export interface StepFailure {
  code: ErrorCode | 'UNKNOWN';
  message: string;
  /** Set when the provider's sign-in failed: its message (e.g. which variable to set) is then the news. */
  signIn?: OAuthProvider;
}

export interface SetupState {
  open: boolean;
  step: SetupStep;
  draft: AccountDraft;
  /** Null until discovery has answered; empty when it found nothing. */
  candidates: DiscoveredSettings[] | null;
  chosen: number;
  busy: SetupBusy | null;
  failure: StepFailure | null;
  outcome: TestOutcome | null;
  /** The account this dialog added and the person has not kept yet: removed again if they back out. */
  addedId: number | null;
  /** When editing: the account changed in place by accounts.update (its mail and folders stay). Never removed. */
  editing: AccountInfo | null;
  /** Held in memory only while the dialog is open, so "Edit settings" need not ask for it again. */
  password: string;
}

export const closedSetup: SetupState = {
  open: false,
  step: 'address',
  draft: newDraft(),
  candidates: null,
  chosen: 0,
  busy: null,
  failure: null,
  outcome: null,
  addedId: null,
  editing: null,
  password: '',
};

export const useSetup = create<SetupState>(() => closedSetup);

export function updateDraft(patch: Partial<AccountDraft>): void {
  useSetup.setState((s) => ({ draft: { ...s.draft, ...patch } }));
}

export function goTo(step: SetupStep): void {
  useSetup.setState({ step, failure: null });
}

export function testPassed(outcome: TestOutcome | null): boolean {
  return outcome !== null && outcome.incoming.ok && outcome.outgoing.ok;
}
