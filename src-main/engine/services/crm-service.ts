import type { RecordType } from '../../../src-shared/contract/index.js';
import { normalizeAddress } from '../../../src-shared/domain/address.js';
import { linkExisting, linksOf } from '../crm/links.js';
import { RecordsRepo } from '../crm/records-repo.js';
import { EngineError, notFound } from '../errors.js';
import { SUMMARY_COLUMNS, type MessageRow } from '../store/messages-repo.js';
import type { CallContext, DomainHandlers, ServiceDeps } from './handler.js';
import { summarize, visibleFoldersOf } from './message-summaries.js';

type CrmDomains = DomainHandlers<'contacts'> & DomainHandlers<'companies'> & DomainHandlers<'links'>;

/**
 * Contacts and companies are the office's, shared by every agent; what each agent sees of a record's history is
 * only the mail in folders it may see, and of a private message only that it exists.
 */
export function crmService(deps: ServiceDeps): CrmDomains {
  const sqlite = deps.store.sqlite;
  const records = new RecordsRepo(sqlite);
  const changed = (table: 'contacts' | 'companies', id: number) => deps.events.changed(table, [id]);

  /** Messages of a record's history the agent may see, newest first; `where` selects message ids. */
  const history = (ctx: CallContext, where: string, params: unknown[], limit: number, offset: number) => {
    const folders = JSON.stringify(visibleFoldersOf(deps, ctx).map((f) => f.id));
    const base = `FROM messages WHERE id IN (${where}) AND folder_id IN (SELECT value FROM json_each(?))`;
    const total = (sqlite.prepare(`SELECT count(*) AS n ${base}`).get(...params, folders) as { n: number }).n;
    const rows = sqlite.prepare(`SELECT ${SUMMARY_COLUMNS} ${base} ORDER BY date DESC, id DESC LIMIT ? OFFSET ?`).all(...params, folders, limit, offset) as MessageRow[];
    return { items: summarize(deps, rows, ctx), total };
  };

  const contactValues = (input: { firstName: string; lastName: string; email: string | null; email2: string | null; phones: string[]; companyId: number | null; companyName?: string | undefined; notes: string }) => {
    const companyId = input.companyId ?? (input.companyName ? records.companyNamed(input.companyName) : null);
    if (companyId !== null) records.company(companyId);
    return { firstName: input.firstName, lastName: input.lastName, email: input.email, email2: input.email2, phones: input.phones, companyId, notes: input.notes };
  };

  const recordExists = (type: RecordType, id: number) => (type === 'contact' ? records.contact(id) : records.company(id));

  const readableMessage = (id: number, ctx: CallContext) => {
    const row = deps.messages.get(id);
    deps.access.folder(ctx.agentId, row.folder_id);
    return row;
  };

  return {
    'contacts.list': (input) => records.contacts(input),
    'contacts.get': (input) => records.contact(input.id),
    'contacts.create': (input) => {
      const values = contactValues(input);
      records.assertAddressesFree([values.email, values.email2]);
      const id = sqlite.transaction(() => {
        const created = records.createContact(values);
        linkExisting(sqlite, created, [values.email, values.email2].filter((a): a is string => a !== null));
        return created;
      })();
      changed('contacts', id);
      deps.events.changed('messages', []);
      return records.contact(id);
    },
    'contacts.update': (input) => {
      const before = records.contact(input.id);
      const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<typeof input>;
      // A company named without an id replaces the current one.
      const companyId = given.companyId !== undefined ? given.companyId : given.companyName !== undefined ? null : before.companyId;
      const values = contactValues({ ...before, companyName: undefined, ...given, companyId });
      records.assertAddressesFree([values.email, values.email2], before.id);
      sqlite.transaction(() => {
        records.updateContact(before.id, values);
        // New addresses bring their mail; mail already filed stays in the history.
        const added = [values.email, values.email2].filter((a): a is string => a !== null && a !== before.email && a !== before.email2);
        linkExisting(sqlite, before.id, added);
      })();
      changed('contacts', before.id);
      return records.contact(before.id);
    },
    'contacts.delete': (input) => {
      records.setDeleted('contacts', input.id, true);
      changed('contacts', input.id);
      return records.contact(input.id);
    },
    'contacts.restore': (input) => {
      records.setDeleted('contacts', input.id, false);
      changed('contacts', input.id);
      return records.contact(input.id);
    },
    'contacts.history': (input, ctx) => {
      records.contact(input.id);
      return history(ctx, "SELECT message_id FROM message_links WHERE record_type = 'contact' AND record_id = ?", [input.id], input.limit, input.offset);
    },

    'companies.list': (input) => records.companies(input),
    'companies.get': (input) => records.company(input.id),
    'companies.create': (input) => {
      const id = records.createCompany(input.name, input.notes);
      changed('companies', id);
      return records.company(id);
    },
    'companies.update': (input) => {
      records.updateCompany(input.id, input);
      changed('companies', input.id);
      return records.company(input.id);
    },
    'companies.delete': (input) => {
      records.setDeleted('companies', input.id, true);
      changed('companies', input.id);
      return records.company(input.id);
    },
    'companies.restore': (input) => {
      records.setDeleted('companies', input.id, false);
      changed('companies', input.id);
      return records.company(input.id);
    },
    'companies.history': (input, ctx) => {
      records.company(input.id);
      return history(
        ctx,
        `SELECT message_id FROM message_links WHERE record_type = 'company' AND record_id = ?
         UNION SELECT l.message_id FROM message_links l JOIN contacts c ON c.id = l.record_id WHERE l.record_type = 'contact' AND c.company_id = ?`,
        [input.id, input.id],
        input.limit,
        input.offset,
      );
    },

    'links.ofMessage': (input, ctx) => {
      readableMessage(input.messageId, ctx);
      return { items: linksOf(sqlite, [input.messageId]).get(input.messageId) ?? [] };
    },
    'links.add': (input, ctx) => {
      readableMessage(input.messageId, ctx);
      recordExists(input.type, input.id);
      // A manual link says why from now on, even where an address had already filed the message.
      sqlite.prepare("INSERT INTO message_links (message_id, record_type, record_id, reason) VALUES (?, ?, ?, 'manual') ON CONFLICT DO UPDATE SET reason = 'manual'")
        .run(input.messageId, input.type, input.id);
      deps.events.changed('messages', [input.messageId]);
      return { items: linksOf(sqlite, [input.messageId]).get(input.messageId) ?? [] };
    },
    'links.remove': (input, ctx) => {
      readableMessage(input.messageId, ctx);
      const removed = sqlite.prepare('DELETE FROM message_links WHERE message_id = ? AND record_type = ? AND record_id = ?').run(input.messageId, input.type, input.id).changes;
      if (removed === 0) throw notFound(`A link from message ${input.messageId} to ${input.type} ${input.id}`);
      deps.events.changed('messages', [input.messageId]);
      return { items: linksOf(sqlite, [input.messageId]).get(input.messageId) ?? [] };
    },
    'links.ambiguous': () => {
      const rows = sqlite
        .prepare(
          `SELECT q.address, c.id, trim(c.first_name || ' ' || c.last_name) AS name FROM ambiguous_addresses q
           JOIN contacts c ON (c.email = q.address OR c.email2 = q.address) AND c.deleted_at IS NULL
           WHERE q.contact_id IS NULL ORDER BY q.address, c.id`,
        )
        .all() as Array<{ address: string; id: number; name: string }>;
      const byAddress = new Map<string, Array<{ id: number; name: string }>>();
      for (const r of rows) byAddress.set(r.address, [...(byAddress.get(r.address) ?? []), { id: r.id, name: r.name || r.address }]);
      // An address left with one contact (the others deleted or changed) is no longer a question.
      return { items: [...byAddress].filter(([, contacts]) => contacts.length > 1).map(([address, contacts]) => ({ address, contacts })) };
    },
    'links.settle': (input) => {
      const address = normalizeAddress(input.address);
      const contact = records.contact(input.contactId);
      if (contact.email !== address && contact.email2 !== address) {
        throw new EngineError('INVALID_INPUT', `${address} is not an address of contact ${contact.id}; choose one of the contacts that have it.`);
      }
      const linked = sqlite.transaction(() => {
        sqlite.prepare('INSERT INTO ambiguous_addresses (address, contact_id) VALUES (?, ?) ON CONFLICT (address) DO UPDATE SET contact_id = excluded.contact_id').run(address, contact.id);
        return linkExisting(sqlite, contact.id, [address]);
      })();
      deps.events.changed('messages', []);
      return { linked };
    },
  };
}
