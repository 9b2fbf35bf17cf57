import type Database from 'better-sqlite3';
import type { Category } from '../../../src-shared/contract/index.js';
import { EngineError, notFound } from '../errors.js';
import type { DomainHandlers, ServiceDeps } from './handler.js';

interface CategoryRow {
  id: number;
  name: string;
  direction: 'in' | 'out';
  family: string;
  color: Category['color'];
}

function get(sqlite: Database.Database, id: number): CategoryRow {
  const row = sqlite.prepare('SELECT id, name, direction, family, color FROM categories WHERE id = ?').get(id) as CategoryRow | undefined;
  if (!row) throw notFound(`Category ${id}`);
  return row;
}

function assertFree(sqlite: Database.Database, direction: string, name: string, except = 0): void {
  const taken = sqlite.prepare('SELECT 1 FROM categories WHERE direction = ? AND name = ? COLLATE NOCASE AND id <> ?').get(direction, name, except);
  const list = direction === 'in' ? 'incoming' : 'outgoing';
  if (taken) throw new EngineError('CONFLICT', `There is already an ${list} category named "${name}"; choose another name.`);
}

/** Shared by every agent of this store: a category is the company's vocabulary, not one person's. */
export function categoriesService(deps: ServiceDeps): DomainHandlers<'categories'> {
  const sqlite = deps.store.sqlite;
  const changed = (id: number) => deps.events.changed('categories', [id]);
  return {
    'categories.list': () => ({
      items: sqlite.prepare('SELECT id, name, direction, family, color FROM categories ORDER BY direction, family COLLATE NOCASE, name COLLATE NOCASE').all() as CategoryRow[],
    }),

    'categories.create': (input) => {
      assertFree(sqlite, input.direction, input.name);
      const row = sqlite
        .prepare('INSERT INTO categories (name, direction, family, color) VALUES (?, ?, ?, ?) RETURNING id, name, direction, family, color')
        .get(input.name, input.direction, input.family, input.color) as CategoryRow;
      changed(row.id);
      return row;
    },

    'categories.update': (input) => {
      const before = get(sqlite, input.id);
      const next = { name: input.name ?? before.name, family: input.family ?? before.family, color: input.color === undefined ? before.color : input.color };
      if (next.name !== before.name) assertFree(sqlite, before.direction, next.name, before.id);
      const renamed = sqlite.transaction(() => {
        sqlite.prepare('UPDATE categories SET name = ?, family = ?, color = ? WHERE id = ?').run(next.name, next.family, next.color, before.id);
        if (next.name === before.name) return [];
        // Templates that give the old outgoing name give the new one.
        if (before.direction === 'out') sqlite.prepare('UPDATE templates SET category = ? WHERE category = ?').run(next.name, before.name);
        // The messages that carried the old name follow it, in the direction the category is for.
        return (sqlite
          .prepare('UPDATE messages SET category = ? WHERE category = ? AND direction = ? RETURNING id')
          .all(next.name, before.name, before.direction) as Array<{ id: number }>).map((r) => r.id);
      })();
      changed(before.id);
      if (renamed.length > 0) deps.events.changed('messages', renamed);
      return { ...before, ...next };
    },

    'categories.delete': (input) => {
      const deleted = sqlite.prepare('DELETE FROM categories WHERE id = ?').run(input.id).changes > 0;
      if (deleted) changed(input.id);
      return { deleted };
    },
  };
}
