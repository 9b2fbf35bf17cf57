import { z } from 'zod';

/**
 * Stable error codes: the renderer and the CLI branch on these, and translations are keyed by them,
 * so a code is never renamed once shipped.
 */
export const ErrorCode = z.enum([
  'INVALID_INPUT',
  'UNKNOWN_COMMAND',
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
  'BLOB_MISSING',
  'STORE_ERROR',
  'STORE_TOO_NEW',
  'UNAVAILABLE',
  'INTERNAL',
  // Connecting to a mail server, one code per step that can fail, so "Test connection" can say which.
  'DNS_FAILED',
  'CONNECT_FAILED',
  'TLS_ERROR',
  'AUTH_FAILED',
  'CAPABILITY_MISSING',
  'PROTOCOL_ERROR',
  'SECRETS_UNAVAILABLE',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ContractErrorShape = z.object({
  code: ErrorCode,
  message: z.string(),
  details: z.unknown().optional(),
});
export type ContractErrorShape = z.infer<typeof ContractErrorShape>;

/** The envelope every command answers with. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractErrorShape };

/** Thrown by the typed client when the engine answers with an error, so callers can `catch` and branch on `code`. */
export class ContractError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(shape: ContractErrorShape) {
    super(shape.message);
    this.name = 'ContractError';
    this.code = shape.code;
    this.details = shape.details;
  }
}
