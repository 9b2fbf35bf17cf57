import { EmptyState } from '../../components/EmptyState.js';
import { useT } from '../../i18n/use-t.js';
import { ContactPicker } from './ContactPicker.js';
import { TemplatePreview } from './TemplatePreview.js';
import { useTemplates } from './templates-store.js';
import { renderSaved, useRendered } from './use-rendered.js';

/** The right pane for a Templates folder: the selected template as it would go to the chosen contact. */
export function TemplatePreviewPane() {
  const t = useT();
  const template = useTemplates((s) => s.items.find((x) => x.id === s.selectedId) ?? null);
  const contact = useTemplates((s) => s.previewContact);
  return (
    <section className="pane template-preview-pane" aria-label={t('templates.preview')} data-testid="template-preview-pane">
      {template ? (
        <>
          <header className="template-preview-header">
            <h2>{template.name}</h2>
            <ContactPicker contact={contact} onChange={useTemplates.getState().setPreviewContact} />
          </header>
          <SavedPreview id={template.id} version={template.updatedAt} contactId={contact?.id} />
        </>
      ) : (
        <EmptyState text={t('templates.noneSelected')} />
      )}
    </section>
  );
}

function SavedPreview({ id, version, contactId }: { id: number; version: string; contactId: number | undefined }) {
  const rendered = useRendered(JSON.stringify([id, version, contactId]), () => renderSaved(id, contactId), 0);
  return rendered ? <TemplatePreview rendered={rendered} /> : null;
}
