import { sanitizeOutgoingHtml } from '../compose/html-body.js';
import { usableAccount } from '../compose-drafts/drafts.js';
import { suggestRecipients } from '../compose-drafts/recipients.js';
import { draftsRuntime } from '../compose-drafts/runtime.js';
import type { DomainHandlers, ServiceDeps } from './handler.js';

/** Drafts, the recipient fields' suggestions and the accounts' signatures: what the composer keeps and offers. */
export function draftsHandlers(deps: ServiceDeps): DomainHandlers<'drafts'> & DomainHandlers<'recipients'> & DomainHandlers<'signatures'> {
  const { drafts, signatures } = draftsRuntime(deps);
  return {
    'drafts.save': (input, ctx) => drafts.save(ctx.agentId, input.id, input.draft),
    'drafts.get': (input, ctx) => drafts.get(ctx.agentId, input.id),
    'drafts.list': (_input, ctx) => ({ items: drafts.list(ctx.agentId) }),
    'drafts.delete': async (input, ctx) => ({ deleted: await drafts.delete(ctx.agentId, input.id) }),

    'recipients.suggest': (input, ctx) => ({
      items: suggestRecipients(deps.store.sqlite, { query: input.query, limit: input.limit, agentId: ctx.agentId, accountIds: [...deps.access.visibleAccountIds(ctx.agentId)] }),
    }),

    'signatures.get': (input, ctx) => signatures.get(usableAccount(deps, ctx.agentId, input.accountId).id),
    'signatures.set': (input, ctx) => {
      usableAccount(deps, ctx.agentId, input.accountId);
      // It goes into every message written from the account: cut down to formatting, links and pictures like a body.
      return signatures.set({ accountId: input.accountId, html: input.html.trim() === '' ? '' : sanitizeOutgoingHtml(input.html), position: input.position });
    },
  };
}

/** For the compose service once a draft is sent: the draft, its files' holds and its Drafts-folder copies go. */
export function deleteDraft(deps: ServiceDeps, id: number, agentId: number): Promise<boolean> {
  return draftsRuntime(deps).drafts.delete(agentId, id);
}

/** Background hosts: scheduled messages go out on time, and Drafts copies a quit left behind are written. */
export function startDrafts(deps: ServiceDeps): void {
  const { drafts, scheduled } = draftsRuntime(deps);
  scheduled.start();
  void drafts.copies.catchUp();
}

/** Before the store closes: pending Drafts copies are written, the scheduler stops. */
export async function closeDrafts(deps: ServiceDeps): Promise<void> {
  const { drafts, scheduled } = draftsRuntime(deps);
  await scheduled.stop();
  await drafts.copies.close();
}
