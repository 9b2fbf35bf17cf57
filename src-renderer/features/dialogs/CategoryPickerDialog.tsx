import { useId, useRef } from 'react';
import { Modal } from '../../components/Modal.js';
import { useModal } from '../../components/use-modal.js';
import { useT } from '../../i18n/use-t.js';
import { useCategories } from '../../stores/categories-store.js';
import type { DialogRequest } from '../../stores/dialog-store.js';
import { byFamily } from '../categories/group-by-family.js';

/** The categories for the messages' direction, by family; one click sets it, "None" clears it. */
export function CategoryPickerDialog({ request }: { request: Extract<DialogRequest, { kind: 'pick-category' }> }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const items = useCategories((s) => s.items);
  const setEditing = useCategories((s) => s.setEditing);
  useModal(ref);
  const groups = byFamily(items, request.direction);
  const option = (name: string | null, label: string) => (
    <li key={name ?? ''}>
      <button
        type="button"
        className={`picker-choice${request.current === name ? ' is-current' : ''}`}
        aria-pressed={request.current === name}
        onClick={() => request.resolve(name)}
        data-testid="category-option"
      >
        {label}
      </button>
    </li>
  );
  return (
    <Modal dialogRef={ref} className="small-dialog" aria-labelledby={titleId} data-testid="category-picker" onClose={() => request.resolve(undefined)}>
      <h2 id={titleId}>{request.title}</h2>
      <ul className="picker-list category-choices">
        {option(null, t('categories.none'))}
        {groups.map(([family, list]) => (
          <li key={family} role="group" aria-label={family || t('categories.noFamily')}>
            {family ? <div className="picker-group">{family}</div> : null}
            <ul>{list.map((c) => option(c.name, c.name))}</ul>
          </li>
        ))}
      </ul>
      {groups.length === 0 ? <p>{t('categories.emptyHint')}</p> : null}
      <footer>
        <button
          type="button"
          className="button"
          onClick={() => {
            request.resolve(undefined);
            setEditing(true);
          }}
          data-testid="category-manage"
        >
          {t('categories.manage')}
        </button>
        <button type="button" className="button" onClick={() => request.resolve(undefined)}>
          {t('dialog.cancel')}
        </button>
      </footer>
    </Modal>
  );
}
