import { z } from 'zod';
import { Address, Id, IsoDate } from './common.js';
import { DraftAttachment } from './compose.js';
import { command, patchOf } from './define.js';

/*
 * Templates live in the Templates folder trees (Local Folders' and each account's, and their subfolders). A template
 * is written in parts — greeting, purpose, closing — each editable on its own, with merge fields such as
 * {{contact.firstName}} filled for each recipient (see domain/merge-fields.ts).
 */

export const Template = z.object({
  id: Id,
  folderId: Id,
  name: z.string(),
  subject: z.string(),
  greeting: z.string(),
  body: z.string(),
  closing: z.string(),
  /** The outgoing category a message sent from it gets. */
  category: z.string().nullable(),
  attachments: z.array(DraftAttachment),
  updatedAt: IsoDate,
  createdAt: IsoDate,
});
export type Template = z.infer<typeof Template>;

const TemplateFields = z.object({
  /** A folder of a Templates tree; default: Local Folders' Templates. */
  folderId: Id.optional(),
  name: z.string().trim().min(1).max(200),
  subject: z.string().max(998).default(''),
  greeting: z.string().max(1_000_000).default(''),
  body: z.string().max(10_000_000).default(''),
  closing: z.string().max(1_000_000).default(''),
  category: z.string().trim().min(1).max(80).nullable().default(null),
  /** Files as the engine holds them (compose.upload first). */
  attachments: z.array(DraftAttachment).max(50).default([]),
});

/** Who a template is filled for: a contact (and its company), a company, or just an address. */
export const MergeTarget = z.object({ contactId: Id.optional(), companyId: Id.optional(), leadId: Id.optional(), address: Address.optional() });
export type MergeTarget = z.infer<typeof MergeTarget>;

const Rendered = z.object({ subject: z.string(), html: z.string(), missing: z.array(z.string()), unknown: z.array(z.string()) });

export const templatesCommands = {
  'templates.list': command(z.object({ folderId: Id.optional(), query: z.string().max(200).default('') }), z.object({ items: z.array(Template) })),
  'templates.get': command(z.object({ id: Id }), Template),
  'templates.create': command(TemplateFields, Template),
  'templates.update': command(patchOf(TemplateFields).extend({ id: Id }), Template),
  'templates.delete': command(z.object({ id: Id }), z.object({ deleted: z.boolean() })),
  /**
   * The template filled for a recipient, as it will be sent: subject and HTML (greeting, body and closing joined),
   * with each field that has no value left visible and marked, and listed in `missing` (with markMissing false,
   * as sent: such a field is empty, still listed). `unknown`: names between braces that are no merge field, left
   * as written (a template cannot be saved with one; see domain/merge-fields.ts).
   */
  'templates.render': command(z.object({ id: Id, target: MergeTarget.default({}), markMissing: z.boolean().default(true) }), Rendered),
  /** Parts being edited, not yet saved, filled as templates.render fills a saved template (the editor's live preview). */
  'templates.preview': command(
    z.object({ parts: TemplateFields.pick({ subject: true, greeting: true, body: true, closing: true }), target: MergeTarget.default({}), markMissing: z.boolean().default(true) }),
    Rendered,
  ),
};
