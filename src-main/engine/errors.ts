import type { ErrorCode } from '../../src-shared/contract/errors.js';

/** A failure the engine expects and can name; the service boundary turns it into a contract error. */
export class EngineError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
    this.details = details;
  }
}

export const notFound = (what: string) => new EngineError('NOT_FOUND', `${what} does not exist (it may have been deleted).`);
export const forbidden = (what: string) => new EngineError('FORBIDDEN', `You are not allowed to ${what}.`);
