import { create } from 'zustand';
import type { MessageView, SearchField } from '../../src-shared/contract/index.js';
import { engine } from '../api/engine.js';
import { reportError } from './error-store.js';
import { useListPrefs } from './list-prefs-store.js';
import { useReader } from './reader-store.js';
import { messageAt, PAGE_SIZE, rangeIds, type Page } from './list-pages.js';

export { messageAt, PAGE_SIZE };

/** A search shows at most this many rows at once; beyond it the header says "500+" and the person narrows it. */
export const SEARCH_LIMIT = 500;

/** What the list shows instead of the folder while a search is active; `everywhere` ignores the open folder. */
export interface SearchParams {
  query: string;
  field: SearchField;
  everywhere: boolean;
}

export interface MessageListState {
  folderId: number | null;
  /** A view gathering several folders, shown instead of one folder. */
  view: MessageView | null;
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
  /** The row with the keyboard cursor, which the reading pane shows when it is the only one selected. */
  selectedId: number | null;
  selectedIndex: number;
  /** Every selected row; always holds `selectedId` when that is set. */
  selectedIds: ReadonlySet<number>;
  /** Where a shift-click or shift-arrow range starts. */
  anchorIndex: number;
  openFolder(folderId: number | null): void;
  openView(view: MessageView): void;
  setSearch(search: SearchParams | null): void;
  showRange(start: number, end: number): Promise<void>;
  refresh(): Promise<void>;
  select(index: number): void;
  /** Ctrl-click: adds the row to the selection, or takes it out. */
  toggle(index: number): void;
  /** Shift-click: everything from the anchor to this row. */
  extendTo(index: number): Promise<void>;
  selectAll(): Promise<void>;
  /** Arrow keys: with `extend` (Shift) the selection grows from the anchor, else it is the one row reached. */
  move(delta: number, extend?: boolean): Promise<void>;
  /** After rows were removed (deleted, moved, junk), the row now at `index` is selected, as in Outlook. */
  selectAfterRemoval(index: number): Promise<void>;
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
    const { folderId, view, generation, search } = get();
    if (search) return loadSearch(search);
    if (folderId === null && view === null) return Promise.resolve();
    const key = `${generation}:${page}`;
    const pending = inflight.get(key);
    if (pending) return pending;
    const request = engine()
      .client.api.messages.list({ ...sourceOf(get()), sort: useListPrefs.getState().sort, limit: PAGE_SIZE, offset: page * PAGE_SIZE })
      .then(({ total, items }) => {
        const now = get();
        if (now.generation !== generation) return;
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
    view: null,
    search: null,
    more: false,
    total: 0,
    loaded: false,
    generation: 0,
    pages: {},
    range: { start: 0, end: 0 },
    selectedId: null,
    selectedIndex: -1,
    selectedIds: new Set(),
    anchorIndex: -1,

    // Opening a folder ends any search, as in Outlook: the person asked to see that folder.
    openFolder(folderId) {
      set({ folderId, view: null, search: null, ...FRESH, generation: ++generations });
      if (folderId !== null) void ensure(0, 0);
    },

    openView(view) {
      set({ folderId: null, view, search: null, ...FRESH, generation: ++generations });
      void ensure(0, 0);
    },

    // Starting, changing or ending a search starts the list afresh, like opening another folder.
    setSearch(search) {
      set({ search, ...FRESH, generation: ++generations });
      if (search || get().folderId !== null || get().view !== null) void ensure(0, 0);
    },

    async showRange(start, end) {
      set({ range: { start, end } });
      await ensure(start, end);
    },

    async refresh() {
      if (get().folderId === null && get().view === null && !get().search) return;
      set({ generation: ++generations });
      const { start, end } = get().range;
      await ensure(start, end);
    },

    select(index) {
      const message = messageAt(get(), index);
      if (!message) return;
      set({ selectedId: message.id, selectedIndex: index, selectedIds: new Set([message.id]), anchorIndex: index });
      void useReader.getState().open(message.id);
    },

    toggle(index) {
      const message = messageAt(get(), index);
      if (!message) return;
      const selectedIds = new Set(get().selectedIds);
      if (selectedIds.has(message.id)) selectedIds.delete(message.id);
      else selectedIds.add(message.id);
      set({ selectedId: message.id, selectedIndex: index, selectedIds, anchorIndex: index });
      showInReader(selectedIds);
    },

    async extendTo(index) {
      const state = get();
      const message = messageAt(state, index);
      if (!message) return;
      const anchor = state.anchorIndex >= 0 ? state.anchorIndex : index;
      const generation = state.generation;
      const ids = await rangeIds(state, anchor, index, () => allIds(get()));
      if (get().generation !== generation || ids === null) return;
      const selectedIds = new Set(ids);
      set({ selectedId: message.id, selectedIndex: index, selectedIds });
      showInReader(selectedIds);
    },

    async selectAll() {
      const state = get();
      if (state.total === 0) return;
      const generation = state.generation;
      const ids = await rangeIds(state, 0, state.total - 1, () => allIds(get()));
      if (get().generation !== generation || ids === null) return;
      const selectedIds = new Set(ids);
      set({ selectedIds, anchorIndex: 0, selectedIndex: state.selectedIndex < 0 ? 0 : state.selectedIndex });
      showInReader(selectedIds);
    },

    async move(delta, extend = false) {
      const state = get();
      if (state.total === 0) return;
      const from = state.selectedId === null ? -1 : (indexOf(state, state.selectedId) ?? state.selectedIndex);
      const target = Math.max(0, Math.min(state.total - 1, from + delta));
      if (target === from) return;
      if (!messageAt(state, target)) await ensure(target, target);
      if (extend) await get().extendTo(target);
      else get().select(target);
    },

    async selectAfterRemoval(index) {
      await get().refresh();
      const { total } = get();
      if (total === 0) {
        set({ selectedId: null, selectedIndex: -1, selectedIds: new Set(), anchorIndex: -1 });
        useReader.getState().close();
        return;
      }
      const target = Math.min(index, total - 1);
      await ensure(target, target);
      get().select(target);
    },
  };
});

/** The reading pane follows a single selection; with several rows selected it shows none of them. */
function showInReader(selectedIds: ReadonlySet<number>): void {
  const [only] = selectedIds;
  if (selectedIds.size === 1 && only !== undefined) void useReader.getState().open(only);
  else useReader.getState().close();
}

type ListSource = { folderId: number } | { view: MessageView };

function sourceOf(state: Pick<MessageListState, 'folderId' | 'view'>): ListSource {
  return state.view !== null ? { view: state.view } : { folderId: state.folderId ?? 0 };
}

/** Every id in the list's order: a search has them all already; a folder or view asks the engine. */
async function allIds(state: MessageListState): Promise<number[]> {
  if (state.search) {
    return Object.keys(state.pages).map(Number).sort((a, b) => a - b).flatMap((p) => state.pages[p]!.items.map((m) => m.id));
  }
  const { ids } = await engine().client.api.messages.ids({ ...sourceOf(state), sort: useListPrefs.getState().sort });
  return ids;
}

/** What opening a folder, a view or a search resets. */
const FRESH = {
  more: false, total: 0, loaded: false, pages: {}, range: { start: 0, end: 0 },
  selectedId: null, selectedIndex: -1, selectedIds: new Set<number>(), anchorIndex: -1,
} satisfies Partial<MessageListState>;

// Another sort order is another list: start it afresh but keep what was selected.
useListPrefs.subscribe((now, before) => {
  if (now.sort !== before.sort) void useMessageList.getState().refresh();
});
