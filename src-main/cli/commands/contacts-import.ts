import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  ImportEncoding,
  ImportField,
  type ContactsImportReport,
  type ImportColumn,
  type ImportedRow,
  type ImportRowNote,
} from '../../../src-shared/contract/index.js';
import type { CliContext } from '../context.js';
import { printJson, printLine, UsageError } from '../output.js';

/** The options this command adds to the common ones. */

const norm = (s: string) => s.normalize('NFC').trim().toLowerCase();

/**
 * `--map "Société=company,E-mail 3=email,4=ignore"`: a column by its header or its number (from 1), then a field.
 * Resolved against the columns the file really has, so a typo is caught before anything is imported.
 */
export function parseMap(spec: string, columns: ImportColumn[]): Array<{ column: number; field: ImportField }> {
  return spec
    .split(',')
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.lastIndexOf('=');
      if (eq <= 0) throw new UsageError(`--map takes COLUMN=FIELD pairs separated by commas, not "${pair}".`);
      const name = pair.slice(0, eq).trim();
      const fieldName = pair.slice(eq + 1).trim();
      const field = ImportField.options.find((f) => f.toLowerCase() === fieldName.toLowerCase());
      if (!field) throw new UsageError(`"${fieldName}" is not a field; use one of ${ImportField.options.join(', ')}.`);
      const column = /^\d+$/.test(name) ? Number(name) - 1 : columns.findIndex((c) => norm(c.header) === norm(name));
      if (column < 0 || column >= columns.length) {
        throw new UsageError(`The file has no column "${name}"; its columns are: ${columns.map((c, i) => `${i + 1}. ${c.header}`).join(', ')}.`);
      }
      return { column, field };
    });
}

function describeNote(n: ImportRowNote): string {
  switch (n.code) {
    case 'empty':
      return 'no name, no email address and no company';
    case 'invalidAddress':
      return `"${n.value}" is not a valid email address`;
    case 'existing':
      return `already in the address book as ${n.value || 'a contact'}`;
    case 'sameName':
      return `no address, and several contacts are named ${n.value}`;
    case 'addressTaken':
      return `${n.value} is another contact's address, left out`;
    case 'extraAddress':
      return `${n.value} left out: a contact holds two addresses`;
    case 'phoneDropped':
      return `phone ${n.value} left out`;
    case 'truncated':
      return `${n.field ?? 'a field'} was too long and was shortened`;
  }
}

const who = (r: ImportedRow) => `${r.firstName} ${r.lastName}`.trim() || r.emails[0] || r.company || '(nobody)';

function printReport(file: string, report: ContactsImportReport, columns: ImportColumn[], delimiter: string | null): void {
  const unit = report.format === 'csv' ? 'row' : 'card';
  const separator = delimiter === '\t' ? 'tab' : delimiter ? `"${delimiter}"` : '';
  printLine(`${file}: ${report.format === 'csv' ? `CSV, ${separator} separated` : 'vCard'}, ${report.encoding}, ${report.total} ${unit}${report.total === 1 ? '' : 's'}`);
  if (columns.length > 0) {
    const used = columns.filter((c) => c.field !== 'ignore').map((c) => `${c.header} → ${c.field}`);
    printLine(`Columns: ${used.join(', ') || 'none recognised (use --map)'}`);
  }
  for (const w of report.fileWarnings) {
    printLine(w.code === 'nothingMapped' ? 'No column holds a name, an email address or a company: say which with --map.' : `Card ${w.value} has no END:VCARD; read up to the next card.`);
  }
  for (const r of report.rows) {
    const label = `${unit === 'row' ? 'Row' : 'Card'} ${r.row}`;
    if (r.outcome === 'skipped') printLine(`${label}: skipped, ${r.reason ? describeNote(r.reason) : 'no reason'}`);
    if (r.outcome === 'merged') printLine(`${label}: ${who(r)} merged into contact ${r.contactId} (filled: ${r.filled.join(', ')})`);
    for (const w of r.warnings) printLine(`${label}: ${who(r)}: ${describeNote(w)}`);
  }
  const verb = report.dryRun ? 'Would create' : 'Created';
  printLine(
    `${verb} ${report.created} contact${report.created === 1 ? '' : 's'} and ${report.companiesCreated} compan${report.companiesCreated === 1 ? 'y' : 'ies'}; ` +
      `merged ${report.merged}, already complete ${report.unchanged}, skipped ${report.skipped}; ${report.messagesLinked} earlier email${report.messagesLinked === 1 ? '' : 's'} filed.`,
  );
  if (report.dryRun) printLine('Dry run: nothing was saved.');
}

/** `facteur contacts import FILE [--map COLUMN=FIELD,...] [--existing merge|skip] [--encoding E] [--dry-run] [--json]`. */
export async function contactsImportCommand(ctx: CliContext): Promise<number> {
  const [, path, ...extra] = ctx.args;
  if (!path || extra.length > 0) throw new UsageError('contacts import takes one file: a CSV export or a .vcf file.');
  const o = ctx.options;
  if (o.existing !== undefined && o.existing !== 'merge' && o.existing !== 'skip') throw new UsageError('--existing takes merge or skip.');
  const encoding = o.encoding === undefined ? undefined : ImportEncoding.safeParse(o.encoding.toLowerCase());
  if (encoding && !encoding.success) throw new UsageError(`--encoding takes one of ${ImportEncoding.options.join(', ')}.`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new UsageError(`Cannot read ${path}: ${(error as Error).message}`);
  }
  const source = { filename: basename(path), data: bytes.toString('base64'), existing: (o.existing ?? 'merge') as 'merge' | 'skip', ...(encoding?.success ? { encoding: encoding.data } : {}) };
  const { engine, client } = await ctx.open();
  try {
    const preview = await client.api.contactsImport.preview({ ...source, rows: 1 });
    const mapping = o.map ? parseMap(o.map, preview.columns) : [];
    const report = await client.api.contactsImport.run({ ...source, mapping, dryRun: o.dryRun ?? false });
    const columns = preview.columns.map((c) => {
      const changed = mapping.findLast((m) => m.column === c.index);
      return changed ? { ...c, field: changed.field, mapped: 'manual' as const } : c;
    });
    if (o.json) printJson({ ...report, delimiter: preview.delimiter, columns });
    else printReport(path, report, columns, preview.delimiter);
    return 0;
  } finally {
    await engine.close();
  }
}
