import { createContext, useContext } from 'react';
import { useReader, type ReaderState, type ReaderStore } from '../../stores/reader-store.js';

/** Where a message is shown: the mailbox's reading pane, or a window of its own with a store of its own. */
export interface ReaderPlace {
  store: ReaderStore;
  /** True in a message window: taking the message away (delete, junk) closes the window. */
  window: boolean;
}

export const ReaderPlaceContext = createContext<ReaderPlace>({ store: useReader, window: false });

export function useReaderPlace(): ReaderPlace {
  return useContext(ReaderPlaceContext);
}

/** A slice of the reader state of the place this component is in. */
export function useOpenMessage<T>(selector: (state: ReaderState) => T): T {
  return useContext(ReaderPlaceContext).store(selector);
}
