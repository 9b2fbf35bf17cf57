import type { RecordRef, TimelineItem } from '../../../../src-shared/contract/index.js';
import { engine } from '../../../api/engine.js';

/** The contract's largest page. */
const MAX_PAGE = 500;
export const TIMELINE_STEP = 25;

/**
 * The newest `count` lines of a record's timeline. Refetched whole on every change (a line may move when a new
 * email arrives), in pages the contract allows.
 */
export async function loadTimeline(record: RecordRef, count: number): Promise<{ items: TimelineItem[]; total: number }> {
  const items: TimelineItem[] = [];
  let total = 0;
  for (let offset = 0; offset < count; offset += MAX_PAGE) {
    const page = await engine().client.api.records.timeline({ type: record.type, id: record.id, limit: Math.min(MAX_PAGE, count - offset), offset });
    items.push(...page.items);
    total = page.total;
    if (items.length >= total) break;
  }
  return { items, total };
}
