import type { RecordRef } from '../../../../src-shared/contract/index.js';

/** What other features add to every record's page (its documents). */
export function PageExtras(_props: { record: RecordRef }) {
  return null;
}
