import { create } from 'zustand';
import type { MessageSummary, SearchField } from '../../src-shared/contract/index.js';
import { engine } from '../api/engine.js';
import { reportError } from './error-store.js';
import { useReader } from './reader-store.js';

export const PAGE_SIZE = 100;
/** A search shows at most this many rows at once; beyond it the header says "500+" and the person narrows it. */
export const SEARCH_LIMIT = 500;

/** What the list shows instead of the folder while a search is active; `everywhere` ignores the open folder. */
export interface SearchParams {
  query: string;
  field: SearchField;
  everywhere: boolean;
}

/** A page remembers the generation it was fetched in: older pages stay on screen until their refetch lands. */
interface Page {
  generation: number;
  items: MessageSummary[];
}

export interface MessageListState {
  folderId: number | null;
  /** Non-null while a search is active: the rows are its results, not the folder's. */
  search: SearchParams | null;
  /** The search found more than SEARCH_LIMIT rows. */
  more: boolean;
  total: number;
  /** False until the first answer for this folder, so "empty" is not shown while loading. */
  loaded: boolean;
  generation: number;
  pages: Record<number, Page>;
  /** The rows on screen, kept so that a refresh refetches what is shown first. */
  range: { start: number; end: number };
  selectedId: number | null;
  selectedIndex: number;
  openFolder(folderId: number | null): void;
  setSearch(search: SearchParams | null): void;
  showRange(start: number, end: number): Promise<void>;
  refresh(): Promise<void>;
  select(index: number): void;
  move(delta: number): Promise<void>;
}

export function messageAt(state: Pick<MessageListState, 'pages' | 'total'>, index: number): MessageSummary | undefined {
  if (index < 0 || index >= state.total) return undefined;
  return state.pages[Math.floor(index / PAGE_SIZE)]?.items[index % PAGE_SIZE];
}

function indexOf(state: MessageListState, id: number): number | undefined {
  for (const [page, { generation, items }] of Object.entries(state.pages)) {
    if (generation !== state.generation) continue;
    const i = items.findIndex((m) => m.id === id);
    if (i >= 0) return Number(page) * PAGE_SIZE + i;
  }
  return undefined;
}

let generations = 0;
const inflight = new Map<string, Promise<void>>();

export const useMessageList = create<MessageListState>((set, get) => {
  /**
   * One request for the whole result set, cut into pages so rows, selection and keys work as for a folder. Every new
   * query bumps the generation, so an older query's late answer is dropped: the newest one always wins.
   */
  function loadSearch(search: SearchParams): Promise<void> {
    const { folderId, generation } = get();
    const key = `${generation}:search`;
    const pending = inflight.get(key);
    if (pending) return pending;
    const request = engine()
      .client.api.messages.search({
        query: search.query,
        field: search.field,
        folderId: search.everywhere ? null : folderId,
        limit: SEARCH_LIMIT,
        offset: 0,
      })
      .then(({ items, more }) => {
        if (get().generation !== generation) return;
        const pages: Record<number, Page> = {};
        for (let p = 0; p * PAGE_SIZE < items.length; p++) {
          pages[p] = { generation, items: items.slice(p * PAGE_SIZE, (p + 1) * PAGE_SIZE) };
        }
        set({ total: items.length, more, loaded: true, pages });
      })
      .catch(reportError)
      .finally(() => inflight.delete(key));
    inflight.set(key, request);
    return request;
  }

  function loadPage(page: number): Promise<void> {
    const { folderId, generation, search } = get();
    if (search) return loadSearch(search);
    if (folderId === null) return Promise.resolve();
    const key = `${generation}:${page}`;
    const pending = inflight.get(key);
    if (pending) return pending;
    const request = engine()
      .client.api.messages.list({ folderId, limit: PAGE_SIZE, offset: page * PAGE_SIZE })
      .then(({ total, items }) => {
        const now = get();
        if (now.folderId !== folderId || now.generation !== generation) return;
        set({ total, loaded: true, pages: { ...now.pages, [page]: { generation, items } } });
      })
      .catch(reportError)
      .finally(() => inflight.delete(key));
    inflight.set(key, request);
    return request;
  }

  async function ensure(start: number, end: number): Promise<void> {
    const { pages, generation, search } = get();
    // A search is fetched whole, once per generation, whatever range is on screen.
    if (search) {
      if (pages[0]?.generation !== generation) await loadSearch(search);
      return;
    }
    const wanted: Promise<void>[] = [];
    for (let p = Math.floor(start / PAGE_SIZE); p <= Math.floor(end / PAGE_SIZE); p++) {
      if (pages[p]?.generation !== generation) wanted.push(loadPage(p));
    }
    await Promise.all(wanted);
  }

  return {
    folderId: null,
    search: null,
    more: false,
    total: 0,
    loaded: false,
    generation: 0,
    pages: {},
    range: { start: 0, end: 0 },
    selectedId: null,
    selectedIndex: -1,

    // Opening a folder ends any search, as in Outlook: the person asked to see that folder.
    openFolder(folderId) {
      set({
        folderId, search: null, more: false, total: 0, loaded: false, generation: ++generations, pages: {},
        range: { start: 0, end: 0 }, selectedId: null, selectedIndex: -1,
      });
      if (folderId !== null) void ensure(0, 0);
    },

    // Starting, changing or ending a search starts the list afresh, like opening another folder.
    setSearch(search) {
      set({
        search, more: false, total: 0, loaded: false, generation: ++generations, pages: {},
        range: { start: 0, end: 0 }, selectedId: null, selectedIndex: -1,
      });
      if (search || get().folderId !== null) void ensure(0, 0);
    },

    async showRange(start, end) {
      set({ range: { start, end } });
      await ensure(start, end);
    },

    async refresh() {
      if (get().folderId === null && !get().search) return;
      set({ generation: ++generations });
      const { start, end } = get().range;
      await ensure(start, end);
    },

    select(index) {
      const message = messageAt(get(), index);
      if (!message) return;
      set({ selectedId: message.id, selectedIndex: index });
      void useReader.getState().open(message.id);
    },

    async move(delta) {
      const state = get();
      if (state.total === 0) return;
      const from = state.selectedId === null ? -1 : (indexOf(state, state.selectedId) ?? state.selectedIndex);
      const target = Math.max(0, Math.min(state.total - 1, from + delta));
      if (target === from) return;
      if (!messageAt(state, target)) await ensure(target, target);
      get().select(target);
    },
  };
});
