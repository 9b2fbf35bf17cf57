import { useDialog } from '../../stores/dialog-store.js';
import { CategoryPickerDialog } from './CategoryPickerDialog.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { FolderPickerDialog } from './FolderPickerDialog.js';
import { NameDialog } from './NameDialog.js';
import './dialogs.css';

/** The one open question, if any. */
export function Dialogs() {
  const request = useDialog((s) => s.request);
  if (!request) return null;
  switch (request.kind) {
    case 'confirm':
      return <ConfirmDialog request={request} />;
    case 'pick-folder':
      return <FolderPickerDialog request={request} />;
    case 'name':
      return <NameDialog request={request} />;
    case 'pick-category':
      return <CategoryPickerDialog request={request} />;
  }
}
