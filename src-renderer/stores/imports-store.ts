import { create } from 'zustand';
import { ContractError, type ImportReport } from '../../src-shared/contract/index.js';
import { engine } from '../api/engine.js';
import { reportError } from './error-store.js';

export interface ImportProgress {
  done: number;
  total: number | null;
  folder: string;
  rate: number;
}

interface ImportsState {
  open: boolean;
  path: string;
  /** Where the source's folders go; null: a new folder of Local Folders named after the source. */
  targetFolderId: number | null;
  /** False once the engine said it has no file dialog (the browser version): the path is typed. */
  canBrowse: boolean;
  jobId: number | null;
  progress: ImportProgress | null;
  report: ImportReport | null;
  /** Why the import could not start, in the engine's words. */
  problem: string | null;
  openWizard(targetFolderId: number | null): void;
  setPath(path: string): void;
  setTarget(folderId: number | null): void;
  browse(kind: 'file' | 'folder'): Promise<void>;
  start(): Promise<void>;
  cancel(): Promise<void>;
  close(): void;
  onProgress(p: ImportProgress & { jobId: number; state: string }): void;
}

const fresh = { path: '', jobId: null, progress: null, report: null, problem: null };

export const useImports = create<ImportsState>((set, get) => ({
  open: false,
  targetFolderId: null,
  canBrowse: true,
  ...fresh,

  openWizard(targetFolderId) {
    set({ open: true, targetFolderId, ...fresh });
  },
  setPath(path) {
    set({ path, problem: null });
  },
  setTarget(targetFolderId) {
    set({ targetFolderId });
  },
  async browse(kind) {
    try {
      const { available, path } = await engine().client.api.imports.browse({ kind });
      if (!available) set({ canBrowse: false });
      else if (path) set({ path, problem: null });
    } catch (error) {
      reportError(error);
    }
  },
  async start() {
    const { path, targetFolderId } = get();
    if (!path.trim()) return;
    try {
      const { job } = await engine().client.api.imports.start({ path: path.trim(), targetFolderId });
      set({ jobId: job.id, progress: { done: job.done, total: job.total, folder: '', rate: 0 }, problem: null });
      // It may have ended before its first progress event reached us.
      if (job.state !== 'running') set({ report: await engine().client.api.imports.get({ id: job.id }) });
    } catch (error) {
      if (error instanceof ContractError) set({ problem: error.message });
      else reportError(error);
    }
  },
  async cancel() {
    const { jobId } = get();
    if (jobId !== null) await engine().client.api.imports.cancel({ id: jobId }).catch(reportError);
  },
  close() {
    // A running import goes on in the engine; the wizard only stops watching it.
    set({ open: false });
  },
  onProgress(p) {
    if (p.jobId !== get().jobId) return;
    set({ progress: { done: p.done, total: p.total, folder: p.folder, rate: p.rate } });
    if (p.state !== 'running') {
      void engine()
        .client.api.imports.get({ id: p.jobId })
        .then((report) => set({ report }))
        .catch(reportError);
    }
  },
}));
