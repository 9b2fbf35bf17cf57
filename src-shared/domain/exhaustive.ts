/** For exhaustive switches: a new union member makes the call site fail to compile. */
export function missingCase(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
