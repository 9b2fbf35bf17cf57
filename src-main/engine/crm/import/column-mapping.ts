import type { ImportColumn, ImportField } from '../../../../src-shared/contract/index.js';
import { EngineError } from '../../errors.js';

/** "Adresse de messagerie 2" → "adresse de messagerie 2", "Téléphone (bureau)" → "telephone bureau". */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Headers of the exports people bring, matched whole on the normalised header. Outlook (English, French,
 * Romanian), Gmail/Google Contacts (old and new), Apple and Thunderbird exports, and what people type in Excel.
 * Columns that only describe another one ("E-mail Type", "Phone 1 - Label", "E-mail Display Name") match nothing.
 */
const PATTERNS: Array<[ImportField, RegExp]> = [
  ['firstName', /^(first name|firstname|given name|prenom|prenume|prenumele)$/],
  ['lastName', /^(last name|lastname|family name|surname|nom|nom de famille|nume|numele|nume de familie)$/],
  ['fullName', /^(name|full name|display name|contact|contact name|nom complet|nom et prenom|nume complet|numele complet|nume si prenume|nume prenume)$/],
  [
    'email',
    /^((e ?mail|courriel|mail)( \d)?( address| value| adresse)?|e ?mail \d value|adresse (de )?(messagerie|courriel|e ?mail|electronique)( \d)?|adresa( de)? e ?mail( \d)?|primary email|secondary email|e ?mail (principal|secondaire))$/,
  ],
  [
    'phone',
    /^((business|home|mobile|primary|other|car|company main|work|cell|main) phone( \d)?|phone( \d)?( value)?|phone number|mobile( phone| number)?|cell|telephone( \d)?( (bureau|domicile|mobile|principal|professionnel|portable|\d))*|tel( mobile| bureau| portable)?|portable|numero de telephone|telefon( de)?( mobil| serviciu| fix| acasa| \d)?|mobil|numar de telefon)$/,
  ],
  ['company', /^(company|company name|organization|organisation|organization( \d)? name|organisation name|societe|entreprise|nom de la societe|compagnie|companie|companie nume|firma|organizatie|organizatia|societate)$/],
  ['notes', /^(notes?|remarques?|commentaires?|observatii|notite|mentiuni)$/],
];

/** Fields a file has one column of; a second matching column is left for the person to map. */
const SINGLE: ReadonlySet<ImportField> = new Set(['firstName', 'lastName', 'fullName', 'company']);

export function autoField(header: string): ImportField {
  const normalized = normalizeHeader(header);
  return PATTERNS.find(([, pattern]) => pattern.test(normalized))?.[0] ?? 'ignore';
}

/** The mapping from the headers, then the person's changes on top; with a few sample values per column. */
export function mapColumns(headers: string[], rows: string[][], overrides: Array<{ column: number; field: ImportField }>): ImportColumn[] {
  const taken = new Set<ImportField>();
  const columns: ImportColumn[] = headers.map((header, index) => {
    let field = autoField(header);
    if (SINGLE.has(field) && taken.has(field)) field = 'ignore';
    taken.add(field);
    const samples: string[] = [];
    for (const r of rows) {
      const value = r[index];
      if (value && samples.length < 3) samples.push(value.length > 60 ? `${value.slice(0, 59)}…` : value);
      if (samples.length === 3) break;
    }
    return { index, header, field, mapped: field === 'ignore' ? 'none' : 'auto', samples };
  });
  for (const { column, field } of overrides) {
    const target = columns[column];
    if (!target) throw new EngineError('INVALID_INPUT', `Column ${column + 1} does not exist: the file has ${columns.length} columns.`);
    target.field = field;
    target.mapped = 'manual';
  }
  return columns;
}
