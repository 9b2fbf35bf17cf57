import { create } from 'zustand';
import type { SearchField } from '../../src-shared/contract/index.js';
import { useMessageList, type SearchParams } from './message-list-store.js';

/** Long enough to let a word be typed without a request per keystroke, short enough to feel immediate. */
export const SEARCH_DEBOUNCE_MS = 250;

export type SearchScope = 'folder' | 'everywhere';

interface SearchState {
  /** What is in the box, which may be ahead of the search the list shows by up to the debounce. */
  text: string;
  field: SearchField;
  scope: SearchScope;
  setText(text: string): void;
  setField(field: SearchField): void;
  setScope(scope: SearchScope): void;
  clear(): void;
}

let timer: ReturnType<typeof setTimeout> | undefined;

function cancelPending(): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
}

/** Empty text means no search, except for "sender not in address book", which is a question without words. */
function paramsOf({ text, field, scope }: Pick<SearchState, 'text' | 'field' | 'scope'>): SearchParams | null {
  const query = text.trim();
  if (query === '' && field !== 'unknown-sender') return null;
  return { query, field, everywhere: scope === 'everywhere' };
}

function sameParams(a: SearchParams | null, b: SearchParams | null): boolean {
  return a === b || (a !== null && b !== null && a.query === b.query && a.field === b.field && a.everywhere === b.everywhere);
}

export const useSearch = create<SearchState>((set, get) => {
  /** Hands the box's current question to the list, unless the list already shows it (a trailing space, say). */
  function apply(): void {
    cancelPending();
    const params = paramsOf(get());
    const list = useMessageList.getState();
    if (!sameParams(params, list.search)) list.setSearch(params);
  }

  return {
    text: '',
    field: 'subject-people',
    scope: 'folder',

    setText(text) {
      set({ text });
      cancelPending();
      timer = setTimeout(apply, SEARCH_DEBOUNCE_MS);
    },

    // A menu choice is one deliberate act, so it searches at once.
    setField(field) {
      set({ field });
      apply();
    },

    setScope(scope) {
      set({ scope });
      apply();
    },

    // The address-book question needs no words, so clearing it must also put the field back to end the search.
    clear() {
      set({ text: '', field: get().field === 'unknown-sender' ? 'subject-people' : get().field });
      apply();
    },
  };
});

// Opening a folder ends the search in the list; the box empties to match, and a pending keystroke is forgotten.
useMessageList.subscribe((now, before) => {
  if ((now.folderId !== before.folderId || now.view !== before.view) && now.search === null) {
    cancelPending();
    if (useSearch.getState().text !== '') useSearch.setState({ text: '' });
  }
});
