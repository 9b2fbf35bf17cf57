import type { ContactsImportReport, ImportField, ParsedInput } from '../../../src-shared/contract/index.js';
import { plan } from '../crm/import/candidate.js';
import { importContacts } from '../crm/import/import-contacts.js';
import { readContactsFile, type ReadFile } from '../crm/import/read-file.js';
import { EngineError } from '../errors.js';
import type { DomainHandlers, ServiceDeps } from './handler.js';

const PERSON_FIELDS: ReadonlySet<ImportField> = new Set(['firstName', 'lastName', 'fullName', 'email', 'company']);
/** Rows a preview lists beyond the first ones: those that will not simply be created, for the person to check. */
const PREVIEW_MAX_ROWS = 500;

/** Contacts and companies are the office's: any agent may import them, as any agent may create them. */
export function contactsImportService(deps: ServiceDeps): DomainHandlers<'contactsImport'> {
  const sqlite = deps.store.sqlite;

  const read = (input: ParsedInput<'contactsImport.preview'> | ParsedInput<'contactsImport.run'>): ReadFile =>
    readContactsFile(Buffer.from(input.data, 'base64'), { filename: input.filename, encoding: input.encoding, mapping: input.mapping });

  const play = (file: ReadFile, existing: 'merge' | 'skip', dryRun: boolean): ContactsImportReport => {
    const { contactIds, companyIds, ...result } = importContacts(sqlite, file.candidates.map(plan), { existing, dryRun });
    if (!dryRun) {
      if (contactIds.length > 0) deps.events.changed('contacts', contactIds);
      if (companyIds.length > 0) deps.events.changed('companies', companyIds);
      if (result.messagesLinked > 0) deps.events.changed('messages', []);
    }
    return { ...result, format: file.format, encoding: file.encoding, fileWarnings: file.fileWarnings };
  };

  return {
    'contactsImport.preview': (input) => {
      const file = read(input);
      const report = play(file, input.existing, true);
      const rest = report.rows.slice(input.rows).filter((r) => r.outcome !== 'created');
      report.rows = [...report.rows.slice(0, input.rows), ...rest].slice(0, input.rows + PREVIEW_MAX_ROWS);
      return { format: file.format, encoding: file.encoding, delimiter: file.delimiter, columns: file.columns, report };
    },
    'contactsImport.run': (input) => {
      const file = read(input);
      if (file.format === 'csv' && !file.columns.some((c) => PERSON_FIELDS.has(c.field))) {
        throw new EngineError('INVALID_INPUT', 'No column of the file is mapped to a name, an email address or a company: map at least one, then import.');
      }
      return play(file, input.existing, input.dryRun);
    },
  };
}
