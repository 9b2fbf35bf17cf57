import { useEffect } from 'react';
import { TemplateEditor } from './TemplateEditor.js';
import { TemplateList } from './TemplateList.js';
import { TemplatePreviewPane } from './TemplatePreviewPane.js';
import { useTemplates } from './templates-store.js';
import './templates.css';

/**
 * What the mailbox shows beside the folder tree when a Templates folder is open: its templates and the selected
 * one's preview, or the editor across both panes.
 */
export function TemplatesPanes({ folderId }: { folderId: number }) {
  const editing = useTemplates((s) => s.editing);
  useEffect(() => {
    // Another folder, another list: an editor left open belongs to the folder it was opened in.
    useTemplates.getState().closeEditor();
    void useTemplates.getState().open(folderId);
  }, [folderId]);
  if (editing) return <TemplateEditor key={editing === 'new' ? 'new' : editing.id} editing={editing} folderId={folderId} />;
  return (
    <>
      <TemplateList />
      <TemplatePreviewPane />
    </>
  );
}
