import type { Draft, SavedDraft } from '../../../src-shared/contract/compose.js';
import { EngineError, forbidden } from '../errors.js';
import type { ServiceDeps } from '../services/handler.js';
import { DraftCopies, type CopyTiming } from './draft-copies.js';
import { heldBlobs, storeUploads } from './draft-files.js';
import { DraftsRepo, toSaved, type DraftRow } from './drafts-repo.js';

/**
 * What composers hold, kept by the engine as it is typed. Only the author sees or changes a draft. Each save writes
 * the JSON at once (cheap: a row and the holds on its files); the MIME copy in the Drafts folder follows, coalesced.
 */
export class Drafts {
  readonly repo: DraftsRepo;
  readonly copies: DraftCopies;

  constructor(
    private readonly deps: ServiceDeps,
    timing?: CopyTiming,
  ) {
    this.repo = new DraftsRepo(deps.store.sqlite);
    this.copies = new DraftCopies(deps, this.repo, timing);
  }

  save(agentId: number, id: number | undefined, input: Draft): { id: number; savedAt: string } {
    usableAccount(this.deps, agentId, input.accountId);
    const before = id === undefined ? undefined : this.own(agentId, id);
    const { draft, stored } = storeUploads(this.deps, input);
    const json = JSON.stringify(draft);
    // The composer saves on a timer: an unchanged draft costs one read and leaves its copy alone.
    if (before && before.draft === json) return { id: before.id, savedAt: new Date(before.saved_at).toISOString() };
    const holds = heldBlobs(this.deps, draft, agentId, stored);
    // saved_at only grows: the stale-copy check compares it with the copy's time.
    const savedAt = Math.max(Date.now(), (before?.saved_at ?? 0) + 1);
    const saved = this.deps.store.sqlite.transaction(() => {
      const draftId = before ? before.id : this.repo.insert(agentId, json, savedAt);
      if (before) this.repo.update(before.id, json, savedAt);
      this.repo.hold(draftId, holds);
      return draftId;
    })();
    this.copies.schedule(saved);
    return { id: saved, savedAt: new Date(savedAt).toISOString() };
  }

  get(agentId: number, id: number): SavedDraft {
    return toSaved(this.own(agentId, id));
  }

  list(agentId: number): SavedDraft[] {
    return this.repo.listOf(agentId).map(toSaved);
  }

  /** The draft, its holds and its Drafts-folder copies; false when there was no such draft. */
  async delete(agentId: number, id: number): Promise<boolean> {
    const row = this.repo.find(id);
    if (!row) return false;
    if (row.agent_id !== agentId) throw forbidden('delete a draft another agent is writing');
    this.repo.remove(id);
    await this.copies.removeCopies(id, row.created_at);
    return true;
  }

  private own(agentId: number, id: number): DraftRow {
    const row = this.repo.find(id);
    if (!row) throw new EngineError('NOT_FOUND', `Draft ${id} does not exist (it was sent or deleted).`);
    if (row.agent_id !== agentId) throw forbidden('open a draft another agent is writing');
    return row;
  }
}

/** An account the agent may write from: attached to it, or public. */
export function usableAccount(deps: Pick<ServiceDeps, 'accounts'>, agentId: number, accountId: number) {
  const account = deps.accounts.get(accountId);
  if (account.agentIds.length > 0 && !account.agentIds.includes(agentId)) throw forbidden('write from this account: it is attached to other agents');
  return account;
}
