import type { Category } from '../../../src-shared/contract/index.js';

/** Categories of one direction grouped by family, in the order the engine lists them (family, then name). */
export function byFamily(items: readonly Category[], direction: 'in' | 'out'): Array<[family: string, items: Category[]]> {
  const groups = new Map<string, Category[]>();
  for (const c of items) {
    if (c.direction !== direction) continue;
    groups.set(c.family, [...(groups.get(c.family) ?? []), c]);
  }
  return [...groups];
}
