import type { RecordRef } from '../../../../src-shared/contract/index.js';
import { DocumentsPanel } from '../../documents/DocumentsPanel.js';

/** What other features add to every record's page: its documents. */
export function PageExtras({ record }: { record: RecordRef }) {
  return (
    <section className="crmw-subsection crmw-documents">
      <DocumentsPanel record={record} />
    </section>
  );
}
