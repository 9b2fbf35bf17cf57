import { CsvError, parse } from 'csv-parse/sync';
import { EngineError } from '../../errors.js';

export interface CsvTable {
  delimiter: string;
  headers: string[];
  /** Data records, each with its row number as a spreadsheet shows it (the header is row 1); blank ones left out. */
  rows: Array<{ row: number; cells: string[] }>;
}

const DELIMITERS = [',', ';', '\t', '|'];

/** A generous bound on what one import holds in memory at once; an address book is a few thousand rows. */
export const MAX_ROWS = 100_000;

/**
 * The delimiter is the candidate that appears most often in the header line outside quotes: Excel in France and
 * Romania writes `;` (the comma is their decimal sign), elsewhere `,`; some tools write tabs.
 */
export function detectDelimiter(text: string): string {
  const counts = new Map(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

/** Reads a CSV export: the first record is the header; values are trimmed; quoted values may hold line breaks. */
export function readCsv(input: string): CsvTable {
  // Excel writes (and honours) a first line "sep=;" naming the delimiter; it is not a row of the sheet.
  const sep = /^\uFEFF?sep=(.)\r?\n/i.exec(input);
  const text = sep ? input.slice(sep[0].length) : input;
  const delimiter = sep ? sep[1]! : detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      trim: true,
      to: MAX_ROWS + 2,
    });
  } catch (error) {
    const where = error instanceof CsvError && typeof (error as CsvError & { lines?: number }).lines === 'number' ? ` near line ${(error as CsvError & { lines: number }).lines}` : '';
    throw new EngineError('INVALID_INPUT', `The CSV file could not be read${where}: ${(error as Error).message}. Check that it was saved as CSV.`);
  }
  // Blank records stay in the count (Excel writes them as ";;;;"), so row numbers match the spreadsheet's.
  const numbered = records.map((cells, i) => ({ row: i + 1, cells })).filter((r) => r.cells.some((c) => c !== ''));
  const [header, ...rows] = numbered;
  if (!header) throw new EngineError('INVALID_INPUT', 'The CSV file is empty: it has no header line with column names.');
  if (rows.length > MAX_ROWS) throw new EngineError('INVALID_INPUT', `The CSV file has more than ${MAX_ROWS.toLocaleString('en')} rows; split it into smaller files.`);
  return { delimiter, headers: header.cells, rows };
}
