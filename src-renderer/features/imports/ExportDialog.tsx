import { useId, useRef, useState } from 'react';
import { create } from 'zustand';
import { ContractError } from '../../../src-shared/contract/index.js';
import { engine } from '../../api/engine.js';
import { Modal } from '../../components/Modal.js';
import { useModal } from '../../components/use-modal.js';
import { useT } from '../../i18n/use-t.js';
import { reportError } from '../../stores/error-store.js';
import { useFolders } from '../../stores/folders-store.js';

/** The folder the export window is open for, if any. */
export const useExport = create<{ folderId: number | null }>(() => ({ folderId: null }));

export function ExportDialog() {
  const folderId = useExport((s) => s.folderId);
  return folderId !== null ? <ExportWindow folderId={folderId} /> : null;
}

/** A folder out as .eml files or mboxrd files, into a directory chosen with the desktop's dialog or typed. */
function ExportWindow({ folderId }: { folderId: number }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const pathId = useId();
  const folder = useFolders((s) => s.folders.find((f) => f.id === folderId));
  const [path, setPath] = useState('');
  const [format, setFormat] = useState<'eml' | 'mbox'>('eml');
  const [subfolders, setSubfolders] = useState(true);
  const [canBrowse, setCanBrowse] = useState(true);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const close = () => useExport.setState({ folderId: null });
  useModal(ref);

  async function browse() {
    const { available, path: chosen } = await engine().client.api.imports.browse({ kind: 'folder' }).catch((e: unknown) => {
      reportError(e);
      return { available: true, path: null };
    });
    if (!available) setCanBrowse(false);
    else if (chosen) setPath(chosen);
  }

  async function run() {
    if (!path.trim() || busy) return;
    setBusy(true);
    setOutcome(null);
    try {
      const done = await engine().client.api.exports.folder({ folderId, format, subfolders, path: path.trim() });
      setOutcome({ ok: true, text: t('exports.done', { messages: done.messages, files: done.files, path: done.path }) });
    } catch (error) {
      if (error instanceof ContractError) setOutcome({ ok: false, text: error.message });
      else reportError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal dialogRef={ref} className="small-dialog import-dialog" aria-labelledby={titleId} data-testid="export-dialog" onClose={close}>
      <h2 id={titleId}>{t('exports.title', { name: folder?.path ?? '' })}</h2>
      <form
        className="import-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <fieldset className="export-format">
          <legend>{t('exports.format')}</legend>
          <label>
            <input type="radio" name="format" checked={format === 'eml'} onChange={() => setFormat('eml')} /> {t('exports.eml')}
          </label>
          <label>
            <input type="radio" name="format" checked={format === 'mbox'} onChange={() => setFormat('mbox')} data-testid="export-mbox" /> {t('exports.mbox')}
          </label>
        </fieldset>
        <label>
          <input type="checkbox" checked={subfolders} onChange={(e) => setSubfolders(e.target.checked)} /> {t('exports.subfolders')}
        </label>
        <label htmlFor={pathId}>{t('exports.path')}</label>
        <div className="import-path">
          <input id={pathId} className="input" autoFocus value={path} onChange={(e) => setPath(e.target.value)} data-testid="export-path" />
          {canBrowse ? (
            <button type="button" className="button" onClick={() => void browse()}>
              {t('imports.path.folder')}
            </button>
          ) : null}
        </div>
        {!canBrowse ? <p className="import-hint">{t('imports.path.typeIt')}</p> : null}
        {outcome ? (
          <p className={outcome.ok ? undefined : 'dialog-problem'} role="status" data-testid="export-outcome">
            {outcome.text}
          </p>
        ) : null}
      </form>
      <footer>
        <button type="button" className="button button-primary" aria-disabled={!path.trim() || busy} onClick={() => void run()} data-testid="export-start">
          {t(busy ? 'exports.busy' : 'exports.start')}
        </button>
        <button type="button" className="button" onClick={close} data-testid="export-close">
          {t('imports.close')}
        </button>
      </footer>
    </Modal>
  );
}
