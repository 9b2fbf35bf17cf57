import { DealStage, LeadStatus, TicketStatus, type RecordType } from '../../../../src-shared/contract/index.js';
import { missingCase } from '../../../../src-shared/domain/exhaustive.js';
import { engine } from '../../../api/engine.js';
import { CRM_PAGE_SIZE, type ListView } from '../../../stores/crm-lists-store.js';
import type { RecordMap } from '../record-types.js';

export interface ListPage<T> {
  items: T[];
  total: number;
}

/** A filter's value, or undefined for "any" (and for a value the contract would refuse). */
function pick<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, value: string | undefined): T | undefined {
  if (!value) return undefined;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

const id = (value: string | undefined) => (value && /^[1-9][0-9]*$/.test(value) ? Number(value) : undefined);

/** Today at midnight, local time: "upcoming" events include the ones later today that already started. */
function startOfToday(): string {
  const d = new Date();
  d.setHours(0, 0, 0, 0);
  return d.toISOString();
}

/** One page of a section's list, with the section's own filters turned into its contract's fields. */
export async function fetchList<T extends RecordType>(type: T, view: ListView): Promise<ListPage<RecordMap[T]>> {
  const api = engine().client.api;
  const f = view.filters;
  const common = { query: view.query.trim(), includeDeleted: view.includeDeleted, limit: CRM_PAGE_SIZE, offset: view.offset };
  const kind: RecordType = type;
  let page: ListPage<RecordMap[RecordType]>;
  switch (kind) {
    case 'contact':
      page = await api.contacts.list(common);
      break;
    case 'company':
      page = await api.companies.list(common);
      break;
    case 'lead':
      page = await api.leads.list({ ...common, status: pick(LeadStatus, f.status) });
      break;
    case 'deal':
      page = await api.deals.list({ ...common, stage: pick(DealStage, f.stage) });
      break;
    case 'ticket':
      page = await api.tickets.list({ ...common, status: pick(TicketStatus, f.status), queue: f.queue || undefined, assigneeId: id(f.assigneeId) });
      break;
    case 'task': {
      const status = f.status === 'done' || f.status === 'all' ? f.status : 'open';
      page = await api.tasks.list({ ...common, status, category: f.category || undefined, assigneeId: id(f.assigneeId) });
      break;
    }
    case 'event':
      // Events have no text search in the contract: a period is how people look for them.
      page = await api.events.list({
        includeDeleted: view.includeDeleted,
        limit: CRM_PAGE_SIZE,
        offset: view.offset,
        from: f.when === 'upcoming' ? startOfToday() : undefined,
      });
      break;
    default:
      return missingCase(kind);
  }
  return page as ListPage<RecordMap[T]>;
}

/** Sections whose contract has a text search. */
export const SEARCHABLE: Record<RecordType, boolean> = {
  contact: true,
  company: true,
  lead: true,
  deal: true,
  ticket: true,
  task: true,
  event: false,
};
