import type Database from 'better-sqlite3';
import type { Deal, Lead } from '../../../src-shared/contract/index.js';
import { normalizeAddress } from '../../../src-shared/domain/address.js';
import { notFound } from '../errors.js';
import { cached } from '../store/statements.js';
import { PERSON_NAME } from './record-names.js';
import { isoNotNull, pageOf, wordConditions } from './sql-values.js';

interface LeadRow {
  id: number; first_name: string; last_name: string; email: string | null; phone: string; company_name: string; source: string;
  status: Lead['status']; notes: string; contact_id: number | null; deleted_at: number | null; created_at: number;
}
interface DealRow {
  id: number; title: string; company_id: number | null; company_name: string | null; contact_id: number | null; contact_name: string | null;
  amount: number | null; currency: string; stage: Deal['stage']; notes: string; deleted_at: number | null; created_at: number;
}

const toLead = (r: LeadRow): Lead => ({
  id: r.id, firstName: r.first_name, lastName: r.last_name, email: r.email, phone: r.phone, companyName: r.company_name, source: r.source,
  status: r.status, notes: r.notes, contactId: r.contact_id, deleted: r.deleted_at !== null, createdAt: isoNotNull(r.created_at),
});
const toDeal = (r: DealRow): Deal => ({
  id: r.id, title: r.title, companyId: r.company_id, companyName: r.company_name, contactId: r.contact_id, contactName: r.contact_name,
  amount: r.amount, currency: r.currency, stage: r.stage, notes: r.notes, deleted: r.deleted_at !== null, createdAt: isoNotNull(r.created_at),
});

const DEAL_SELECT = `d.*, co.name AS company_name, ${PERSON_NAME('c')} AS contact_name`;
const DEAL_FROM = 'deals d LEFT JOIN companies co ON co.id = d.company_id LEFT JOIN contacts c ON c.id = d.contact_id';

export type LeadValues = Pick<Lead, 'firstName' | 'lastName' | 'email' | 'phone' | 'companyName' | 'source' | 'status' | 'notes'>;
export type DealValues = Pick<Deal, 'title' | 'companyId' | 'contactId' | 'amount' | 'currency' | 'stage' | 'notes'>;

/** Leads (prospects not yet customers) and deals (sales in progress). */
export class PipelineRepo {
  constructor(private readonly sqlite: Database.Database) {}

  lead(id: number): Lead {
    const row = cached(this.sqlite, 'SELECT * FROM leads WHERE id = ?').get(id) as LeadRow | undefined;
    if (!row) throw notFound(`Lead ${id}`);
    return toLead(row);
  }

  leads(q: { query: string; status?: Lead['status'] | undefined; includeDeleted: boolean; limit: number; offset: number }) {
    const words = wordConditions(`first_name || ' ' || last_name || ' ' || coalesce(email, '') || ' ' || company_name || ' ' || phone`, q.query);
    const where = [...(q.includeDeleted ? [] : ['deleted_at IS NULL']), ...(q.status ? ['status = ?'] : []), ...words.where];
    const { rows, total } = pageOf<LeadRow>(this.sqlite, {
      select: '*', from: 'leads', where, params: [...(q.status ? [q.status] : []), ...words.params],
      order: 'created_at DESC, id DESC', limit: q.limit, offset: q.offset,
    });
    return { items: rows.map(toLead), total };
  }

  createLead(v: LeadValues): number {
    return (cached(this.sqlite, 'INSERT INTO leads (first_name, last_name, email, phone, company_name, source, status, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id')
      .get(v.firstName, v.lastName, v.email && normalizeAddress(v.email), v.phone, v.companyName, v.source, v.status, v.notes) as { id: number }).id;
  }

  updateLead(id: number, v: LeadValues & { contactId?: number | null }): void {
    const before = this.lead(id);
    cached(this.sqlite, 'UPDATE leads SET first_name = ?, last_name = ?, email = ?, phone = ?, company_name = ?, source = ?, status = ?, notes = ?, contact_id = ? WHERE id = ?')
      .run(v.firstName, v.lastName, v.email && normalizeAddress(v.email), v.phone, v.companyName, v.source, v.status, v.notes, v.contactId === undefined ? before.contactId : v.contactId, id);
  }

  deal(id: number): Deal {
    const row = cached(this.sqlite, `SELECT ${DEAL_SELECT} FROM ${DEAL_FROM} WHERE d.id = ?`).get(id) as DealRow | undefined;
    if (!row) throw notFound(`Deal ${id}`);
    return toDeal(row);
  }

  deals(q: { query: string; stage?: Deal['stage'] | undefined; companyId?: number | undefined; includeDeleted: boolean; limit: number; offset: number }) {
    const words = wordConditions(`d.title || ' ' || coalesce(co.name, '') || ' ' || c.first_name || ' ' || c.last_name`, q.query);
    const where = [...(q.includeDeleted ? [] : ['d.deleted_at IS NULL']), ...(q.stage ? ['d.stage = ?'] : []), ...(q.companyId ? ['d.company_id = ?'] : []), ...words.where];
    const { rows, total } = pageOf<DealRow>(this.sqlite, {
      select: DEAL_SELECT, from: DEAL_FROM, where, params: [...(q.stage ? [q.stage] : []), ...(q.companyId ? [q.companyId] : []), ...words.params],
      order: 'd.created_at DESC, d.id DESC', limit: q.limit, offset: q.offset,
    });
    return { items: rows.map(toDeal), total };
  }

  createDeal(v: DealValues): number {
    return (cached(this.sqlite, 'INSERT INTO deals (title, company_id, contact_id, amount, currency, stage, notes) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id')
      .get(v.title, v.companyId, v.contactId, v.amount, v.currency, v.stage, v.notes) as { id: number }).id;
  }

  updateDeal(id: number, v: DealValues): void {
    cached(this.sqlite, 'UPDATE deals SET title = ?, company_id = ?, contact_id = ?, amount = ?, currency = ?, stage = ?, notes = ? WHERE id = ?')
      .run(v.title, v.companyId, v.contactId, v.amount, v.currency, v.stage, v.notes, id);
  }
}
