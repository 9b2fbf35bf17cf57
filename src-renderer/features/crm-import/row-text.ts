import type { ImportedRow, ImportRowNote } from '../../../src-shared/contract/index.js';
import type { Translate } from '../../i18n/use-t.js';

/** A row's reason or warning in the person's language (the engine gives codes). */
export function noteText(t: Translate, note: ImportRowNote): string {
  switch (note.code) {
    case 'empty':
      return t('contactsImport.note.empty');
    case 'invalidAddress':
      return t('contactsImport.note.invalidAddress', { value: note.value });
    case 'existing':
      return t('contactsImport.note.existing', { value: note.value });
    case 'sameName':
      return t('contactsImport.note.sameName', { value: note.value });
    case 'addressTaken':
      return t('contactsImport.note.addressTaken', { value: note.value });
    case 'extraAddress':
      return t('contactsImport.note.extraAddress', { value: note.value });
    case 'phoneDropped':
      return t('contactsImport.note.phoneDropped', { value: note.value });
    case 'truncated':
      return t('contactsImport.note.truncated');
  }
}

const FILLED_KEYS = {
  firstName: 'contactsImport.field.firstName',
  lastName: 'contactsImport.field.lastName',
  email: 'contactsImport.field.email',
  email2: 'contactsImport.field.email2',
  phones: 'contactsImport.field.phones',
  company: 'contactsImport.field.company',
  notes: 'contactsImport.field.notes',
} as const;

/** Everything worth saying about a row beside its outcome: why it was skipped, what a merge filled, what was left out. */
export function rowDetails(t: Translate, row: ImportedRow): string[] {
  const lines: string[] = [];
  if (row.reason) lines.push(noteText(t, row.reason));
  if (row.filled.length > 0) lines.push(t('contactsImport.filled', { fields: row.filled.map((f) => t(FILLED_KEYS[f]).toLowerCase()).join(', ') }));
  for (const w of row.warnings) lines.push(noteText(t, w));
  return lines;
}

export const rowName = (row: ImportedRow) => `${row.firstName} ${row.lastName}`.trim();
