import { useId } from 'react';
import type { DocumentFolder } from '../../../src-shared/contract/index.js';
import { useT } from '../../i18n/use-t.js';
import { resolveFolder, type FolderValue } from './folder-choice.js';
import { folderLabel } from './folder-tree.js';

const NEW = '\u0000new';

/** The record's folders in tree order, or "New folder…" with a path to type; says at once what is wrong with a path. */
export function FolderChoice({ folders, value, onChange, label }: { folders: readonly DocumentFolder[]; value: FolderValue; onChange(value: FolderValue): void; label: string }) {
  const t = useT();
  const selectId = useId();
  const pathId = useId();
  const main = t('documents.main');
  const resolved = resolveFolder(value, t);
  const problem = value.kind === 'new' && value.path.trim() !== '' && 'problem' in resolved ? resolved.problem : null;
  return (
    <div className="folder-choice">
      <label htmlFor={selectId}>{label}</label>
      <select
        id={selectId}
        className="input"
        value={value.kind === 'new' ? NEW : value.path}
        onChange={(e) => onChange(e.target.value === NEW ? { kind: 'new', path: '' } : { kind: 'existing', path: e.target.value })}
        data-testid="folder-choice-select"
      >
        <option value="">{main}</option>
        {folders.map((f) => (
          <option key={f.path} value={f.path}>
            {folderLabel(f.path, main)}
          </option>
        ))}
        <option value={NEW}>{t('documents.folderChoice.new')}</option>
      </select>
      {value.kind === 'new' ? (
        <>
          <label htmlFor={pathId}>{t('documents.folderChoice.path')}</label>
          <input
            id={pathId}
            className="input"
            autoFocus
            value={value.path}
            maxLength={1000}
            aria-invalid={problem !== null}
            aria-describedby={problem ? `${pathId}-problem` : undefined}
            onChange={(e) => onChange({ kind: 'new', path: e.target.value })}
            data-testid="folder-choice-path"
          />
          {problem ? (
            <p className="dialog-problem" id={`${pathId}-problem`} role="alert">
              {problem}
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
