import type { z } from 'zod';

/** A command the engine answers: its input is parsed at the engine's door, its output is what the caller gets. */
export interface CommandSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
}

export function command<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): CommandSpec<I, O> {
  return { input, output };
}

/** An event the engine emits; payloads carry ids, never rows, so listeners refetch what they show. */
export function event<P extends z.ZodType>(payload: P): P {
  return payload;
}
