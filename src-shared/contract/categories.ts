import { z } from 'zod';
import { Id } from './common.js';
import { command } from './define.js';

export const CategoryDirection = z.enum(['in', 'out']);

/** The chip colours the settings offer; a fixed palette keeps every chip readable in light and dark mode. */
export const CATEGORY_COLORS = ['blue', 'green', 'orange', 'red', 'purple', 'teal', 'grey'] as const;
export const CategoryColor = z.enum(CATEGORY_COLORS);

export const Category = z.object({
  id: Id,
  name: z.string(),
  direction: CategoryDirection,
  /** The group it is listed under; empty for none. */
  family: z.string(),
  color: CategoryColor.nullable(),
});
export type Category = z.infer<typeof Category>;

const name = z.string().trim().min(1).max(80);
const family = z.string().trim().max(80).default('');

export const categoriesCommands = {
  /** Incoming and outgoing categories, by family then name. */
  'categories.list': command(z.object({}), z.object({ items: z.array(Category) })),
  'categories.create': command(z.object({ name, direction: CategoryDirection, family, color: CategoryColor.nullable().default(null) }), Category),
  /** A new name is carried over to every message that had the old one. */
  'categories.update': command(
    z.object({ id: Id, name: name.optional(), family: z.string().trim().max(80).optional(), color: CategoryColor.nullable().optional() }),
    Category,
  ),
  /** Messages keep the name they had as plain text; it is no longer offered. */
  'categories.delete': command(z.object({ id: Id }), z.object({ deleted: z.boolean() })),
};
