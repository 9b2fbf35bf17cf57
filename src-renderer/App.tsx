import { ConnectionBanner } from './components/ConnectionBanner.js';
import { ErrorBar } from './components/ErrorBar.js';
import { AccountSetupDialog } from './features/accounts/AccountSetupDialog.js';
import { RemoveAccountDialog } from './features/accounts/RemoveAccountDialog.js';
import { CategoriesDialog } from './features/categories/CategoriesDialog.js';
import { Dialogs } from './features/dialogs/Dialogs.js';
import { ExportDialog } from './features/imports/ExportDialog.js';
import { ImportDialog } from './features/imports/ImportDialog.js';
import { FolderTree } from './features/folders/FolderTree.js';
import { MessageList } from './features/messages/MessageList.js';
import { ReadingPane } from './features/reader/ReadingPane.js';
import { TopBar } from './features/topbar/TopBar.js';

export function App() {
  return (
    <div className="app">
      <TopBar />
      <ConnectionBanner />
      <ErrorBar />
      <main className="panes">
        <FolderTree />
        <MessageList />
        <ReadingPane />
      </main>
      <AccountSetupDialog />
      <RemoveAccountDialog />
      <CategoriesDialog />
      <ImportDialog />
      <ExportDialog />
      <Dialogs />
    </div>
  );
}
