import { create } from 'zustand';
import type { Contact, Template } from '../../../src-shared/contract/index.js';
import { engine } from '../../api/engine.js';
import { reportError } from '../../stores/error-store.js';

interface TemplatesState {
  folderId: number | null;
  items: Template[];
  loaded: boolean;
  selectedId: number | null;
  /** The editor: a template being edited, or 'new'; null when closed. */
  editing: Template | 'new' | null;
  /** Whom previews are filled for; kept while the agent moves between templates. */
  previewContact: Contact | null;
  open(folderId: number): Promise<void>;
  refresh(): Promise<void>;
  select(id: number | null): void;
  edit(template: Template | 'new'): void;
  closeEditor(saved?: Template): void;
  remove(id: number): Promise<void>;
  setPreviewContact(contact: Contact | null): void;
}

let latest = 0;

/**
 * The templates of the Templates folder open in the mailbox. The engine sends no change events for templates, so
 * the list is fetched again after each change made here and whenever the folder is opened.
 */
export const useTemplates = create<TemplatesState>((set, get) => ({
  folderId: null,
  items: [],
  loaded: false,
  selectedId: null,
  editing: null,
  previewContact: null,

  async open(folderId) {
    if (folderId !== get().folderId) set({ folderId, items: [], loaded: false, selectedId: null });
    await get().refresh();
  },

  async refresh() {
    const { folderId } = get();
    if (folderId === null) return;
    const mine = ++latest;
    try {
      const { items } = await engine().client.api.templates.list({ folderId });
      if (mine !== latest) return;
      const selectedId = get().selectedId;
      set({ items, loaded: true, selectedId: items.some((t) => t.id === selectedId) ? selectedId : (items[0]?.id ?? null) });
    } catch (error) {
      reportError(error);
    }
  },

  select(id) {
    set({ selectedId: id });
  },

  edit(template) {
    set({ editing: template });
  },

  closeEditor(saved) {
    set({ editing: null, ...(saved ? { selectedId: saved.id } : {}) });
    if (saved) void get().refresh();
  },

  async remove(id) {
    try {
      await engine().client.api.templates.delete({ id });
      await get().refresh();
    } catch (error) {
      reportError(error);
    }
  },

  setPreviewContact(contact) {
    set({ previewContact: contact });
  },
}));
