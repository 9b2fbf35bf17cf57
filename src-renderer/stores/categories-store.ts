import { create } from 'zustand';
import type { Category } from '../../src-shared/contract/index.js';
import { engine } from '../api/engine.js';
import { reportError } from './error-store.js';

interface CategoriesState {
  items: Category[];
  /** The settings dialog is open. */
  editing: boolean;
  refresh(): Promise<void>;
  setEditing(editing: boolean): void;
}

let latest = 0;

export const useCategories = create<CategoriesState>((set) => ({
  items: [],
  editing: false,
  async refresh() {
    const mine = ++latest;
    try {
      const { items } = await engine().client.api.categories.list();
      if (mine === latest) set({ items });
    } catch (error) {
      reportError(error);
    }
  },
  setEditing(editing) {
    set({ editing });
  },
}));

/** The category a message's name refers to, among those for its direction. */
export function categoryNamed(items: readonly Category[], name: string, direction: 'in' | 'out'): Category | undefined {
  return items.find((c) => c.name === name && c.direction === direction);
}
