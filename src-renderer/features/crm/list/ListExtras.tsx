import type { RecordType } from '../../../../src-shared/contract/index.js';

/** What other features add to a section's toolbar (the contacts import). */
export function ListExtras(_props: { type: RecordType }) {
  return null;
}
