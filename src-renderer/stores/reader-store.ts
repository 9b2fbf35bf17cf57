import { create } from 'zustand';
import { ContractError, type MessageDetail } from '../../src-shared/contract/index.js';
import { engine } from '../api/engine.js';
import { reportError } from './error-store.js';

interface ReaderState {
  openId: number | null;
  /** Null while the open message loads. */
  detail: MessageDetail | null;
  open(id: number): Promise<void>;
  close(): void;
  refresh(): Promise<void>;
}

// Answers can arrive out of order when the user moves quickly through the list; only the latest request counts.
let latest = 0;

export const useReader = create<ReaderState>((set, get) => {
  async function load(id: number, markSeen: boolean): Promise<void> {
    const mine = ++latest;
    const api = engine().client.api;
    try {
      const detail = await api.messages.get({ id });
      if (mine !== latest || get().openId !== id) return;
      set({ detail });
      // Marked on opening only: if another client marks it unread while it is open, that choice stands.
      if (markSeen && !detail.flags.seen) await api.messages.setFlags({ ids: [id], flags: { seen: true } });
    } catch (error) {
      if (mine !== latest) return;
      if (!markSeen && error instanceof ContractError && error.code === 'NOT_FOUND') {
        // Deleted or moved away while open: that is news, not a failure.
        set({ openId: null, detail: null });
        return;
      }
      reportError(error);
    }
  }

  return {
    openId: null,
    detail: null,
    async open(id) {
      if (get().openId === id && get().detail) return;
      set({ openId: id, detail: null });
      await load(id, true);
    },
    close() {
      latest++;
      set({ openId: null, detail: null });
    },
    async refresh() {
      const id = get().openId;
      if (id !== null) await load(id, false);
    },
  };
});
