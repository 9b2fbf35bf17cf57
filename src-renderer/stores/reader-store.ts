import { create, type StoreApi, type UseBoundStore } from 'zustand';
import { ContractError, type MessageDetail } from '../../src-shared/contract/index.js';
import { engine } from '../api/engine.js';
import { reportError } from './error-store.js';

export interface ReaderState {
  openId: number | null;
  /** Null while the open message loads. */
  detail: MessageDetail | null;
  /** "Load" was chosen for this message: remote content shows this time, and only while it stays open. */
  remoteOnce: boolean;
  plainText: boolean;
  open(id: number): Promise<void>;
  loadRemoteOnce(): void;
  setPlainText(on: boolean): void;
  /** Always load, or block again, remote content from the open message's sender. */
  setSenderRemoteContent(allowed: boolean): Promise<void>;
  close(): void;
  refresh(): Promise<void>;
}

export type ReaderStore = UseBoundStore<StoreApi<ReaderState>>;

/**
 * One open message and how it is shown. The mailbox window has one (`useReader`); a message opened in a window of
 * its own makes its own, so that the mailbox's folder and list changes never close it.
 */
export function createReaderStore(): ReaderStore {
  return create<ReaderState>((set, get) => {
    // Answers can arrive out of order when the user moves quickly through the list; only the latest request counts.
    let latest = 0;

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
      remoteOnce: false,
      plainText: false,
      async open(id) {
        if (get().openId === id && get().detail) return;
        set({ openId: id, detail: null, remoteOnce: false, plainText: false });
        await load(id, true);
      },
      close() {
        latest++;
        set({ openId: null, detail: null, remoteOnce: false, plainText: false });
      },
      loadRemoteOnce() {
        set({ remoteOnce: true });
      },
      setPlainText(on) {
        set({ plainText: on });
      },
      async setSenderRemoteContent(allowed) {
        const detail = get().detail;
        const address = detail?.from?.address;
        if (!detail || !address) return;
        try {
          const answer = await engine().client.api.senders.setRemoteContent({ address, allowed });
          const now = get().detail;
          // Another message may have been opened while the engine answered; it gets its own answer from messages.get.
          if (now && now.from?.address.toLowerCase() === address.toLowerCase()) {
            set({ detail: { ...now, remoteContentAllowed: answer.allowed }, remoteOnce: answer.allowed && get().remoteOnce });
          }
        } catch (error) {
          reportError(error);
        }
      },
      async refresh() {
        const id = get().openId;
        if (id !== null) await load(id, false);
      },
    };
  });
}

/** The mailbox window's reading pane. */
export const useReader = createReaderStore();
