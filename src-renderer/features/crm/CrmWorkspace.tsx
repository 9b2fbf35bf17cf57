import { useCrmNav } from '../../stores/crm-nav-store.js';
import { MailingsSection } from '../mailings/MailingsSection.js';
import './crm.css';
import { RecordList } from './list/RecordList.js';
import { NotesForMe } from './notes/NotesForMe.js';
import { RecordPage } from './page/RecordPage.js';
import { SectionNav } from './SectionNav.js';
import { SharedAddresses } from './shared-addresses/SharedAddresses.js';

/** The CRM side of the window: the sections on the left, a list, a record's page or the notes for the agent. */
export function CrmWorkspace() {
  const section = useCrmNav((s) => s.section);
  const record = useCrmNav((s) => s.record);
  let content;
  if (record) content = <RecordPage key={`${record.type}-${record.id}`} record={record} />;
  else if (section === 'notes') content = <NotesForMe />;
  else if (section === 'shared-addresses') content = <SharedAddresses />;
  else if (section === 'mailings') content = <MailingsSection />;
  else content = <RecordList key={section} type={section} />;
  return (
    <main className="crmw-workspace" data-testid="crm-workspace">
      <SectionNav />
      <div className="crmw-main">{content}</div>
    </main>
  );
}
