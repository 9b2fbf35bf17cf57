import { z } from 'zod';

export const Id = z.number().int().positive();
export const IsoDate = z.string().datetime({ offset: true });
export const Locale = z.enum(['en', 'fr', 'ro']);
export type Locale = z.infer<typeof Locale>;

export const Address = z.object({ name: z.string(), address: z.string() });
export type Address = z.infer<typeof Address>;
