import { ContractError } from '../../src-shared/contract/errors.js';

/** A mistake in how the command was called: exit code 2, with the usage hint. */
export class UsageError extends Error {}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLine(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** Errors go to stderr with their stable code, so scripts can branch on it and `--json` stdout stays clean. */
export function reportError(error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(`facteur: ${error.message}\nRun "facteur --help" for the list of commands.\n`);
    return 2;
  }
  if (error instanceof ContractError) {
    process.stderr.write(`facteur: ${error.message} [${error.code}]\n`);
    return 1;
  }
  const code = (error as { code?: string }).code;
  process.stderr.write(`facteur: ${(error as Error).message ?? String(error)}${code ? ` [${code}]` : ''}\n`);
  return 1;
}
