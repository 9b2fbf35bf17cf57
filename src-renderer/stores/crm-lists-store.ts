import { create } from 'zustand';
import type { RecordType } from '../../src-shared/contract/index.js';

/** How many rows a CRM list shows per page. */
export const CRM_PAGE_SIZE = 50;

/** What a section's list is showing: kept while a record page is open, so "back" returns to the same place. */
export interface ListView {
  query: string;
  includeDeleted: boolean;
  offset: number;
  /** The section's own filters by contract field name (status, queue, assigneeId…); "" means any. */
  filters: Record<string, string>;
}

const initial = (filters: Record<string, string> = {}): ListView => ({ query: '', includeDeleted: false, offset: 0, filters });

interface CrmLists {
  views: Record<RecordType, ListView>;
  /** The record last opened from a list: back on the list, focus returns to its row (keyboard users keep their place). */
  opened: { type: RecordType; id: number } | null;
  /** A new search, filter or "show deleted" starts at the first page; paging keeps the rest. */
  update(type: RecordType, patch: Partial<Omit<ListView, 'filters'>> & { filters?: Record<string, string> }): void;
}

export const useCrmLists = create<CrmLists>((set) => ({
  opened: null,
  views: {
    contact: initial(),
    company: initial(),
    lead: initial(),
    deal: initial(),
    ticket: initial(),
    // What a person opens the task list for: what is still to do.
    task: initial({ status: 'open' }),
    event: initial(),
  },
  update(type, patch) {
    set((s) => {
      const before = s.views[type];
      const filters = patch.filters ? { ...before.filters, ...patch.filters } : before.filters;
      const offset = patch.offset ?? (patch.query !== undefined || patch.filters || patch.includeDeleted !== undefined ? 0 : before.offset);
      return { views: { ...s.views, [type]: { ...before, ...patch, filters, offset } } };
    });
  },
}));
