import { ConnectionBanner } from './components/ConnectionBanner.js';
import { ErrorBar } from './components/ErrorBar.js';
import { AccountSetupDialog } from './features/accounts/AccountSetupDialog.js';
import { RemoveAccountDialog } from './features/accounts/RemoveAccountDialog.js';
import { SignatureDialogHost } from './features/signatures/SignatureDialogHost.js';
import { CategoriesDialog } from './features/categories/CategoriesDialog.js';
import { Dialogs } from './features/dialogs/Dialogs.js';
import { ExportDialog } from './features/imports/ExportDialog.js';
import { ImportDialog } from './features/imports/ImportDialog.js';
import { FolderTree } from './features/folders/FolderTree.js';
import { MessageList } from './features/messages/MessageList.js';
import { ReadingPane } from './features/reader/ReadingPane.js';
import { TopBar } from './features/topbar/TopBar.js';
import { OutboxNotices } from './features/outbox/OutboxNotices.js';
import { CrmWorkspace } from './features/crm/CrmWorkspace.js';
import { TemplatesPanes } from './features/templates/TemplatesPanes.js';
import { useTemplatesFolder } from './features/templates/templates-folder.js';
import { useCrmNav } from './stores/crm-nav-store.js';

export function App() {
  // The mail panes leave the page while the CRM shows, but their stores stay: coming back finds the same folder,
  // selection and message open (the list scrolls back to the selected row).
  const workspace = useCrmNav((s) => s.workspace);
  // A Templates folder holds templates, not messages: its own panes take the list's and the reader's place.
  const templatesFolder = useTemplatesFolder();
  return (
    <div className="app">
      <TopBar />
      <ConnectionBanner />
      <ErrorBar />
      <OutboxNotices />
      {workspace === 'crm' ? (
        <CrmWorkspace />
      ) : (
        <main className="panes">
          <FolderTree />
          {templatesFolder === null ? (
            <>
              <MessageList />
              <ReadingPane />
            </>
          ) : (
            <TemplatesPanes folderId={templatesFolder} />
          )}
        </main>
      )}
      <AccountSetupDialog />
      <RemoveAccountDialog />
      <SignatureDialogHost />
      <CategoriesDialog />
      <ImportDialog />
      <ExportDialog />
      <Dialogs />
    </div>
  );
}
