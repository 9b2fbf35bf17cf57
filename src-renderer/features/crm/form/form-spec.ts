import type { NamedRecord, RecordRef, RecordType } from '../../../../src-shared/contract/index.js';
import type { MessageKey } from '../../../i18n/catalogs.js';
import type { RecordMap } from '../record-types.js';
import type { Problem, ProblemKind } from './engine-problems.js';

/** A text field holds a string; a record picker the record chosen (or null). */
export type FieldValue = string | NamedRecord | null;
export type FormValues = Record<string, FieldValue>;

export type FieldSpec =
  | { name: string; label: MessageKey; kind: 'text' | 'email' | 'textarea' | 'amount' | 'datetime'; required?: boolean; hint?: MessageKey; maxLength?: number }
  | { name: string; label: MessageKey; kind: 'select'; options: Record<string, MessageKey> }
  /** An agent of the office, or nobody. */
  | { name: string; label: MessageKey; kind: 'agent' }
  /** Free text, with the values already in use offered. */
  | { name: string; label: MessageKey; kind: 'suggest'; source: 'queues' | 'categories'; required?: boolean }
  | { name: string; label: MessageKey; kind: 'record'; types: RecordType[]; required?: boolean };

export interface SaveContext {
  /** The locale's decimal separator, for amounts typed the local way. */
  decimal: string;
  /** Records a new task or event is about (created from a record's page). */
  related: RecordRef[];
}

export interface FormSpec<T extends RecordType> {
  fields: FieldSpec[];
  initial(record: RecordMap[T] | null): FormValues;
  /** Creates (record null) or updates the record; throws FormRefused or the engine's ContractError. */
  save(values: FormValues, record: RecordMap[T] | null, ctx: SaveContext): Promise<RecordMap[T]>;
  /** Where the contract's rule across fields (a refine with no path) belongs, and how to say it. */
  crossField?: { field?: string; key: MessageKey };
}

/** What the form itself refuses before asking the engine (an amount or a date that is not one). */
export class FormRefused extends Error {
  constructor(readonly fields: Record<string, Problem>) {
    super('The form has values that are not valid');
  }
}

export function refuse(field: string, kind: ProblemKind): never {
  throw new FormRefused({ [field]: { kind, message: '' } });
}

export const text = (values: FormValues, name: string): string => {
  const v = values[name];
  return typeof v === 'string' ? v.trim() : '';
};

export const nullable = (values: FormValues, name: string): string | null => text(values, name) || null;

export const recordId = (values: FormValues, name: string): number | null => {
  const v = values[name];
  return v && typeof v === 'object' ? v.id : null;
};

export const agentId = (values: FormValues, name: string): number | null => {
  const v = text(values, name);
  return /^[1-9][0-9]*$/.test(v) ? Number(v) : null;
};
