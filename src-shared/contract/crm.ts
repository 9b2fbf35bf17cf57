import { z } from 'zod';
import { Id, IsoDate } from './common.js';
import { command, patchOf } from './define.js';
import { MessageLink, RecordType } from './link.js';
import { MessageSummary } from './messages.js';


export const AddressState = z.object({ address: z.string(), blacklisted: z.boolean(), bounce: z.enum(['hard', 'soft']).nullable() });
export type AddressState = z.infer<typeof AddressState>;

export const Contact = z.object({
  id: Id,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  email2: z.string().nullable(),
  phones: z.array(z.string()),
  companyId: Id.nullable(),
  companyName: z.string().nullable(),
  notes: z.string(),
  /** The state of each of its addresses: kept out of mass mailings (blacklisted), bounced by the recipient's server. */
  addressStates: z.array(AddressState),
  deleted: z.boolean(),
  createdAt: IsoDate,
});
export type Contact = z.infer<typeof Contact>;

/** What quick-create proposes for an email's sender: the display name split, and the signature block's phone and company. */
export const ContactSuggestion = z.object({
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  phones: z.array(z.string()),
  companyName: z.string(),
  /** The job title when the signature gives one ("Directeur commercial"). */
  jobTitle: z.string(),
  /** Contacts that already have this address or name: open one instead of creating a duplicate. */
  duplicates: z.array(Contact),
  /** A company with that name already exists. */
  companyId: Id.nullable(),
});
export type ContactSuggestion = z.infer<typeof ContactSuggestion>;

export const Company = z.object({ id: Id, name: z.string(), notes: z.string(), contacts: z.number().int(), deleted: z.boolean(), createdAt: IsoDate });
export type Company = z.infer<typeof Company>;

const email = z.email().max(320).nullable();
const name = z.string().trim().max(200);
const ContactFields = z.object({
  firstName: name.default(''),
  lastName: name.default(''),
  email: email.default(null),
  email2: email.default(null),
  phones: z.array(z.string().trim().min(1).max(50)).max(10).default([]),
  /** An existing company, or a company name (found, else created). */
  companyId: Id.nullable().default(null),
  companyName: name.optional(),
  notes: z.string().max(20_000).default(''),
});

const History = z.object({ items: z.array(MessageSummary), total: z.number().int() });
const page = { limit: z.number().int().min(1).max(500).default(100), offset: z.number().int().min(0).default(0) };

export const crmCommands = {
  'contacts.list': command(z.object({ query: z.string().max(200).default(''), companyId: Id.optional(), includeDeleted: z.boolean().default(false), ...page }), z.object({ items: z.array(Contact), total: z.number().int() })),
  'contacts.get': command(z.object({ id: Id }), Contact),
  /** Refused when another contact has one of its addresses (duplicate check); the mail of its addresses is linked. */
  'contacts.create': command(ContactFields.refine((c) => c.firstName || c.lastName || c.email, { message: 'A contact needs a name or an email address' }), Contact),
  'contacts.update': command(patchOf(ContactFields).extend({ id: Id }), Contact),
  /** Soft: the contact leaves lists and automatic linking, keeps its history, and can be restored. */
  'contacts.delete': command(z.object({ id: Id }), Contact),
  'contacts.restore': command(z.object({ id: Id }), Contact),
  /** Every linked message the agent may see, newest first (private ones show that they exist, not what they say). */
  'contacts.history': command(z.object({ id: Id, ...page }), History),
  'companies.list': command(z.object({ query: z.string().max(200).default(''), includeDeleted: z.boolean().default(false), ...page }), z.object({ items: z.array(Company), total: z.number().int() })),
  'companies.get': command(z.object({ id: Id }), Company),
  'companies.create': command(z.object({ name: name.min(1), notes: z.string().max(20_000).default('') }), Company),
  'companies.update': command(z.object({ id: Id, name: name.min(1).optional(), notes: z.string().max(20_000).optional() }), Company),
  'companies.delete': command(z.object({ id: Id }), Company),
  'companies.restore': command(z.object({ id: Id }), Company),
  /** The company's own links and its contacts' mail, newest first. */
  'companies.history': command(z.object({ id: Id, ...page }), History),
  /** A contact prefilled from an email's sender (display name, signature block), with the duplicate check. */
  'contacts.suggest': command(z.object({ messageId: Id }), ContactSuggestion),
  /** "Add the sender(s) to the address book": a contact for each sender who is not one yet, named from the display name. */
  'contacts.addSenders': command(z.object({ messageIds: z.array(Id).min(1).max(1000) }), z.object({ created: z.array(Contact), existing: z.number().int() })),
  /** Keeps an address out of mass mailings (or lets it back in); any contact with that address shows it. */
  'addresses.setBlacklisted': command(z.object({ address: z.email().max(320), blacklisted: z.boolean() }), AddressState),
  /** The states of some addresses, for warnings while writing. */
  'addresses.states': command(z.object({ addresses: z.array(z.string().max(320)).max(500) }), z.object({ items: z.array(AddressState) })),
  'links.ofMessage': command(z.object({ messageId: Id }), z.object({ items: z.array(MessageLink) })),
  'links.add': command(z.object({ messageId: Id, type: RecordType, id: Id }), z.object({ items: z.array(MessageLink) })),
  'links.remove': command(z.object({ messageId: Id, type: RecordType, id: Id }), z.object({ items: z.array(MessageLink) })),
  /**
   * For mail from a generic address (info@, noreply@, a web form): the message is that contact's, as if they had
   * sent it; the links the generic address made are replaced.
   */
  'links.replaceSender': command(z.object({ messageId: Id, contactId: Id }), z.object({ items: z.array(MessageLink) })),
  /**
   * Removes an email from every record's history for good. An email still in a mailbox stays there and only loses
   * its links; one already deleted from the mailbox (kept for the history) is then gone. `removed` says whether it
   * was in any history at all.
   */
  'links.purge': command(z.object({ messageId: Id }), z.object({ removed: z.boolean() })),
  /** Addresses several contacts share, waiting for the person to say which contact they are. */
  'links.ambiguous': command(z.object({}), z.object({ items: z.array(z.object({ address: z.string(), contacts: z.array(z.object({ id: Id, name: z.string() })) })) })),
  /** From now on this address is that contact: its mail so far is linked too. */
  'links.settle': command(z.object({ address: z.string().min(3).max(320), contactId: Id }), z.object({ linked: z.number().int() })),
};
