import type { KeyboardEvent } from 'react';
import type { Template } from '../../../src-shared/contract/index.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Icon } from '../../components/Icon.js';
import { useT } from '../../i18n/use-t.js';
import { confirmDialog } from '../../stores/dialog-store.js';
import { useTemplates } from './templates-store.js';

/** The middle pane for a Templates folder: its templates by name, with New, Edit and Delete. */
export function TemplateList() {
  const t = useT();
  const items = useTemplates((s) => s.items);
  const loaded = useTemplates((s) => s.loaded);
  const selectedId = useTemplates((s) => s.selectedId);
  const { select, edit, remove } = useTemplates.getState();
  const selected = items.find((x) => x.id === selectedId) ?? null;

  async function confirmRemove(template: Template) {
    const ok = await confirmDialog({ title: t('templates.deleteTitle', { name: template.name }), body: t('templates.deleteBody'), confirmLabel: t('templates.delete'), danger: true });
    if (ok) await remove(template.id);
  }

  function onKeyDown(e: KeyboardEvent<HTMLUListElement>) {
    const index = items.findIndex((x) => x.id === selectedId);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const next = items[Math.max(0, Math.min(items.length - 1, index + (e.key === 'ArrowDown' ? 1 : -1)))];
      if (next) select(next.id);
    } else if (e.key === 'Enter' && selected) edit(selected);
    else if (e.key === 'Delete' && selected) void confirmRemove(selected);
    else return;
    e.preventDefault();
  }

  return (
    <section className="pane template-list" aria-label={t('templates.listLabel')} data-testid="template-list">
      <div className="template-toolbar" role="toolbar" aria-label={t('templates.toolbar')}>
        <button type="button" className="tool-button" onClick={() => edit('new')} data-testid="template-new">
          <Icon name="plus" />
          <span>{t('templates.new')}</span>
        </button>
        <button type="button" className="tool-button" aria-disabled={!selected} onClick={() => selected && edit(selected)} data-testid="template-edit">
          <span aria-hidden="true">✎</span>
          <span>{t('templates.edit')}</span>
        </button>
        <button type="button" className="tool-button" aria-disabled={!selected} onClick={() => selected && void confirmRemove(selected)} data-testid="template-delete">
          <Icon name="trash" />
          <span>{t('templates.delete')}</span>
        </button>
      </div>
      {loaded && items.length === 0 ? (
        <EmptyState text={t('templates.empty')} testId="template-list-empty" />
      ) : (
        <ul className="template-rows" role="listbox" aria-label={t('templates.listLabel')} tabIndex={0} onKeyDown={onKeyDown}>
          {items.map((x) => (
            <li
              key={x.id}
              role="option"
              aria-selected={x.id === selectedId}
              className={`template-row${x.id === selectedId ? ' is-selected' : ''}`}
              onClick={() => select(x.id)}
              onDoubleClick={() => edit(x)}
              data-testid="template-row"
            >
              <span className="template-row-name">{x.name}</span>
              <span className="template-row-subject">{x.subject || t('templates.noSubject')}</span>
              {x.category ? <span className="category-chip">{x.category}</span> : null}
              {x.attachments.length > 0 ? <Icon name="paperclip" /> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
