import type { Mailing } from '../../../src-shared/contract/index.js';
import { EngineError } from '../errors.js';
import { planRecipients, type PlannedRecipient } from '../mailings/recipients.js';
import type { MailingScheduler } from '../mailings/scheduler.js';
import { TemplatesRepo } from '../templates/templates-repo.js';
import type { CallContext, DomainHandlers, ServiceDeps } from './handler.js';
import { sendingAccount } from './outbox-service.js';

const REASON_WORDS: Record<NonNullable<PlannedRecipient['reason']>, string> = {
  'no-address': 'no usable address',
  duplicate: 'an address already in the list',
  blacklisted: 'a blacklisted address',
  'hard-bounce': 'an address that bounced for good',
};

/** Why nobody would receive it, counted by reason: "3 have no usable address, 1 has a blacklisted address". */
function nobodyLeft(planned: PlannedRecipient[]): EngineError {
  const counts = new Map<string, number>();
  for (const p of planned) counts.set(p.reason!, (counts.get(p.reason!) ?? 0) + 1);
  const parts = [...counts].map(([reason, n]) => `${n} ${n === 1 ? 'has' : 'have'} ${REASON_WORDS[reason as keyof typeof REASON_WORDS]}`);
  return new EngineError('INVALID_INPUT', `Nobody can receive this mailing: ${parts.join(', ')}. Choose other recipients.`, { skipped: Object.fromEntries(counts) });
}

/**
 * Group mailings (issue 7): seen and steered by the agents who may send from the mailing's account; sent as the
 * agent who started it, whose name and language fill the template.
 */
export function mailingsService(deps: ServiceDeps, scheduler: MailingScheduler): DomainHandlers<'mailings'> {
  const sqlite = deps.store.sqlite;
  const repo = scheduler.repo;
  const templates = new TemplatesRepo(sqlite);

  const mine = (id: number, ctx: CallContext) => {
    const row = repo.row(id);
    sendingAccount(deps, ctx.agentId, row.account_id);
    return row;
  };

  const changed = (id: number): Mailing => {
    scheduler.progress(id);
    scheduler.poke();
    return repo.get(id);
  };

  return {
    'mailings.create': (input, ctx) => {
      sendingAccount(deps, ctx.agentId, input.accountId);
      const template = templates.get(input.templateId);
      deps.access.folder(ctx.agentId, template.folderId);
      const planned = planRecipients(sqlite, input.recipients);
      if (!planned.some((p) => p.state === 'waiting')) throw nobodyLeft(planned);
      const id = sqlite.transaction(() => {
        const created = repo.insert({ templateId: template.id, accountId: input.accountId, agentId: ctx.agentId, subject: template.subject, perMinute: input.perMinute }, planned);
        repo.holdFiles(created, template.attachments.flatMap((a) => (a.kind === 'blob' ? [a.sha256] : [])));
        return created;
      })();
      return changed(id);
    },

    'mailings.list': (_input, ctx) => ({ items: repo.list([...deps.access.visibleAccountIds(ctx.agentId)]) }),

    'mailings.get': (input, ctx) => {
      mine(input.id, ctx);
      const mailing = repo.get(input.id);
      return { mailing, recipients: repo.recipients(input.id, input.limit, input.offset), total: mailing.total };
    },

    'mailings.pause': (input, ctx) => {
      const row = mine(input.id, ctx);
      if (row.state === 'running') repo.setState(row.id, 'paused');
      else if (row.state !== 'paused') throw new EngineError('CONFLICT', `This mailing is ${row.state}; only a running mailing can be paused.`);
      return changed(row.id);
    },

    'mailings.resume': (input, ctx) => {
      const row = mine(input.id, ctx);
      if (row.state === 'paused') repo.setState(row.id, 'running');
      else if (row.state !== 'running') throw new EngineError('CONFLICT', `This mailing is ${row.state}; only a paused mailing can be resumed.`);
      return changed(row.id);
    },

    'mailings.cancel': (input, ctx) => {
      const row = mine(input.id, ctx);
      if (row.state === 'running' || row.state === 'paused') {
        repo.setState(row.id, 'cancelled');
        repo.releaseFiles(row.id);
      } else if (row.state === 'done') {
        throw new EngineError('CONFLICT', 'This mailing is done: every message has been handed to the outbox.');
      }
      return changed(row.id);
    },
  };
}
