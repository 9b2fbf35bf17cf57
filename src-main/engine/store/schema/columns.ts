import { sql } from 'drizzle-orm';
import { integer } from 'drizzle-orm/sqlite-core';

/** Column shapes every table writes the same way. */
export const createdAt = () => integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`);
export const bool = (name: string) => integer(name, { mode: 'boolean' }).notNull().default(false);
/** Set when soft-deleted: kept, restorable, out of lists. */
export const deletedAt = () => integer('deleted_at', { mode: 'timestamp_ms' });
