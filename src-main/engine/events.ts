import type { EventName, EventPayload, StoreTable } from '../../src-shared/contract/index.js';

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/**
 * The engine's outgoing events. `store.changed` is coalesced per table over a short window, so an import of
 * thousands of messages produces a handful of refetches rather than thousands.
 */
export class EventBus {
  private readonly listeners = new Set<EventListener>();
  private readonly pending = new Map<StoreTable, Set<number>>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly coalesceMs = 100) {}

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const l of this.listeners) {
      try {
        l(event, payload);
      } catch (error) {
        console.error(`An event listener failed on ${event}:`, error);
      }
    }
  }

  changed(table: StoreTable, ids: Iterable<number>): void {
    const set = this.pending.get(table) ?? new Set<number>();
    for (const id of ids) set.add(id);
    this.pending.set(table, set);
    this.timer ??= setTimeout(() => this.flush(), this.coalesceMs);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batches = [...this.pending];
    this.pending.clear();
    for (const [table, ids] of batches) this.emit('store.changed', { table, ids: [...ids] });
  }
}
