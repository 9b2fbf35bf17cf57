import { useState, type DragEvent } from 'react';
import { useT } from '../../i18n/use-t.js';
import { carriesDocument, carriesFiles, draggedDocument } from './drag-data.js';
import type { FolderEntry } from './folder-tree.js';

interface DocumentFoldersProps {
  rows: readonly FolderEntry[];
  selected: string;
  onSelect(path: string): void;
  /** A document of the panel dropped on a folder. */
  onMoveInto(id: number, path: string): void;
  /** Files from the desktop dropped on a folder. */
  onAddInto(path: string, files: File[]): void;
}

/** The record's folder tree with how many files each holds (its subfolders' included); each folder is a drop target. */
export function DocumentFolders({ rows, selected, onSelect, onMoveInto, onAddInto }: DocumentFoldersProps) {
  const t = useT();
  const [over, setOver] = useState<string | null>(null);
  const accepts = (e: DragEvent) => carriesDocument(e.dataTransfer) || carriesFiles(e.dataTransfer);
  return (
    <ul className="documents-folders" aria-label={t('documents.folders')}>
      {rows.map((row) => (
        <li key={row.path}>
          <button
            type="button"
            className={`documents-folder${row.path === selected ? ' is-selected' : ''}${row.path === over ? ' is-drop-target' : ''}`}
            style={{ paddingInlineStart: `${8 + row.depth * 14}px` }}
            aria-current={row.path === selected ? 'true' : undefined}
            onClick={() => onSelect(row.path)}
            onDragOver={(e) => {
              if (!accepts(e)) return;
              e.preventDefault();
              // Stops the panel's own drop zone from also taking the files.
              e.stopPropagation();
              e.dataTransfer.dropEffect = carriesDocument(e.dataTransfer) ? 'move' : 'copy';
              setOver(row.path);
            }}
            onDragLeave={() => setOver((p) => (p === row.path ? null : p))}
            onDrop={(e) => {
              if (!accepts(e)) return;
              e.preventDefault();
              e.stopPropagation();
              setOver(null);
              const id = draggedDocument(e.dataTransfer);
              if (id !== null) onMoveInto(id, row.path);
              else onAddInto(row.path, [...e.dataTransfer.files]);
            }}
            data-testid="documents-folder"
            data-path={row.path}
          >
            <span className="documents-folder-name">{row.name}</span>
            <span className="documents-count" aria-label={t('documents.folder.count', { count: row.total })}>
              {row.total}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
