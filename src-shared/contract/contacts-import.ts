import { z } from 'zod';
import { Id } from './common.js';
import { command } from './define.js';

/** Where a CSV column goes. Several columns may feed `email` (the first two addresses are kept), `phone` and `notes`. */
export const ImportField = z.enum(['firstName', 'lastName', 'fullName', 'email', 'phone', 'company', 'notes', 'ignore']);
export type ImportField = z.infer<typeof ImportField>;

/** The text encodings a file can be read as; the engine detects one, the person may choose another. */
export const ImportEncoding = z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'windows-1250', 'iso-8859-2', 'iso-8859-15', 'iso-8859-16']);
export type ImportEncoding = z.infer<typeof ImportEncoding>;

/** 20 MB of file: a few hundred thousand contacts, far beyond an office's address book. */
const MAX_FILE_CHARS = Math.ceil((20 * 1024 * 1024 * 4) / 3) + 4;

const ImportSource = z.object({
  /** The file's name, for messages (its content decides the format). */
  filename: z.string().max(500).default(''),
  data: z.base64().max(MAX_FILE_CHARS, { message: 'The file is larger than 20 MB; split it into smaller files.' }),
  /** Read the file as this encoding instead of the detected one. */
  encoding: ImportEncoding.optional(),
  /** Changes to the automatic column mapping (CSV only): column index → field, `ignore` to leave one out. */
  mapping: z.array(z.object({ column: z.number().int().min(0).max(1000), field: ImportField })).max(1000).default([]),
  /** A row whose address is already a contact's: fill that contact's missing fields, or leave it as it is. */
  existing: z.enum(['merge', 'skip']).default('merge'),
});

export const ImportColumn = z.object({
  index: z.number().int(),
  header: z.string(),
  field: ImportField,
  /** Whether the field came from the header (automatic) or from the person's mapping. */
  mapped: z.enum(['auto', 'manual', 'none']),
  /** The first non-empty values of the column, to recognise it. */
  samples: z.array(z.string()),
});
export type ImportColumn = z.infer<typeof ImportColumn>;

/**
 * What happened (or, in a preview, will happen) to one row or card: a new contact, a contact that existed and got
 * its missing fields, one that existed and stayed as it was, a row that described only a company, or a row left out.
 */
export const ImportOutcome = z.enum(['created', 'merged', 'unchanged', 'company', 'skipped']);
export type ImportOutcome = z.infer<typeof ImportOutcome>;

/**
 * Something about one row, said with a code the window translates: why it was skipped (`empty`: no name, address
 * or company; `invalidAddress`; `existing`: its address is already a contact's and existing contacts are left
 * alone; `sameName`: no address, and several contacts have its name), or what was left out of it (`invalidAddress`,
 * `addressTaken`: another contact has that address, `extraAddress`: a contact holds two, `phoneDropped`,
 * `truncated`). `value` is the address, phone or name concerned.
 */
export const ImportRowNote = z.object({
  code: z.enum(['empty', 'invalidAddress', 'existing', 'sameName', 'addressTaken', 'extraAddress', 'phoneDropped', 'truncated']),
  field: z.enum(['firstName', 'lastName', 'email', 'phone', 'company', 'notes']).nullable(),
  value: z.string(),
});
export type ImportRowNote = z.infer<typeof ImportRowNote>;

export const ImportedRow = z.object({
  /** CSV: the line number in a spreadsheet (the header is row 1); vCard: the card's number, from 1. */
  row: z.number().int(),
  outcome: ImportOutcome,
  firstName: z.string(),
  lastName: z.string(),
  emails: z.array(z.string()),
  phones: z.array(z.string()),
  company: z.string(),
  notes: z.string(),
  /** The contact created, merged into, or matched; null for a company row or a skipped one (but `existing`'s). */
  contactId: Id.nullable(),
  companyId: Id.nullable(),
  /** Why the row was skipped. */
  reason: ImportRowNote.nullable(),
  /** What a merge filled in on the existing contact. */
  filled: z.array(z.enum(['firstName', 'lastName', 'email', 'email2', 'phones', 'company', 'notes'])),
  warnings: z.array(ImportRowNote),
});
export type ImportedRow = z.infer<typeof ImportedRow>;

export const ContactsImportReport = z.object({
  dryRun: z.boolean(),
  format: z.enum(['csv', 'vcard']),
  encoding: ImportEncoding,
  /** Rows (CSV) or cards (vCard) read from the file. */
  total: z.number().int(),
  created: z.number().int(),
  merged: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
  companiesCreated: z.number().int(),
  /** Mail already in the store that the new or merged contacts' addresses brought into their histories. */
  messagesLinked: z.number().int(),
  rows: z.array(ImportedRow),
  /** About the file as a whole: no column holds a name or an address; a card has no END:VCARD (its number). */
  fileWarnings: z.array(z.object({ code: z.enum(['nothingMapped', 'unterminatedCard']), value: z.string() })),
});
export type ContactsImportReport = z.infer<typeof ContactsImportReport>;

export const ContactsImportPreview = z.object({
  format: z.enum(['csv', 'vcard']),
  encoding: ImportEncoding,
  /** The CSV delimiter found; null for vCard. */
  delimiter: z.string().nullable(),
  /** CSV columns with their mapping; empty for vCard, whose fields are named in the file. */
  columns: z.array(ImportColumn),
  /** The whole import played without saving: its counts, its first rows, then the others it would not simply create. */
  report: ContactsImportReport,
});
export type ContactsImportPreview = z.infer<typeof ContactsImportPreview>;

export const contactsImportCommands = {
  /** Reads a CSV or vCard file and plays the import without saving: mapping, first rows as imported, counts. */
  'contactsImport.preview': command(ImportSource.extend({ rows: z.number().int().min(1).max(200).default(20) }), ContactsImportPreview),
  /**
   * Imports contacts and companies in one transaction: all rows or, on a failure, none. Existing mail from the
   * new addresses is filed under the contacts. `dryRun` answers the same report and saves nothing.
   */
  'contactsImport.run': command(ImportSource.extend({ dryRun: z.boolean().default(false) }), ContactsImportReport),
};
