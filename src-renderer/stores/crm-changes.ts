import type { StoreTable } from '../../src-shared/contract/index.js';

type Listener = (table: StoreTable, ids: number[]) => void;
const listeners = new Set<Listener>();

/**
 * CRM views come and go (lists, record pages, the reader's links panel); each subscribes while mounted and
 * refetches what it shows when a record table changed, rather than live-updates knowing every one of them.
 */
export function onCrmChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function notifyCrmChanged(table: StoreTable, ids: number[]): void {
  for (const l of listeners) l(table, ids);
}
