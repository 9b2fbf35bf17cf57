import type { RecordRef } from '../../../../src-shared/contract/index.js';
import { openRecord } from '../../../stores/crm-nav-store.js';

/** Another record's name, which opens its page. */
export function RecordLink({ record, name, testId }: { record: RecordRef; name: string; testId?: string }) {
  return (
    <button type="button" className="link-button crmw-record-link" data-testid={testId} onClick={() => openRecord({ type: record.type, id: record.id })}>
      {name}
    </button>
  );
}
