import type { ImportColumn } from '../../../../src-shared/contract/index.js';
import type { Candidate } from './candidate.js';
import type { CsvTable } from './csv-table.js';

/**
 * A CSV row through the mapping. Several address, phone or notes columns add up; with several notes columns each
 * value says which column it came from ("Job Title: Directeur").
 */
export function csvCandidates(table: CsvTable, columns: ImportColumn[]): Candidate[] {
  const of = (field: ImportColumn['field']) => columns.filter((c) => c.field === field);
  const first = (field: ImportColumn['field'], cells: string[]) => of(field).map((c) => cells[c.index] ?? '').find(Boolean) ?? '';
  const noteColumns = of('notes');
  return table.rows.map(({ row, cells }) => ({
    row,
    firstName: first('firstName', cells),
    lastName: first('lastName', cells),
    fullName: first('fullName', cells),
    emails: of('email').map((c) => cells[c.index] ?? '').filter(Boolean),
    phones: of('phone').map((c) => cells[c.index] ?? '').filter(Boolean),
    company: first('company', cells),
    notes: noteColumns
      .map((c) => [c.header, cells[c.index] ?? ''] as const)
      .filter(([, value]) => value)
      .map(([header, value]) => (noteColumns.length > 1 ? `${header}: ${value}` : value))
      .join('\n'),
    isCompany: false,
  }));
}
