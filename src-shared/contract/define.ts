import { z } from 'zod';

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

type Patch<S extends z.ZodRawShape> = { [K in keyof S]: S[K] extends z.ZodDefault<infer U extends z.ZodType> ? z.ZodOptional<U> : z.ZodOptional<S[K]> };

/**
 * An update's fields from a create's: each optional, and without the create's defaults — zod's `.partial()` keeps
 * `.default()`, which would turn every field an update leaves out into its default and wipe it.
 */
export function patchOf<S extends z.ZodRawShape>(fields: z.ZodObject<S>): z.ZodObject<Patch<S>> {
  const shape = Object.fromEntries(
    Object.entries(fields.shape).map(([key, schema]) => [key, z.optional(schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : (schema as z.ZodType))]),
  );
  return z.object(shape) as unknown as z.ZodObject<Patch<S>>;
}
