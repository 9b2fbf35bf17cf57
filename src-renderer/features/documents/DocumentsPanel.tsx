import { useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentFile, DocumentsListing, RecordRef } from '../../../src-shared/contract/index.js';
import { useT } from '../../i18n/use-t.js';
import { DeletedDocuments } from './DeletedDocuments.js';
import { DocumentFolders } from './DocumentFolders.js';
import { DocumentRow } from './DocumentRow.js';
import { useFileDrop } from './file-drop.js';
import { downloadDocument } from './document-files.js';
import { folderLabel, folderRows } from './folder-tree.js';
import { MoveDocumentDialog } from './MoveDocumentDialog.js';
import { addTo, deleteDocument, deleteFolder, moveTo, newFolder, openOrOffer, renameDocument, renameFolder, restoreDocument, type PanelContext } from './panel-actions.js';
import { useDocuments } from './use-documents.js';
import './documents.css';

/**
 * A record's documents (issue 6): its folder tree on one side, the chosen folder's files on the other. Files are
 * added with the button or dropped from the desktop (onto the panel: the folder shown; onto a folder: that one),
 * moved by dragging onto a folder or with "Move…", deleted to a restorable list after a confirmation.
 */
export function DocumentsPanel({ record }: { record: RecordRef }) {
  const t = useT();
  const { listing } = useDocuments(record);
  const [selected, setSelected] = useState('');
  const [status, setStatus] = useState('');
  const [moving, setMoving] = useState<DocumentFile | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const main = t('documents.main');

  useEffect(() => {
    setSelected('');
    setStatus('');
  }, [record.type, record.id]);
  // The folder shown was renamed or removed (here or elsewhere): show the main folder rather than an empty ghost.
  const folderGone = listing !== null && selected !== '' && !listing.folders.some((f) => f.path === selected);
  useEffect(() => {
    if (folderGone) setSelected('');
  }, [folderGone]);

  const rows = useMemo(() => (listing ? folderRows(listing.folders, listing.files.length, main) : []), [listing, main]);
  const contextOf = (shown: DocumentsListing): PanelContext => ({ record, listing: shown, t, say: setStatus, select: setSelected });
  // Files dropped on the panel go to the folder shown (a folder takes those dropped on it itself).
  const { dropping, dropProps } = useFileDrop((files) => {
    if (listing) void addTo(contextOf(listing), selected, files);
  });
  if (!listing) return <section className="documents-panel" aria-busy="true" aria-label={t('documents.title')} data-testid="documents-panel" />;

  const ctx = contextOf(listing);
  const shown = listing.files.filter((f) => f.folder === selected);
  const current = listing.folders.find((f) => f.path === selected);

  return (
    <section
      className={`documents-panel${dropping ? ' is-drop-target' : ''}`}
      aria-label={t('documents.title')}
      data-testid="documents-panel"
      {...dropProps}
    >
      <header className="documents-header">
        <h2>{t('documents.title')}</h2>
        <button type="button" className="button" onClick={() => picker.current?.click()} data-testid="documents-add">
          {t('documents.add')}
        </button>
        <input
          ref={picker}
          type="file"
          multiple
          hidden
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            void addTo(ctx, selected, files);
          }}
          data-testid="documents-file-input"
        />
        <button type="button" className="button" onClick={() => void newFolder(ctx, selected)} data-testid="documents-new-folder">
          {t('documents.newFolder')}
        </button>
        <span className="documents-status" role="status" data-testid="documents-status">
          {status}
        </span>
      </header>
      <div className="documents-body">
        <DocumentFolders
          rows={rows}
          selected={selected}
          onSelect={setSelected}
          onMoveInto={(id, path) => void moveTo(ctx, id, path)}
          onAddInto={(path, files) => void addTo(ctx, path, files)}
        />
        <div className="documents-files">
          <div className="documents-folder-bar">
            <h3 className="documents-folder-title">{folderLabel(selected, main)}</h3>
            {current ? (
              <>
                <button type="button" className="link-button" onClick={() => void renameFolder(ctx, selected)} data-testid="documents-rename-folder">
                  {t('documents.folder.rename')}
                </button>
                <button type="button" className="link-button" onClick={() => void deleteFolder(ctx, selected)} data-testid="documents-delete-folder">
                  {t('documents.folder.delete')}
                </button>
              </>
            ) : null}
          </div>
          {shown.length === 0 ? (
            <p className="documents-empty" data-testid="documents-empty">
              {dropping ? t('documents.drop', { folder: folderLabel(selected, main) }) : t('documents.empty')}
            </p>
          ) : (
            <ul className="documents-list" aria-label={folderLabel(selected, main)}>
              {shown.map((f) => (
                <DocumentRow
                  key={f.id}
                  file={f}
                  onOpen={() => void openOrOffer(ctx, f)}
                  onDownload={() => void downloadDocument(f.id)}
                  onMove={() => setMoving(f)}
                  onRename={() => void renameDocument(ctx, f)}
                  onDelete={() => void deleteDocument(ctx, f)}
                />
              ))}
            </ul>
          )}
          <DeletedDocuments files={listing.deleted} onRestore={(f) => void restoreDocument(ctx, f)} />
        </div>
      </div>
      {moving ? (
        <MoveDocumentDialog
          file={moving}
          folders={listing.folders}
          onClose={() => setMoving(null)}
          onMove={(path) => {
            setMoving(null);
            void moveTo(ctx, moving.id, path);
          }}
        />
      ) : null}
    </section>
  );
}
