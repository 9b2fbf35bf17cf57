import { ContractError } from '../../../../src-shared/contract/index.js';

/** What went wrong with one field, in words the form can translate; `message` is the engine's, for the rest. */
/** `rule` is the contract's rule across fields (a contact needs a name or an address). */
export type ProblemKind = 'required' | 'email' | 'tooLong' | 'number' | 'date' | 'duplicate' | 'rule' | 'other';
export interface Problem {
  kind: ProblemKind;
  message: string;
}

export interface FormProblems {
  /** By the contract's field name, as the form's fields are named. */
  fields: Record<string, Problem>;
  /** A problem with the whole form (a rule across fields, a refusal), or null. */
  form: Problem | null;
  /** The contact that already has the address, when the engine refused a duplicate. */
  duplicateOf: number | null;
}

export const NO_PROBLEMS: FormProblems = { fields: {}, form: null, duplicateOf: null };

interface Issue {
  code?: string;
  path?: readonly PropertyKey[];
  message?: string;
  format?: string;
  origin?: string;
  minimum?: number | bigint;
  input?: unknown;
}

function kindOf(issue: Issue): ProblemKind {
  if (issue.code === 'invalid_format' && issue.format === 'email') return 'email';
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) <= 1) return 'required';
  if (issue.code === 'too_small' && issue.origin === 'array' && Number(issue.minimum) <= 1) return 'required';
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'required';
  if (issue.code === 'too_big') return 'tooLong';
  return 'other';
}

/**
 * The engine's refusal as the form shows it: INVALID_INPUT carries zod's issues, each with the path of the field
 * it is about; a rule over several fields has an empty path and goes to the whole form, as do other refusals.
 */
export function problemsOf(error: unknown): FormProblems {
  if (!(error instanceof ContractError)) return { ...NO_PROBLEMS, form: { kind: 'other', message: error instanceof Error ? error.message : String(error) } };
  if (error.code === 'CONFLICT') {
    const details = error.details as { contactId?: unknown } | undefined;
    const contactId = typeof details?.contactId === 'number' ? details.contactId : null;
    return { fields: {}, form: { kind: contactId ? 'duplicate' : 'other', message: error.message }, duplicateOf: contactId };
  }
  if (error.code !== 'INVALID_INPUT' || !Array.isArray(error.details)) return { ...NO_PROBLEMS, form: { kind: 'other', message: error.message } };
  const fields: Record<string, Problem> = {};
  let form: Problem | null = null;
  for (const issue of error.details as Issue[]) {
    const field = issue.path?.[0];
    const message = issue.message ?? error.message;
    if (typeof field === 'string') fields[field] ??= { kind: kindOf(issue), message };
    else form ??= { kind: issue.code === 'custom' ? 'rule' : kindOf(issue), message };
  }
  if (!form && Object.keys(fields).length === 0) form = { kind: 'other', message: error.message };
  return { fields, form, duplicateOf: null };
}
