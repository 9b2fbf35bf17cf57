import type { MessageSummary } from '../../src-shared/contract/index.js';

/** Rows are fetched in pages of this many. */
export const PAGE_SIZE = 100;

/** A page remembers the generation it was fetched in: older pages stay on screen until their refetch lands. */
export interface Page {
  generation: number;
  items: MessageSummary[];
}

export interface Paged {
  generation: number;
  total: number;
  pages: Record<number, Page>;
}

export function messageAt(state: Pick<Paged, 'pages' | 'total'>, index: number): MessageSummary | undefined {
  if (index < 0 || index >= state.total) return undefined;
  return state.pages[Math.floor(index / PAGE_SIZE)]?.items[index % PAGE_SIZE];
}

/**
 * The ids from row `a` to row `b` (either order). When every page between them is loaded the rows on hand answer;
 * otherwise all ids are fetched once (a 50,000-row folder is 50,000 small numbers) rather than every page between.
 * Null when the list changed while fetching.
 */
export async function rangeIds(state: Paged, a: number, b: number, fetchAll: () => Promise<number[]>): Promise<number[] | null> {
  const [start, end] = a <= b ? [a, b] : [b, a];
  const loaded: number[] = [];
  for (let p = Math.floor(start / PAGE_SIZE); p <= Math.floor(end / PAGE_SIZE); p++) {
    const page = state.pages[p];
    if (!page || page.generation !== state.generation) return (await fetchAll()).slice(start, end + 1);
    loaded.push(...page.items.map((m) => m.id));
  }
  const offset = Math.floor(start / PAGE_SIZE) * PAGE_SIZE;
  return loaded.slice(start - offset, end - offset + 1);
}
