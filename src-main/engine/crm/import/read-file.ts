import type { ContactsImportReport, ImportColumn, ImportEncoding, ImportField } from '../../../../src-shared/contract/index.js';
import { EngineError } from '../../errors.js';
import type { Candidate } from './candidate.js';
import { mapColumns } from './column-mapping.js';
import { csvCandidates } from './csv-candidates.js';
import { MAX_ROWS, readCsv } from './csv-table.js';
import { decodeText } from './decode-text.js';
import { parseVCards } from './vcard.js';
import { vcardCandidate } from './vcard-candidates.js';

export interface ReadFile {
  format: 'csv' | 'vcard';
  encoding: ImportEncoding;
  delimiter: string | null;
  columns: ImportColumn[];
  candidates: Candidate[];
  fileWarnings: ContactsImportReport['fileWarnings'];
}

/** Files people pick by mistake, recognised by their first bytes, so the message can say what to do instead. */
function refuseBinary(bytes: Uint8Array, filename: string): void {
  const starts = (...magic: number[]) => magic.every((b, i) => bytes[i] === b);
  const name = filename ? `"${filename}"` : 'The file';
  if (starts(0x50, 0x4b, 0x03, 0x04)) {
    throw new EngineError('INVALID_INPUT', `${name} is an Excel workbook or another zip file, not CSV: in Excel, use "Save as" → "CSV UTF-8", then import that file.`);
  }
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) {
    throw new EngineError('INVALID_INPUT', `${name} is an old Excel workbook (.xls) or an Outlook file, not CSV: in Excel, use "Save as" → "CSV UTF-8"; in Outlook, export the contacts as CSV.`);
  }
  if (starts(0x25, 0x50, 0x44, 0x46)) throw new EngineError('INVALID_INPUT', `${name} is a PDF, not a CSV or vCard file.`);
}

const PERSON_FIELDS: ImportField[] = ['firstName', 'lastName', 'fullName', 'email', 'company'];

/** Detects encoding and format (vCard when the text begins with BEGIN:VCARD, CSV otherwise) and reads the rows. */
export function readContactsFile(
  bytes: Uint8Array,
  options: { filename: string; encoding?: ImportEncoding | undefined; mapping: Array<{ column: number; field: ImportField }> },
): ReadFile {
  if (bytes.length === 0) throw new EngineError('INVALID_INPUT', `${options.filename ? `"${options.filename}"` : 'The file'} is empty.`);
  refuseBinary(bytes, options.filename);
  const { text, encoding } = decodeText(bytes, options.encoding);
  if (text.includes('\u0000')) {
    throw new EngineError('INVALID_INPUT', `${options.filename ? `"${options.filename}"` : 'The file'} is not text: choose a CSV file (contacts exported from Outlook, Gmail or Excel) or a vCard (.vcf) file.`);
  }
  if (/^BEGIN:VCARD/i.test(text.trimStart())) {
    const cards = parseVCards(text, encoding);
    if (cards.length > MAX_ROWS) throw new EngineError('INVALID_INPUT', `The file has more than ${MAX_ROWS.toLocaleString('en')} cards; split it into smaller files.`);
    return {
      format: 'vcard',
      encoding,
      delimiter: null,
      columns: [],
      candidates: cards.map(vcardCandidate),
      fileWarnings: cards.filter((c) => c.unterminated).map((c) => ({ code: 'unterminatedCard' as const, value: String(c.number) })),
    };
  }
  const table = readCsv(text);
  const columns = mapColumns(table.headers, table.rows.map((r) => r.cells), options.mapping);
  const mapped = columns.some((c) => PERSON_FIELDS.includes(c.field));
  return {
    format: 'csv',
    encoding,
    delimiter: table.delimiter,
    columns,
    candidates: csvCandidates(table, columns),
    fileWarnings: mapped ? [] : [{ code: 'nothingMapped', value: '' }],
  };
}
