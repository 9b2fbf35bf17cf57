import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Modal } from '../../components/Modal.js';
import { useModal } from '../../components/use-modal.js';
import { useT } from '../../i18n/use-t.js';
import type { DialogRequest } from '../../stores/dialog-store.js';
import { useFolders } from '../../stores/folders-store.js';
import { useFolderName } from '../folders/folder-name.js';
import { flattenTree } from '../folders/tree-model.js';

/**
 * "Move to folder…" (Outlook's Ctrl+Shift+V): every folder in tree order, narrowed by typing part of a name or path;
 * arrows pick, Enter moves. The folder the messages are in is not offered.
 */
export function FolderPickerDialog({ request }: { request: Extract<DialogRequest, { kind: 'pick-folder' }> }) {
  const t = useT();
  const folderName = useFolderName();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const listId = useId();
  const [filter, setFilter] = useState('');
  const [active, setActive] = useState(0);
  const { accounts, folders } = useFolders.getState();
  useModal(ref);

  const all = useMemo(() => flattenTree(accounts, folders, t('folders.localFolders')).filter((e) => e.folder.id !== request.exclude), [accounts, folders, request.exclude, t]);
  const needle = filter.trim().toLocaleLowerCase();
  const shown = needle
    ? all.filter((e) => `${e.groupName}/${e.folder.path}/${folderName(e.folder)}`.toLocaleLowerCase().includes(needle))
    : all;
  const current = shown[Math.min(active, shown.length - 1)];
  const optionId = (id: number) => `${listId}-${id}`;

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    if (step !== 0) {
      e.preventDefault();
      setActive((i) => Math.max(0, Math.min(shown.length - 1, i + step)));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (current) request.resolve(current.folder.id);
    }
  }

  return (
    <Modal dialogRef={ref} className="small-dialog picker-dialog" aria-labelledby={titleId} data-testid="folder-picker" onClose={() => request.resolve(null)}>
      <h2 id={titleId}>{request.title}</h2>
      <input
        className="input"
        autoFocus
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={current ? optionId(current.folder.id) : undefined}
        aria-label={t('dialog.picker.filter')}
        placeholder={t('dialog.picker.filter')}
        value={filter}
        onChange={(e) => {
          setFilter(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        data-testid="picker-filter"
      />
      <ul className="picker-list" role="listbox" id={listId} aria-label={request.title}>
        {shown.map((e) => (
          <li
            key={e.folder.id}
            id={optionId(e.folder.id)}
            role="option"
            aria-selected={e === current}
            className={e === current ? 'is-active' : undefined}
            style={{ paddingInlineStart: `${8 + e.depth * 14}px` }}
            onClick={() => request.resolve(e.folder.id)}
            data-testid="picker-option"
            data-folder-id={e.folder.id}
          >
            {needle ? <span className="picker-group">{e.groupName} / </span> : e.depth === 0 ? <span className="picker-group">{e.groupName} / </span> : null}
            {folderName(e.folder)}
          </li>
        ))}
        {shown.length === 0 ? <li className="picker-empty">{t('dialog.picker.none')}</li> : null}
      </ul>
      <footer>
        <button type="button" className="button" onClick={() => request.resolve(null)} data-testid="picker-cancel">
          {t('dialog.cancel')}
        </button>
        <button
          type="button"
          className="button button-primary"
          aria-disabled={!current}
          onClick={() => current && request.resolve(current.folder.id)}
          data-testid="picker-ok"
        >
          {request.confirmLabel}
        </button>
      </footer>
    </Modal>
  );
}
