import type { RecordRef } from '../../../../src-shared/contract/index.js';
import { DocumentsPanel } from '../../documents/DocumentsPanel.js';
import { RecordMailingAction } from '../../mailings/MailingActions.js';

/** What other features add to every record's page: a company's mailing to its contacts, its documents. */
export function PageExtras({ record }: { record: RecordRef }) {
  return (
    <>
      <RecordMailingAction record={record} />
      <section className="crmw-subsection crmw-documents">
        <DocumentsPanel record={record} />
      </section>
    </>
  );
}
