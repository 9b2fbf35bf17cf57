import { normalizeAddress } from '../../../src-shared/domain/address.js';
import { linkExisting, linksOf } from '../crm/links.js';
import { addressStates, RecordsRepo } from '../crm/records-repo.js';
import { purgeFromHistory } from '../crm/kept-history.js';
import { suggestContact } from '../crm/signature.js';
import { fileByHand, readableMessage, readableOrKept } from './record-links.js';
import { EngineError, forbidden, notFound } from '../errors.js';
import { SUMMARY_COLUMNS, type MessageRow } from '../store/messages-repo.js';
import type { CallContext, DomainHandlers, ServiceDeps } from './handler.js';
import { summarize, visibleFoldersOf } from './message-summaries.js';

type CrmDomains = DomainHandlers<'contacts'> & DomainHandlers<'companies'> & DomainHandlers<'links'> & DomainHandlers<'addresses'>;

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

  const readable = (id: number, ctx: CallContext) => readableMessage(deps, id, ctx);
  const linksNow = (messageId: number) => ({ items: linksOf(sqlite, [messageId]).get(messageId) ?? [] });

  /** Live contacts with this address, the duplicate check's answer. */
  const withAddress = (address: string) =>
    (sqlite.prepare('SELECT id FROM contacts WHERE (email = ? OR email2 = ?) AND deleted_at IS NULL ORDER BY id').all(address, address) as Array<{ id: number }>).map((r) => records.contact(r.id));

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
      sqlite.transaction(() => {
        records.setDeleted('contacts', input.id, false);
        const contact = records.contact(input.id);
        // Mail that came while it was deleted joins its history; an address another contact took meanwhile becomes
        // a shared address, asked about once (Shared addresses), rather than a guess either way.
        for (const address of [contact.email, contact.email2].filter((a): a is string => a !== null)) {
          if (withAddress(address).length > 1) sqlite.prepare('INSERT OR IGNORE INTO ambiguous_addresses (address) VALUES (?)').run(address);
          else linkExisting(sqlite, contact.id, [address]);
        }
      })();
      changed('contacts', input.id);
      deps.events.changed('messages', []);
      return records.contact(input.id);
    },
    'contacts.history': (input, ctx) => {
      records.contact(input.id);
      return history(ctx, "SELECT message_id FROM message_links WHERE record_type = 'contact' AND record_id = ?", [input.id], input.limit, input.offset);
    },

    'contacts.suggest': (input, ctx) => {
      const m = readable(input.messageId, ctx);
      const visible = deps.access.canSeeContent(ctx.agentId, m);
      const guess = suggestContact({ fromName: m.from_name, fromAddress: m.from_address, text: visible ? m.text_body : null });
      const byAddress = guess.email ? withAddress(normalizeAddress(guess.email)) : [];
      const byName = guess.firstName && guess.lastName
        ? records.contacts({ query: `${guess.firstName} ${guess.lastName}`, includeDeleted: false, limit: 5, offset: 0 }).items
        : [];
      const duplicates = [...byAddress, ...byName.filter((c) => !byAddress.some((b) => b.id === c.id))];
      const company = guess.companyName
        ? (sqlite.prepare('SELECT id FROM companies WHERE ulower(name) = ulower(?) AND deleted_at IS NULL ORDER BY id LIMIT 1').get(guess.companyName) as { id: number } | undefined)
        : undefined;
      return { ...guess, duplicates, companyId: company?.id ?? null };
    },
    'contacts.addSenders': (input, ctx) => {
      const created: number[] = [];
      let existing = 0;
      sqlite.transaction(() => {
        const seen = new Set<string>();
        for (const id of input.messageIds) {
          const m = readable(id, ctx);
          const address = normalizeAddress(m.from_address);
          if (!address || seen.has(address)) continue;
          seen.add(address);
          if (withAddress(address).length > 0) {
            existing += 1;
            continue;
          }
          const name = suggestContact({ fromName: m.from_name, fromAddress: m.from_address, text: null });
          const contactId = records.createContact({ firstName: name.firstName, lastName: name.lastName, email: address, email2: null, phones: [], companyId: null, notes: '' });
          linkExisting(sqlite, contactId, [address]);
          created.push(contactId);
        }
      })();
      if (created.length > 0) {
        deps.events.changed('contacts', created);
        deps.events.changed('messages', []);
      }
      return { created: created.map((id) => records.contact(id)), existing };
    },

    'addresses.setBlacklisted': (input) => {
      const address = normalizeAddress(input.address);
      sqlite.prepare('INSERT INTO address_states (address, blacklisted_at) VALUES (?, ?) ON CONFLICT (address) DO UPDATE SET blacklisted_at = excluded.blacklisted_at')
        .run(address, input.blacklisted ? Date.now() : null);
      const holders = withAddress(address).map((c) => c.id);
      if (holders.length > 0) deps.events.changed('contacts', holders);
      return addressStates(sqlite, [address]).get(address) ?? { address, blacklisted: false, bounce: null };
    },
    'addresses.states': (input) => {
      const addresses = [...new Set(input.addresses.map(normalizeAddress))];
      const states = addressStates(sqlite, addresses);
      return { items: addresses.map((a) => states.get(a) ?? { address: a, blacklisted: false, bounce: null }) };
    },

    'companies.list': (input) => records.companies(input),
    'companies.get': (input) => records.company(input.id),
    'companies.create': (input) => {
      records.assertCompanyNameFree(input.name);
      const id = records.createCompany(input.name, input.notes);
      changed('companies', id);
      return records.company(id);
    },
    'companies.update': (input) => {
      if (input.name !== undefined) records.assertCompanyNameFree(input.name, input.id);
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
      readable(input.messageId, ctx);
      return { items: linksOf(sqlite, [input.messageId]).get(input.messageId) ?? [] };
    },
    'links.add': (input, ctx) => {
      fileByHand(deps, ctx, input.messageId, input);
      return linksNow(input.messageId);
    },
    'links.remove': (input, ctx) => {
      readable(input.messageId, ctx);
      const removed = sqlite.prepare('DELETE FROM message_links WHERE message_id = ? AND record_type = ? AND record_id = ?').run(input.messageId, input.type, input.id).changes;
      if (removed === 0) throw notFound(`A link from message ${input.messageId} to ${input.type} ${input.id}`);
      deps.events.changed('messages', [input.messageId]);
      return linksNow(input.messageId);
    },
    'links.replaceSender': (input, ctx) => {
      const message = readable(input.messageId, ctx);
      records.contact(input.contactId);
      const generic = normalizeAddress(message.from_address);
      sqlite.transaction(() => {
        // The contacts (and their companies) the generic address filed it under give way to the real sender.
        const viaGeneric = sqlite.prepare('SELECT id, company_id FROM contacts WHERE email = ? OR email2 = ?').all(generic, generic) as Array<{ id: number; company_id: number | null }>;
        const drop = sqlite.prepare("DELETE FROM message_links WHERE message_id = ? AND record_type = ? AND record_id = ? AND reason = 'address'");
        for (const c of viaGeneric) {
          drop.run(input.messageId, 'contact', c.id);
          if (c.company_id !== null) drop.run(input.messageId, 'company', c.company_id);
        }
        fileByHand(deps, ctx, input.messageId, { type: 'contact', id: input.contactId });
        const company = records.contact(input.contactId).companyId;
        if (company !== null) fileByHand(deps, ctx, input.messageId, { type: 'company', id: company });
      })();
      return linksNow(input.messageId);
    },
    'links.purge': (input, ctx) => {
      // Irreversible: a private email is its owner's to remove from the histories.
      if (!readableOrKept(deps, input.messageId, ctx).content) throw forbidden('remove this email from the histories: it is private to the agent who sent it');
      const removed = purgeFromHistory(sqlite, input.messageId);
      deps.events.changed('messages', [input.messageId]);
      return { removed };
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
      // The contact's history grew, and the address left the queue.
      changed('contacts', contact.id);
      return { linked };
    },
  };
}
