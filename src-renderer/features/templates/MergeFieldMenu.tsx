import { useState } from 'react';
import { MERGE_FIELDS, mergeFieldGroup, mergeToken, type MergeField } from '../../../src-shared/domain/merge-fields.js';
import { ContextMenu, type MenuAction } from '../../components/ContextMenu.js';
import { Icon } from '../../components/Icon.js';
import { useT } from '../../i18n/use-t.js';
import { fieldLabel } from './field-labels.js';

/** "Insert field": every merge field, grouped (greeting, contact, company, lead, you, date), into the field last edited. */
export function MergeFieldMenu({ onInsert }: { onInsert(token: string): void }) {
  const t = useT();
  const [at, setAt] = useState<{ x: number; y: number } | null>(null);
  const actions: MenuAction[] = MERGE_FIELDS.map((field: MergeField, i) => ({
    id: `field-${field}`,
    label: fieldLabel(t, field),
    separator: i > 0 && mergeFieldGroup(field) !== mergeFieldGroup(MERGE_FIELDS[i - 1]!),
    run: () => onInsert(mergeToken(field)),
  }));
  return (
    <>
      <button
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={at !== null}
        data-testid="template-insert-field"
        // The caret stays where it was, so the field goes there.
        onMouseDown={(e) => e.preventDefault()}
        onClick={(e) => {
          const box = e.currentTarget.getBoundingClientRect();
          setAt({ x: box.left, y: box.bottom + 2 });
        }}
      >
        <Icon name="plus" /> {t('templates.insertField')}
      </button>
      {at ? <ContextMenu label={t('templates.insertField')} at={at} actions={actions} onClose={() => setAt(null)} /> : null}
    </>
  );
}
