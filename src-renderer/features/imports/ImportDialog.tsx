import { useId, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ImportReport } from '../../../src-shared/contract/index.js';
import { Modal } from '../../components/Modal.js';
import { useModal } from '../../components/use-modal.js';
import { useT } from '../../i18n/use-t.js';
import { pickFolderDialog } from '../../stores/dialog-store.js';
import { useFolders } from '../../stores/folders-store.js';
import { useImports } from '../../stores/imports-store.js';
import './imports.css';

export function ImportDialog() {
  const open = useImports((s) => s.open);
  return open ? <Wizard /> : null;
}

/**
 * Import in three steps on one dialog: what and where, then progress (cancel any time: what is stored stays, and
 * starting again resumes), then the reconciliation report per folder with each failure and its reason.
 */
function Wizard() {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const pathId = useId();
  const s = useImports(
    useShallow((x) => ({ path: x.path, targetFolderId: x.targetFolderId, canBrowse: x.canBrowse, jobId: x.jobId, progress: x.progress, report: x.report, problem: x.problem })),
  );
  const actions = useImports.getState();
  const target = useFolders((f) => f.folders.find((x) => x.id === s.targetFolderId) ?? null);
  useModal(ref);

  async function chooseTarget() {
    const id = await pickFolderDialog({ title: t('imports.target.choose'), confirmLabel: t('imports.target.pick'), exclude: null });
    if (id !== null) actions.setTarget(id);
  }

  let body;
  if (s.report) body = <Report report={s.report} />;
  else if (s.jobId !== null && s.progress) {
    const { done, total, folder, rate } = s.progress;
    body = (
      <div className="import-progress" data-testid="import-progress">
        <progress max={total ?? undefined} value={total === null ? undefined : done} aria-label={t('imports.progress.label')} />
        <p role="status">
          {t(total === null ? 'imports.progress.countOnly' : 'imports.progress.count', { done, total: total ?? 0 })}
          {rate > 0 ? ` — ${t('imports.progress.rate', { rate: Math.round(rate) })}` : ''}
        </p>
        {folder ? <p className="import-folder">{folder}</p> : null}
      </div>
    );
  } else {
    body = (
      <form
        className="import-form"
        onSubmit={(e) => {
          e.preventDefault();
          void actions.start();
        }}
      >
        <label htmlFor={pathId}>{t('imports.path.label')}</label>
        <div className="import-path">
          <input
            id={pathId}
            className="input"
            autoFocus
            value={s.path}
            placeholder={t('imports.path.placeholder')}
            onChange={(e) => actions.setPath(e.target.value)}
            data-testid="import-path"
          />
          {s.canBrowse ? (
            <>
              <button type="button" className="button" onClick={() => void actions.browse('file')} data-testid="import-browse-file">
                {t('imports.path.file')}
              </button>
              <button type="button" className="button" onClick={() => void actions.browse('folder')}>
                {t('imports.path.folder')}
              </button>
            </>
          ) : null}
        </div>
        {!s.canBrowse ? <p className="import-hint">{t('imports.path.typeIt')}</p> : null}
        <p className="import-hint">{t('imports.path.formats')}</p>
        <p className="import-target">
          {t('imports.target.label')} <strong data-testid="import-target">{target ? target.path : t('imports.target.new')}</strong>{' '}
          <button type="button" className="button" onClick={() => void chooseTarget()} data-testid="import-change-target">
            {t('imports.target.change')}
          </button>
        </p>
        {s.problem ? (
          <p className="dialog-problem" role="alert" data-testid="import-problem">
            {s.problem}
          </p>
        ) : null}
        <button type="submit" className="visually-hidden" tabIndex={-1} aria-hidden="true" />
      </form>
    );
  }

  const running = s.jobId !== null && !s.report;
  return (
    <Modal dialogRef={ref} className="small-dialog import-dialog" aria-labelledby={titleId} data-testid="import-dialog" onClose={actions.close}>
      <h2 id={titleId}>{t('imports.title')}</h2>
      {body}
      <footer>
        {running ? (
          <button type="button" className="button" onClick={() => void actions.cancel()} data-testid="import-cancel">
            {t('imports.cancel')}
          </button>
        ) : null}
        {s.jobId === null ? (
          <button type="button" className="button button-primary" aria-disabled={!s.path.trim()} onClick={() => void actions.start()} data-testid="import-start">
            {t('imports.start')}
          </button>
        ) : null}
        <button type="button" className="button" onClick={actions.close} data-testid="import-close">
          {t(running ? 'imports.hide' : 'imports.close')}
        </button>
      </footer>
    </Modal>
  );
}

function Report({ report: r }: { report: ImportReport }) {
  const t = useT();
  const select = useFolders((s) => s.select);
  const n = r.nonMail;
  const notMail = n ? n.contacts + n.appointments + n.tasks + n.notes + n.other : 0;
  return (
    <div className="import-report" data-testid="import-report" data-state={r.state}>
      <p role="status">{t(`imports.report.${r.state}`, { done: r.done, total: r.total ?? r.done })}</p>
      {r.error ? <p className="dialog-problem">{r.error}</p> : null}
      <table>
        <thead>
          <tr>
            <th scope="col">{t('imports.report.folder')}</th>
            <th scope="col">{t('imports.report.found')}</th>
            <th scope="col">{t('imports.report.imported')}</th>
            <th scope="col">{t('imports.report.duplicates')}</th>
            <th scope="col">{t('imports.report.variants')}</th>
            <th scope="col">{t('imports.report.failed')}</th>
          </tr>
        </thead>
        <tbody>
          {r.folders.map((f) => (
            <tr key={f.path} data-testid="import-report-row" data-path={f.path}>
              <th scope="row">
                {f.folderId !== null ? (
                  <button type="button" className="link-button" onClick={() => select(f.folderId!)}>
                    {f.path || t('imports.report.top')}
                  </button>
                ) : (
                  f.path || t('imports.report.top')
                )}
              </th>
              <td>{f.found}</td>
              <td>{f.imported}</td>
              <td>{f.duplicates}</td>
              <td>{f.variants}</td>
              <td>{f.failed}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {r.failures.length > 0 ? (
        <ul className="import-failures" data-testid="import-failures">
          {r.failures.slice(0, 200).map((f) => (
            <li key={f.position}>
              <code>{f.path ? `${f.path}/` : ''}{f.key}</code>: {f.reason}
              {f.messageId !== null ? ` ${t('imports.report.keptRaw')}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {n && notMail > 0 ? <p>{t('imports.report.notMail', { ...n })}</p> : null}
    </div>
  );
}
